#include "ui/DateText.h"

#include <QDate>
#include <QLocale>

#include <memory>
#include <string>
#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

namespace techo::ui {
namespace {
EraDisplay g_eraDisplay = EraDisplay::Western;

// 明治6年1月1日: the Gregorian calendar's first day in Japan (明治5年太政官布告第337号).
constexpr domain::Date kFirstGregorianDayInJapan {std::chrono::year(1873), std::chrono::January, std::chrono::day(1)};

QString fromIcu(const icu::UnicodeString& text)
{
    std::string utf8;
    text.toUTF8String(utf8);
    return QString::fromStdString(utf8);
}
} // namespace

void setEraDisplay(EraDisplay display) noexcept
{
    g_eraDisplay = display;
}

EraDisplay eraDisplay() noexcept
{
    return g_eraDisplay;
}

QString japaneseEraText(const domain::Date& date)
{
    if (!date.ok() || date < kFirstGregorianDayInJapan)
        return {};
    const bool japanese = QLocale().language() == QLocale::Japanese;
    const icu::Locale locale(japanese ? "ja_JP@calendar=japanese" : "en@calendar=japanese");
    UErrorCode status = U_ZERO_ERROR;
    // The day at 00:00 UTC, read back in UTC: no time zone can move it to another day.
    std::unique_ptr<icu::Calendar> gregorian(
        icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), icu::Locale("en@calendar=gregorian"), status));
    std::unique_ptr<icu::Calendar> calendar(
        icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), locale, status));
    if (U_FAILURE(status) || !gregorian || !calendar)
        return {};
    gregorian->clear();
    gregorian->set(int(date.year()), int(unsigned(date.month())) - 1, int(unsigned(date.day())));
    const UDate instant = gregorian->getTime(status);
    calendar->setTime(instant, status);
    const int eraYear = calendar->get(UCAL_YEAR, status);
    // "GGGG": the era's full name in the locale (令和 / Reiwa).
    icu::SimpleDateFormat eraFormat(icu::UnicodeString(u"GGGG"), locale, status);
    if (U_FAILURE(status))
        return {};
    eraFormat.setTimeZone(*icu::TimeZone::getGMT());
    icu::UnicodeString era;
    eraFormat.format(instant, era);
    if (era.isEmpty())
        return {};
    if (japanese)
        return fromIcu(era) + (eraYear == 1 ? QStringLiteral("元年") : QStringLiteral("%1年").arg(eraYear));
    return QStringLiteral("%1 %2").arg(fromIcu(era)).arg(eraYear);
}

QString dateText(const domain::Date& date)
{
    const QDate day(int(date.year()), int(unsigned(date.month())), int(unsigned(date.day())));
    const QLocale locale;
    const bool japanese = locale.language() == QLocale::Japanese;
    // ja's short format is 2024/04/01; other languages get the unambiguous medium form.
    const QString western
        = japanese ? day.toString(QStringLiteral("yyyy/MM/dd")) : locale.toString(day, QStringLiteral("d MMM yyyy"));
    if (g_eraDisplay != EraDisplay::WithJapaneseEra)
        return western;
    const QString era = japaneseEraText(date);
    if (era.isEmpty())
        return western;
    return japanese ? QStringLiteral("%1（%2）").arg(western, era) : QStringLiteral("%1 (%2)").arg(western, era);
}

domain::Date toDomainDate(const QDate& date)
{
    return domain::Date {std::chrono::year(date.year()), std::chrono::month(static_cast<unsigned>(date.month())),
        std::chrono::day(static_cast<unsigned>(date.day()))};
}

QString dateEditFormat()
{
    return QLocale().language() == QLocale::Japanese ? QStringLiteral("yyyy/MM/dd") : QStringLiteral("d MMM yyyy");
}

} // namespace techo::ui
