#pragma once

#include <QAbstractTableModel>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace techo::ui {

// The records of an export by kind, for the export dialog's preview (exports::countRecords) and its report (what
// was written, ExportReport::counts): one row per kind — its name in the UI language and the number. Known kinds
// come in the order a person reads them (profiles, checkups, their results, dispensings, their medicine lines,
// vaccinations, self-recorded measurements, then the others, e.g. FHIR resources); kinds core adds later show under
// their key.
class ExportCountsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KindColumn = 0, CountColumn = 1, ColumnCount = 2 };

    explicit ExportCountsModel(QObject* parent = nullptr);

    void setCounts(const std::map<std::string, std::int64_t>& counts);
    void clear();
    // The number shown for `kind` (a core key such as "checkups"), -1 when there is no such row.
    [[nodiscard]] std::int64_t count(const std::string& kind) const;
    // The name of a kind in the UI language ("checkups" → "Checkups" / 健診).
    [[nodiscard]] static QString kindText(const std::string& kind);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<std::pair<std::string, std::int64_t>> m_rows;
};

} // namespace techo::ui
