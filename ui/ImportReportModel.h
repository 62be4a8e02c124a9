#pragma once

#include "core/import/ImportReport.h"

#include <QAbstractTableModel>

#include <array>

namespace techo::ui {

// An import's outcome as a table: rows checkups, medicines (dispensings), vaccinations and the total; columns
// added, updated, unchanged, rejected — the counts of core's ImportReport (top-level records), and under rejected
// the number of rejections of that kind (a refused result or medicine line counts under its record's kind, as
// core's overall count does).
class ImportReportModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ImportReportModel(QObject* parent = nullptr);

    void setReport(const import::ImportReport& report);
    void clear();

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    static constexpr int kRows = 4;
    std::array<domain::ImportCounts, kRows> m_counts {};
    bool m_hasReport = false;
};

} // namespace techo::ui
