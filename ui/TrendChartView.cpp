#include "ui/TrendChartView.h"

#include "core/clinical/ItemCatalog.h"
#include "ui/CheckupText.h"
#include "ui/DateText.h"
#include "ui/ErrorText.h"
#include "ui/TrendBands.h"
#include "ui/TrendChartPlot.h"
#include "ui/TrendChartStyle.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPixmap>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <set>

namespace techo::ui {
namespace {

using Marker = TrendChartStyle::Marker;

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

QPixmap legendIcon(Marker marker, const QPalette& palette, std::optional<domain::Comparator> bound, qreal ratio)
{
    const int size = bound ? 22 : 16;
    QPixmap pixmap
        = QPixmap::fromImage(TrendChartStyle::markerImage(marker, palette, bound, int(std::ceil(size * ratio))));
    pixmap.setDevicePixelRatio(ratio);
    return pixmap;
}

// The legend's icon is the symbol: "○ 基準範囲内" is listed as "基準範囲内" beside a drawn ○.
QString withoutSymbol(const QString& text)
{
    static const QString kSymbols = QStringLiteral("○△▲?");
    if (text.size() > 2 && kSymbols.contains(text.at(0)) && text.at(1) == QLatin1Char(' '))
        return text.mid(2);
    return text;
}

struct LegendEntry {
    Marker marker;
    std::optional<domain::Comparator> bound;
    QString text;
};

std::vector<LegendEntry> legendEntries()
{
    return {
        {Marker::Normal, std::nullopt, TrendChartStyle::bandName(clinical::Band::Normal)},
        {Marker::Guidance, std::nullopt, TrendChartStyle::bandName(clinical::Band::Guidance)},
        {Marker::Referral, std::nullopt, TrendChartStyle::bandName(clinical::Band::Referral)},
        // The table's legend word for "?" (CheckupResultsView), so the two views say the same.
        {Marker::NotJudged, std::nullopt,
            CheckupText::notJudgedSymbol() + QLatin1Char(' ') + TrendChartView::tr("not judged")},
        {Marker::Plain, std::nullopt, TrendChartView::tr("A value of an item with no judgement value")},
        {Marker::Normal, domain::Comparator::Less,
            TrendChartView::tr("A value reported as a bound (\"<5\"): drawn at the bound, open, the arrow pointing "
                               "to where the value lies")},
    };
}

bool sexSpecific(const clinical::LogicalItem& item)
{
    const clinical::JudgementRule rule = clinical::ruleFor(item);
    auto differs = [](const std::optional<clinical::Threshold>& t) { return t && t->male != t->female; };
    return differs(rule.guidance) || differs(rule.referral);
}

} // namespace

TrendChartView::TrendChartView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("trendChartView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setChildrenCollapsible(false);
    layout->addWidget(m_splitter);

    m_plotArea = new QWidget(m_splitter);
    m_plotLayout = new QVBoxLayout(m_plotArea);
    m_plotLayout->setContentsMargins(0, 0, 0, 0);
    m_plotLayout->setSpacing(2);
    m_message = new QLabel(m_plotArea);
    m_message->setObjectName(QStringLiteral("trendMessage"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setAccessibleName(tr("Trend chart message"));
    m_message->hide();
    m_plotLayout->addWidget(m_message, 1);

    // The side panel: the legend, then what the bands mean for this person and where they come from.
    auto* scroll = new QScrollArea(m_splitter);
    scroll->setObjectName(QStringLiteral("trendSidePanel"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(240);
    auto* panel = new QWidget(scroll);
    auto* panelLayout = new QVBoxLayout(panel);
    auto* legendHeading = new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Legend").toHtmlEscaped()), panel);
    panelLayout->addWidget(legendHeading);
    m_legend = new QWidget(panel);
    m_legend->setObjectName(QStringLiteral("trendLegend"));
    m_legend->setAccessibleName(tr("Legend"));
    auto* legendLayout = new QGridLayout(m_legend);
    legendLayout->setContentsMargins(0, 0, 0, 0);
    legendLayout->setHorizontalSpacing(8);
    int row = 0;
    for (const LegendEntry& entry : legendEntries()) {
        auto* icon = new QLabel(m_legend);
        icon->setAlignment(Qt::AlignCenter);
        auto* text = new QLabel(withoutSymbol(entry.text), m_legend);
        text->setWordWrap(true);
        legendLayout->addWidget(icon, row, 0, Qt::AlignTop | Qt::AlignHCenter);
        legendLayout->addWidget(text, row, 1);
        m_legendIcons.push_back(icon);
        ++row;
    }
    paintLegendIcons();
    legendLayout->setColumnStretch(1, 1);
    panelLayout->addWidget(m_legend);
    auto* keys = new QLabel(tr("Keyboard: Tab to a chart, then ← → Home End read its checkups one by one."), panel);
    keys->setObjectName(QStringLiteral("trendKeyboardHint"));
    keys->setWordWrap(true);
    panelLayout->addWidget(keys);
    panelLayout->addSpacing(8);
    auto* judgementHeading
        = new QLabel(QStringLiteral("<b>%1</b>").arg(tr("How the values are judged").toHtmlEscaped()), panel);
    panelLayout->addWidget(judgementHeading);
    m_explanation = new QLabel(panel);
    m_explanation->setObjectName(QStringLiteral("trendExplanation"));
    m_explanation->setAccessibleName(tr("How the values are judged"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::RichText);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_explanation->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    panelLayout->addWidget(m_explanation);
    panelLayout->addStretch(1);
    scroll->setWidget(panel);

    m_splitter->addWidget(m_plotArea);
    m_splitter->addWidget(scroll);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    clear();
}

TrendChartView::~TrendChartView() = default;

void TrendChartView::paintLegendIcons()
{
    const auto entries = legendEntries();
    const qreal ratio = devicePixelRatioF();
    for (std::size_t i = 0; i < m_legendIcons.size() && i < entries.size(); ++i)
        m_legendIcons[i]->setPixmap(legendIcon(entries[i].marker, palette(), entries[i].bound, ratio));
}

void TrendChartView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_sized) {
        // The plots get most of the width; the person can move the splitter.
        m_sized = true;
        const int w = m_splitter->width();
        m_splitter->setSizes({w * 7 / 10, w - w * 7 / 10});
    }
}

void TrendChartView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        paintLegendIcons();
}

QStringList TrendChartView::relatedKeys(const QString& logicalKey)
{
    if (logicalKey == QLatin1String("sbp") || logicalKey == QLatin1String("dbp"))
        return {QStringLiteral("sbp"), QStringLiteral("dbp")};
    const QStringList lipids
        = {QStringLiteral("ldl"), QStringLiteral("hdl"), QStringLiteral("tg_fasting"), QStringLiteral("tg_casual")};
    if (lipids.contains(logicalKey))
        return lipids;
    return {logicalKey};
}

std::vector<TrendChartPlot*> TrendChartView::plots() const
{
    return {m_plots.begin(), m_plots.begin() + std::ptrdiff_t(m_shown)};
}

QString TrendChartView::explanationText() const
{
    return m_explanation->text();
}

QString TrendChartView::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

TrendChartPlot* TrendChartView::plotAt(std::size_t index)
{
    while (m_plots.size() <= index) {
        auto* plot = new TrendChartPlot(m_plotArea);
        plot->setObjectName(QStringLiteral("trendPlot%1").arg(m_plots.size()));
        m_plotLayout->addWidget(plot, 1);
        m_plots.push_back(plot);
    }
    return m_plots[index];
}

void TrendChartView::alignPlots()
{
    // A plot's area starts after its value axis, whose width is its widest tick label (the titles are the same
    // font): widening the left margin of the plots with narrower labels ("95" under "145") by the difference
    // puts every plot area on one left edge. Computed from the labels, not read back from the chart's layout,
    // so there is no feedback between the plots' layouts.
    double widest = 0;
    for (std::size_t i = 0; i < m_shown; ++i)
        widest = std::max(widest, m_plots[i]->valueLabelWidth());
    for (std::size_t i = 0; i < m_shown; ++i)
        m_plots[i]->setLeftInset(widest - m_plots[i]->valueLabelWidth());
}

void TrendChartView::clear()
{
    m_session = nullptr;
    for (TrendChartPlot* plot : m_plots) {
        plot->clearPlot();
        plot->hide();
    }
    m_shown = 0;
    m_message->clear();
    m_message->hide();
    m_explanation->clear();
}

void TrendChartView::showMessage(const QString& text)
{
    for (TrendChartPlot* plot : m_plots) {
        plot->clearPlot();
        plot->hide();
    }
    m_shown = 0;
    m_explanation->clear();
    m_message->setText(text);
    m_message->show();
}

void TrendChartView::showProfile(session::VaultSession& session, std::int64_t profileId)
{
    showItem(session, profileId, m_key.isEmpty() ? QStringLiteral("hba1c") : m_key);
}

void TrendChartView::clearRecords()
{
    clear();
}

void TrendChartView::showItem(session::VaultSession& session, std::int64_t profileId, const QString& logicalKey)
{
    m_session = &session;
    m_profileId = profileId;
    m_key = logicalKey;
    const std::string key = logicalKey.toStdString();
    const clinical::LogicalItem* item = clinical::findLogicalItem(key);
    if (!item) {
        showMessage(tr("This item has no trend chart."));
        return;
    }
    const QString name = TrendChartStyle::itemName(*item);
    if (item->type != domain::ValueType::PQ) {
        showMessage(tr("%1 is not a number: its results are listed in the checkup table.").arg(name));
        return;
    }
    auto& queries = session.healthRecords();
    auto profile = queries.profile(profileId);
    if (!profile.ok()) {
        showMessage(describeError(profile.error()));
        return;
    }

    std::vector<clinical::TrendSeries> shown;
    for (const QString& related : relatedKeys(logicalKey)) {
        auto series = queries.series(profileId, related.toStdString());
        if (!series.ok()) {
            showMessage(describeError(series.error()));
            return;
        }
        if (related == logicalKey && series->points.empty()) {
            showMessage(tr("No %1 values for %2 yet.").arg(name, QString::fromStdString(profile->shownName())));
            return;
        }
        if (!series->points.empty())
            shown.push_back(std::move(*series));
    }

    // One date axis for the stack, so a checkup day lines up across the plots.
    domain::Date first = shown.front().points.front().date;
    domain::Date last = first;
    std::set<std::int64_t> facilityIds;
    for (const auto& series : shown) {
        for (const auto& point : series.points) {
            first = std::min(first, point.date);
            last = std::max(last, point.date);
            if (point.facilityId)
                facilityIds.insert(*point.facilityId);
        }
    }
    const std::vector<std::int64_t> ids(facilityIds.begin(), facilityIds.end());
    auto providers = queries.providers(ids);
    if (!providers.ok()) {
        showMessage(describeError(providers.error()));
        return;
    }
    const TrendBands::DateAxis dates = TrendBands::dateAxis(first, last);

    m_message->hide();
    for (std::size_t i = 0; i < shown.size(); ++i) {
        TrendChartPlot* plot = plotAt(i);
        plot->setSeries(shown[i], dates, *providers);
        plot->show();
    }
    for (std::size_t i = shown.size(); i < m_plots.size(); ++i) {
        m_plots[i]->clearPlot();
        m_plots[i]->hide();
    }
    m_shown = shown.size();
    alignPlots();

    // The side panel.
    const std::optional<domain::Sex> sex = profile->sex;
    const bool male = sex == domain::Sex::Male;
    const bool female = sex == domain::Sex::Female;
    QString html;
    std::set<clinical::RuleSource> sources;
    for (const auto& series : shown) {
        const clinical::LogicalItem& it = *series.item;
        const std::string_view unit = clinical::itemUnit(it);
        html += QStringLiteral("<p><b>%1</b><br>").arg(escaped(TrendChartStyle::itemName(it)));
        const auto& g = series.thresholds.guidance;
        const auto& r = series.thresholds.referral;
        if (!g && !r) {
            const clinical::JudgementRule rule = clinical::ruleFor(it);
            html += escaped(rule.guidance || rule.referral
                            ? tr("Its judgement values differ for men and women and this profile has no sex recorded, "
                                 "so no "
                                 "bands are drawn and the values are not judged.")
                            : tr("The programme gives no judgement value for this item: no bands are drawn."))
                + QStringLiteral("<br>");
        } else {
            auto line = [&](clinical::Band band, const QString& values) {
                html += escaped(tr("%1: %2", "a band and its values").arg(TrendChartStyle::bandName(band), values))
                    + QStringLiteral("<br>");
            };
            if (r)
                line(clinical::Band::Referral, TrendChartStyle::thresholdText(*r, unit));
            if (g)
                line(clinical::Band::Guidance, TrendChartStyle::thresholdText(*g, unit));
            line(clinical::Band::Normal, TrendChartStyle::complementText(g ? *g : *r, unit));
            if (sexSpecific(it))
                html += escaped(male ? tr("These are the values for men; they differ for women.")
                                     : tr("These are the values for women; they differ for men."))
                    + QStringLiteral("<br>");
            if (!r && g)
                html += escaped(tr("The programme sets no referral value for this item.")) + QStringLiteral("<br>");
            sources.insert(series.thresholds.source);
        }
        const auto& latest = series.points.back();
        // An item with no judgement value has nothing to add after its value (said above, without a "?").
        if (latest.judgement.notJudged == clinical::NotJudged::NoRule)
            html += escaped(tr("Latest (%1): %2").arg(dateText(latest.date), TrendChartStyle::valueText(latest, unit)));
        else
            html += escaped(tr("Latest (%1): %2 — %3")
                                .arg(dateText(latest.date), TrendChartStyle::valueText(latest, unit),
                                    TrendChartStyle::judgementText(latest.judgement)));
        const auto converted = std::count_if(series.points.begin(), series.points.end(),
            [](const auto& p) { return p.origin == clinical::PointOrigin::ConvertedFromJds; });
        if (converted > 0)
            html += QStringLiteral("<br>")
                + escaped(tr("%n value(s) reported as JDS (before FY2013) are converted to NGSP: NGSP = 1.02 × JDS + "
                             "0.25, rounded to 0.1 % (Japan Diabetes Society, 2012).",
                    nullptr, int(converted)));
        const auto means = std::count_if(series.points.begin(), series.points.end(),
            [](const auto& p) { return p.origin == clinical::PointOrigin::MeanOfReadings; });
        if (means > 0)
            html += QStringLiteral("<br>")
                + escaped(tr("%n point(s) are the mean of the day's 1st and 2nd readings, as the specific health "
                             "checkup (特定健診) judges blood pressure; other days show the one reading taken.",
                    nullptr, int(means)));
        if (!series.excluded.empty())
            html += QStringLiteral("<br>")
                + escaped(tr("%n value(s) not shown: a unit that cannot be compared, or no number.", nullptr,
                    int(series.excluded.size())));
        html += QStringLiteral("</p>");
    }
    if (male || female)
        html += QStringLiteral("<p>")
            + escaped(
                male ? tr("Judged for: a man (the profile's sex).") : tr("Judged for: a woman (the profile's sex)."))
            + QStringLiteral("</p>");
    for (const clinical::RuleSource source : sources) {
        const QString citation = TrendChartStyle::citation(source);
        if (!citation.isEmpty())
            html += QStringLiteral("<p><small>%1 %2</small></p>")
                        .arg(escaped(tr("Source:")),
                            escaped(citation).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    }
    m_explanation->setText(html);
}

} // namespace techo::ui
