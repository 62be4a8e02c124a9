#include "core/crypto/ProcessHardening.h"
#include "core/vault/Vault.h"
#include "ui/AppController.h"
#include "ui/AppSettings.h"
#include "ui/DateText.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace {

// The UI languages Techo has a catalogue for. Everything follows the one choice — Techo's texts, Qt's own
// (dialog buttons), numbers and dates — so that no window mixes two languages.
QLocale uiLocale(const QString& language)
{
    if (language == QLatin1String("ja"))
        return QLocale(QLocale::Japanese, QLocale::Japan);
    if (language == QLatin1String("en"))
        return QLocale(QLocale::English, QLocale::UnitedStates);
    // "system": the desktop's language when Techo speaks it, else English (with a desktop in French, a French
    // "Annuler" beside English texts would help nobody).
    const QLocale system = QLocale::system();
    if (system.language() == QLocale::Japanese || system.language() == QLocale::English)
        return system;
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

bool isKnownLanguage(const QString& language)
{
    return language == QLatin1String("ja") || language == QLatin1String("en") || language == QLatin1String("system");
}

} // namespace

int main(int argc, char** argv)
{
    techo::crypto::hardenProcess();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Techo"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QApplication::setOrganizationName(QStringLiteral("Techo"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Techo (健康手帳) — personal health record"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption vaultOption(QStringLiteral("vault"), QStringLiteral("Vault file to open."),
        QStringLiteral("path"), QString::fromStdString(techo::vault::Vault::defaultPath()));
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QStringLiteral("UI language: ja, en or system (default: the Settings choice, else the system's)."),
        QStringLiteral("code"));
    parser.addOption(vaultOption);
    parser.addOption(langOption);
    parser.process(app);

    // --lang wins over the person's choice in Settings, which wins over the desktop's language.
    QString language = parser.value(langOption);
    if (parser.isSet(langOption) && !isKnownLanguage(language)) {
        std::fprintf(stderr, "techo: unknown language \"%s\" for --lang (use ja, en or system); using English.\n",
            qPrintable(language));
        language = QStringLiteral("en");
    }
    if (language.isEmpty())
        language = techo::ui::AppSettings::language();
    if (!isKnownLanguage(language))
        language = QStringLiteral("system"); // a settings file edited by hand
    const QLocale locale = uiLocale(language);
    QLocale::setDefault(locale); // numbers and dates formatted by the views follow the UI language
    QTranslator qtTranslator;
    if (qtTranslator.load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(locale, QStringLiteral("techo"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
    techo::ui::setEraDisplay(techo::ui::AppSettings::eraDisplay());

    techo::ui::MainWindow window(parser.value(vaultOption));
    techo::ui::AppController controller(window);
    window.show();
    QTimer::singleShot(0, &window, &techo::ui::MainWindow::unlockOrCreate);
    return QApplication::exec();
}
