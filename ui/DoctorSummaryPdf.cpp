#include "ui/DoctorSummaryPdf.h"

#include "core/clinical/ItemCatalog.h"
#include "core/clinical/MedicationSupply.h"
#include "core/export/SummaryCode.h"
#include "ui/CheckupText.h"
#include "ui/DateText.h"
#include "ui/PdfToUnicode.h"
#include "ui/QrCodePainter.h"
#include "ui/TrendBands.h"
#include "ui/TrendChartPlot.h"

#include <QApplication>
#include <QBuffer>
#include <QFile>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPalette>
#include <QPdfWriter>
#include <QPicture>
#include <QSemaphore>
#include <QThread>
#include <QTranslator>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

// Q_INIT_RESOURCE must run outside any namespace; the catalogue is in a static library.
static void initPdfCatalogue()
{
    Q_INIT_RESOURCE(techo_ui_pdf_i18n);
}

namespace techo::ui {
namespace {

// The PDF's own words are Japanese literals, not tr(): the summary is for a Japanese clinic in every UI language,
// so no catalogue may change them (docs/export-format.md). `J` keeps them readable.
QString J(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QString S(std::string_view utf8)
{
    return CheckupText::fromUtf8(utf8);
}

constexpr int kDpi = 300;
constexpr double kFontFamilyPoints = 8.5;
const char* const kFamily = "Noto Sans CJK JP";

double mm(double millimetres)
{
    return millimetres * kDpi / 25.4;
}

// Japanese for the app's shared texts while the PDF is laid out: the default locale (numbers, dates, the item
// names CheckupText gives) and the Japanese catalogue embedded in techo_ui (band names in the charts). Both are put
// back as they were. Installing a translator posts LanguageChange to the top-level windows; they retranslate to
// the same texts once the scope has ended.
class JapaneseScope final {
public:
    JapaneseScope()
        : m_old(QLocale())
    {
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
        initPdfCatalogue();
        if (m_translator.load(QStringLiteral(":/techo-pdf/techo_ja.qm")))
            m_installed = QCoreApplication::installTranslator(&m_translator);
    }
    ~JapaneseScope()
    {
        if (m_installed)
            QCoreApplication::removeTranslator(&m_translator);
        QLocale::setDefault(m_old);
    }
    JapaneseScope(const JapaneseScope&) = delete;
    JapaneseScope& operator=(const JapaneseScope&) = delete;

private:
    QLocale m_old;
    QTranslator m_translator;
    bool m_installed = false;
};

QString markFor(const clinical::Judgement& judgement)
{
    if (judgement.band)
        return CheckupText::bandSymbol(*judgement.band);
    if (judgement.notJudged == clinical::NotJudged::NoRule)
        return {};
    return CheckupText::notJudgedSymbol();
}

QString sexText(std::optional<domain::Sex> sex)
{
    if (!sex)
        return J("記録なし");
    switch (*sex) {
    case domain::Sex::Male:
        return J("男性");
    case domain::Sex::Female:
        return J("女性");
    case domain::Sex::Other:
        return J("その他");
    case domain::Sex::Unknown:
        return J("不明");
    }
    return {};
}

QString numberOf(double value)
{
    return CheckupText::numberText(value);
}

// 用量 with its unit: "1錠", "1.5g".
QString doseText(const domain::MedicationLine& line)
{
    if (!line.quantity)
        return {};
    return numberOf(*line.quantity) + S(line.unit.value_or(""));
}

// 調剤数量 as the record means it: 日分 for 内服, 回分 for 屯服; nothing for 外用 (the whole amount).
QString daysText(const domain::MedicationLine& line)
{
    if (!line.days || *line.days <= 0)
        return {};
    switch (clinical::supplyKindOf(line)) {
    case clinical::SupplyKind::Daily:
        return QString::number(*line.days) + J("日分");
    case clinical::SupplyKind::AsNeeded:
        return QString::number(*line.days) + J("回分");
    case clinical::SupplyKind::Topical:
        return {};
    }
    return {};
}

QString institutionsText(const std::string& pharmacy, const std::string& prescriber)
{
    if (prescriber.empty() || prescriber == pharmacy)
        return S(pharmacy);
    // The prescriber on its own line: in a narrow column "（処方：" was broken from its name mid-word.
    return S(pharmacy) + QLatin1Char('\n') + J("処方：") + S(prescriber);
}

QString timestampText(domain::Timestamp at)
{
    // Japan time, to the minute.
    const auto local = at + std::chrono::hours(9);
    const auto day = std::chrono::floor<std::chrono::days>(local);
    const std::chrono::hh_mm_ss time(local - day);
    return dateText(domain::Date {day})
        + QStringLiteral(" %1:%2")
              .arg(time.hours().count(), 2, 10, QLatin1Char('0'))
              .arg(time.minutes().count(), 2, 10, QLatin1Char('0'));
}

QString sourceText(const exports::SummarySource& source)
{
    if (source.source == "manual")
        return J("本人の記録（Techo で入力）");
    const QString origin = S(source.origin);
    if (origin.startsWith(QStringLiteral("https://")) || origin.startsWith(QStringLiteral("http://"))) {
        const bool local
            = origin.contains(QStringLiteral("://127.0.0.1")) || origin.contains(QStringLiteral("://localhost"));
        return local ? J("デモサーバー（このコンピューター上）") : J("マイナポータル API");
    }
    const QString file = origin.section(QLatin1Char('/'), -1);
    return (source.source == "mynaportal" ? J("マイナポータルの記録（ファイルから取り込み：")
                                          : J("ファイルから取り込み（"))
        + file + J("）");
}

// ---- Layout -------------------------------------------------------------------------------------------------

struct Column {
    QString title;
    double width = 1; // relative
    Qt::Alignment align = Qt::AlignLeft;
};

struct Cell {
    QString text;
    bool bold = false;
};

struct Row {
    std::vector<Cell> cells;
    bool group = false; // a group heading spanning the table (身体計測 …)
};

// Lays pages out twice with the same code: a dry pass (no painter) counts the pages, the second paints them with
// "n / N" known. Every height is measured on the PDF writer itself, so both passes break pages at the same places.
class Layout final {
public:
    Layout(QPdfWriter& writer, QPainter* painter, const exports::DoctorSummary& summary, int totalPages)
        : m_writer(writer)
        , m_painter(painter)
        , m_summary(summary)
        , m_total(totalPages)
    {
        m_base = QFont(QString::fromUtf8(kFamily));
        // Shaping substitutes digits after Latin letters with glyphs the embedded font's ToUnicode map does not
        // name ("HbA1c 6.5" extracted as "HbA c ."); unshaped text keeps the cmap's glyphs, which is all CJK and
        // Latin table text needs.
        m_base.setStyleStrategy(QFont::PreferNoShaping);
        m_base.setPointSizeF(kFontFamilyPoints);
        const QRectF paper(0, 0, mm(210), mm(297));
        m_content = paper.adjusted(mm(14), mm(14), -mm(14), -mm(16));
        m_y = m_content.top();
    }

    [[nodiscard]] int pages() const noexcept { return m_page; }
    [[nodiscard]] double width() const { return m_content.width(); }
    [[nodiscard]] QPainter* painter() const noexcept { return m_painter; }

    QFont font(double points, bool bold = false) const
    {
        QFont f = m_base;
        f.setPointSizeF(points);
        f.setBold(bold);
        return f;
    }

    double textHeight(const QString& text, const QFont& f, double w) const
    {
        const QFontMetricsF fm(f, &m_writer);
        return fm.boundingRect(QRectF(0, 0, w, 1e6), Qt::TextWordWrap, text).height();
    }

    double lineHeight(const QFont& f) const { return QFontMetricsF(f, &m_writer).height(); }

    void drawText(const QRectF& r, const QString& text, const QFont& f, Qt::Alignment align = Qt::AlignLeft,
        QColor colour = QColor(Qt::black))
    {
        if (!m_painter)
            return;
        m_painter->setFont(f);
        m_painter->setPen(colour);
        m_painter->drawText(r, int(align | Qt::AlignTop) | Qt::TextWordWrap, text);
    }

    void startFirstPage()
    {
        m_page = 1;
        pageHeader(true);
    }

    // Room for `h` on this page, else a new page.
    void ensure(double h)
    {
        if (m_y + h > m_content.bottom())
            newPage();
    }

    void newPage()
    {
        footer();
        if (m_painter)
            m_writer.newPage();
        ++m_page;
        m_y = m_content.top();
        pageHeader(false);
    }

    void finish() { footer(); }

    void space(double h) { m_y += h; }

    // A section heading kept with the first `following` of what comes after it.
    void heading(const QString& title, double following)
    {
        const QFont f = font(12, true);
        const double h = lineHeight(f) + mm(2);
        ensure(mm(4) + h + following);
        if (m_y > m_content.top() + mm(12))
            m_y += mm(4);
        drawText(QRectF(m_content.left(), m_y, width(), h), title, f);
        if (m_painter) {
            m_painter->setPen(QPen(QColor(Qt::black), mm(0.3)));
            m_painter->drawLine(
                QPointF(m_content.left(), m_y + h - mm(0.8)), QPointF(m_content.right(), m_y + h - mm(0.8)));
        }
        m_y += h + mm(1.5);
    }

    void subheading(const QString& title, double following)
    {
        const QFont f = font(10, true);
        const double h = lineHeight(f) + mm(1);
        ensure(h + following);
        drawText(QRectF(m_content.left(), m_y, width(), h), title, f);
        m_y += h + mm(0.5);
    }

    void paragraph(const QString& text, double points = kFontFamilyPoints, QColor colour = QColor(Qt::black))
    {
        const QFont f = font(points);
        const double h = textHeight(text, f, width());
        ensure(h);
        drawText(QRectF(m_content.left(), m_y, width(), h), text, f, Qt::AlignLeft, colour);
        m_y += h + mm(1);
    }

    // The height of a table's header and first row: what a heading must be kept with.
    double tableStart(const std::vector<Column>& columns, const std::vector<Row>& rows) const
    {
        double h = rowHeight(columns, headerRow(columns), true);
        if (!rows.empty())
            h += rowHeight(columns, rows.front(), false);
        return h;
    }

    // A table that breaks across pages with its header repeated; a row never splits.
    void table(const std::vector<Column>& columns, const std::vector<Row>& rows)
    {
        const Row header = headerRow(columns);
        const double headerH = rowHeight(columns, header, true);
        ensure(headerH + (rows.empty() ? 0 : rowHeight(columns, rows.front(), false)));
        drawRow(columns, header, true, headerH);
        for (const Row& row : rows) {
            const double h = rowHeight(columns, row, false);
            if (m_y + h > m_content.bottom()) {
                newPage();
                drawRow(columns, header, true, headerH);
            }
            drawRow(columns, row, false, h);
        }
        m_y += mm(2);
    }

    // A block of height `h` drawn by `paint` at (left, top) of the content width; kept on one page.
    void block(double h, const std::function<void(const QRectF&)>& paint)
    {
        ensure(h);
        if (m_painter)
            paint(QRectF(m_content.left(), m_y, width(), h));
        m_y += h;
    }

private:
    static Row headerRow(const std::vector<Column>& columns)
    {
        Row row;
        for (const Column& c : columns)
            row.cells.push_back({c.title, true});
        return row;
    }

    std::vector<double> columnWidths(const std::vector<Column>& columns) const
    {
        double sum = 0;
        for (const Column& c : columns)
            sum += c.width;
        std::vector<double> out;
        for (const Column& c : columns)
            out.push_back(width() * c.width / sum);
        return out;
    }

    double rowHeight(const std::vector<Column>& columns, const Row& row, bool header) const
    {
        const double pad = mm(0.9);
        if (row.group)
            return lineHeight(font(kFontFamilyPoints - 0.5, true)) + 2 * pad;
        const std::vector<double> widths = columnWidths(columns);
        double h = 0;
        for (std::size_t i = 0; i < row.cells.size() && i < widths.size(); ++i)
            h = std::max(h,
                textHeight(row.cells[i].text, font(kFontFamilyPoints - 0.5, header || row.cells[i].bold),
                    widths[i] - 2 * pad));
        return h + 2 * pad;
    }

    void drawRow(const std::vector<Column>& columns, const Row& row, bool header, double h)
    {
        const double pad = mm(0.9);
        if (m_painter) {
            const QRectF whole(m_content.left(), m_y, width(), h);
            if (header || row.group)
                m_painter->fillRect(whole, header ? QColor(0xE4, 0xE4, 0xE4) : QColor(0xF3, 0xF3, 0xF3));
            m_painter->setPen(QPen(QColor(0x99, 0x99, 0x99), mm(0.15)));
            m_painter->drawLine(whole.bottomLeft(), whole.bottomRight());
            if (header)
                m_painter->drawLine(whole.topLeft(), whole.topRight());
        }
        if (row.group) {
            drawText(QRectF(m_content.left() + pad, m_y + pad, width() - 2 * pad, h - 2 * pad), row.cells.front().text,
                font(kFontFamilyPoints - 0.5, true));
            m_y += h;
            return;
        }
        const std::vector<double> widths = columnWidths(columns);
        double x = m_content.left();
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (i < row.cells.size())
                drawText(QRectF(x + pad, m_y + pad, widths[i] - 2 * pad, h - 2 * pad), row.cells[i].text,
                    font(kFontFamilyPoints - 0.5, header || row.cells[i].bold),
                    header ? Qt::AlignLeft : columns[i].align);
            x += widths[i];
        }
        m_y += h;
    }

    void pageHeader(bool first)
    {
        if (first) {
            const QFont title = font(16, true);
            const double th = lineHeight(title);
            drawText(QRectF(m_content.left(), m_y, width(), th), J("医師提出用サマリー"), title);
            m_y += th + mm(2);
            personBox();
            return;
        }
        // A running header: whose summary this page belongs to.
        const QFont f = font(8);
        const double h = lineHeight(f);
        QString who = S(m_summary.name);
        if (m_summary.birthDate)
            who += J("　生年月日 ") + dateText(*m_summary.birthDate);
        drawText(QRectF(m_content.left(), m_y, width(), h), J("医師提出用サマリー　") + who, f, Qt::AlignLeft,
            QColor(0x44, 0x44, 0x44));
        if (m_painter) {
            m_painter->setPen(QPen(QColor(0x99, 0x99, 0x99), mm(0.15)));
            m_painter->drawLine(
                QPointF(m_content.left(), m_y + h + mm(0.5)), QPointF(m_content.right(), m_y + h + mm(0.5)));
        }
        m_y += h + mm(3);
    }

    void personBox()
    {
        const QFont label = font(8);
        const QFont value = font(11, true);
        const QFont small = font(9);
        const double lh = lineHeight(label);
        const double vh = lineHeight(value);
        const double boxH = lh * 2 + vh * 2 + mm(5);
        if (m_painter) {
            m_painter->setPen(QPen(QColor(0x66, 0x66, 0x66), mm(0.25)));
            m_painter->setBrush(Qt::NoBrush);
            m_painter->drawRect(QRectF(m_content.left(), m_y, width(), boxH));
        }
        const double x = m_content.left() + mm(3);
        double y = m_y + mm(1.5);
        const double colW = (width() - mm(6)) / 3;
        // Line 1: name (kana) | birth date and age | sex.
        drawText(QRectF(x, y, colW * 1.4, lh), J("氏名"), label);
        drawText(QRectF(x + colW * 1.4, y, colW * 1.0, lh), J("生年月日（年齢）"), label);
        drawText(QRectF(x + colW * 2.4, y, colW * 0.6, lh), J("性別"), label);
        y += lh;
        QString name = S(m_summary.name);
        if (m_summary.kana)
            name += J("（") + S(*m_summary.kana) + J("）");
        drawText(QRectF(x, y, colW * 1.4, vh), name, value);
        QString birth = m_summary.birthDate ? dateText(*m_summary.birthDate) : J("記録なし");
        if (m_summary.age)
            birth += J("（") + QString::number(*m_summary.age) + J("歳）");
        drawText(QRectF(x + colW * 1.4, y, colW * 1.0, vh), birth, small);
        drawText(QRectF(x + colW * 2.4, y, colW * 0.6, vh), sexText(m_summary.sex), small);
        y += vh + mm(1);
        // Line 2: period | made on.
        drawText(QRectF(x, y, colW * 2.4, lh), J("対象期間"), label);
        drawText(QRectF(x + colW * 2.4, y, colW * 0.6, lh), J("作成日"), label);
        y += lh;
        QString period;
        if (m_summary.periodFrom || m_summary.periodTo)
            period = (m_summary.periodFrom ? dateText(*m_summary.periodFrom) : QString()) + J(" 〜 ")
                + (m_summary.periodTo ? dateText(*m_summary.periodTo) : QString());
        else
            period = J("記録なし");
        drawText(QRectF(x, y, colW * 2.4, vh), period, small);
        drawText(QRectF(x + colW * 2.4, y, colW * 0.6, vh), dateText(m_summary.madeOn), small);
        m_y += boxH + mm(3);
    }

    void footer()
    {
        const QFont f = font(8);
        const double h = lineHeight(f);
        const double y = m_content.bottom() + mm(5);
        drawText(QRectF(m_content.left(), y, width(), h),
            QStringLiteral("%1 / %2").arg(m_page).arg(std::max(m_total, m_page)), f, Qt::AlignHCenter);
        drawText(QRectF(m_content.left(), y, width(), h), J("Techo（健康手帳）で本人が作成"), f, Qt::AlignLeft,
            QColor(0x55, 0x55, 0x55));
    }

    QPdfWriter& m_writer;
    QPainter* m_painter;
    const exports::DoctorSummary& m_summary;
    int m_total = 0;
    int m_page = 0;
    QFont m_base;
    QRectF m_content;
    double m_y = 0;
};

// Black on white, as paper is: the chart follows its widget's palette, which on a dark desktop is dark.
QPalette paperPalette()
{
    QPalette paper;
    for (const auto role : {QPalette::Window, QPalette::Base, QPalette::Button, QPalette::Light, QPalette::Midlight})
        paper.setColor(role, QColor(Qt::white));
    paper.setColor(QPalette::AlternateBase, QColor(0xF5, 0xF5, 0xF5));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        paper.setColor(role, QColor(Qt::black));
    paper.setColor(QPalette::Mid, QColor(0xA0, 0xA0, 0xA0));
    paper.setColor(QPalette::Dark, QColor(0x80, 0x80, 0x80));
    return paper;
}

// ---- Sections ---------------------------------------------------------------------------------------------------

QString thresholdsText(const exports::SummaryItemRow& row)
{
    if (row.item && row.item->key == "urine_protein")
        return J("保健指導 (±)\n受診勧奨 (+)以上");
    QStringList lines;
    if (row.thresholds.guidance)
        lines << J("保健指導 ") + CheckupText::thresholdText(*row.thresholds.guidance, row.item);
    if (row.thresholds.referral)
        lines << J("受診勧奨 ") + CheckupText::thresholdText(*row.thresholds.referral, row.item);
    return lines.join(QLatin1Char('\n'));
}

void latestCheckups(Layout& layout, const exports::DoctorSummary& summary)
{
    const auto& latest = summary.latestCheckups;
    std::vector<Column> columns {{J("項目"), 2.6}, {J("単位"), 1.1}, {J("判定値"), 1.7}};
    // The column headers hold the date alone; the facilities are named once above the table (a name in every
    // narrow header was repeated and broken mid-word: けやき健診セ/ンター). One facility: its name; several: each
    // with its days, in the table's order.
    std::vector<std::pair<std::string, QStringList>> facilities;
    for (const auto& day : latest.days) {
        columns.push_back({dateText(day.date), 1.5, Qt::AlignLeft});
        if (day.facility.empty())
            continue;
        auto it = std::find_if(
            facilities.begin(), facilities.end(), [&](const auto& f) { return f.first == day.facility; });
        if (it == facilities.end())
            it = facilities.insert(facilities.end(), {day.facility, {}});
        it->second << dateText(day.date);
    }
    QString facilityLine;
    if (facilities.size() == 1 && facilities.front().second.size() == qsizetype(latest.days.size())) {
        facilityLine = J("健診機関：") + S(facilities.front().first);
    } else if (!facilities.empty()) {
        QStringList parts;
        for (const auto& [name, days] : facilities)
            parts << S(name) + J("（") + days.join(J("、")) + J("）");
        facilityLine = J("健診機関：") + parts.join(J("　"));
    }
    std::vector<Row> rows;
    std::optional<clinical::ItemGroup> group;
    for (const auto& item : latest.rows) {
        if (!group || *group != item.item->group) {
            group = item.item->group;
            rows.push_back({{{S(clinical::groupNameJa(*group)), true}}, true});
        }
        Row row;
        row.cells.push_back({S(item.item->nameJa)});
        row.cells.push_back({CheckupText::unitText(item.unit)});
        row.cells.push_back({thresholdsText(item)});
        for (const auto& value : item.values) {
            if (!value) {
                row.cells.push_back({QStringLiteral("—")});
                continue;
            }
            const QString mark = markFor(value->judgement);
            QString shown = CheckupText::valueText(*value);
            // 尿糖・尿蛋白 as a clinic writes them: (−), (±), (+) — and never confused with "—", not measured.
            if (item.item->key == "urine_glucose" || item.item->key == "urine_protein")
                shown = QLatin1Char('(') + shown + QLatin1Char(')');
            const bool referral = value->judgement.band == clinical::Band::Referral;
            row.cells.push_back({mark.isEmpty() ? shown : mark + QLatin1Char(' ') + shown, referral});
        }
        rows.push_back(std::move(row));
    }
    const QString legend = J("判定：○ 基準範囲内　△ 保健指導判定値　▲ 受診勧奨判定値（太字）　? 判定できず　"
                             "記号なし 判定基準のない項目　— 未実施");
    layout.heading(J("最新の健診結果"), layout.lineHeight(layout.font(8)) * 3 + layout.tableStart(columns, rows));
    if (latest.rows.empty()) {
        layout.paragraph(J("対象期間に健診結果の記録はありません。"));
        return;
    }
    if (!facilityLine.isEmpty())
        layout.paragraph(facilityLine, 8);
    layout.paragraph(legend, 8);
    layout.table(columns, rows);
}

void trendCharts(Layout& layout, const exports::DoctorSummary& summary)
{
    const double plotH = mm(46);
    const double titleH = layout.lineHeight(layout.font(10, true)) + mm(1.5);
    layout.heading(J("経年変化"), summary.trends.empty() ? 0 : titleH + plotH);
    if (summary.trends.empty()) {
        layout.paragraph(J("対象期間に主要項目の健診結果の記録はありません。"));
        return;
    }
    layout.paragraph(J("帯は判定値の範囲（○ 基準範囲内　△ 保健指導判定値　▲ 受診勧奨判定値）。"
                       "血圧は1回目と2回目の平均、HbA1c の JDS値は NGSP値に換算。"),
        8);
    // The plots are laid out at a screen size and drawn scaled into the page's width: vector output, the app's
    // fonts at about 7 pt. Each plot titles itself (the item's name) and its value axis (the unit).
    const QSize pixels(800, int(800 * plotH / layout.width()));
    for (const exports::SummaryTrend& trend : summary.trends) {
        // A stack stays on one page (three plots fit), so a day lines up across its plots on paper too.
        layout.subheading(S(trend.titleJa), plotH * double(trend.series.size()));
        domain::Date first = trend.series.front().points.front().date;
        domain::Date last = first;
        for (const auto& s : trend.series)
            for (const auto& p : s.points) {
                first = std::min(first, p.date);
                last = std::max(last, p.date);
            }
        const TrendBands::DateAxis dates = TrendBands::dateAxis(first, last);
        std::vector<std::unique_ptr<TrendChartPlot>> plots;
        if (layout.painter()) {
            for (const auto& s : trend.series) {
                auto plot = std::make_unique<TrendChartPlot>();
                plot->setPalette(paperPalette()); // paper is white, whatever the desktop's palette
                // The PDF's font for the plot's title, unit and band labels (the axes' ticks keep the chart theme's).
                QFont plotFont(QString::fromUtf8(kFamily));
                plotFont.setStyleStrategy(QFont::PreferNoShaping);
                plotFont.setPointSizeF(9);
                plot->setFont(plotFont);
                plot->setAttribute(Qt::WA_DontShowOnScreen);
                plot->resize(pixels);
                plot->show();
                plot->setSeries(s, dates, {});
                plots.push_back(std::move(plot));
            }
            // One left edge for the stack, as the app's view does.
            double widest = 0;
            for (const auto& plot : plots)
                widest = std::max(widest, plot->valueLabelWidth());
            for (const auto& plot : plots)
                plot->setLeftInset(widest - plot->valueLabelWidth());
            QCoreApplication::sendPostedEvents();
        }
        for (std::size_t i = 0; i < trend.series.size(); ++i)
            layout.block(
                plotH, [&](const QRectF& r) { plots[i]->render(layout.painter(), r, QRect(QPoint(0, 0), pixels)); });
        layout.space(mm(2));
    }
}

void medicines(Layout& layout, const exports::DoctorSummary& summary)
{
    // Current medicines.
    std::vector<Column> current {{J("成分（薬剤名）"), 3.2}, {J("用量・用法"), 2.2}, {J("開始"), 1.2},
        {J("最終調剤"), 1.2}, {J("手持ちの目安"), 1.3}, {J("薬局・医療機関"), 2.6}};
    std::vector<Row> currentRows;
    // One row per supply that covers the day (core's CurrentMedicine::supplies): each product with its own dose,
    // prescriber and end, so two clinics prescribing one ingredient are never merged into one attribution.
    for (const auto& m : summary.currentMedicines) {
        const auto& c = m.medicine;
        for (std::size_t i = 0; i < c.supplies.size(); ++i) {
            const auto& supply = c.supplies[i];
            const auto& names = m.supplies[i];
            const QString usage
                = (doseText(supply.line) + QLatin1Char(' ') + S(supply.line.usageText.value_or(""))).trimmed();
            currentRows.push_back({{{S(c.ingredient) + QLatin1Char('\n') + S(supply.line.drugName)}, {usage},
                {dateText(c.start)}, {dateText(supply.dispensedOn)},
                {dateText(supply.until) + (supply.untilEstimated ? J("（推定）") : QString())},
                {institutionsText(names.pharmacy, names.prescriber)}}});
        }
    }
    layout.heading(J("服薬"), layout.lineHeight(layout.font(10, true)) + layout.tableStart(current, currentRows));
    layout.subheading(
        J("現在の薬（") + dateText(summary.referenceDay) + J(" 時点）"), layout.tableStart(current, currentRows));
    if (currentRows.empty())
        layout.paragraph(J("この日に手持ちと推定される薬はありません。"));
    else
        layout.table(current, currentRows);

    // Six months of dispensings.
    std::vector<Column> dispensed {{J("調剤日"), 1.25}, {J("薬剤名"), 3.2}, {J("用量"), 0.9}, {J("用法"), 2.2},
        {J("数量"), 0.9}, {J("薬局・医療機関"), 3.0}};
    std::vector<Row> rows;
    for (const auto& d : summary.recentDispensings) {
        QString usage = S(d.line.usageText.value_or(""));
        if (d.line.specialInstruction && !d.line.specialInstruction->empty())
            usage += J("（") + S(*d.line.specialInstruction) + J("）");
        rows.push_back({{{dateText(d.dispensedOn)}, {S(d.line.drugName)}, {doseText(d.line)}, {usage},
            {daysText(d.line)}, {institutionsText(d.pharmacy, d.prescriber)}}});
    }
    layout.subheading(J("直近6か月の調剤（") + dateText(summary.dispensingsFrom) + J(" 〜 ")
            + dateText(summary.referenceDay) + J("）"),
        layout.tableStart(dispensed, rows));
    if (rows.empty())
        layout.paragraph(J("この期間の調剤の記録はありません。"));
    else
        layout.table(dispensed, rows);
    // Duplicate-medication notices: about the dispensings listed above, so they follow them, naming that period.
    if (!summary.duplicates.empty()) {
        layout.subheading(J("重複投薬の可能性（") + dateText(summary.dispensingsFrom) + J(" 〜 ")
                + dateText(summary.referenceDay) + J(" の調剤）"),
            // kept with the whole first notice (two lines, and the space after it), never a heading ending a page
            layout.lineHeight(layout.font(kFontFamilyPoints)) * 3 + mm(2));
        for (const auto& d : summary.duplicates) {
            const auto& f = d.finding;
            layout.paragraph(J("⚠ ") + S(f.ingredient) + J("：") + S(f.first.drugName) + J("（") + S(d.firstInstitution)
                + J("）と ") + S(f.second.drugName) + J("（") + S(d.secondInstitution) + J("）の期間が ")
                + dateText(f.overlapFrom) + J(" 〜 ") + dateText(f.overlapUntil) + J(" に重なっています。"));
        }
    }
}

void vaccinations(Layout& layout, const exports::DoctorSummary& summary)
{
    std::vector<Column> columns {{J("接種日"), 1.3}, {J("ワクチン"), 3.2}, {J("対象疾病"), 2.2}, {J("回"), 0.5},
        {J("ロット"), 1.1}, {J("接種場所"), 2.6}};
    std::vector<Row> rows;
    for (const auto& v : summary.vaccinations) {
        const auto& x = v.vaccination;
        QString name = S(x.vaccineName);
        if (x.status == domain::VaccinationStatus::NotDone)
            name += J("（未接種）");
        rows.push_back({{{dateText(x.occurredOn)}, {name}, {S(x.targetDisease.value_or(""))},
            {x.doseNumber ? QString::number(*x.doseNumber) : QString()}, {S(x.lotNumber.value_or(""))},
            {S(v.facility)}}});
    }
    layout.heading(J("予防接種歴"), layout.tableStart(columns, rows));
    if (rows.empty())
        layout.paragraph(J("対象期間に予防接種の記録はありません。"));
    else
        layout.table(columns, rows);
}

void sources(Layout& layout, const exports::DoctorSummary& summary)
{
    std::vector<Column> columns {
        {J("情報の出どころ"), 5}, {J("取得日時"), 2}, {J("掲載した記録数"), 1.3, Qt::AlignRight}};
    std::vector<Row> rows;
    for (const auto& s : summary.sources)
        rows.push_back({{{sourceText(s)}, {s.fetchedAt ? timestampText(*s.fetchedAt) : QStringLiteral("—")},
            {QString::number(s.records)}}});
    layout.heading(J("データの出どころ"), layout.tableStart(columns, rows));
    if (!rows.empty())
        layout.table(columns, rows);
    layout.paragraph(
        J("掲載した記録数：このサマリーに載せた健診・調剤・予防接種の記録のうち、その取り込みで得たものの数。"
          "判定値：厚生労働省「標準的な健診・保健指導プログラム（令和6年度版）」第2編 別紙5"
          "（腹囲・BMI は第3章 階層化の基準）。判定は受診者の性別の基準による。"
          "現在の薬は調剤日と日数からの推定（頓服・外用は30日）。"
          "このサマリーは本人が Techo（健康手帳）で記録から作成したもので、医療機関の証明書ではありません。"),
        7.5, QColor(0x33, 0x33, 0x33));
}

// The printed side of the QR code: 70 mm with its quiet zone, so a version-35 code (the largest the payload is made
// to fit) has 0.42 mm modules, which docs/app/qr-code.md measured as readable (pdftoppm down to 110 dpi).
constexpr double kQrSideMm = 70;

// What the code's caption says: what the code holds (only the sections chosen), its format and size, and that it
// is not signed. The geometry is the one the painter will draw (same payload, same options).
QString qrCaption(const exports::DoctorSummary& summary, const QrCodeGeometry& geometry)
{
    QStringList held {J("氏名・生年月日・性別")};
    if (summary.sections.latestCheckups || summary.sections.trends)
        held << J("最新の健診日の検査値と判定");
    if (summary.sections.medicines)
        held << J("現在の薬");
    if (summary.sections.vaccinations)
        held << J("最近の予防接種");
    const double module = kQrSideMm / double(geometry.modules + 2 * summaryCodeQrOptions().quietZone);
    return J("このQRコードには、このサマリーの主な値（") + held.join(J("、"))
        + J("）を、医療機関で入力し直さずに読み取れる形で収めています。")
        + J("形式：techo-summary 第%1版（UTF-8 の JSON、項目は JLAC10 コード）。")
              .arg(exports::kSummaryCodeFormatVersion)
        + J("大きさ：一辺 %1 mm（余白込み）、%2 バイト、バージョン %3（%4×%4 モジュール、1モジュール約 %5 mm）、"
            "誤り訂正レベル M。")
              .arg(QString::number(kQrSideMm, 'f', 0))
              .arg(QLocale(QLocale::Japanese).toString(qlonglong(summary.qrPayload.size())))
              .arg(geometry.version)
              .arg(geometry.modules)
              .arg(QString::number(module, 'f', 2))
        + J("収まらない値は省略し、その旨をコード内に記しています。")
        + J("電子署名はなく、内容を証明するものではありません。内容の確認は本文で行ってください。");
}

// The QR code after the sources, its caption beside it; heading, code and caption stay on one page.
void qrCode(Layout& layout, const exports::DoctorSummary& summary, const QrCodeGeometry& geometry)
{
    const double side = mm(kQrSideMm);
    const double gap = mm(5);
    const QString caption = qrCaption(summary, geometry);
    const QFont f = layout.font(8.5);
    const double h = std::max(side, layout.textHeight(caption, f, layout.width() - side - gap));
    layout.heading(J("読み取り用QRコード"), h);
    const QByteArray payload = QByteArray::fromStdString(summary.qrPayload);
    layout.block(h, [&](const QRectF& r) {
        QPainter& painter = *layout.painter();
        painter.save();
        // Core fitted the payload to this symbol, and the geometry was checked before the layout began.
        (void)paintQrCode(painter, QRectF(r.left(), r.top(), side, side), payload, summaryCodeQrOptions());
        painter.restore();
        layout.drawText(QRectF(r.left() + side + gap, r.top(), r.width() - side - gap, h), caption, f);
    });
}

void layOut(Layout& layout, const exports::DoctorSummary& summary, const std::optional<QrCodeGeometry>& code)
{
    layout.startFirstPage();
    if (summary.sections.latestCheckups)
        latestCheckups(layout, summary);
    if (summary.sections.trends)
        trendCharts(layout, summary);
    if (summary.sections.medicines)
        medicines(layout, summary);
    if (summary.sections.vaccinations)
        vaccinations(layout, summary);
    sources(layout, summary);
    if (code)
        qrCode(layout, summary, *code);
    layout.finish();
}

Result<std::string> renderOnThisThread(const exports::DoctorSummary& summary)
{
    if (!qobject_cast<QApplication*>(QCoreApplication::instance()))
        return makeError(ErrorCode::Internal, "laying out the PDF needs a QApplication");
    if (!QFontDatabase::families().contains(QString::fromUtf8(kFamily)))
        return makeError(ErrorCode::Internal, "the font Noto Sans CJK JP is not installed (fonts-noto-cjk)")
            .withKey("export.pdf_font_missing");
    const JapaneseScope japanese;

    // The code's size for the caption, and any error of the payload, before a page is laid out (drawn once into a
    // throw-away picture: version and modules do not depend on the device).
    std::optional<QrCodeGeometry> code;
    if (!summary.qrPayload.empty()) {
        QPicture picture;
        QPainter probe(&picture);
        TECHO_ASSIGN(code,
            paintQrCode(
                probe, QRectF(0, 0, 1000, 1000), QByteArray::fromStdString(summary.qrPayload), summaryCodeQrOptions()));
    }

    QByteArray bytes;
    int pages = 0;
    for (const bool dry : {true, false}) {
        bytes.clear();
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
        writer.setResolution(kDpi);
        writer.setTitle(J("医師提出用サマリー"));
        writer.setCreator(QStringLiteral("Techo"));
        if (dry) {
            Layout layout(writer, nullptr, summary, 0);
            layOut(layout, summary, code);
            pages = layout.pages();
            continue;
        }
        QPainter painter;
        if (!painter.begin(&writer))
            return makeError(ErrorCode::Internal, "cannot start the PDF");
        painter.setRenderHint(QPainter::Antialiasing);
        Layout layout(writer, &painter, summary, pages);
        layOut(layout, summary, code);
        painter.end();
    }
    // Qt names some glyphs by their radical code points (⻑ for 長): put the written characters back.
    return PdfToUnicode::preferWrittenCodePoints(
        std::string_view(bytes.constData(), std::size_t(bytes.size())), QString::fromUtf8(kFamily));
}

} // namespace

Result<std::string> renderDoctorSummaryPdf(const exports::DoctorSummary& summary)
{
    QCoreApplication* app = QCoreApplication::instance();
    if (!app)
        return makeError(ErrorCode::Internal, "laying out the PDF needs a QApplication");
    if (QThread::currentThread() == app->thread())
        return renderOnThisThread(summary);
    // Off the GUI thread: the layout is queued to the GUI thread and this thread waits for it. Not with a blocking
    // queued call: a GUI thread that waits for this thread (a window closing during an export: cancel, then
    // QThread::wait) would never run it. Such a waiter requests interruption first; this thread then gives up, and
    // the job, shared, is skipped (or finished unread) whenever the GUI thread gets to it.
    struct Job {
        exports::DoctorSummary summary;
        std::optional<Result<std::string>> out;
        std::atomic<bool> abandoned {false};
        QSemaphore done;
    };
    auto job = std::make_shared<Job>();
    job->summary = summary;
    QMetaObject::invokeMethod(
        app,
        [job] {
            if (!job->abandoned.load())
                job->out.emplace(renderOnThisThread(job->summary));
            job->done.release();
        },
        Qt::QueuedConnection);
    QThread* self = QThread::currentThread();
    while (!job->done.tryAcquire(1, 20)) {
        if (self->isInterruptionRequested()) {
            job->abandoned.store(true);
            return makeError(ErrorCode::Cancelled, "the export was cancelled; nothing was written")
                .withKey("export.cancelled");
        }
    }
    if (!job->out)
        return makeError(ErrorCode::Cancelled, "the export was cancelled; nothing was written")
            .withKey("export.cancelled");
    return std::move(*job->out);
}

} // namespace techo::ui
