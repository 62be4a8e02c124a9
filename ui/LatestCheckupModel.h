#pragma once

#include "core/clinical/TrendSeries.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace techo::ui {

// The rows of the dashboard's "latest checkup" table: one heading row per item group (身体計測, 血圧 …) and
// one row per item measured on the latest checkup day, in the official order core gives
// (clinical::summarizeLatestCheckup). Questionnaire answers (問診) are left out: they are not results.
// Columns: item name (from core, in the UI language), value with comparator and unit ("<5 U/L"), judgement (text and
// symbol, colour only as a secondary cue), change since the previous checkup day. Holds no vault handle:
// the panel hands in core's summary, clear() forgets it (locking).
class LatestCheckupModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ItemColumn, ValueColumn, JudgementColumn, ChangeColumn, ColumnCount };
    enum Role {
        // int: the clinical::Band of an item row's judgement, -1 when not judged or a heading row.
        BandRole = Qt::UserRole + 1,
        // bool: the row is a group heading (its text is in ItemColumn; the view spans it).
        GroupHeadingRole,
    };

    explicit LatestCheckupModel(QObject* parent = nullptr);

    // Shows `summary` (nullopt: the profile has no checkup yet; the model is then empty).
    void setSummary(std::optional<clinical::CheckupSummary> summary);
    void clear();
    [[nodiscard]] const std::optional<clinical::CheckupSummary>& summary() const noexcept { return m_summary; }

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The text and symbol of a band ("○ 基準範囲内" in Japanese): never colour alone.
    [[nodiscard]] static QString bandText(clinical::Band band);
    // A group heading in the UI language: core's Japanese name (身体計測 …) in Japanese, else English.
    [[nodiscard]] static QString groupText(clinical::ItemGroup group);
    // An item's name in the UI language: the official short Japanese name (HbA1c（NGSP値）) in Japanese, else
    // core's English name (HbA1c (NGSP)).
    [[nodiscard]] static QString itemName(const clinical::LogicalItem& item);

private:
    struct Row {
        std::optional<clinical::ItemGroup> heading; // set for a group heading row
        const clinical::ItemChange* change = nullptr; // set for an item row
    };

    QVariant itemData(const clinical::ItemChange& change, int column, int role) const;

    std::optional<clinical::CheckupSummary> m_summary;
    std::vector<Row> m_rows;
};

} // namespace techo::ui
