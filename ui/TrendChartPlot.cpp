#include "ui/TrendChartPlot.h"

#include "ui/CheckupText.h"
#include "ui/DateText.h"

#include <QAreaSeries>
#include <QCursor>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QLegend>
#include <QLineF>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace techo::ui {
namespace {

constexpr int kBaseMargin = 4;

// True when the segment `s` runs through (or ends inside) `box`.
bool segmentCrosses(const QLineF& s, const QRectF& box)
{
    if (box.contains(s.p1()) || box.contains(s.p2()))
        return true;
    const QLineF edges[] = {{box.topLeft(), box.topRight()}, {box.topRight(), box.bottomRight()},
        {box.bottomRight(), box.bottomLeft()}, {box.bottomLeft(), box.topLeft()}};
    return std::any_of(std::begin(edges), std::end(edges),
        [&](const QLineF& edge) { return s.intersects(edge) == QLineF::BoundedIntersection; });
}

QString bandKey(clinical::Band band)
{
    return TrendChartStyle::markerKey(TrendChartStyle::markerFor(clinical::Judgement {band, {}, {}, {}, {}}));
}

} // namespace

TrendChartPlot::TrendChartPlot(QWidget* parent)
    : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(180);
    chart()->legend()->hide();
    chart()->setBackgroundRoundness(0);
    chart()->setMargins(QMargins(kBaseMargin, 6, 8, 2));
    chart()->layout()->setContentsMargins(0, 0, 0, 0);
    connect(chart(), &QChart::plotAreaChanged, this, [this] {
        fitDateAxis();
        placeLabels();
    });
    m_xAxis = new QDateTimeAxis;
    m_yAxis = new QValueAxis;
    chart()->addAxis(m_xAxis, Qt::AlignBottom);
    chart()->addAxis(m_yAxis, Qt::AlignLeft);
    m_xAxis->hide();
    m_yAxis->hide();
}

TrendChartPlot::~TrendChartPlot() = default;

void TrendChartPlot::setSeries(
    clinical::TrendSeries series, const TrendBands::DateAxis& dates, std::map<std::int64_t, domain::Provider> providers)
{
    clearPlot();
    m_series = std::move(series);
    m_dates = dates;
    m_providers = std::move(providers);
    if (m_series.item)
        build();
}

void TrendChartPlot::clearPlot()
{
    QChart* c = chart();
    for (Label& label : m_labels)
        delete label.item;
    m_labels.clear();
    m_pointIndexes.clear();
    c->removeAllSeries();
    m_xAxis->hide();
    m_yAxis->hide();
    c->setTitle({});
    m_series = {};
    m_providers.clear();
    m_current = -1;
    setAccessibleName({});
    setAccessibleDescription({});
}

void TrendChartPlot::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_series.item) {
        clinical::TrendSeries series = m_series;
        auto providers = m_providers;
        setSeries(std::move(series), m_dates, std::move(providers));
    }
}

void TrendChartPlot::keyPressEvent(QKeyEvent* event)
{
    const int count = int(m_series.points.size());
    int next = m_current;
    switch (event->key()) {
    case Qt::Key_Right:
        next = m_current < 0 ? 0 : std::min(m_current + 1, count - 1);
        break;
    case Qt::Key_Left:
        next = m_current < 0 ? count - 1 : std::max(m_current - 1, 0);
        break;
    case Qt::Key_Home:
        next = 0;
        break;
    case Qt::Key_End:
        next = count - 1;
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    if (count == 0 || next < 0)
        return;
    m_current = next;
    const auto& point = m_series.points[std::size_t(m_current)];
    QPoint at = rect().center();
    if (point.value && !chart()->series().isEmpty()) {
        const QPointF scene = chart()->mapToScene(chart()->mapToPosition(
            QPointF(double(TrendBands::dayPosition(point.date)), *point.value), chart()->series().constFirst()));
        at = mapFromScene(scene);
    }
    QToolTip::showText(mapToGlobal(at), pointToolTip(std::size_t(m_current)), this);
    event->accept();
}

void TrendChartPlot::build()
{
    QChart* c = chart();
    const QPalette pal = palette();
    const clinical::LogicalItem& item = *m_series.item;
    const std::string_view unit = clinical::itemUnit(item);
    const QString name = TrendChartStyle::itemName(item);

    // Follow the desktop's palette (light or dark) rather than a Qt Charts theme.
    c->setBackgroundBrush(pal.brush(QPalette::Base));
    c->setBackgroundPen(Qt::NoPen);
    c->setTitleBrush(pal.brush(QPalette::Text));
    QFont titleFont = font();
    titleFont.setBold(true);
    c->setTitleFont(titleFont);
    c->setTitle(name);

    std::vector<double> values;
    values.reserve(m_series.points.size());
    for (const auto& point : m_series.points)
        if (point.value)
            values.push_back(*point.value);
    const TrendBands::ValueAxis range = TrendBands::valueAxis(values, m_series.thresholds);

    QColor gridColour = pal.color(QPalette::Text);
    gridColour.setAlpha(40);
    QDateTimeAxis* xAxis = m_xAxis;
    fitDateAxis();
    QValueAxis* yAxis = m_yAxis;
    yAxis->setRange(range.min, range.max);
    yAxis->setTickCount(range.tickCount);
    yAxis->setLabelFormat(QStringLiteral("%.") + QString::number(range.decimals) + QStringLiteral("f"));
    for (QAbstractAxis* axis : {static_cast<QAbstractAxis*>(xAxis), static_cast<QAbstractAxis*>(yAxis)}) {
        axis->setLabelsBrush(pal.brush(QPalette::Text));
        axis->setGridLineColor(gridColour);
        axis->setLinePenColor(gridColour);
    }
    yAxis->setTitleText(QString());
    if (!unit.empty()) {
        QFont unitFont = font();
        unitFont.setPointSizeF(unitFont.pointSizeF() * 0.85);
        yAxis->setTitleText(CheckupText::unitText(unit));
        yAxis->setTitleFont(unitFont);
        yAxis->setTitleBrush(pal.brush(QPalette::Text));
    }
    xAxis->show();
    yAxis->show();
    // Bands and threshold lines reach well past the axis, which fitDateAxis widens on a narrow plot.
    const double xMin = double(m_dates.min.addYears(-50).toMSecsSinceEpoch());
    const double xMax = double(m_dates.max.addYears(50).toMSecsSinceEpoch());
    auto attach = [&](QAbstractSeries* series) {
        c->addSeries(series);
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
    };

    QFont labelFont = font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 0.9);

    // Bands first: everything else is drawn over them.
    for (const TrendBands::Span& span : TrendBands::spans(m_series.thresholds, range.min, range.max)) {
        auto* area = new QAreaSeries;
        auto* upper = new QLineSeries(area);
        auto* lower = new QLineSeries(area);
        upper->append(xMin, span.upper);
        upper->append(xMax, span.upper);
        lower->append(xMin, span.lower);
        lower->append(xMax, span.lower);
        area->setUpperSeries(upper);
        area->setLowerSeries(lower);
        area->setObjectName(QStringLiteral("band-") + bandKey(span.band));
        area->setName(TrendChartStyle::bandName(span.band));
        area->setBrush(TrendChartStyle::bandFill(span.band, pal));
        area->setPen(Qt::NoPen);
        attach(area);

        QString text = TrendChartStyle::bandName(span.band);
        const auto& g = m_series.thresholds.guidance;
        const auto& r = m_series.thresholds.referral;
        if (span.band == clinical::Band::Guidance && g)
            text += QLatin1Char(' ') + TrendChartStyle::thresholdText(*g);
        else if (span.band == clinical::Band::Referral && r)
            text += QLatin1Char(' ') + TrendChartStyle::thresholdText(*r);
        else if (span.band == clinical::Band::Normal && (g || r))
            text += QLatin1Char(' ') + TrendChartStyle::complementText(g ? *g : *r);
        auto* label = new QGraphicsSimpleTextItem(text, c);
        label->setFont(labelFont);
        label->setBrush(TrendChartStyle::bandTextColour(span.band, pal));
        label->setZValue(5);
        m_labels.push_back({label, 0, span.upper, span.lower, span.upper, true});
    }
    auto addThreshold = [&](const std::optional<clinical::AppliedThreshold>& t, clinical::Band band) {
        if (!t)
            return;
        auto* line = new QLineSeries;
        line->setObjectName(QStringLiteral("threshold-") + bandKey(band));
        line->append(xMin, t->value);
        line->append(xMax, t->value);
        QPen pen(TrendChartStyle::bandColour(band), 1.2, Qt::DashLine);
        line->setPen(pen);
        attach(line);
    };
    addThreshold(m_series.thresholds.guidance, clinical::Band::Guidance);
    addThreshold(m_series.thresholds.referral, clinical::Band::Referral);

    // The line joins the values known exactly; a bound ("<5") is not a value and stands alone.
    auto* line = new QLineSeries;
    line->setObjectName(QStringLiteral("line"));
    QColor lineColour = pal.color(QPalette::Text);
    lineColour.setAlpha(150);
    line->setPen(QPen(lineColour, 1.6));
    for (const auto& point : m_series.points)
        if (point.value && !point.comparator)
            line->append(double(TrendBands::dayPosition(point.date)), *point.value);
    attach(line);

    // One scatter series per marker kind (exact and bound), created in a fixed order so the worse judgements are
    // drawn on top.
    using Marker = TrendChartStyle::Marker;
    std::map<std::pair<int, int>, QScatterSeries*> scatters; // (marker, comparator or -1)
    std::map<QScatterSeries*, std::vector<std::size_t>> indexes;
    for (std::size_t i = 0; i < m_series.points.size(); ++i) {
        const auto& point = m_series.points[i];
        if (!point.value)
            continue;
        const Marker marker = TrendChartStyle::markerFor(point.judgement);
        const int comparator = point.comparator ? int(*point.comparator) : -1;
        QScatterSeries*& scatter = scatters[{int(marker), comparator}];
        if (!scatter) {
            scatter = new QScatterSeries;
            const bool bound = comparator >= 0;
            scatter->setObjectName(
                (bound ? QStringLiteral("bounds-") : QStringLiteral("points-")) + TrendChartStyle::markerKey(marker));
            scatter->setMarkerShape(marker == Marker::Normal || marker == Marker::Plain
                    ? QScatterSeries::MarkerShapeCircle
                    : marker == Marker::NotJudged ? QScatterSeries::MarkerShapeRectangle
                                                  : QScatterSeries::MarkerShapeTriangle);
            const int size = TrendChartStyle::markerSize(marker, bound);
            scatter->setMarkerSize(size);
            // Drawn at 3× so the shape stays crisp on high-DPI screens.
            scatter->setLightMarker(TrendChartStyle::markerImage(marker, pal, point.comparator, size * 3));
            scatter->setColor(TrendChartStyle::markerColour(marker));
            scatter->setBorderColor(TrendChartStyle::markerColour(marker));
        }
        scatter->append(double(TrendBands::dayPosition(point.date)), *point.value);
        indexes[scatter].push_back(i);
        if (point.comparator) {
            auto* label = new QGraphicsSimpleTextItem(
                TrendChartStyle::comparatorText(*point.comparator) + TrendChartStyle::numberText(*point.value), c);
            label->setFont(labelFont);
            label->setBrush(pal.brush(QPalette::Text));
            label->setZValue(6);
            m_labels.push_back({label, double(TrendBands::dayPosition(point.date)), *point.value, 0, 0, false});
        }
    }
    for (const Marker marker : {Marker::Plain, Marker::NotJudged, Marker::Normal, Marker::Guidance, Marker::Referral}) {
        for (const auto& [key, scatter] : scatters) {
            if (key.first != int(marker))
                continue;
            attach(scatter);
            QScatterSeries* s = scatter;
            connect(s, &QXYSeries::hovered, this,
                [this, s](const QPointF& point, bool state) { showToolTip(s, point, state); });
            m_pointIndexes[s] = std::move(indexes[s]);
        }
    }

    setAccessibleName(tr("Trend of %1").arg(name));
    QString summary = tr("%n checkup(s)", nullptr, int(m_series.points.size()));
    if (!m_series.points.empty()) {
        const auto& latest = m_series.points.back();
        summary += QStringLiteral("; ")
            + tr("latest %1: %2, %3")
                  .arg(dateText(latest.date), TrendChartStyle::valueText(latest, unit),
                      TrendChartStyle::judgementText(latest.judgement));
    }
    setAccessibleDescription(summary);
    placeLabels();
}

void TrendChartPlot::fitDateAxis()
{
    if (!m_series.item)
        return;
    TrendBands::DateAxis dates = m_dates;
    const double width = chart()->plotArea().width();
    if (width > 0) {
        // A tick label needs its text and some room either side; Qt Charts elides one ("20…") that has less.
        const QFontMetricsF metrics(m_xAxis->labelsFont());
        const double yearLabel = metrics.horizontalAdvance(QStringLiteral("0000")) + 16;
        const double monthLabel = metrics.horizontalAdvance(QStringLiteral("0000/00")) + 16;
        dates = TrendBands::dateAxis(m_dates.first, m_dates.last, std::min(8, int(width / yearLabel)));
        if (dates.format != QLatin1String("yyyy"))
            dates = TrendBands::dateAxis(m_dates.first, m_dates.last, std::min(8, int(width / monthLabel)));
    }
    if (m_xAxis->min() != dates.min || m_xAxis->max() != dates.max)
        m_xAxis->setRange(dates.min, dates.max);
    if (m_xAxis->tickCount() != dates.tickCount)
        m_xAxis->setTickCount(dates.tickCount);
    if (m_xAxis->format() != dates.format)
        m_xAxis->setFormat(dates.format);
}

void TrendChartPlot::placeLabels()
{
    QChart* c = chart();
    if (c->series().isEmpty())
        return;
    QAbstractSeries* reference = c->series().constFirst();
    const QRectF plot = c->plotArea();
    // Where the markers are: a label never covers one.
    std::vector<QRectF> taken;
    // Where the line runs: a label is never crossed by it.
    std::vector<QLineF> segments;
    std::optional<QPointF> previous;
    for (const auto& point : m_series.points) {
        if (!point.value)
            continue;
        const QPointF p
            = c->mapToPosition(QPointF(double(TrendBands::dayPosition(point.date)), *point.value), reference);
        taken.emplace_back(p.x() - 10, p.y() - 10, 20, 20);
        if (point.comparator)
            continue;
        if (previous)
            segments.emplace_back(*previous, p);
        previous = p;
    }
    auto isFree = [&](const QRectF& box) {
        if (std::any_of(taken.begin(), taken.end(), [&](const QRectF& r) { return r.intersects(box); }))
            return false;
        const QRectF around = box.adjusted(-2, -2, 2, 2);
        return std::none_of(
            segments.begin(), segments.end(), [&](const QLineF& s) { return segmentCrosses(s, around); });
    };
    // Bound labels first (beside their marker), then the band labels in a free place of their band.
    for (Label& label : m_labels) {
        if (label.band)
            continue;
        const QRectF text = label.item->boundingRect();
        const QPointF p = c->mapToPosition(QPointF(label.x, label.y), reference);
        double x = p.x() + 11;
        if (x + text.width() > plot.right())
            x = p.x() - 11 - text.width();
        label.item->setPos(x, p.y() - text.height() / 2);
        label.item->setVisible(plot.contains(p));
        taken.push_back(QRectF(label.item->pos(), text.size()));
    }
    for (Label& label : m_labels) {
        if (!label.band)
            continue;
        const QRectF text = label.item->boundingRect();
        const double top = std::max(c->mapToPosition(QPointF(label.x, label.upper), reference).y(), plot.top());
        const double bottom = std::min(c->mapToPosition(QPointF(label.x, label.lower), reference).y(), plot.bottom());
        // A band thinner than its text is still shaded and explained in the side panel; its label would spill
        // into the next band, so it is not drawn.
        if (bottom - top < text.height() + 2) {
            label.item->setVisible(false);
            continue;
        }
        // The four corners first, then along the band's top and bottom edge, then anywhere in the band, in 8 px
        // steps. No free place: the label is not drawn (the legend and the side panel name the band).
        const double left = plot.left() + 6;
        const double right = plot.right() - 6 - text.width();
        const double high = top + 1;
        const double low = bottom - text.height() - 1;
        std::vector<QPointF> candidates = {{left, high}, {right, high}, {left, low}, {right, low}};
        for (double y = high; y <= low; y += 8)
            for (double x = left; x <= right; x += 8)
                candidates.emplace_back(x, y);
        const auto chosen = std::find_if(candidates.begin(), candidates.end(),
            [&](const QPointF& candidate) { return isFree(QRectF(candidate, text.size())); });
        if (right < left || chosen == candidates.end()) {
            label.item->setVisible(false);
            continue;
        }
        label.item->setPos(*chosen);
        label.item->setVisible(true);
        taken.push_back(QRectF(*chosen, text.size()));
    }
}

QList<QRectF> TrendChartPlot::bandLabelRects() const
{
    QList<QRectF> rects;
    for (const Label& label : m_labels)
        if (label.band && label.item->isVisible())
            rects << QRectF(label.item->pos(), label.item->boundingRect().size());
    return rects;
}

QString TrendChartPlot::pointToolTip(std::size_t pointIndex) const
{
    if (!m_series.item || pointIndex >= m_series.points.size())
        return {};
    const auto& point = m_series.points[pointIndex];
    const std::string_view unit = clinical::itemUnit(*m_series.item);
    QStringList lines;
    lines << dateText(point.date);
    lines << QStringLiteral("%1: %2").arg(
        TrendChartStyle::itemName(*m_series.item), TrendChartStyle::valueText(point, unit));
    lines << TrendChartStyle::judgementText(point.judgement);
    if (point.comparator && point.value) {
        const bool below
            = *point.comparator == domain::Comparator::Less || *point.comparator == domain::Comparator::LessOrEqual;
        lines << (below ? tr("Reported as a bound: the value is below the number shown.")
                        : tr("Reported as a bound: the value is above the number shown."));
    }
    if (point.origin == clinical::PointOrigin::ConvertedFromJds && point.valueAsSent)
        lines << tr("Reported as JDS %1 %; converted to NGSP (1.02 × JDS + 0.25).")
                     .arg(TrendChartStyle::numberText(*point.valueAsSent));
    if (point.origin == clinical::PointOrigin::MeanOfReadings)
        lines << tr("The mean of the 1st and 2nd readings of the day.");
    if (point.facilityId) {
        const auto it = m_providers.find(*point.facilityId);
        if (it != m_providers.end() && !it->second.name.empty())
            lines << tr("Checkup facility: %1").arg(QString::fromStdString(it->second.name));
    }
    return lines.join(QLatin1Char('\n'));
}

int TrendChartPlot::pointIndexOf(const QXYSeries* scatter, int indexInSeries) const
{
    const auto it = m_pointIndexes.find(scatter);
    if (it == m_pointIndexes.end() || indexInSeries < 0 || std::size_t(indexInSeries) >= it->second.size())
        return -1;
    return int(it->second[std::size_t(indexInSeries)]);
}

double TrendChartPlot::valueLabelWidth() const
{
    const auto axes = chart()->axes(Qt::Vertical);
    const auto* axis = axes.isEmpty() ? nullptr : qobject_cast<const QValueAxis*>(axes.first());
    if (!axis || axis->tickCount() < 2)
        return 0;
    const QFontMetricsF metrics(axis->labelsFont());
    double widest = 0;
    const double step = (axis->max() - axis->min()) / (axis->tickCount() - 1);
    for (int i = 0; i < axis->tickCount(); ++i) {
        const QString text = QString::asprintf(axis->labelFormat().toLatin1().constData(), axis->min() + i * step);
        widest = std::max(widest, metrics.boundingRect(text).width());
    }
    return widest;
}

void TrendChartPlot::setLeftInset(double pixels)
{
    QMargins margins = chart()->margins();
    margins.setLeft(kBaseMargin + int(std::lround(std::max(0.0, pixels))));
    if (margins != chart()->margins())
        chart()->setMargins(margins);
}

QStringList TrendChartPlot::labelTexts() const
{
    QStringList texts;
    for (const Label& label : m_labels)
        texts << label.item->text();
    return texts;
}

void TrendChartPlot::showToolTip(QXYSeries* scatter, const QPointF& point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    const QList<QPointF> points = scatter->points();
    const auto it = std::find(points.cbegin(), points.cend(), point);
    const int index = it == points.cend() ? -1 : int(it - points.cbegin());
    const int pointIndex = pointIndexOf(scatter, index);
    if (pointIndex >= 0)
        QToolTip::showText(QCursor::pos(), pointToolTip(std::size_t(pointIndex)), this);
}

} // namespace techo::ui
