#include "ui/TrendChartStyle.h"

#include "ui/CheckupText.h"

#include <QFont>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace techo::ui {
namespace {

// Okabe & Ito, "Color Universal Design" (2002): distinguishable with protanopia, deuteranopia and tritanopia.
constexpr QRgb kBluishGreen = 0x009E73;
constexpr QRgb kOrange = 0xE69F00;
constexpr QRgb kVermillion = 0xD55E00;
constexpr QRgb kGrey = 0x8C8C8C;

bool japaneseUi()
{
    return QLocale().language() == QLocale::Japanese;
}

QPainterPath shapePath(TrendChartStyle::Marker marker, const QRectF& box)
{
    QPainterPath path;
    switch (marker) {
    case TrendChartStyle::Marker::Normal:
        path.addEllipse(box);
        break;
    case TrendChartStyle::Marker::Guidance:
    case TrendChartStyle::Marker::Referral: {
        // An upward triangle whose centroid sits at the box centre (the point's value).
        const double h = box.height();
        const double top = box.center().y() - h * 0.58;
        const double bottom = box.center().y() + h * 0.42;
        path.moveTo(box.center().x(), top);
        path.lineTo(box.right(), bottom);
        path.lineTo(box.left(), bottom);
        path.closeSubpath();
        break;
    }
    case TrendChartStyle::Marker::Plain:
        path.addEllipse(box.adjusted(box.width() * 0.2, box.height() * 0.2, -box.width() * 0.2, -box.height() * 0.2));
        break;
    case TrendChartStyle::Marker::NotJudged:
        path.addRect(box.adjusted(box.width() * 0.08, box.height() * 0.08, -box.width() * 0.08, -box.height() * 0.08));
        break;
    }
    return path;
}

} // namespace

TrendChartStyle::Marker TrendChartStyle::markerFor(const clinical::Judgement& judgement)
{
    if (!judgement.band)
        return judgement.notJudged == clinical::NotJudged::NoRule ? Marker::Plain : Marker::NotJudged;
    switch (*judgement.band) {
    case clinical::Band::Normal:
        return Marker::Normal;
    case clinical::Band::Guidance:
        return Marker::Guidance;
    case clinical::Band::Referral:
        return Marker::Referral;
    }
    return Marker::NotJudged;
}

QString TrendChartStyle::markerKey(Marker marker)
{
    switch (marker) {
    case Marker::Normal:
        return QStringLiteral("normal");
    case Marker::Guidance:
        return QStringLiteral("guidance");
    case Marker::Referral:
        return QStringLiteral("referral");
    case Marker::NotJudged:
        return QStringLiteral("not_judged");
    case Marker::Plain:
        return QStringLiteral("plain");
    }
    return {};
}

bool TrendChartStyle::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < palette.color(QPalette::Text).lightness();
}

QColor TrendChartStyle::bandColour(clinical::Band band)
{
    switch (band) {
    case clinical::Band::Normal:
        return QColor::fromRgb(kBluishGreen);
    case clinical::Band::Guidance:
        return QColor::fromRgb(kOrange);
    case clinical::Band::Referral:
        return QColor::fromRgb(kVermillion);
    }
    return QColor::fromRgb(kGrey);
}

QColor TrendChartStyle::markerColour(Marker marker)
{
    switch (marker) {
    case Marker::Normal:
        return bandColour(clinical::Band::Normal);
    case Marker::Guidance:
        return bandColour(clinical::Band::Guidance);
    case Marker::Referral:
        return bandColour(clinical::Band::Referral);
    case Marker::NotJudged:
    case Marker::Plain:
        return QColor::fromRgb(kGrey);
    }
    return QColor::fromRgb(kGrey);
}

QColor TrendChartStyle::bandFill(clinical::Band band, const QPalette& palette)
{
    QColor colour = bandColour(band);
    // 基準範囲内 is only tinted; the two judgement bands stand out more. A dark background needs more alpha for
    // the same visible tint.
    const bool dark = isDark(palette);
    const int alpha = band == clinical::Band::Normal ? (dark ? 34 : 26) : (dark ? 62 : 46);
    colour.setAlpha(alpha);
    return colour;
}

QColor TrendChartStyle::bandTextColour(clinical::Band band, const QPalette& palette)
{
    // The table's text colours for the bands (readable on a light and on a dark base), so a band reads the same
    // in both views.
    return BandColours::forPalette(palette).text[int(band)];
}

QImage TrendChartStyle::markerImage(
    Marker marker, const QPalette& palette, std::optional<domain::Comparator> bound, int pixels)
{
    QImage image(pixels, pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor colour = markerColour(marker);
    const double unit = pixels / 16.0;
    const QColor halo = palette.color(QPalette::Base);
    if (bound) {
        // The open shape in the upper (">") or lower ("<") half, an arrow from it towards where the value lies.
        const bool below = *bound == domain::Comparator::Less || *bound == domain::Comparator::LessOrEqual;
        const double shapeSize = 7 * unit;
        const double cx = pixels / 2.0;
        const double cy = pixels / 2.0;
        const QRectF box(cx - shapeSize / 2, cy - shapeSize / 2, shapeSize, shapeSize);
        p.setPen(QPen(colour, 1.8 * unit));
        p.setBrush(halo);
        p.drawPath(shapePath(marker, box));
        const double from = below ? box.bottom() + unit : box.top() - unit;
        const double to = below ? pixels - unit : unit;
        p.drawLine(QPointF(cx, from), QPointF(cx, to));
        const double head = 3 * unit * (below ? -1 : 1);
        p.drawLine(QPointF(cx, to), QPointF(cx - 2.5 * unit, to + head));
        p.drawLine(QPointF(cx, to), QPointF(cx + 2.5 * unit, to + head));
        return image;
    }
    const QRectF box(2 * unit, 2 * unit, pixels - 4 * unit, pixels - 4 * unit);
    const QPainterPath path = shapePath(marker, box);
    // A halo in the background colour keeps a marker visible on its band's tint and on the line.
    p.setPen(QPen(halo, 2.2 * unit));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    switch (marker) {
    case Marker::Referral:
        // The one filled shape (▲), as in the text symbols: the point that needs a doctor stands out most.
        p.setPen(QPen(colour.darker(isDark(palette) ? 100 : 120), 1.0 * unit));
        p.setBrush(colour);
        break;
    case Marker::Plain:
        // A filled dot in the text colour: a value, no judgement.
        p.setPen(Qt::NoPen);
        p.setBrush(palette.color(QPalette::Text));
        break;
    case Marker::Normal:
    case Marker::Guidance:
    case Marker::NotJudged:
        // Open shapes (○, △, □), as in the text symbols.
        p.setPen(QPen(colour, 2.0 * unit));
        p.setBrush(halo);
        break;
    }
    p.drawPath(path);
    if (marker == Marker::NotJudged) {
        // "?", the symbol the tables show for a value core could not judge.
        QFont font;
        font.setBold(true);
        font.setPixelSize(int(9 * unit));
        p.setFont(font);
        p.setPen(colour);
        p.drawText(box, Qt::AlignCenter, QStringLiteral("?"));
    }
    return image;
}

int TrendChartStyle::markerSize(Marker marker, bool bound)
{
    if (bound)
        return 20;
    return marker == Marker::Referral ? 15 : 13;
}

QString TrendChartStyle::bandName(clinical::Band band)
{
    return CheckupText::bandSymbol(band) + QLatin1Char(' ') + CheckupText::bandName(band);
}

QString TrendChartStyle::notJudgedText(clinical::NotJudged reason)
{
    return CheckupText::notJudgedSymbol() + QLatin1Char(' ') + CheckupText::notJudgedText(reason);
}

QString TrendChartStyle::judgementText(const clinical::Judgement& judgement)
{
    if (judgement.band)
        return bandName(*judgement.band);
    if (judgement.notJudged == clinical::NotJudged::NoRule)
        return CheckupText::notJudgedText(clinical::NotJudged::NoRule);
    return notJudgedText(judgement.notJudged.value_or(clinical::NotJudged::NoRule));
}

QString TrendChartStyle::thresholdText(const clinical::AppliedThreshold& threshold, std::string_view unit)
{
    QString text = CheckupText::thresholdText(threshold);
    if (!unit.empty())
        text += QLatin1Char(' ') + CheckupText::unitText(unit);
    return text;
}

QString TrendChartStyle::complementText(const clinical::AppliedThreshold& threshold, std::string_view unit)
{
    clinical::AppliedThreshold complement = threshold;
    switch (threshold.direction) {
    case clinical::Direction::AtLeast:
        complement.direction = clinical::Direction::Below;
        break;
    case clinical::Direction::Above:
        complement.direction = clinical::Direction::AtMost;
        break;
    case clinical::Direction::AtMost:
        complement.direction = clinical::Direction::Above;
        break;
    case clinical::Direction::Below:
        complement.direction = clinical::Direction::AtLeast;
        break;
    }
    return thresholdText(complement, unit);
}

QString TrendChartStyle::comparatorText(domain::Comparator comparator)
{
    return CheckupText::comparatorText(comparator);
}

QString TrendChartStyle::numberText(double value)
{
    return CheckupText::numberText(value);
}

QString TrendChartStyle::valueText(const clinical::TrendPoint& point, std::string_view unit)
{
    QString text = CheckupText::valueText(point);
    if (text.isEmpty())
        return tr("(no value)");
    if (point.value && !unit.empty())
        text += QLatin1Char(' ') + CheckupText::unitText(unit);
    return text;
}

QString TrendChartStyle::itemName(const clinical::LogicalItem& item)
{
    return CheckupText::itemName(item);
}

QString TrendChartStyle::citation(clinical::RuleSource source)
{
    const QString japanese = fromView(clinical::ruleCitation(source));
    if (japanese.isEmpty() || japaneseUi())
        return japanese;
    switch (source) {
    case clinical::RuleSource::None:
        return {};
    case clinical::RuleSource::Besshi5:
        return tr("Ministry of Health, Labour and Welfare, Standard Programme for Health Checkups and Health "
                  "Guidance (FY2024 edition), Part 2, Annex 5: guidance and referral values of the checkup items")
            + QStringLiteral("\n(") + japanese + QLatin1Char(')');
    case clinical::RuleSource::Stratification:
        return tr("Ministry of Health, Labour and Welfare, Standard Programme for Health Checkups and Health "
                  "Guidance (FY2024 edition), Part 2, Chapter 3, stratification step 1 (visceral fat risk)")
            + QStringLiteral("\n(") + japanese + QLatin1Char(')');
    }
    return japanese;
}

QString TrendChartStyle::fromView(std::string_view text)
{
    return CheckupText::fromUtf8(text);
}

} // namespace techo::ui
