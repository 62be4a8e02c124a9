#pragma once

#include "core/clinical/Judgement.h"
#include "core/domain/Dates.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <span>
#include <vector>

namespace techo::ui {

// The geometry of a trend chart, apart from any widget: where the judgement bands lie and what the axes
// show. Pure functions, so the chart and its tests share one rule.
class TrendBands final {
public:
    // One shaded band on the value axis: values in [lower, upper] (in the item's unit) fall in `band`.
    // The edges are the thresholds themselves (core's AppliedThreshold values) or the axis ends.
    struct Span {
        clinical::Band band = clinical::Band::Normal;
        double lower = 0;
        double upper = 0;
        bool operator==(const Span&) const = default;
    };

    // A value axis: [min, max] with `tickCount` evenly spaced ticks (every tick a round number).
    struct ValueAxis {
        double min = 0;
        double max = 1;
        int tickCount = 2;
        int decimals = 0; // digits after the point the tick labels need
    };

    // A date axis: ticks on (about) 1 January of every `stepYears`-th year, or on the first of every
    // `stepMonths`-th month for a short series; `format` is a QDateTime format for the tick labels.
    struct DateAxis {
        QDateTime min;
        QDateTime max;
        int tickCount = 2;
        QString format;
        domain::Date first {}; // the checkups it was made for (a plot refits the axis to its width)
        domain::Date last {};
    };

    // The value axis for `values` (the plotted numbers, bounds included) and the item's thresholds: it always
    // holds every threshold strictly inside (a band edge is never on or beyond the axis end, so no band is
    // hidden) and every value, with a margin, on round ticks; the bands beyond the lowest and the highest threshold
    // each get at least 15 % of the axis (room for their label) unless that would go below 0. A range that is all
    // non-negative never goes below 0. With no values and no thresholds: [0, 1].
    [[nodiscard]] static ValueAxis valueAxis(
        std::span<const double> values, const clinical::AppliedThresholds& thresholds);

    // The bands of `thresholds` over an axis from `axisMin` to `axisMax`, lowest first. High-is-bad items
    // (≥, > : TG ≥150/≥300) shade 基準範囲内 below the guidance value, 保健指導 between the two values and
    // 受診勧奨 above the referral value; low-is-bad items (<, ≤ : HDL <40, eGFR <60/<45) the mirror image, so
    // HDL's only abnormal band lies below 40 and nothing above 40 is shaded as abnormal. An item with only a
    // guidance value has two bands. No thresholds (身長, or a sex-specific item for a person whose sex is not
    // recorded): no bands. A band the axis cuts away entirely is left out.
    [[nodiscard]] static std::vector<Span> spans(
        const clinical::AppliedThresholds& thresholds, double axisMin, double axisMax);

    // The date axis for checkups from `first` to `last` (first <= last): whole years with a margin, at most
    // `maxIntervals` (≥ 1, else 1) steps between ticks (a plot passes what its width holds of full labels, so a label
    // is never elided to "20…"); a series within two years gets month ticks. The step grows (1, 2, 5, 10, 20 years;
    // 1, 2, 3, 6, 12 months) until the steps fit; the widest step is used when none does.
    [[nodiscard]] static DateAxis dateAxis(domain::Date first, domain::Date last, int maxIntervals = 8);

    // Where a checkup day is drawn on the date axis: noon, local time, in ms since the epoch (QDateTimeAxis).
    [[nodiscard]] static qint64 dayPosition(domain::Date day);
};

} // namespace techo::ui
