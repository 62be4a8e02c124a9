#include "ui/AppSettings.h"

#include <QSettings>

#include <algorithm>

namespace techo::ui {
namespace {
const QString kLanguage = QStringLiteral("ui/language");
const QString kAutoLock = QStringLiteral("security/autoLockMinutes");
const QString kApiEndpoint = QStringLiteral("api/endpoint");
const QString kCaFile = QStringLiteral("api/caFile");
const QString kEra = QStringLiteral("ui/japaneseEra");
constexpr int kDefaultAutoLockMinutes = 5;
constexpr int kMaxAutoLockMinutes = 24 * 60;
} // namespace

QString AppSettings::language()
{
    const QString code = QSettings().value(kLanguage, QStringLiteral("system")).toString();
    return code == QLatin1String("ja") || code == QLatin1String("en") ? code : QStringLiteral("system");
}

void AppSettings::setLanguage(const QString& code)
{
    QSettings().setValue(kLanguage, code);
}

int AppSettings::autoLockMinutes()
{
    bool ok = false;
    const int minutes = QSettings().value(kAutoLock, kDefaultAutoLockMinutes).toInt(&ok);
    return ok ? std::clamp(minutes, 0, kMaxAutoLockMinutes) : kDefaultAutoLockMinutes;
}

void AppSettings::setAutoLockMinutes(int minutes)
{
    QSettings().setValue(kAutoLock, std::clamp(minutes, 0, kMaxAutoLockMinutes));
}

QString AppSettings::apiEndpoint()
{
    return QSettings().value(kApiEndpoint).toString();
}

void AppSettings::setApiEndpoint(const QString& url)
{
    QSettings().setValue(kApiEndpoint, url);
}

QString AppSettings::caFile()
{
    return QSettings().value(kCaFile).toString();
}

void AppSettings::setCaFile(const QString& path)
{
    QSettings().setValue(kCaFile, path);
}

EraDisplay AppSettings::eraDisplay()
{
    return QSettings().value(kEra, false).toBool() ? EraDisplay::WithJapaneseEra : EraDisplay::Western;
}

void AppSettings::setEraDisplay(EraDisplay display)
{
    QSettings().setValue(kEra, display == EraDisplay::WithJapaneseEra);
}

} // namespace techo::ui
