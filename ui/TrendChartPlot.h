#pragma once

#include "core/clinical/TrendSeries.h"
#include "core/domain/Provider.h"
#include "ui/TrendBands.h"
#include "ui/TrendChartStyle.h"

#include <QChartView>
#include <QList>
#include <QRectF>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

class QDateTimeAxis;
class QGraphicsSimpleTextItem;
class QValueAxis;
class QScatterSeries;
class QXYSeries;

namespace techo::ui {

// One item's trend as a Qt Charts plot (TrendChartView stacks one per related item): a point per checkup day on
// a date axis, the item's judgement bands for the person's sex shaded behind them, and the thresholds as dashed
// lines. Series, by object name:
//   band-normal / band-guidance / band-referral   QAreaSeries, [lower, upper] = TrendBands::spans
//   threshold-guidance / threshold-referral       dashed QLineSeries at the threshold values
//   line                                          QLineSeries through the exactly known values, oldest first
//   points-<marker>                               QScatterSeries of exact values judged <marker> (TrendChartStyle)
//   bounds-<marker>                               QScatterSeries of bound values ("<5"), drawn at the bound with
//                                                 an open marker and an arrow, plus a text label "<5"
// Each band has a text label inside it ("△ 保健指導判定値 ≥5.6"); hovering a point shows its tooltip.
// Holds no vault handle: TrendChartView hands in core's series and the provider names.
class TrendChartPlot final : public QChartView {
    Q_OBJECT
public:
    explicit TrendChartPlot(QWidget* parent = nullptr);
    ~TrendChartPlot() override;

    // Draws `series` (a PQ item) with `dates` as the shared date axis; `providers` name the facilities.
    void setSeries(clinical::TrendSeries series, const TrendBands::DateAxis& dates,
        std::map<std::int64_t, domain::Provider> providers);
    // Removes every series and label and hides the axes (kept for the next item).
    void clearPlot();

    [[nodiscard]] const clinical::TrendSeries& series() const noexcept { return m_series; }
    // The tooltip of the series' point at `pointIndex` (an index into series().points): date, value and unit,
    // judgement, the checkup facility, and how the value came about (JDS converted, mean of two readings).
    [[nodiscard]] QString pointToolTip(std::size_t pointIndex) const;
    // The index into series().points of the `indexInSeries`-th point of a scatter series of this plot, or -1.
    [[nodiscard]] int pointIndexOf(const QXYSeries* scatter, int indexInSeries) const;
    // The width of the value axis' widest tick label, in pixels (what the axis needs beside the plot area).
    [[nodiscard]] double valueLabelWidth() const;
    // Extra room left of the value axis, so that stacked plots share one left edge (TrendChartView).
    void setLeftInset(double pixels);
    // Where the band labels are drawn (chart coordinates, as QChart::mapToPosition gives), the hidden ones left out.
    [[nodiscard]] QList<QRectF> bandLabelRects() const;
    // The text labels drawn on the chart (bands and bounds), as shown.
    [[nodiscard]] QStringList labelTexts() const;

    // The point the keyboard is on (an index into series().points), -1 before any key.
    [[nodiscard]] int currentPoint() const noexcept { return m_current; }

protected:
    // A palette change (light ↔ dark desktop) redraws the plot in the new colours.
    void changeEvent(QEvent* event) override;
    // ←/→ (and Home/End) step through the points and show each one's tooltip: the values reach keyboard users.
    void keyPressEvent(QKeyEvent* event) override;

private:
    void build();
    // Sets the date axis from m_dates' checkups with as many ticks as the plot's width holds full labels.
    void fitDateAxis();
    void placeLabels();
    void showToolTip(QXYSeries* scatter, const QPointF& point, bool state);

    struct Label {
        QGraphicsSimpleTextItem* item = nullptr;
        double x = 0; // chart value coordinates the label is anchored at
        double y = 0;
        double lower = 0; // for band labels: the band's value extent (the label hides when the band is too thin)
        double upper = 0;
        bool band = false;
    };

    // Made once and kept: recreating axes (their labels and grid lines) on every item was most of the cost of
    // showing one.
    QDateTimeAxis* m_xAxis = nullptr;
    QValueAxis* m_yAxis = nullptr;
    clinical::TrendSeries m_series;
    TrendBands::DateAxis m_dates;
    std::map<std::int64_t, domain::Provider> m_providers;
    std::map<const QXYSeries*, std::vector<std::size_t>> m_pointIndexes;
    std::vector<Label> m_labels;
    int m_current = -1;
};

} // namespace techo::ui
