// techo-screenshot-tour: opens the real app window (AppController on a MainWindow) on a vault, walks through
// every main view and dialog, and saves what the screen shows (QScreen::grabWindow of the X window, so run it
// under Xvfb: packaging/screenshots.sh). Not a test: it prints the files it wrote.
// Usage: techo-screenshot-tour --vault V --lang ja|en --out DIR [--today YYYY-MM-DD]; passphrase in TECHO_PASSPHRASE.
#include "core/crypto/SecretBytes.h"
#include "core/domain/Dates.h"
#include "core/session/VaultSession.h"
#include "ui/AppController.h"
#include "ui/CheckupResultsView.h"
#include "ui/CheckupTableModel.h"
#include "ui/DashboardView.h"
#include "ui/DateText.h"
#include "ui/ExportDialog.h"
#include "ui/MainWindow.h"
#include "ui/ProfileSwitcher.h"
#include "ui/SettingsDialog.h"
#include "ui/TrendChartView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QScreen>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTranslator>
#include <QWindow>

#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace techo;

namespace {

void settle(int ms = 400)
{
    const auto until = QDateTime::currentMSecsSinceEpoch() + ms;
    while (QDateTime::currentMSecsSinceEpoch() < until) {
        QApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
}

// Without a window manager (Xvfb) raise() decides what is on top: the dialog (when there is one) over its window.
bool grab(QWidget& window, const QString& path, QWidget* dialog = nullptr)
{
    window.raise();
    if (dialog) {
        settle(200);
        dialog->raise();
        dialog->activateWindow();
    } else {
        window.activateWindow();
    }
    settle();
    QScreen* screen = window.screen();
    // The whole top-level window including any window-modal dialog drawn over it: grab the screen area.
    const QRect frame = window.frameGeometry();
    const QPixmap shot = screen->grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height());
    if (shot.isNull() || !shot.save(path)) {
        std::fprintf(stderr, "screenshot-tour: could not write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Techo"));
    QApplication::setOrganizationName(QStringLiteral("Techo"));
    QCommandLineParser parser;
    const QCommandLineOption vaultOption(QStringLiteral("vault"), QStringLiteral("vault"), QStringLiteral("path"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("ja|en"), QStringLiteral("code"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("folder"), QStringLiteral("dir"));
    const QCommandLineOption todayOption(QStringLiteral("today"), QStringLiteral("day"), QStringLiteral("date"));
    parser.addOptions({vaultOption, langOption, outOption, todayOption});
    parser.process(app);
    const QString lang = parser.value(langOption);
    const QDir out(parser.value(outOption));
    const char* passphraseText = std::getenv("TECHO_PASSPHRASE");
    if (!parser.isSet(vaultOption) || !parser.isSet(outOption) || lang.isEmpty() || !passphraseText) {
        std::fprintf(stderr, "usage: TECHO_PASSPHRASE=… techo-screenshot-tour --vault V --lang ja|en --out DIR\n");
        return 2;
    }
    QDir().mkpath(out.path());
    QLocale::setDefault(QLocale(lang));
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(lang), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(lang), QStringLiteral("techo"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
    bool ok = true;
    const auto file = [&](const QString& name) { return out.filePath(QStringLiteral("%1-%2.png").arg(name, lang)); };

    { // First run: no vault at the path.
        QTemporaryDir empty;
        ui::MainWindow window(empty.filePath(QStringLiteral("new.techo")));
        ui::AppController controller(window);
        window.resize(1280, 800);
        window.show();
        window.unlockOrCreate();
        ok &= grab(window, file(QStringLiteral("welcome")));
    }

    ui::MainWindow window(parser.value(vaultOption));
    ui::AppController controller(window);
    if (parser.isSet(todayOption)) {
        // The demo's dispensings end on the sandbox's own calendar: show "today" as that day.
        if (const auto day = domain::parseDate(parser.value(todayOption).toStdString())) {
            const auto at = std::chrono::sys_days(*day) + std::chrono::hours(3);
            controller.dashboard().setClock(domain::Clock::fixed(std::chrono::floor<std::chrono::seconds>(at)));
        }
    }
    window.resize(1280, 800);
    window.show();
    window.unlockOrCreate(); // the unlock dialog over the locked window
    ok &= grab(window, file(QStringLiteral("unlock")), window.findChild<QDialog*>());
    for (QDialog* dialog : window.findChildren<QDialog*>())
        dialog->reject();
    settle(200);

    auto passphrase = crypto::SecretBytes::fromString(passphraseText);
    auto session = session::VaultSession::open(parser.value(vaultOption).toStdString(), passphrase);
    if (!session.ok()) {
        std::fprintf(stderr, "screenshot-tour: cannot open the vault (%s)\n", session.error().message.c_str());
        return 1;
    }
    window.showVault(std::move(*session));
    // The person with the most checkup history (the demo family's parent).
    if (auto* switcher = window.findChild<ui::ProfileSwitcher*>()) {
        auto profiles = window.session()->healthRecords().profiles();
        std::int64_t best = 0;
        std::size_t most = 0;
        for (const auto& profile : profiles.ok() ? *profiles : std::vector<domain::Profile> {}) {
            auto table = window.session()->healthRecords().checkupTable(profile.id);
            const std::size_t n = table.ok() && !table->empty() ? table->front().points.size() : 0;
            if (n > most) {
                most = n;
                best = profile.id;
            }
        }
        if (best)
            switcher->selectProfile(best);
    }
    window.setCurrentView(0);
    ok &= grab(window, file(QStringLiteral("dashboard")));
    window.setCurrentView(1);
    ok &= grab(window, file(QStringLiteral("checkups")));
    const auto profileId = window.currentProfileId();
    for (const auto& [key, name] :
        {std::pair {"hba1c", "trend-hba1c"}, std::pair {"sbp", "trend-bp"}, std::pair {"ldl", "trend-lipids"}}) {
        // As a person does: select the item's row in the table; the chart beside it follows.
        QTableView* table = controller.checkups().table();
        const QModelIndexList rows = table->model()->match(table->model()->index(0, 0),
            ui::CheckupTableModel::LogicalKeyRole, QString::fromLatin1(key), 1, Qt::MatchExactly);
        if (!rows.isEmpty())
            table->setCurrentIndex(
                table->model()->index(rows.front().row(), ui::CheckupTableModel::FirstCheckupColumn));
        else
            controller.trend().showItem(*window.session(), *profileId, QString::fromLatin1(key));
        ok &= grab(window, file(QString::fromLatin1(name)));
    }
    window.setCurrentView(2);
    ok &= grab(window, file(QStringLiteral("overview")));
    window.setCurrentView(0);
    controller.openImport(ui::ImportDialog::Source::Sandbox);
    ok &= grab(window, file(QStringLiteral("import")), controller.importDialog());
    delete controller.importDialog();
    // File ▸ Export…: the choice with its live preview, then the report of a real export into a folder of its own.
    controller.openExport();
    if (ui::ExportDialog* exportDialog = controller.exportDialog()) {
        ok &= grab(window, file(QStringLiteral("export")), exportDialog);
        QTemporaryDir exported;
        exportDialog->setDestination(exported.filePath(QStringLiteral("techo-export.json")));
        exportDialog->startExport();
        for (int i = 0; i < 1200 && exportDialog->stage() != ui::ExportDialog::Stage::Finished; ++i)
            settle(50);
        ok &= grab(window, file(QStringLiteral("export-report")), exportDialog);
        delete exportDialog;
    }
    controller.openSettings();
    ok &= grab(window, file(QStringLiteral("settings")), window.findChild<ui::SettingsDialog*>());
    for (QDialog* dialog : window.findChildren<QDialog*>())
        dialog->reject();
    window.lockVault();
    ok &= grab(window, file(QStringLiteral("locked")));
    return ok ? 0 : 1;
}
