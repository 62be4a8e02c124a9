#pragma once

#include "core/import/ImportJobs.h"

#include <QAbstractTableModel>

#include <cstdint>
#include <vector>

namespace techo::ui {

// Where an import is, per person (rows, in the order the API lists them: "Person 1" is the one who logged in)
// and per kind of record (columns: checkups TKK, medicines YZK, vaccinations PMH_VAC). During the network phase a
// cell says which part of how many has arrived; during the write phase how many records of that person and kind
// have been written. Fed with core's ImportProgress (never record content), on the GUI thread.
class ImportProgressModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ImportProgressModel(QObject* parent = nullptr);

    void clear();
    void apply(const import::ImportProgress& progress);

    // Parts announced so far, arrived, and written (for an overall progress bar).
    [[nodiscard]] int partsAnnounced() const;
    [[nodiscard]] int partsFetched() const;
    [[nodiscard]] int partsWritten() const;
    // Cells (person × kind) whose every part has arrived, of all cells.
    [[nodiscard]] int cellsReceived() const;
    [[nodiscard]] int cellCount() const;
    // Top-level records written so far (checkups, dispensings, vaccinations).
    [[nodiscard]] std::int64_t recordsWritten() const noexcept { return m_records; }

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Cell {
        int fetched = 0; // the last part that arrived
        int total = 0; // parts announced by the source
        int written = 0; // the last part written
        std::int64_t records = 0; // records written
    };
    [[nodiscard]] static int column(const std::string& infoKind);

    std::vector<std::vector<Cell>> m_cells; // [person][kind]
    std::int64_t m_records = 0;
};

} // namespace techo::ui
