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
        QStringLiteral("UI language: ja or en (default: the Settings choice, else the system's)."),
        QStringLiteral("code"));
    parser.addOption(vaultOption);
    parser.addOption(langOption);
    parser.process(app);

    // --lang wins over the person's choice in Settings, which wins over the desktop's language.
    QString language = parser.value(langOption);
    if (language.isEmpty())
        language = techo::ui::AppSettings::language();
    const QLocale locale = language == QLatin1String("system") ? QLocale::system() : QLocale(language);
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
