// The assembled app end to end, built exactly as `techo` builds it (MainWindow + AppController), offscreen, in
// Japanese, over a real vault file and the real sandbox over HTTPS (started by the import dialog itself) — the
// issue 11 acceptance flow: first run creates the vault → the demo import lands and every view reloads → the
// dashboard shows core's latest checkup with its judgements → the HbA1c row of 健診結果 shows its trend, one
// point per checkup day, with the 5.6 / 6.5 bands → Ctrl+L leaves no record anywhere → a wrong passphrase is
// refused → the right one brings back the same profile, view and checkup → an import cancelled mid-way leaves
// the vault as it was → the idle lock (injected clock) fires after the configured minutes and empties the
// dashboard. Every expectation is read from core (the session's queries, a second connection's digest), never
// from the model under test.
#include "core/session/VaultSession.h"
#include "core/vault/Vault.h"
#include "tests/support/TestSupport.h"
#include "ui/AppController.h"
#include "ui/AppSettings.h"
#include "ui/CheckupResultsView.h"
#include "ui/CheckupTableModel.h"
#include "ui/DashboardView.h"
#include "ui/DateText.h"
#include "ui/ErrorText.h"
#include "ui/ImportDialog.h"
#include "ui/LatestCheckupModel.h"
#include "ui/LatestCheckupPanel.h"
#include "ui/LockController.h"
#include "ui/MainWindow.h"
#include "ui/SandboxLauncher.h"
#include "ui/TrendBands.h"
#include "ui/TrendChartPlot.h"
#include "ui/TrendChartView.h"
#include "ui/UnlockDialog.h"
#include "ui/WelcomePage.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QAreaSeries>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScatterSeries>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <atomic>
#include <chrono>
#include <memory>

using namespace techo;
using namespace std::chrono_literals;
using Stage = ui::ImportDialog::Stage;

namespace {

constexpr int kImportTimeoutMs = 120000; // the demo family is ten years of three persons' records
const QString kPassphrase = QString::fromUtf8(test::kTestPassphrase);

void typeText(QWidget* widget, const QString& text)
{
    for (const QChar ch : text) {
        if (ch.unicode() < 0x80)
            QTest::keyClick(widget, ch.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(ch), Qt::NoModifier);
    }
}

QPushButton* button(QWidget& parent, const char* name)
{
    return parent.findChild<QPushButton*>(QLatin1String(name));
}

QString whatHappened(const ui::ImportDialog& dialog)
{
    return QStringLiteral("stage %1, error: %2")
        .arg(static_cast<int>(dialog.stage()))
        .arg(dialog.lastError() ? QString::fromStdString(dialog.lastError()->message) : QStringLiteral("none"));
}

bool hasJapanese(const QString& text)
{
    static const QRegularExpression kana(QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]"));
    return kana.match(text).hasMatch();
}

// The content digest through a connection of the test's own (not the window's session nor the import's).
std::string digestOf(const QString& path)
{
    auto vault = vault::Vault::open(path.toStdString(), test::secret(test::kTestPassphrase));
    if (!vault.ok())
        return "cannot open: " + vault.error().message;
    auto digest = vault.value()->contentDigest();
    return digest.ok() ? digest.value() : "no digest: " + digest.error().message;
}

// Rows held by any item view of the window but the navigation list (which lists the views' titles).
int rowsInAnyView(QWidget* top)
{
    int rows = 0;
    for (QAbstractItemView* view : top->findChildren<QAbstractItemView*>()) {
        if (view->model() && view->objectName() != QLatin1String("navigationList"))
            rows += view->model()->rowCount();
    }
    return rows;
}

// Points drawn on every trend plot of the window (scatter and line series), hidden plots included.
qsizetype pointsOnAnyPlot(QWidget* top)
{
    qsizetype points = 0;
    for (ui::TrendChartPlot* plot : top->findChildren<ui::TrendChartPlot*>()) {
        for (QAbstractSeries* series : plot->chart()->series()) {
            if (auto* xy = qobject_cast<QXYSeries*>(series))
                points += xy->count();
        }
    }
    return points;
}

template <typename T> T* seriesNamed(const ui::TrendChartPlot* plot, const QString& name)
{
    for (QAbstractSeries* series : plot->chart()->series())
        if (series->objectName() == name)
            return qobject_cast<T*>(series);
    return nullptr;
}

// The x of every point of every scatter series ("points-…", "bounds-…") of the plot, oldest first.
QList<double> drawnDays(const ui::TrendChartPlot* plot)
{
    QList<double> days;
    for (QAbstractSeries* series : plot->chart()->series())
        if (auto* scatter = qobject_cast<QScatterSeries*>(series))
            for (const QPointF& point : scatter->points())
                days << point.x();
    std::sort(days.begin(), days.end());
    return days;
}

std::pair<double, double> bandEdges(const QAreaSeries* band)
{
    if (!band)
        return {qQNaN(), qQNaN()};
    const auto upper = band->upperSeries()->points();
    const auto lower = band->lowerSeries()->points();
    if (upper.isEmpty() || lower.isEmpty())
        return {qQNaN(), qQNaN()};
    return {lower.first().y(), upper.first().y()};
}

// The symbol a judgement starts with (○ 基準範囲内 / △ 保健指導判定値 / ▲ 受診勧奨判定値), from the programme's
// three bands — written here, not taken from the model.
QString symbolOf(clinical::Band band)
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

// The dashboard's latest-checkup row of HbA1c (its item column starts with "HbA1c" in both languages); -1 if none.
int hba1cRow(const ui::LatestCheckupModel& model)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, ui::LatestCheckupModel::ItemColumn).data().toString().startsWith(QStringLiteral("HbA1c")))
            return row;
    }
    return -1;
}

// What the dashboard's checkup card shows against core's latest checkup of the profile: its date in the card's
// heading, and the HbA1c row's value, band and judgement symbol.
void checkDashboardAgainstCore(ui::DashboardView& dashboard, session::VaultSession& session, std::int64_t profile)
{
    auto latest = session.healthRecords().latestCheckup(profile);
    QVERIFY2(latest.ok(), latest.ok() ? "" : latest.error().message.c_str());
    QVERIFY2(latest->has_value(), "core has no checkup for the profile shown");
    const clinical::CheckupSummary& summary = **latest;
    const auto core = std::find_if(summary.items.begin(), summary.items.end(),
        [](const clinical::ItemChange& change) { return change.item && change.item->key == "hba1c"; });
    QVERIFY2(core != summary.items.end(), "the latest checkup of the demo person has no HbA1c");
    QVERIFY(core->latest.value && core->latest.judgement.band);

    auto* date = dashboard.findChild<QLabel*>(QStringLiteral("checkupDateLabel"));
    QVERIFY(date && !date->isHidden()); // shown on the dashboard page, which need not be the current one
    QVERIFY2(date->text().contains(ui::dateText(summary.date)), qPrintable(date->text()));

    const ui::LatestCheckupModel& model = *dashboard.latestCheckup()->model();
    const int row = hba1cRow(model);
    QVERIFY2(row >= 0, "no HbA1c row on the dashboard");
    const QString value = model.index(row, ui::LatestCheckupModel::ValueColumn).data().toString();
    bool isNumber = false;
    const double shown = QLocale().toDouble(value.section(QLatin1Char(' '), 0, 0), &isNumber);
    QVERIFY2(isNumber && qAbs(shown - *core->latest.value) < 1e-9,
        qPrintable(value + QStringLiteral(" instead of ") + QString::number(*core->latest.value)));
    const QModelIndex judgement = model.index(row, ui::LatestCheckupModel::JudgementColumn);
    QCOMPARE(judgement.data(ui::LatestCheckupModel::BandRole).toInt(), int(*core->latest.judgement.band));
    QVERIFY2(judgement.data().toString().startsWith(symbolOf(*core->latest.judgement.band)),
        qPrintable(judgement.data().toString()));
}

// Makes the window the active one again (shortcuts go to the active window; offscreen has no window manager to
// give it back after a dialog closes).
void activate(QWidget& window)
{
    window.activateWindow();
    QApplication::setActiveWindow(&window);
    QTRY_VERIFY(window.isActiveWindow());
}

struct FakeClock {
    std::shared_ptr<std::chrono::steady_clock::time_point> now
        = std::make_shared<std::chrono::steady_clock::time_point>(std::chrono::steady_clock::time_point {} + 1000h);
    ui::LockController::Clock clock() const
    {
        return [now = now] { return *now; };
    }
    void advance(std::chrono::seconds by) const { *now += by; }
};

} // namespace

class TestAppFlow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // AppSettings go to a folder of this run, never the user's.
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QApplication::setOrganizationName(QStringLiteral("TechoTest"));
        QApplication::setApplicationName(QStringLiteral("test_app_flow"));
        // The dialog finds techo-sandbox beside the app; a test binary lives elsewhere, so it is named.
        qputenv("TECHO_SANDBOX", test::builtTool(QStringLiteral("techo-sandbox")).toLocal8Bit());
        QVERIFY(!ui::SandboxLauncher::findProgram().isEmpty());
        QVERIFY(m_translator.load(QStringLiteral(":/i18n/techo_ja.qm")));
        QApplication::installTranslator(&m_translator);
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
    }

    void cleanupTestCase()
    {
        QApplication::removeTranslator(&m_translator);
        QLocale::setDefault(QLocale::c());
    }

    void firstRun_import_dashboard_trend_lock_cancel_autoLock()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("flow.techo"));
        ui::AppSettings::setAutoLockMinutes(5);
        ui::MainWindow window(path);
        ui::AppController controller(window);
        FakeClock clock; // the idle lock only fires when the test moves this clock
        ui::LockController& lock = window.lockController();
        lock.setClock(clock.clock());
        for (QAbstractItemView* view : window.findChildren<QAbstractItemView*>()) {
            if (view->model() && view->objectName() != QLatin1String("navigationList"))
                new QAbstractItemModelTester(
                    view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, view);
        }
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        activate(window);

        // 1. First run: no vault → the welcome page; the passphrase twice → a real vault file.
        QVERIFY(!QFile::exists(path));
        window.unlockOrCreate();
        QVERIFY(window.findChildren<ui::UnlockDialog*>().isEmpty());
        ui::WelcomePage& page = window.welcomePage();
        QVERIFY(page.isVisible());
        page.setNewVaultKdf(crypto::KdfParams::insecureForTestsOnly());
        auto* passphrase = page.findChild<QLineEdit*>(QStringLiteral("newPassphraseLineEdit"));
        auto* confirm = page.findChild<QLineEdit*>(QStringLiteral("confirmPassphraseLineEdit"));
        QVERIFY(passphrase && confirm);
        typeText(passphrase, kPassphrase);
        typeText(confirm, kPassphrase);
        QTest::mouseClick(button(page, "createVaultButton"), Qt::LeftButton);
        QTRY_VERIFY(page.isAskingForSource());
        QVERIFY(QFile::exists(path));
        QVERIFY(window.session() != nullptr);
        QCOMPARE(digestOf(path).rfind("cannot open", 0), std::string::npos); // it opens with that passphrase
        QVERIFY(!window.currentProfileId().has_value()); // nothing imported yet

        // 2. The demo choice → the controller's import dialog on the sandbox → its report; the window reloaded.
        auto* demo = page.findChild<QAbstractButton*>(QStringLiteral("demoImportButton"));
        QVERIFY(demo && demo->isVisible());
        QTest::mouseClick(demo, Qt::LeftButton);
        QPointer<ui::ImportDialog> dialog = controller.importDialog();
        ui::ImportDialog* importer = dialog.data();
        QVERIFY(importer && importer->isVisible());
        QSignalSpy changed(importer, &ui::ImportDialog::recordsChanged);
        QTest::mouseClick(button(*importer, "importButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(importer->stage(), Stage::Finished, kImportTimeoutMs);
        QVERIFY2(importer->lastReport().has_value(), qPrintable(whatHappened(*importer)));
        QVERIFY(importer->lastReport()->counts.added > 0);
        QCOMPARE(changed.count(), 1);
        session::VaultSession* session = window.session();
        QVERIFY(session);
        const std::optional<std::int64_t> profile = window.currentProfileId();
        QVERIFY2(profile.has_value(), "the window did not reload its profiles after the import");
        auto profiles = session->healthRecords().profiles();
        QVERIFY(profiles.ok());
        QCOMPARE(profiles->front().id, *profile);
        QTest::mouseClick(button(*importer, "closeButton"), Qt::LeftButton);
        QTRY_VERIFY(dialog.isNull()); // deleted on close

        // 3. The dashboard: core's latest checkup of the profile shown, with its judgements.
        ui::DashboardView& dashboard = controller.dashboard();
        QCOMPARE(window.currentViewIndex(), 0);
        checkDashboardAgainstCore(dashboard, *session, *profile);
        if (QTest::currentTestFailed())
            return;
        auto latest = session->healthRecords().latestCheckup(*profile);
        QVERIFY(latest.ok() && latest->has_value());
        const QString latestDate = ui::dateText((*latest)->date);

        // 4. 健診結果: clicking the HbA1c row shows its trend, one point per checkup day with HbA1c, and the bands.
        activate(window);
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(window.currentViewIndex(), 1);
        ui::CheckupResultsView& checkups = controller.checkups();
        QTableView* table = checkups.table();
        QVERIFY(table->isVisible());
        int row = -1;
        for (int r = 0; r < table->model()->rowCount(); ++r) {
            if (table->model()->index(r, 0).data(ui::CheckupTableModel::LogicalKeyRole).toString()
                == QLatin1String("hba1c"))
                row = r;
        }
        QVERIFY2(row >= 0, "no HbA1c row in the checkup table (maybe filtered out)");
        const QModelIndex cell = table->model()->index(row, ui::CheckupTableModel::FirstCheckupColumn);
        table->scrollTo(cell);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());
        QCOMPARE(checkups.currentItemKey(), QStringLiteral("hba1c"));
        ui::TrendChartView& trend = controller.trend();
        QCOMPARE(trend.logicalKey(), QStringLiteral("hba1c"));
        QVERIFY(trend.isVisible());
        QVERIFY(!trend.plots().empty());
        const ui::TrendChartPlot* plot = trend.plots().front();
        auto series = session->healthRecords().series(*profile, "hba1c");
        QVERIFY(series.ok());
        QVERIFY2(series->points.size() >= 2, "the demo person should have HbA1c on several checkup days");
        QList<double> expectedDays;
        for (const clinical::TrendPoint& point : series->points)
            expectedDays << double(ui::TrendBands::dayPosition(point.date));
        std::sort(expectedDays.begin(), expectedDays.end());
        QCOMPARE(drawnDays(plot), expectedDays);
        // 別紙5: HbA1c 保健指導判定値 ≥5.6 %, 受診勧奨判定値 ≥6.5 %.
        QCOMPARE(bandEdges(seriesNamed<QAreaSeries>(plot, QStringLiteral("band-guidance"))), std::make_pair(5.6, 6.5));
        QCOMPARE(bandEdges(seriesNamed<QAreaSeries>(plot, QStringLiteral("band-referral"))).first, 6.5);
        QCOMPARE(bandEdges(seriesNamed<QAreaSeries>(plot, QStringLiteral("band-normal"))).second, 5.6);

        // 5. Ctrl+L: no row, no drawn point, no session; a wrong passphrase is refused; the right one brings back
        // the same profile, view and latest checkup.
        QVERIFY(rowsInAnyView(&window) > 0 && pointsOnAnyPlot(&window) > 0);
        QSignalSpy locked(&window, &ui::MainWindow::vaultLocked);
        activate(window);
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
        QCOMPARE(locked.count(), 1);
        QVERIFY(window.session() == nullptr);
        QCOMPARE(rowsInAnyView(&window), 0);
        QCOMPARE(pointsOnAnyPlot(&window), qsizetype {0});
        QVERIFY(trend.plots().empty());
        QVERIFY(trend.explanationText().isEmpty());
        QVERIFY(!dashboard.findChild<QLabel*>(QStringLiteral("checkupDateLabel"))->text().contains(latestDate));

        window.findChild<QAction*>(QStringLiteral("unlockAction"))->trigger();
        auto* unlock = window.findChild<ui::UnlockDialog*>(QStringLiteral("unlockDialog"));
        QVERIFY(unlock);
        QPointer<ui::UnlockDialog> unlockGuard(unlock);
        auto* unlockPassphrase = unlock->findChild<QLineEdit*>(QStringLiteral("passphraseLineEdit"));
        auto* unlockError = unlock->findChild<QLabel*>(QStringLiteral("errorLabel"));
        auto* ok = unlock->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(unlockPassphrase && unlockError && ok);
        typeText(unlockPassphrase, QStringLiteral("not the passphrase"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(!unlockGuard.isNull() && !unlock->isBusy());
        QVERIFY(unlock->isVisible()); // refused: the dialog stays
        QCOMPARE(unlockError->text(), ui::describeError(Error(ErrorCode::WrongPassphrase, "")));
        QVERIFY(hasJapanese(unlockError->text()));
        QVERIFY(window.session() == nullptr);
        QCOMPARE(rowsInAnyView(&window), 0);

        unlockPassphrase->clear();
        typeText(unlockPassphrase, kPassphrase);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(unlockGuard.isNull());
        session = window.session();
        QVERIFY(session != nullptr);
        QCOMPARE(window.currentProfileId(), profile);
        QCOMPARE(window.currentViewIndex(), 1);
        auto* date = dashboard.findChild<QLabel*>(QStringLiteral("checkupDateLabel"));
        QVERIFY2(date->text().contains(latestDate), qPrintable(date->text()));
        checkDashboardAgainstCore(dashboard, *session, *profile);
        if (QTest::currentTestFailed())
            return;

        // 6. A second import cancelled at its second fetch (held there until Cancel is pressed): nothing changed.
        const auto countsBefore = session->counts();
        QVERIFY(countsBefore.ok());
        const std::string digestBefore = digestOf(path);
        QVERIFY(window.importAction()->isEnabled());
        window.importAction()->trigger();
        dialog = controller.importDialog();
        importer = dialog.data();
        QVERIFY(importer && importer->isVisible());
        QSignalSpy changedAgain(importer, &ui::ImportDialog::recordsChanged);
        QSemaphore release;
        std::atomic<bool> atFetch {false};
        std::atomic<int> fetches {0};
        importer->setWorkerProgressHook([&](const import::ImportProgress& p) {
            if (p.stage == import::ImportStage::Fetch && ++fetches == 2) {
                atFetch = true;
                release.acquire();
            }
        });
        const auto unblock = qScopeGuard([&] { release.release(); }); // a failing check never leaves it waiting
        QTest::mouseClick(button(*importer, "importButton"), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(atFetch.load() || importer->stage() == Stage::Finished,
            qPrintable(whatHappened(*importer)), kImportTimeoutMs);
        QVERIFY2(importer->stage() == Stage::Network, qPrintable(whatHappened(*importer)));
        QTest::mouseClick(button(*importer, "cancelButton"), Qt::LeftButton);
        release.release();
        QTRY_COMPARE_WITH_TIMEOUT(importer->stage(), Stage::Finished, kImportTimeoutMs);
        QVERIFY(!importer->lastReport().has_value());
        QVERIFY(importer->lastError().has_value());
        QCOMPARE(importer->lastError()->code, ErrorCode::Cancelled);
        auto* headline = importer->findChild<QLabel*>(QStringLiteral("reportHeadline"));
        QVERIFY(headline);
        QCOMPARE(headline->text(), ui::ImportDialog::tr("The import was cancelled. Nothing was changed."));
        QVERIFY(hasJapanese(headline->text()));
        QCOMPARE(changedAgain.count(), 0);
        const auto countsAfter = session->counts();
        QVERIFY(countsAfter.ok());
        QVERIFY2(*countsAfter == *countsBefore, "the counts changed"); // import_runs included: no run recorded
        QCOMPARE(digestOf(path), digestBefore);
        QTest::mouseClick(button(*importer, "closeButton"), Qt::LeftButton);
        QTRY_VERIFY(dialog.isNull());

        // 7. Idle lock with the injected clock: not at 4:59, at 5:00 by the window's own check timer; the
        // dashboard is emptied.
        QCOMPARE(lock.idleMinutes(), 5);
        activate(window);
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier); // the dashboard, and input: the count restarts
        QCOMPARE(window.currentViewIndex(), 0);
        QVERIFY(dashboard.latestCheckup()->model()->rowCount() > 0);
        clock.advance(4min + 59s);
        lock.checkIdle();
        QVERIFY2(window.session() != nullptr, "locked before the configured minutes");
        clock.advance(1s);
        QSignalSpy idleLocked(&window, &ui::MainWindow::vaultLocked);
        lock.setCheckInterval(10ms); // the window's own timer does the check
        QTRY_COMPARE(idleLocked.count(), 1);
        QVERIFY(window.session() == nullptr);
        QCOMPARE(dashboard.latestCheckup()->model()->rowCount(), 0);
        QVERIFY(!dashboard.findChild<QLabel*>(QStringLiteral("checkupDateLabel"))->text().contains(latestDate));
        QCOMPARE(rowsInAnyView(&window), 0);
        QCOMPARE(pointsOnAnyPlot(&window), qsizetype {0});
    }

    // Quitting with the import dialog still open (the window destroyed as `techo`'s main() ends, without a
    // close event): the dialog goes with the window and nothing touches the half-destroyed window.
    void windowDestroyed_withTheImportDialogOpen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("quit.techo"));
        auto created = session::VaultSession::create(
            path.toStdString(), test::secret(test::kTestPassphrase), crypto::KdfParams::insecureForTestsOnly());
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
        QPointer<ui::ImportDialog> dialog;
        {
            ui::MainWindow window(path);
            ui::AppController controller(window);
            window.show();
            window.showVault(std::move(created).value());
            controller.openImport(ui::ImportDialog::Source::File);
            ui::ImportDialog* open = controller.importDialog();
            QVERIFY(open && open->isVisible());
            dialog = open;
        }
        QVERIFY(dialog.isNull());
    }

private:
    QTemporaryDir m_config;
    QTranslator m_translator;
};

QTEST_MAIN(TestAppFlow)
#include "TestAppFlow.moc"
