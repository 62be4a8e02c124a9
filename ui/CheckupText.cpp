#include "ui/CheckupText.h"

#include <QLocale>

#include <iterator>

namespace techo::ui {

QString CheckupText::fromUtf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

bool CheckupText::glossAddsSomething(std::string_view ja, std::string_view en)
{
    QString plain = fromUtf8(ja);
    plain.replace(QStringLiteral("（"), QStringLiteral("(")).replace(QStringLiteral("）"), QStringLiteral(")"));
    plain.remove(QLatin1Char(' '));
    return plain != fromUtf8(en).remove(QLatin1Char(' '));
}

QString CheckupText::itemName(const clinical::LogicalItem& item)
{
    const QString official = fromUtf8(item.nameJa);
    if (QLocale().language() == QLocale::Japanese || !glossAddsSomething(item.nameJa, item.nameEn))
        return official;
    return tr("%1 · %2", "official Japanese item name, English gloss").arg(official, fromUtf8(item.nameEn));
}

QString CheckupText::comparatorText(domain::Comparator comparator)
{
    switch (comparator) {
    case domain::Comparator::Less:
        return QStringLiteral("<");
    case domain::Comparator::LessOrEqual:
        return QStringLiteral("≤");
    case domain::Comparator::GreaterOrEqual:
        return QStringLiteral("≥");
    case domain::Comparator::Greater:
        return QStringLiteral(">");
    }
    return {};
}

QString CheckupText::numberText(double value)
{
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale.toString(value, 'f', QLocale::FloatingPointShortest);
}

QString CheckupText::valueText(const clinical::TrendPoint& point)
{
    if (point.value) {
        QString text = numberText(*point.value);
        if (point.comparator)
            text.prepend(comparatorText(*point.comparator));
        return text;
    }
    if (point.label && !point.label->empty())
        return QString::fromStdString(*point.label);
    if (point.code)
        return QString::fromStdString(*point.code);
    if (point.text)
        return QString::fromStdString(*point.text).simplified();
    return {};
}

QString CheckupText::thresholdText(const clinical::AppliedThreshold& threshold)
{
    static const char* const kSigns[] = {"≥", ">", "≤", "<"};
    const auto index = std::size_t(threshold.direction);
    const char* sign = index < std::size(kSigns) ? kSigns[index] : "";
    return QString::fromUtf8(sign) + numberText(threshold.value);
}

QString CheckupText::bandSymbol(clinical::Band band)
{
    switch (band) {
    case clinical::Band::Normal:
        return QStringLiteral("○");
    case clinical::Band::Guidance:
        return QStringLiteral("△");
    case clinical::Band::Referral:
        return QStringLiteral("▲");
    }
    return {};
}

QString CheckupText::bandName(clinical::Band band)
{
    switch (band) {
    case clinical::Band::Normal:
        return tr("Within reference range");
    case clinical::Band::Guidance:
        return tr("Health guidance level");
    case clinical::Band::Referral:
        return tr("Referral level (see a doctor)");
    }
    return {};
}

QString CheckupText::notJudgedSymbol()
{
    return QStringLiteral("?");
}

QString CheckupText::notJudgedText(clinical::NotJudged reason)
{
    switch (reason) {
    case clinical::NotJudged::NoRule:
        return tr("Not judged: the programme gives no judgement value for this item.");
    case clinical::NotJudged::NoValue:
        return tr("Not judged: there is no value to judge.");
    case clinical::NotJudged::UnknownItem:
    case clinical::NotJudged::UnknownCode:
        return tr("Not judged: the result code is not one Techo knows.");
    case clinical::NotJudged::SexNeeded:
        return tr("Not judged: the judgement values differ for men and women, and this profile's sex is not "
                  "recorded.");
    case clinical::NotJudged::BoundSpansBands:
        return tr("Not judged: the value is a bound, and the values it allows fall in more than one band.");
    }
    return {};
}

BandColours BandColours::forPalette(const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    const bool dark = base.lightnessF() < 0.5;
    // Hues picked to stay apart for the common colour-vision deficiencies (blue-green, orange, vermilion); the
    // symbol carries the meaning, the colour only helps the eye.
    const QColor lightText[3] = {QColor(0x1f, 0x6b, 0x52), QColor(0x8a, 0x55, 0x00), QColor(0xb0, 0x2a, 0x12)};
    const QColor darkText[3] = {QColor(0x7f, 0xd1, 0xb4), QColor(0xf2, 0xc0, 0x6b), QColor(0xff, 0x9a, 0x85)};
    const QColor tintHue[3] = {QColor(0x1f, 0x6b, 0x52), QColor(0xe0, 0x9a, 0x00), QColor(0xd4, 0x3a, 0x1e)};
    BandColours colours;
    for (int i = 0; i < 3; ++i) {
        colours.text[i] = dark ? darkText[i] : lightText[i];
        // Normal cells keep the base; the two judgement bands get a faint tint of their hue over it.
        const double alpha = i == 0 ? 0.0 : (dark ? 0.22 : 0.14);
        const QColor& hue = tintHue[i];
        colours.background[i] = QColor::fromRgbF(float(base.redF() * (1 - alpha) + hue.redF() * alpha),
            float(base.greenF() * (1 - alpha) + hue.greenF() * alpha),
            float(base.blueF() * (1 - alpha) + hue.blueF() * alpha));
    }
    colours.notJudged = palette.color(QPalette::PlaceholderText);
    return colours;
}

} // namespace techo::ui
