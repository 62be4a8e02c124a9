#include "ui/ImportRejectionModel.h"

#include "ui/ErrorText.h"

namespace techo::ui {

ImportRejectionModel::ImportRejectionModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ImportRejectionModel::setRejections(const std::vector<domain::Rejection>& rejections)
{
    beginResetModel();
    m_rejections = rejections;
    endResetModel();
}

int ImportRejectionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rejections.size());
}

int ImportRejectionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 3;
}

QVariant ImportRejectionModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const domain::Rejection& r = m_rejections[static_cast<std::size_t>(index.row())];
    if (role == Qt::ToolTipRole && index.column() == 0 && r.recordKind == "observation" && !r.childKey.empty())
        return tr("%1 (item code %2)").arg(describeRejectedRecord(r), QString::fromStdString(r.childKey));
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case 0:
            return describeRejectedRecord(r);
        case 1: {
            QString why = describeRejectionReason(r.reasonKey, r.params);
            if (r.storedValueKept)
                why += QLatin1Char(' ') + tr("The value already in the vault was kept.");
            return why;
        }
        case 2:
            return QString::fromStdString(r.jsonPath);
        default:
            return {};
        }
    }
    return {};
}

QVariant ImportRejectionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case 0:
        return tr("What");
    case 1:
        return tr("Why");
    case 2:
        return tr("Where in the data");
    default:
        return {};
    }
}

} // namespace techo::ui
