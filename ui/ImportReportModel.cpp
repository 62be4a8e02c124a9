#include "ui/ImportReportModel.h"

#include <QFont>
#include <QLocale>

namespace techo::ui {
namespace {

constexpr const char* kKinds[] = {"checkups", "dispensings", "vaccinations"};

std::int64_t countIn(const domain::ImportCounts& counts, int column)
{
    switch (column) {
    case 0:
        return counts.added;
    case 1:
        return counts.updated;
    case 2:
        return counts.unchanged;
    default:
        return counts.rejected;
    }
}

} // namespace

ImportReportModel::ImportReportModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ImportReportModel::setReport(const import::ImportReport& report)
{
    beginResetModel();
    for (int i = 0; i < 3; ++i) {
        const auto found = report.byKind.find(kKinds[i]);
        m_counts[static_cast<std::size_t>(i)] = found == report.byKind.end() ? domain::ImportCounts {} : found->second;
    }
    m_counts[3] = report.counts;
    // Rejected, per kind: from the rejections themselves (core counts them overall only), a rejected result or
    // medicine line under the kind of its record; so the rows add up to the total the person sees.
    for (auto& counts : m_counts)
        counts.rejected = 0;
    for (const domain::Rejection& r : report.rejections) {
        const std::size_t row = r.recordKind == "dispensing" || r.recordKind == "medication_line" ? 1
            : r.recordKind == "vaccination"                                                       ? 2
                                                                                                  : 0;
        ++m_counts[row].rejected;
        ++m_counts[3].rejected;
    }
    m_hasReport = true;
    endResetModel();
}

void ImportReportModel::clear()
{
    beginResetModel();
    m_counts = {};
    m_hasReport = false;
    endResetModel();
}

int ImportReportModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_hasReport ? 0 : kRows;
}

int ImportReportModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 4;
}

QVariant ImportReportModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const std::int64_t n = countIn(m_counts[static_cast<std::size_t>(index.row())], index.column());
    if (role == Qt::DisplayRole)
        return QLocale().toString(static_cast<qlonglong>(n));
    if (role == Qt::UserRole)
        return static_cast<qlonglong>(n);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && index.row() == kRows - 1) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    return {};
}

QVariant ImportReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0)
        return {};
    if (orientation == Qt::Horizontal) {
        switch (section) {
        case 0:
            return tr("Added");
        case 1:
            return tr("Updated");
        case 2:
            return tr("Unchanged");
        case 3:
            return tr("Rejected");
        default:
            return {};
        }
    }
    switch (section) {
    case 0:
        return tr("Checkups");
    case 1:
        return tr("Medicines");
    case 2:
        return tr("Vaccinations");
    case 3:
        return tr("Total");
    default:
        return {};
    }
}

} // namespace techo::ui
