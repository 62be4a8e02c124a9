#include "ui/DateText.h"

#include <QDate>
#include <QLocale>

namespace techo::ui {
namespace {
EraDisplay g_eraDisplay = EraDisplay::Western;
} // namespace

void setEraDisplay(EraDisplay display) noexcept
{
    g_eraDisplay = display;
}

EraDisplay eraDisplay() noexcept
{
    return g_eraDisplay;
}

QString dateText(const domain::Date& date)
{
    const QDate day(int(date.year()), int(unsigned(date.month())), int(unsigned(date.day())));
    const QLocale locale;
    // ja's short format is 2024/04/01; other languages get the unambiguous medium form.
    const QString western = locale.language() == QLocale::Japanese ? day.toString(QStringLiteral("yyyy/MM/dd"))
                                                                   : locale.toString(day, QStringLiteral("d MMM yyyy"));
    // TODO(settings): the era part (ICU's Japanese calendar) comes with the settings dialog.
    return western;
}

} // namespace techo::ui
