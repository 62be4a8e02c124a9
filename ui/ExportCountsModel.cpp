#include "ui/ExportCountsModel.h"

#include <QLocale>

#include <algorithm>
#include <array>
#include <string_view>

namespace techo::ui {
namespace {

// The reading order of the kinds core names (ExportJobs.h, FhirExport.h); anything else follows by its key.
constexpr std::array<std::string_view, 16> kOrder = {"profiles", "checkups", "observations", "dispensings",
    "medication_lines", "vaccinations", "measurements", "institutions", "import_runs", "patients", "immunizations",
    "medication_dispenses", "organizations", "provenances", "dispensings_not_mapped", "medication_requests"};

std::size_t rank(const std::string& kind)
{
    const auto it = std::find(kOrder.begin(), kOrder.end(), kind);
    return static_cast<std::size_t>(it - kOrder.begin());
}

} // namespace

ExportCountsModel::ExportCountsModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ExportCountsModel::setCounts(const std::map<std::string, std::int64_t>& counts)
{
    beginResetModel();
    m_rows.assign(counts.begin(), counts.end());
    std::stable_sort(
        m_rows.begin(), m_rows.end(), [](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
    endResetModel();
}

void ExportCountsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

std::int64_t ExportCountsModel::count(const std::string& kind) const
{
    for (const auto& [k, n] : m_rows)
        if (k == kind)
            return n;
    return -1;
}

QString ExportCountsModel::kindText(const std::string& kind)
{
    if (kind == "profiles")
        return tr("Persons");
    if (kind == "checkups")
        return tr("Checkups");
    if (kind == "observations")
        return tr("Checkup results (items)");
    if (kind == "dispensings")
        return tr("Dispensings");
    if (kind == "medication_lines")
        return tr("Medicine lines");
    if (kind == "vaccinations")
        return tr("Vaccinations");
    if (kind == "measurements")
        return tr("Self-recorded measurements");
    if (kind == "institutions")
        return tr("Medical institutions and pharmacies");
    if (kind == "import_runs")
        return tr("Imports (provenance)");
    if (kind == "patients")
        return tr("FHIR Patient");
    if (kind == "immunizations")
        return tr("FHIR Immunization");
    if (kind == "medication_dispenses")
        return tr("FHIR MedicationDispense");
    if (kind == "medication_requests")
        return tr("FHIR MedicationRequest");
    if (kind == "organizations")
        return tr("FHIR Organization");
    if (kind == "provenances")
        return tr("FHIR Provenance");
    if (kind == "dispensings_not_mapped")
        return tr("Dispensings without a FHIR form");
    return QString::fromStdString(kind);
}

int ExportCountsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ExportCountsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExportCountsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& [kind, n] = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
        return index.column() == KindColumn ? kindText(kind) : QLocale().toString(static_cast<qlonglong>(n));
    if (role == Qt::TextAlignmentRole && index.column() == CountColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::UserRole && index.column() == CountColumn)
        return static_cast<qlonglong>(n);
    return {};
}

QVariant ExportCountsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == KindColumn ? tr("Kind of record") : tr("Number");
}

} // namespace techo::ui
