#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace techo::ui {

// The numbers of an export by key, for the export dialog's preview (exports::countRecords) and its report (what
// was written, ExportReport::counts): one row per key — its name in the UI language and the number. The same key
// means different things in different formats (FHIR's "observations" are Observation resources, the PDF's
// "vaccinations" the rows of its vaccination history), so the rows are named by what is counted (Counted): records
// (the preview of every format, the JSON and CSV reports), FHIR resources (the FHIR report), the PDF's sections (the
// PDF report). Known keys come in the order a person reads them; a key core adds later shows as "Other" (never as
// the raw key) after them. The keys are those docs/export-format.md lists per format.
class ExportCountsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KindColumn = 0, CountColumn = 1, ColumnCount = 2 };
    enum class Counted { Records, FhirResources, PdfSections };

    explicit ExportCountsModel(QObject* parent = nullptr);

    void setCounts(const std::map<std::string, std::int64_t>& counts, Counted what = Counted::Records);
    void clear();
    [[nodiscard]] Counted counted() const noexcept { return m_counted; }
    // The kind column's heading instead of the one of `counted()` (empty: that one), e.g. "Records (to be read)".
    void setKindHeader(const QString& header);
    // The number shown for `kind` (a core key such as "checkups"), -1 when there is no such row.
    [[nodiscard]] std::int64_t count(const std::string& kind) const;
    // The name of a key in the UI language ("checkups" → "Checkups" / 健診; FHIR "medication_dispenses" →
    // "MedicationDispense (medicine lines handed over)"); an unknown key gives otherText().
    [[nodiscard]] static QString kindText(const std::string& kind, Counted what = Counted::Records);
    // Whether kindText names `kind` itself (false: it falls back to otherText()).
    [[nodiscard]] static bool isKnown(const std::string& kind, Counted what = Counted::Records);
    [[nodiscard]] static QString otherText();

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<std::pair<std::string, std::int64_t>> m_rows;
    Counted m_counted = Counted::Records;
    QString m_kindHeader;
};

} // namespace techo::ui
