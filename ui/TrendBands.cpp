#include "ui/TrendBands.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace techo::ui {
namespace {

bool lowIsBad(clinical::Direction direction)
{
    return direction == clinical::Direction::Below || direction == clinical::Direction::AtMost;
}

// The smallest "round" step (1, 2, 2.5 or 5 × 10^k) of at least `raw`, and the decimals its ticks need.
std::pair<double, int> niceStep(double raw)
{
    const double exponent = std::floor(std::log10(raw));
    const double scale = std::pow(10.0, exponent);
    constexpr std::array<double, 5> kMantissas = {1, 2, 2.5, 5, 10};
    double mantissa = 10;
    for (const double m : kMantissas) {
        if (m * scale >= raw * (1 - 1e-9)) {
            mantissa = m;
            break;
        }
    }
    const double step = mantissa * scale;
    int decimals = 0;
    while (decimals < 6) {
        const double scaled = step * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) < 1e-6)
            break;
        ++decimals;
    }
    return {step, decimals};
}

QDate qDate(domain::Date day)
{
    return QDate(int(day.year()), int(unsigned(day.month())), int(unsigned(day.day())));
}

// Ticks of a QDateTimeAxis are evenly spaced in milliseconds while months and years differ in length, so a
// tick can land a day or two off the 1st. Starting the axis on the 3rd keeps every tick inside the month (or
// year) its label names.
constexpr int kTickDay = 3;

} // namespace

TrendBands::ValueAxis TrendBands::valueAxis(
    std::span<const double> values, const clinical::AppliedThresholds& thresholds)
{
    std::vector<double> all(values.begin(), values.end());
    if (thresholds.guidance)
        all.push_back(thresholds.guidance->value);
    if (thresholds.referral)
        all.push_back(thresholds.referral->value);
    if (all.empty())
        return {};
    const auto [lowIt, highIt] = std::minmax_element(all.begin(), all.end());
    const double low = *lowIt;
    const double high = *highIt;
    double extent = high - low;
    if (extent <= 0)
        extent = std::max(std::abs(low) * 0.2, 1.0);
    // A margin on both sides: a threshold or a value is never on the axis end.
    double from = low - extent * 0.12;
    double to = high + extent * 0.12;
    // Room for the outermost bands (below the lowest threshold, above the highest): each takes at least 15 % of the
    // axis, enough for its label. Values just above eGFR's 45 once gave an axis from 40, and the 受診勧奨 band
    // (<45) was a sliver too thin for its name, in the app and in the PDF.
    if (thresholds.guidance || thresholds.referral) {
        constexpr double kOuterBand = 0.15;
        const double total = to - from;
        const auto [tLow, tHigh]
            = std::minmax(thresholds.guidance ? thresholds.guidance->value : thresholds.referral->value,
                thresholds.referral ? thresholds.referral->value : thresholds.guidance->value);
        from = std::min(from, tLow - kOuterBand * total);
        to = std::max(to, tHigh + kOuterBand * total);
    }
    if (low >= 0 && from < 0)
        from = 0;
    ValueAxis axis;
    for (int wanted = 5;; ++wanted) {
        const auto [step, decimals] = niceStep((to - from) / wanted);
        axis.min = std::floor(from / step) * step;
        axis.max = std::ceil(to / step) * step;
        axis.tickCount = int(std::lround((axis.max - axis.min) / step)) + 1;
        axis.decimals = decimals;
        if (axis.tickCount >= 4 || wanted >= 8)
            break;
    }
    if (axis.min < 0 && low >= 0)
        axis.min = 0;
    return axis;
}

std::vector<TrendBands::Span> TrendBands::spans(
    const clinical::AppliedThresholds& thresholds, double axisMin, double axisMax)
{
    const auto& g = thresholds.guidance;
    const auto& r = thresholds.referral;
    if (!g && !r)
        return {};
    const bool low = lowIsBad(g ? g->direction : r->direction);
    std::vector<Span> out;
    if (!low) {
        // 基準範囲内 · 保健指導 · 受診勧奨, from the bottom up.
        const double firstEdge = g ? g->value : r->value;
        out.push_back({clinical::Band::Normal, axisMin, firstEdge});
        if (g)
            out.push_back({clinical::Band::Guidance, g->value, r ? r->value : axisMax});
        if (r)
            out.push_back({clinical::Band::Referral, r->value, axisMax});
    } else {
        // 受診勧奨 · 保健指導 · 基準範囲内, from the bottom up.
        if (r)
            out.push_back({clinical::Band::Referral, axisMin, r->value});
        if (g)
            out.push_back({clinical::Band::Guidance, r ? r->value : axisMin, g->value});
        out.push_back({clinical::Band::Normal, g ? g->value : r->value, axisMax});
    }
    std::vector<Span> clipped;
    for (Span s : out) {
        s.lower = std::max(s.lower, axisMin);
        s.upper = std::min(s.upper, axisMax);
        if (s.lower < s.upper)
            clipped.push_back(s);
    }
    return clipped;
}

TrendBands::DateAxis TrendBands::dateAxis(domain::Date first, domain::Date last, int maxIntervals)
{
    maxIntervals = std::max(1, maxIntervals);
    const QDate from = qDate(first);
    const QDate to = qDate(last);
    DateAxis axis;
    axis.first = first;
    axis.last = last;
    if (from.daysTo(to) < 2 * 365) {
        // Months: one month of margin before the first and after the last checkup.
        const int firstIndex = from.year() * 12 + from.month() - 1 - 1;
        const int lastIndex = to.year() * 12 + to.month() - 1 + 2;
        int step = 1;
        for (const int candidate : {1, 2, 3, 6, 12}) {
            step = candidate;
            const int a = int(std::floor(double(firstIndex) / candidate)) * candidate;
            const int b = int(std::ceil(double(lastIndex) / candidate)) * candidate;
            if ((b - a) / candidate <= maxIntervals)
                break;
        }
        const int a = int(std::floor(double(firstIndex) / step)) * step;
        const int b = int(std::ceil(double(lastIndex) / step)) * step;
        axis.min = QDateTime(QDate(a / 12, a % 12 + 1, kTickDay), QTime(0, 0));
        axis.max = QDateTime(QDate(b / 12, b % 12 + 1, kTickDay), QTime(0, 0));
        axis.tickCount = (b - a) / step + 1;
        axis.format = step == 12 ? QStringLiteral("yyyy") : QStringLiteral("yyyy/MM");
        return axis;
    }
    // Years: a checkup in January or February starts a year earlier, one in November or December ends a year
    // later, so no point sits on the axis end.
    const int firstYear = from.year() - (from.month() <= 2 ? 1 : 0);
    const int lastYear = to.year() + (to.month() >= 11 ? 2 : 1);
    int step = 1;
    for (const int candidate : {1, 2, 5, 10, 20}) {
        step = candidate;
        const int a = int(std::floor(double(firstYear) / candidate)) * candidate;
        const int b = int(std::ceil(double(lastYear) / candidate)) * candidate;
        if ((b - a) / candidate <= maxIntervals)
            break;
    }
    const int a = int(std::floor(double(firstYear) / step)) * step;
    const int b = int(std::ceil(double(lastYear) / step)) * step;
    axis.min = QDateTime(QDate(a, 1, kTickDay), QTime(0, 0));
    axis.max = QDateTime(QDate(b, 1, kTickDay), QTime(0, 0));
    axis.tickCount = (b - a) / step + 1;
    axis.format = QStringLiteral("yyyy");
    return axis;
}

qint64 TrendBands::dayPosition(domain::Date day)
{
    return QDateTime(qDate(day), QTime(12, 0)).toMSecsSinceEpoch();
}

} // namespace techo::ui
