#pragma once

#include "core/clinical/TrendSeries.h"
#include "core/domain/Profile.h"
#include "core/domain/Provider.h"
#include "ui/CheckupText.h"

#include <QAbstractTableModel>
#include <QPalette>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace techo::ui {

// The 健診結果 year-by-item table: one row per logical item that has a value (core's
// HealthRecordQueries::checkupTable, already in the official 特定健診 order and grouped by clinical::ItemGroup),
// one column per checkup day, newest first, after two leading columns: the group (身体計測, 血圧 …) and the item
// (its official Japanese name, an English gloss in the English UI, and the unit). Each cell is the value as the
// person reads it ("5.8", "<5", "±") followed by core's judgement symbol (○ 基準範囲内, △ 保健指導判定値,
// ▲ 受診勧奨判定値, "?" when core could not judge it); the tooltip explains the judgement (the thresholds applied,
// for which sex, the source, a JDS→NGSP conversion or the mean of two blood-pressure readings).
// Every text is computed once in setTable(): painting never calls core or formats a value. Holds no vault handle.
class CheckupTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { GroupColumn, ItemColumn, FirstCheckupColumn };
    enum Role {
        // QString, every column: the row's logical item key ("hba1c"), for opening its trend.
        LogicalKeyRole = Qt::UserRole + 1,
        // int, every column: the row's clinical::ItemGroup.
        GroupRole,
        // int, checkup columns: the cell's clinical::Band; -1 when the cell is empty or not judged.
        BandRole,
        // int, every column: the row's position in the official order (0 = first).
        OrderRole,
        // int: what CheckupGroupFilter sorts by — the official order in the group and item columns, the severity
        // of the judgement in a checkup column (3 受診勧奨, 2 保健指導, 1 基準範囲内, 0 not judged, -1 empty).
        SortRole,
        // QString, item column: the official name and unit without the English gloss ("HbA1c（NGSP値） (%)"), the
        // part a view never cuts (a narrow item column elides only the gloss).
        NameWithUnitRole,
    };

    explicit CheckupTableModel(QObject* parent = nullptr);

    // Shows one person's table. `series` as checkupTable returns it (rows in that order); `sex` the profile's,
    // for saying which sex's thresholds applied; `providers` the checkup facilities by id (names for the
    // column headers and tooltips; a missing one is left unnamed). `palette` gives the band colours.
    void setTable(std::vector<clinical::TrendSeries> series, std::optional<domain::Sex> sex,
        std::map<std::int64_t, domain::Provider> providers, const QPalette& palette = {});
    // Forgets everything (the vault is locking).
    void clear();
    // Recomputes the band colours for another palette (light ↔ dark).
    void setPalette(const QPalette& palette);

    [[nodiscard]] int checkupCount() const noexcept { return int(m_days.size()); }
    // The day of the `i`th checkup column (0 = the newest), 0 <= i < checkupCount().
    [[nodiscard]] domain::Date checkupDate(int i) const { return m_days.at(std::size_t(i)).date; }
    // The groups that have at least one row, in the official order.
    [[nodiscard]] std::vector<clinical::ItemGroup> groups() const;
    // The row of a logical item, -1 when the table has none.
    [[nodiscard]] int rowOfKey(const QString& logicalKey) const;
    // The item's name as the table shows it (without the unit), "" for an unknown key.
    [[nodiscard]] QString itemName(const QString& logicalKey) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Cell {
        int point = -1; // index into the row's series points, -1 when the day has no value for the item
        QString display; // "5.8 △"
        QString accessible; // "5.8, 保健指導判定値"
        int band = -1;
        int severity = -1;
        bool unjudged = false; // core has a rule for the item but could not apply it to this value ("?")
    };
    struct Row {
        clinical::TrendSeries series;
        QString name; // official name (+ gloss in English)
        QString display; // name + unit (+ gloss in English)
        QString withUnit; // official name + unit
        bool sexSpecific = false; // the item's judgement values differ for men and women
        std::vector<Cell> cells; // one per checkup day, newest first
    };
    struct Day {
        domain::Date date {};
        QString header; // date, newline, facility (shortened)
        QString tooltip; // date and every facility in full
    };

    QString cellToolTip(const Row& row, const Cell& cell, const Day& day) const;
    QString facilityName(std::optional<std::int64_t> id) const;

    std::vector<Row> m_rows;
    std::vector<Day> m_days;
    std::optional<domain::Sex> m_sex;
    std::map<std::int64_t, domain::Provider> m_providers;
    BandColours m_colours;
};

} // namespace techo::ui
