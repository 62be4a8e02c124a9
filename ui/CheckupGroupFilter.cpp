#include "ui/CheckupGroupFilter.h"

#include "ui/CheckupTableModel.h"

namespace techo::ui {

CheckupGroupFilter::CheckupGroupFilter(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(CheckupTableModel::SortRole);
}

void CheckupGroupFilter::setGroup(std::optional<clinical::ItemGroup> group)
{
    if (group == m_group)
        return;
    // Qt 6.4 has no beginFilterChange(); invalidateRowsFilter() re-runs filterAcceptsRow for every row.
    m_group = group;
    invalidateRowsFilter();
}

bool CheckupGroupFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_group)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(CheckupTableModel::GroupRole).toInt() == int(*m_group);
}

bool CheckupGroupFilter::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const int l = left.data(CheckupTableModel::SortRole).toInt();
    const int r = right.data(CheckupTableModel::SortRole).toInt();
    if (l != r)
        return l < r;
    // Ties in the official order in both directions (a descending sort reverses lessThan, so reverse it here).
    const int lo = left.data(CheckupTableModel::OrderRole).toInt();
    const int ro = right.data(CheckupTableModel::OrderRole).toInt();
    return sortOrder() == Qt::DescendingOrder ? lo > ro : lo < ro;
}

} // namespace techo::ui
