#include "ui/CheckupText.h"

#include <QLocale>

#include <iterator>
#include <string_view>
#include <utility>

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

QString CheckupText::groupName(clinical::ItemGroup group)
{
    if (QLocale().language() == QLocale::Japanese)
        return fromUtf8(clinical::groupNameJa(group));
    switch (group) {
    case clinical::ItemGroup::Body:
        return tr("Body measurements");
    case clinical::ItemGroup::BloodPressure:
        return tr("Blood pressure");
    case clinical::ItemGroup::Lipids:
        return tr("Lipids");
    case clinical::ItemGroup::Liver:
        return tr("Liver function");
    case clinical::ItemGroup::Glucose:
        return tr("Blood glucose");
    case clinical::ItemGroup::Urine:
        return tr("Urine");
    case clinical::ItemGroup::Kidney:
        return tr("Kidney function");
    case clinical::ItemGroup::Anemia:
        return tr("Anemia");
    case clinical::ItemGroup::Ecg:
        return tr("ECG");
    case clinical::ItemGroup::Fundus:
        return tr("Fundus");
    case clinical::ItemGroup::Assessment:
        return tr("Assessment");
    case clinical::ItemGroup::Questionnaire:
        return tr("Questionnaire");
    }
    return {};
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

QString CheckupText::numberText(double value, int decimals)
{
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    QString text = locale.toString(value, 'f', QLocale::FloatingPointShortest);
    if (decimals <= 0)
        return text;
    const QString point = locale.decimalPoint();
    const qsizetype at = text.indexOf(point);
    const qsizetype have = at < 0 ? 0 : text.size() - at - point.size();
    if (have >= decimals)
        return text;
    if (at < 0)
        text += point;
    return text + QString(decimals - have, locale.zeroDigit().at(0));
}

int CheckupText::usualDecimals(const clinical::LogicalItem& item)
{
    using namespace std::string_view_literals;
    static constexpr std::pair<std::string_view, int> kDecimals[] = {
        {"height"sv, 1},
        {"weight"sv, 1},
        {"waist"sv, 1},
        {"bmi"sv, 1},
        {"visceral_fat"sv, 1},
        {"hba1c"sv, 1},
        {"hba1c_jds"sv, 1},
        {"hemoglobin"sv, 1},
        {"hematocrit"sv, 1},
        {"uric_acid"sv, 1},
        {"egfr"sv, 1},
        {"creatinine"sv, 2},
    };
    for (const auto& [key, decimals] : kDecimals)
        if (key == item.key)
            return decimals;
    return 0;
}

int CheckupText::usualDecimals(std::string_view itemCode)
{
    const auto variant = clinical::variantOf(itemCode);
    return variant && variant->item ? usualDecimals(*variant->item) : 0;
}

QString CheckupText::unitText(std::string_view unit)
{
    QString text = fromUtf8(unit);
    // Powers of ten read as "×10⁴"; "u" as a prefix is micro; squares and cubes as superscripts.
    if (text.startsWith(QStringLiteral("10^")))
        text.prepend(QStringLiteral("×"));
    text.replace(QStringLiteral("10^3"), QStringLiteral("10³"))
        .replace(QStringLiteral("10^4"), QStringLiteral("10⁴"))
        .replace(QStringLiteral("10^6"), QStringLiteral("10⁶"))
        .replace(QStringLiteral("/uL"), QStringLiteral("/μL"))
        .replace(QStringLiteral("m2"), QStringLiteral("m²"))
        .replace(QStringLiteral("m3"), QStringLiteral("m³"));
    return text;
}

QString CheckupText::unitText(const clinical::LogicalItem& item)
{
    return unitText(clinical::itemUnit(item));
}

QString CheckupText::valueText(const clinical::TrendPoint& point)
{
    if (point.value) {
        QString text = numberText(*point.value, usualDecimals(point.itemCode));
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

QString CheckupText::thresholdText(const clinical::AppliedThreshold& threshold, const clinical::LogicalItem* item)
{
    static const char* const kSigns[] = {"≥", ">", "≤", "<"};
    const auto index = std::size_t(threshold.direction);
    const char* sign = index < std::size(kSigns) ? kSigns[index] : "";
    return QString::fromUtf8(sign) + numberText(threshold.value, item ? usualDecimals(*item) : 0);
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
