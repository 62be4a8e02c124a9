#pragma once

#include "core/clinical/ItemCatalog.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace techo::ui {

// Over a CheckupTableModel: keeps only one item group's rows (or all), and sorts by the model's SortRole —
// the official order in the group and item columns, the judgement's severity in a checkup column. Rows that
// sort equal keep the official order whichever way the sort goes, so "most serious first" lists the 受診勧奨
// items of that checkup in the order of the result sheet. No sort (column -1) is the official order.
class CheckupGroupFilter final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit CheckupGroupFilter(QObject* parent = nullptr);

    // nullopt: every group.
    void setGroup(std::optional<clinical::ItemGroup> group);
    [[nodiscard]] std::optional<clinical::ItemGroup> group() const noexcept { return m_group; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    std::optional<clinical::ItemGroup> m_group;
};

} // namespace techo::ui
