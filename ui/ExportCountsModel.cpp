#include "ui/ExportCountsModel.h"

#include <QLocale>

#include <algorithm>
#include <array>
#include <string_view>

namespace techo::ui {
namespace {

// The reading order of the keys core reports (docs/export-format.md), per vocabulary; anything else follows by its
// key.
constexpr auto kRecordOrder = std::to_array<std::string_view>({"profiles", "checkups", "observations", "dispensings",
    "medication_lines", "vaccinations", "measurements", "institutions", "import_runs"});
// The person, their records' resources, then what they refer to; the dispensings written as none last (not a resource).
constexpr auto kFhirOrder = std::to_array<std::string_view>({"patients", "observations", "immunizations",
    "medication_dispenses", "medication_requests", "organizations", "provenances", "dispensings_not_mapped"});
// The summary's sections as the PDF prints them.
constexpr auto kPdfOrder = std::to_array<std::string_view>({"checkup_days", "checkup_items", "trend_charts",
    "current_medicines", "dispensing_lines", "duplicates", "vaccinations"});

std::size_t rank(const std::string& kind, ExportCountsModel::Counted what)
{
    const auto find = [&](const auto& order) {
        return static_cast<std::size_t>(std::find(order.begin(), order.end(), kind) - order.begin());
    };
    switch (what) {
    case ExportCountsModel::Counted::FhirResources:
        return find(kFhirOrder);
    case ExportCountsModel::Counted::PdfSections:
        return find(kPdfOrder);
    case ExportCountsModel::Counted::Records:
        break;
    }
    return find(kRecordOrder);
}

} // namespace

ExportCountsModel::ExportCountsModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ExportCountsModel::setCounts(const std::map<std::string, std::int64_t>& counts, Counted what)
{
    beginResetModel();
    m_counted = what;
    m_rows.assign(counts.begin(), counts.end());
    std::stable_sort(m_rows.begin(), m_rows.end(),
        [what](const auto& a, const auto& b) { return rank(a.first, what) < rank(b.first, what); });
    endResetModel();
    emit headerDataChanged(Qt::Horizontal, KindColumn, KindColumn);
}

void ExportCountsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void ExportCountsModel::setKindHeader(const QString& header)
{
    m_kindHeader = header;
    emit headerDataChanged(Qt::Horizontal, KindColumn, KindColumn);
}

std::int64_t ExportCountsModel::count(const std::string& kind) const
{
    for (const auto& [k, n] : m_rows)
        if (k == kind)
            return n;
    return -1;
}

QString ExportCountsModel::otherText()
{
    return tr("Other");
}

bool ExportCountsModel::isKnown(const std::string& kind, Counted what)
{
    return kindText(kind, what) != otherText();
}

QString ExportCountsModel::kindText(const std::string& kind, Counted what)
{
    if (what == Counted::FhirResources) {
        // The resource's own FHIR name (what a receiving system lists), with what it holds.
        if (kind == "patients")
            return tr("Patient (the person)");
        if (kind == "observations")
            return tr("Observation (checkup results)");
        if (kind == "immunizations")
            return tr("Immunization (vaccinations)");
        if (kind == "medication_dispenses")
            return tr("MedicationDispense (medicines dispensed, one per line)");
        if (kind == "medication_requests")
            return tr("MedicationRequest (e-prescriptions, one per line)");
        if (kind == "organizations")
            return tr("Organization (institutions, pharmacies, sources)");
        if (kind == "provenances")
            return tr("Provenance (where the records came from)");
        if (kind == "dispensings_not_mapped")
            return tr("Dispensings written as no resource");
        return otherText();
    }
    if (what == Counted::PdfSections) {
        if (kind == "checkup_days")
            return tr("Checkups side by side");
        if (kind == "checkup_items")
            return tr("Checkup items (rows)");
        if (kind == "trend_charts")
            return tr("Trend charts");
        if (kind == "current_medicines")
            return tr("Current medicines");
        if (kind == "dispensing_lines")
            return tr("Recent dispensings (medicine lines)");
        if (kind == "duplicates")
            return tr("Possible duplicate medicines");
        if (kind == "vaccinations")
            return tr("Vaccination history (rows)");
        return otherText();
    }
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
    return otherText();
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
        return index.column() == KindColumn ? kindText(kind, m_counted) : QLocale().toString(static_cast<qlonglong>(n));
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
    if (section == CountColumn)
        return tr("Number");
    if (!m_kindHeader.isEmpty())
        return m_kindHeader;
    switch (m_counted) {
    case Counted::FhirResources:
        return tr("FHIR resource");
    case Counted::PdfSections:
        return tr("In the summary");
    case Counted::Records:
        break;
    }
    return tr("Kind of record");
}

} // namespace techo::ui
