#pragma once

#include "core/clinical/ItemCatalog.h"
#include "core/clinical/Judgement.h"
#include "core/domain/Checkup.h"
#include "core/domain/Profile.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace techo::clinical {

// How a point's value came about.
enum class PointOrigin {
    AsMeasured, // one observation, as stored
    ConvertedFromJds, // HbA1c JDS値 converted to NGSP (valueAsSent keeps the JDS number)
    MeanOfReadings, // 血圧: the mean of the 1st and 2nd readings of the day
};

// One value of a logical item on one checkup day, judged.
struct TrendPoint {
    domain::Date date {};
    std::int64_t checkupId = 0;
    std::optional<std::int64_t> facilityId; // the checkup facility (a Provider), for the tooltip
    std::vector<std::int64_t> observationIds; // what the value was made from (two for a mean of readings)
    std::string itemCode; // the variant's code (the 1st reading's for a mean)
    domain::ValueType valueType = domain::ValueType::PQ;
    std::optional<double> value; // PQ: in the series' unit (converted / averaged as origin says)
    std::optional<domain::Comparator> comparator; // PQ: the value is a bound ("<5")
    std::optional<double> valueAsSent; // PQ: the stored number when origin is ConvertedFromJds
    std::optional<std::string> code; // CD/CO: the value code
    std::optional<std::string> label; // CD/CO: its label (stored label, or −/±/+ … for 尿糖・尿蛋白)
    std::optional<std::string> text; // ST
    PointOrigin origin = PointOrigin::AsMeasured;
    Judgement judgement;

    bool operator==(const TrendPoint&) const = default;
};

// An observation of the item a series could not use.
struct ExcludedObservation {
    enum class Reason { UnitMismatch, NoValue };
    std::int64_t observationId = 0;
    domain::Date date {};
    Reason reason = Reason::NoValue;

    bool operator==(const ExcludedObservation&) const = default;
};

// One logical item over time: at most one point per checkup day, oldest first, in itemUnit(*item).
struct TrendSeries {
    const LogicalItem* item = nullptr;
    AppliedThresholds thresholds; // the item's judgement values for the person's sex: the chart's bands
    std::vector<TrendPoint> points;
    // Observations of the item no point uses because they cannot be drawn in the canonical unit or carry no
    // value (the app says "n values not shown"); a day falls back to another variant when it has one.
    std::vector<ExcludedObservation> excluded;
};

// Builds the series of one logical item from checkups (any order; observations of other items are ignored).
// Per checkup day: when several checkups of the day have the item, the 特定健診 (kind "10") one is used, then
// the lowest id; within it the item's DayMerge rule picks the value — 血圧 the mean of the 1st and 2nd readings
// when both exist, else その他, 1回目, 2回目 in that order; other items the first variant in catalog order
// (NGSP HbA1c before JDS, 腹囲 実測 before 自己測定/自己申告). JDS HbA1c is converted (convertJdsToNgsp).
// A PQ value is used when its unit is the canonical unit or an accepted spelling of it (isAcceptedUnit).
// Each point is judged with ruleFor(item) for `sex` (judgeQuantity / judgeCode).
[[nodiscard]] TrendSeries buildSeries(
    std::span<const domain::Checkup> checkups, const LogicalItem& item, std::optional<domain::Sex> sex);

// Every logical item that has at least one point, in the official order (logicalItems()). The rows of the
// year-by-item table; a column is a checkup day.
[[nodiscard]] std::vector<TrendSeries> buildAllSeries(
    std::span<const domain::Checkup> checkups, std::optional<domain::Sex> sex);

// The latest checkup day's value of one item and the change since the previous checkup day.
struct ItemChange {
    const LogicalItem* item = nullptr;
    TrendPoint latest;
    std::optional<TrendPoint> previous; // the item on the previous checkup day, if it was measured then
    // latest.value − previous.value, in the series' unit; only when both are numbers without a comparator.
    std::optional<double> delta;
};

struct CheckupSummary {
    domain::Date date {}; // the latest checkup day
    std::optional<domain::Date> previousDate; // the checkup day before it
    std::vector<ItemChange> items; // every item measured on `date`, in the official order
};

// The dashboard's checkup panel: the latest checkup day of `checkups` with each item judged, and the change
// since the previous checkup day (the day immediately before, not the last day the item was measured).
// nullopt when there is no checkup.
[[nodiscard]] std::optional<CheckupSummary> summarizeLatestCheckup(
    std::span<const domain::Checkup> checkups, std::optional<domain::Sex> sex);

} // namespace techo::clinical
