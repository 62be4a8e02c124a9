#include "ui/ImportProgressModel.h"

#include <QLocale>

namespace techo::ui {
namespace {

constexpr int kKinds = 3;
constexpr const char* kKindCodes[kKinds] = {"TKK", "YZK", "PMH_VAC"};

} // namespace

ImportProgressModel::ImportProgressModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ImportProgressModel::clear()
{
    beginResetModel();
    m_cells.clear();
    m_records = 0;
    endResetModel();
}

int ImportProgressModel::column(const std::string& infoKind)
{
    for (int i = 0; i < kKinds; ++i)
        if (infoKind == kKindCodes[i])
            return i;
    return -1;
}

void ImportProgressModel::apply(const import::ImportProgress& progress)
{
    if (progress.stage != import::ImportStage::Fetch && progress.stage != import::ImportStage::Write)
        return;
    const int row = progress.personIndex - 1;
    const int col = column(progress.infoKind);
    if (row < 0 || col < 0)
        return;
    const int persons = std::max(progress.personCount, row + 1);
    if (persons > rowCount()) {
        beginInsertRows({}, rowCount(), persons - 1);
        m_cells.resize(static_cast<std::size_t>(persons), std::vector<Cell>(kKinds));
        endInsertRows();
    }
    Cell& cell = m_cells[static_cast<std::size_t>(row)][static_cast<std::size_t>(col)];
    if (progress.stage == import::ImportStage::Fetch) {
        cell.fetched = progress.part;
        cell.total = progress.totalParts;
    } else {
        // recordsSoFar counts the whole import; this part added the difference.
        cell.records += std::max<std::int64_t>(0, progress.recordsSoFar - m_records);
        m_records = std::max(m_records, progress.recordsSoFar);
        cell.written = progress.part;
        cell.total = std::max(cell.total, progress.totalParts);
        cell.fetched = std::max(cell.fetched, cell.total);
    }
    emit dataChanged(index(row, col), index(row, col));
}

int ImportProgressModel::partsAnnounced() const
{
    int sum = 0;
    for (const auto& person : m_cells)
        for (const Cell& c : person)
            sum += c.total;
    return sum;
}

int ImportProgressModel::partsFetched() const
{
    int sum = 0;
    for (const auto& person : m_cells)
        for (const Cell& c : person)
            sum += c.fetched;
    return sum;
}

int ImportProgressModel::partsWritten() const
{
    int sum = 0;
    for (const auto& person : m_cells)
        for (const Cell& c : person)
            sum += c.written;
    return sum;
}

int ImportProgressModel::cellsReceived() const
{
    int sum = 0;
    for (const auto& person : m_cells)
        for (const Cell& c : person)
            sum += c.total > 0 && c.fetched >= c.total ? 1 : 0;
    return sum;
}

int ImportProgressModel::cellCount() const
{
    return rowCount() * columnCount();
}

int ImportProgressModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_cells.size());
}

int ImportProgressModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kKinds;
}

QVariant ImportProgressModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Cell& c = m_cells[static_cast<std::size_t>(index.row())][static_cast<std::size_t>(index.column())];
    if (role == Qt::DisplayRole) {
        if (c.written > 0)
            return tr("%1 written").arg(QLocale().toString(static_cast<qlonglong>(c.records)));
        if (c.total > 0 && c.fetched >= c.total)
            return tr("received");
        if (c.total > 0)
            return tr("part %1 of %2").arg(c.fetched).arg(c.total);
        return tr("waiting");
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignCenter);
    return {};
}

QVariant ImportProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0)
        return {};
    if (orientation == Qt::Vertical)
        return section < rowCount() ? tr("Person %1").arg(section + 1) : QVariant();
    switch (section) {
    case 0:
        return tr("Checkups");
    case 1:
        return tr("Medicines");
    case 2:
        return tr("Vaccinations");
    default:
        return {};
    }
}

} // namespace techo::ui
