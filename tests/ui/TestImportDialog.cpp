// The import dialog as a person uses it, on a real vault, with the real sandbox over HTTPS (started by the
// dialog itself) and real saved result files: the report's counts against what the vault then holds (read back
// through the session), a cancel at a fetch stage (vault digest unchanged), a person conflict shown side by side
// and resolved, and every error and rejection key core can produce translated into Japanese.
#include "core/session/VaultSession.h"
#include "core/vault/Vault.h"
#include "tests/support/SandboxProcess.h"
#include "tests/support/TestSupport.h"
#include "ui/AppSettings.h"
#include "ui/ErrorText.h"
#include "ui/ImportDialog.h"
#include "ui/PersonConflictDialog.h"
#include "ui/SandboxLauncher.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QUrl>

#include <curl/curl.h>

#include <atomic>
#include <set>
#include <thread>
#include <vector>

using namespace techo;
using Stage = ui::ImportDialog::Stage;

namespace {

constexpr int kImportTimeoutMs = 120000; // the demo family is ten years of three persons' records

std::unique_ptr<session::VaultSession> createSession(const QString& path)
{
    auto created = session::VaultSession::create(
        path.toStdString(), test::secret(test::kTestPassphrase), crypto::KdfParams::insecureForTestsOnly());
    if (!created.ok()) {
        QTest::qFail(("cannot create the vault: " + created.error().message).c_str(), __FILE__, __LINE__);
        return nullptr;
    }
    return std::move(created).value();
}

// The content digest through a connection of the test's own (not the dialog's nor the session's).
std::string digestOf(const QString& path)
{
    auto vault = vault::Vault::open(path.toStdString(), test::secret(test::kTestPassphrase));
    if (!vault.ok())
        return "cannot open: " + vault.error().message;
    auto digest = vault.value()->contentDigest();
    return digest.ok() ? digest.value() : "no digest: " + digest.error().message;
}

void saveScreenshot(QWidget* widget, const QString& name)
{
    QString dir = qEnvironmentVariable("TECHO_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QDir::current().filePath(QStringLiteral("screenshots"));
    QDir().mkpath(dir);
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

// For failure messages: where the dialog is and what went wrong (core's English message, for the developer).
QString whatHappened(const ui::ImportDialog& dialog)
{
    return QStringLiteral("stage %1, error: %2")
        .arg(static_cast<int>(dialog.stage()))
        .arg(dialog.lastError() ? QString::fromStdString(dialog.lastError()->message) : QStringLiteral("none"));
}

QPushButton* button(QWidget& parent, const char* name)
{
    return parent.findChild<QPushButton*>(QLatin1String(name));
}

// A number the report table shows (Qt::UserRole holds it unformatted). Rows: checkups, medicines,
// vaccinations, total; columns: added, updated, unchanged, rejected.
qlonglong reportCell(ui::ImportDialog& dialog, int row, int column)
{
    auto* view = dialog.findChild<QTableView*>(QStringLiteral("countsView"));
    return view == nullptr ? -1 : view->model()->index(row, column).data(Qt::UserRole).toLongLong();
}

// Installs the Japanese catalogue for the scope (the "ja" rows), or nothing ("en": English is the source).
struct Language {
    explicit Language(const QString& code)
    {
        if (code == QLatin1String("ja")) {
            if (!m_translator.load(QStringLiteral(":/i18n/techo_ja.qm")))
                QTest::qFail("the Japanese catalogue is not embedded", __FILE__, __LINE__);
            QApplication::installTranslator(&m_translator);
            QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan)); // dates as the app writes them in ja
            m_installed = true;
        }
    }
    ~Language()
    {
        if (m_installed) {
            QApplication::removeTranslator(&m_translator);
            QLocale::setDefault(QLocale::c());
        }
    }
    Language(const Language&) = delete;
    Language& operator=(const Language&) = delete;
    QTranslator m_translator;
    bool m_installed = false;
};

bool hasJapanese(const QString& text)
{
    static const QRegularExpression kana(QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]"));
    return kana.match(text).hasMatch();
}

// Every string literal of core's sources that matches `re` (capture 1).
std::set<std::string> keysInCore(const QRegularExpression& re)
{
    std::set<std::string> keys;
    QDirIterator it(test::sourcePath(QStringLiteral("core")), {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
        QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString text = QString::fromUtf8(test::readAll(it.next()));
        for (auto m = re.globalMatch(text); m.hasNext();)
            keys.insert(m.next().captured(1).toStdString());
    }
    return keys;
}

// Stands in for the person's browser (QDesktopServices' https handler): opens the sandbox's authorize page with the
// person's decision and follows its redirect to Techo's loopback listener, as a browser would (libcurl, on a
// thread of its own: the listener answers from the import's worker thread).
class ScriptedBrowser : public QObject {
    Q_OBJECT
public:
    ~ScriptedBrowser() override = default; // the jthreads join

    QString caFile;
    QString decision = QStringLiteral("approve"); // or "deny"
    QStringList opened;

public slots:
    void openUrl(const QUrl& url)
    {
        opened << url.toString();
        const std::string target = (url.toString() + QStringLiteral("&sandbox_decision=") + decision).toStdString();
        const std::string ca = caFile.toStdString();
        m_visits.emplace_back([target, ca] {
            CURL* curl = curl_easy_init();
            curl_easy_setopt(curl, CURLOPT_URL, target.c_str());
            curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
            curl_easy_setopt(curl, CURLOPT_CAINFO, ca.c_str());
            curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
            curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
            curl_easy_setopt(
                curl, CURLOPT_WRITEFUNCTION, +[](char*, std::size_t size, std::size_t n, void*) { return size * n; });
            curl_easy_perform(curl);
            curl_easy_cleanup(curl);
        });
    }

private:
    std::vector<std::jthread> m_visits;
};

} // namespace

class TestImportDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // AppSettings (the API address is saved when used) go to a folder of this run, never the user's.
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        // The dialog finds techo-sandbox beside the app; a test binary lives elsewhere, so it is named.
        qputenv("TECHO_SANDBOX", test::builtTool(QStringLiteral("techo-sandbox")).toLocal8Bit());
        QVERIFY(!ui::SandboxLauncher::findProgram().isEmpty());
    }

    void sandboxImport_reportEqualsWhatTheVaultHolds_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("ja") << QStringLiteral("ja");
        QTest::newRow("en") << QStringLiteral("en");
    }
    void sandboxImport_reportEqualsWhatTheVaultHolds()
    {
        QFETCH(QString, lang);
        Language language(lang);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.techo"));
        auto session = createSession(path);
        QVERIFY(session);

        ui::ImportDialog dialog(*session);
        for (auto* view : dialog.findChildren<QTableView*>())
            new QAbstractItemModelTester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, view);
        QSignalSpy changed(&dialog, &ui::ImportDialog::recordsChanged);
        QSignalSpy stages(&dialog, &ui::ImportDialog::stageChanged);
        // Hold the worker once at its first fetch to see the progress page as it is during the network phase.
        QSemaphore release;
        std::atomic<bool> atFetch {false};
        std::atomic<bool> held {false};
        dialog.setWorkerProgressHook([&](const import::ImportProgress& p) {
            if (p.stage == import::ImportStage::Fetch && p.personIndex == 2 && !held.exchange(true)) {
                atFetch = true;
                release.acquire();
            }
        });
        dialog.setSource(ui::ImportDialog::Source::Sandbox);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        saveScreenshot(&dialog, QStringLiteral("import-source-") + lang);

        const auto unblock = qScopeGuard([&] { release.release(); }); // a failing check never leaves it waiting
        QTest::mouseClick(button(dialog, "importButton"), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(
            atFetch.load() || dialog.stage() == Stage::Finished, qPrintable(whatHappened(dialog)), kImportTimeoutMs);
        QVERIFY2(dialog.stage() == Stage::Network, qPrintable(whatHappened(dialog)));
        // The main window's session reads while the worker downloads.
        QVERIFY(session->counts().ok());
        QTest::qWait(50); // let the queued progress reach the page before the picture
        saveScreenshot(&dialog, QStringLiteral("import-progress-") + lang);
        release.release();

        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), Stage::Finished, kImportTimeoutMs);
        QVERIFY2(dialog.lastReport().has_value(),
            dialog.lastError() ? dialog.lastError()->message.c_str() : "no report and no error");
        QVERIFY(stages.contains(QVariantList {QVariant::fromValue(Stage::Writing)}));
        QCOMPARE(changed.count(), 1);
        QVERIFY(dialog.lastReport()->counts.added > 0);

        // The table the person reads equals what the vault holds, read back through the session.
        const auto counts = session->counts();
        QVERIFY(counts.ok());
        QCOMPARE(reportCell(dialog, 0, 0), counts->at("checkups"));
        QCOMPARE(reportCell(dialog, 1, 0), counts->at("dispensings"));
        QCOMPARE(reportCell(dialog, 2, 0), counts->at("vaccinations"));
        QCOMPARE(
            reportCell(dialog, 3, 0), counts->at("checkups") + counts->at("dispensings") + counts->at("vaccinations"));
        QVERIFY(counts->at("profiles") >= 2); // the demo family
        auto* headline = dialog.findChild<QLabel*>(QStringLiteral("reportHeadline"));
        QVERIFY(headline);
        if (lang == QLatin1String("ja"))
            QVERIFY2(hasJapanese(headline->text()), qPrintable(headline->text()));
        saveScreenshot(&dialog, QStringLiteral("import-report-") + lang);

        // The demo server is stopped once the import is done.
        auto* launcher = dialog.findChild<ui::SandboxLauncher*>();
        QVERIFY(launcher);
        QVERIFY(!launcher->isRunning());
        for (auto* process : launcher->findChildren<QProcess*>())
            QCOMPARE(process->state(), QProcess::NotRunning);

        // The same import again: nothing new, nothing changed.
        QTest::mouseClick(button(dialog, "againButton"), Qt::LeftButton);
        QCOMPARE(dialog.stage(), Stage::Idle);
        dialog.setWorkerProgressHook({});
        QTest::mouseClick(button(dialog, "importButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), Stage::Finished, kImportTimeoutMs);
        QVERIFY(dialog.lastReport().has_value());
        QCOMPARE(dialog.lastReport()->counts.added, std::int64_t {0});
        QCOMPARE(
            reportCell(dialog, 3, 2), counts->at("checkups") + counts->at("dispensings") + counts->at("vaccinations"));
        QCOMPARE(changed.count(), 1); // no reload for nothing
        QCOMPARE(session->counts()->at("checkups"), counts->at("checkups"));
    }

    void cancelAtFetch_leavesTheVaultAsItWas()
    {
        Language language(QStringLiteral("ja"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.techo"));
        auto session = createSession(path);
        QVERIFY(session);
        QVERIFY(session->importFromFile(test::sourcePath(QStringLiteral("tests/data/api/tkk-valid.json")).toStdString())
                    .ok());
        const std::string before = digestOf(path);

        ui::ImportDialog dialog(*session);
        QSignalSpy changed(&dialog, &ui::ImportDialog::recordsChanged);
        // The worker stops at the second fetched part until the person has pressed Cancel: a cancel in the
        // middle of the network phase, at the same place every run.
        QSemaphore release;
        std::atomic<bool> atFetch {false};
        std::atomic<int> fetches {0};
        dialog.setWorkerProgressHook([&](const import::ImportProgress& p) {
            if (p.stage == import::ImportStage::Fetch && ++fetches == 2) {
                atFetch = true;
                release.acquire();
            }
        });
        dialog.show();
        const auto unblock = qScopeGuard([&] { release.release(); }); // a failing check never leaves it waiting
        QTest::mouseClick(button(dialog, "importButton"), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(
            atFetch.load() || dialog.stage() == Stage::Finished, qPrintable(whatHappened(dialog)), kImportTimeoutMs);
        QVERIFY2(dialog.stage() == Stage::Network, qPrintable(whatHappened(dialog)));
        QTest::mouseClick(button(dialog, "cancelButton"), Qt::LeftButton);
        QVERIFY(!button(dialog, "cancelButton")->isEnabled());
        release.release();

        QTRY_COMPARE(dialog.stage(), Stage::Finished);
        QVERIFY(!dialog.lastReport());
        QVERIFY(dialog.lastError().has_value());
        QCOMPARE(dialog.lastError()->code, ErrorCode::Cancelled);
        QCOMPARE(fetches.load(), 2); // it went no further
        auto* headline = dialog.findChild<QLabel*>(QStringLiteral("reportHeadline"));
        QCOMPARE(headline->text(), ui::ImportDialog::tr("The import was cancelled. Nothing was changed."));
        QVERIFY(hasJapanese(headline->text()));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(digestOf(path), before);
    }

    void escape_duringAnImport_cancelsIt_andASecondEscapeCloses()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.techo"));
        auto session = createSession(path);
        QVERIFY(session);
        const std::string before = digestOf(path);
        ui::ImportDialog dialog(*session);
        QSemaphore release;
        std::atomic<bool> atFetch {false};
        dialog.setWorkerProgressHook([&](const import::ImportProgress& p) {
            if (p.stage == import::ImportStage::Fetch && !atFetch.exchange(true))
                release.acquire();
        });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const auto unblock = qScopeGuard([&] { release.release(); });
        QTest::mouseClick(button(dialog, "importButton"), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(
            atFetch.load() || dialog.stage() == Stage::Finished, qPrintable(whatHappened(dialog)), kImportTimeoutMs);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(dialog.isVisible()); // the first Escape cancels, it does not close
        release.release();
        QTRY_COMPARE(dialog.stage(), Stage::Finished);
        QVERIFY(dialog.lastError().has_value());
        QCOMPARE(dialog.lastError()->code, ErrorCode::Cancelled);
        QVERIFY(dialog.isVisible());
        QCOMPARE(digestOf(path), before);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void demoServerMissing_saysSoOnTheSourcePage()
    {
        Language language(QStringLiteral("ja"));
        const QByteArray saved = qgetenv("TECHO_SANDBOX");
        qputenv("TECHO_SANDBOX", "/nonexistent/techo-sandbox");
        const auto restore = qScopeGuard([&] { qputenv("TECHO_SANDBOX", saved); });
        QTemporaryDir dir;
        auto session = createSession(dir.filePath(QStringLiteral("v.techo")));
        QVERIFY(session);
        ui::ImportDialog dialog(*session);
        QSignalSpy stages(&dialog, &ui::ImportDialog::stageChanged);
        dialog.show();
        QTest::mouseClick(button(dialog, "importButton"), Qt::LeftButton);
        auto* error = dialog.findChild<QLabel*>(QStringLiteral("sourceErrorLabel"));
        QTRY_VERIFY(error->isVisible());
        QCOMPARE(error->text(), ui::SandboxLauncher::tr("The demo server (techo-sandbox) was not found beside Techo."));
        QVERIFY(hasJapanese(error->text()));
        QCOMPARE(dialog.stage(), Stage::Idle);
        QVERIFY(button(dialog, "importButton")->isVisible()); // back on the source page, ready for another choice
        QCOMPARE(session->counts()->at("import_runs"), std::int64_t {0});
    }

    void personConflict_showsBothVersions_andKeepApartMakesTwoProfiles_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<bool>("keepApart");
        QTest::newRow("ja keep apart") << QStringLiteral("ja") << true;
        QTest::newRow("en keep apart") << QStringLiteral("en") << true;
        QTest::newRow("en skip") << QStringLiteral("en") << false;
    }
    void personConflict_showsBothVersions_andKeepApartMakesTwoProfiles()
    {
        QFETCH(QString, lang);
        QFETCH(bool, keepApart);
        Language language(lang);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.techo"));
        auto session = createSession(path);
        QVERIFY(session);

        ui::ImportDialog dialog(*session);
        dialog.setSource(ui::ImportDialog::Source::File);
        dialog.setFilePath(test::sourcePath(QStringLiteral("tests/data/api/cases/06-duplicate-checkup-same-day.json")));
        dialog.show();
        QTest::mouseClick(button(dialog, "importButton"), Qt::LeftButton);
        QTRY_COMPARE(dialog.stage(), Stage::Finished);
        QVERIFY(dialog.lastReport().has_value());
        QCOMPARE(session->counts()->at("profiles"), std::int64_t {1});

        // Case 13: the same person id now carries another person's name, sex and birth date.
        QTest::mouseClick(button(dialog, "againButton"), Qt::LeftButton);
        dialog.setFilePath(test::sourcePath(QStringLiteral("tests/data/api/cases/13-person-id-reused.json")));
        const std::string before = digestOf(path);
        QTest::mouseClick(button(dialog, "importButton"), Qt::LeftButton);
        ui::PersonConflictDialog* conflict = nullptr;
        QTRY_VERIFY((conflict = dialog.findChild<ui::PersonConflictDialog*>()) != nullptr);
        QTRY_VERIFY(conflict->isVisible());
        QCOMPARE(digestOf(path), before); // nothing written while the person decides
        // ... and the dialog does not say it writes (the main window would grey out and say "writing the import").
        QCOMPARE(dialog.stage(), Stage::WaitingForDecision);
        auto text = [&](const char* name) {
            auto* label = conflict->findChild<QLabel*>(QLatin1String(name));
            return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
        };
        QCOMPARE(text("stored_name"), QStringLiteral("架空　一郎"));
        QCOMPARE(text("incoming_name"), QStringLiteral("架空　さくら"));
        QCOMPARE(text("stored_sex"), ui::PersonConflictDialog::tr("Male"));
        QCOMPARE(text("incoming_sex"), ui::PersonConflictDialog::tr("Female"));
        QVERIFY(text("stored_birthDate").contains(QStringLiteral("1968")));
        QVERIFY(text("incoming_birthDate").contains(QStringLiteral("2014")));
        auto* ok = conflict->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // no decision is made for the person
        QVERIFY(QTest::qWaitForWindowExposed(conflict));
        if (keepApart)
            saveScreenshot(conflict, QStringLiteral("import-conflict-") + lang);

        QTest::mouseClick(conflict->findChild<QRadioButton*>(QLatin1String(keepApart ? "keepApartRadio" : "skipRadio")),
            Qt::LeftButton);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_COMPARE(dialog.stage(), Stage::Finished);
        QVERIFY2(dialog.lastReport().has_value(), dialog.lastError() ? dialog.lastError()->message.c_str() : "");
        const auto& report = *dialog.lastReport();
        QCOMPARE(report.personConflicts.size(), std::size_t {1});
        const auto counts = session->counts();
        QVERIFY(counts.ok());
        if (keepApart) {
            QCOMPARE(report.personConflicts[0].resolution, import::PersonResolution::KeepApart);
            QCOMPARE(counts->at("profiles"), std::int64_t {2});
            QCOMPARE(counts->at("vaccinations"), std::int64_t {1});
        } else {
            QCOMPARE(report.personConflicts[0].resolution, import::PersonResolution::Skip);
            QCOMPARE(counts->at("profiles"), std::int64_t {1});
            QCOMPARE(counts->at("vaccinations"), std::int64_t {0});
            QCOMPARE(report.skippedRecords, std::int64_t {1});
        }
        auto* notes = dialog.findChild<QLabel*>(QStringLiteral("reportNotes"));
        QVERIFY(notes->isVisible());
        QVERIFY(notes->text().contains(QStringLiteral("P0001")));
    }

    void invalidRecords_eachRejectionListedWithItsReasonInTheUiLanguage_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("ja") << QStringLiteral("ja");
        QTest::newRow("en") << QStringLiteral("en");
    }
    void invalidRecords_eachRejectionListedWithItsReasonInTheUiLanguage()
    {
        QFETCH(QString, lang);
        Language language(lang);
        QTemporaryDir dir;
        auto session = createSession(dir.filePath(QStringLiteral("v.techo")));
        QVERIFY(session);
        ui::ImportDialog dialog(*session);
        dialog.setSource(ui::ImportDialog::Source::File);
        dialog.setFilePath(test::sourcePath(QStringLiteral("tests/data/api/tkk-sandbox-invalid-records.json")));
        dialog.show();
        QTest::mouseClick(button(dialog, "importButton"), Qt::LeftButton);
        QTRY_COMPARE(dialog.stage(), Stage::Finished);
        QVERIFY2(dialog.lastReport().has_value(), qPrintable(whatHappened(dialog)));
        const auto& rejections = dialog.lastReport()->rejections;
        QVERIFY(!rejections.empty());

        auto* view = dialog.findChild<QTableView*>(QStringLiteral("rejectionsView"));
        QVERIFY(view && view->isVisible());
        QCOMPARE(view->model()->rowCount(), static_cast<int>(rejections.size()));
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QString why = view->model()->index(row, 1).data().toString();
            const QString english = QString::fromStdString(rejections[static_cast<std::size_t>(row)].reason);
            QVERIFY2(!why.isEmpty(), "no reason shown");
            if (lang == QLatin1String("ja"))
                QVERIFY2(hasJapanese(why) && !why.contains(english), qPrintable(why));
            // Where in the data: the JSON path core named, whole in the tooltip; a narrow column elides its middle,
            // so the index and the field at its end stay visible.
            QCOMPARE(view->model()->index(row, 2).data().toString(),
                QString::fromStdString(rejections[static_cast<std::size_t>(row)].jsonPath));
            QCOMPARE(view->model()->index(row, 2).data(Qt::ToolTipRole).toString(),
                QString::fromStdString(rejections[static_cast<std::size_t>(row)].jsonPath));
        }
        QCOMPARE(view->textElideMode(), Qt::ElideMiddle);
        // A rejected result is named by its official item name (体重 in both languages), its code in the tooltip;
        // a code this build does not know stays a code.
        bool sawWeight = false;
        bool sawUnknown = false;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const auto& r = rejections[static_cast<std::size_t>(row)];
            if (r.recordKind != "observation")
                continue;
            const QString what = view->model()->index(row, 0).data().toString();
            const QString tip = view->model()->index(row, 0).data(Qt::ToolTipRole).toString();
            QVERIFY2(tip.contains(QString::fromStdString(r.childKey)), qPrintable(tip));
            if (r.childKey == "9N006000000000001") {
                sawWeight = true;
                QVERIFY2(
                    what.contains(QStringLiteral("体重")) && !what.contains(QStringLiteral("9N006")), qPrintable(what));
            }
            if (r.childKey == "9Z999000000000001") {
                sawUnknown = true;
                QVERIFY2(what.contains(QStringLiteral("9Z999000000000001")), qPrintable(what));
            }
        }
        QVERIFY(sawWeight && sawUnknown);
        // The fixture's four refusals are all of checkups (one record, three results): under checkups and in the total.
        QCOMPARE(rejections.size(), std::size_t {4});
        QCOMPARE(reportCell(dialog, 0, 3), qlonglong {4});
        QCOMPARE(reportCell(dialog, 1, 3), qlonglong {0});
        QCOMPARE(reportCell(dialog, 3, 3), qlonglong {4});
        saveScreenshot(&dialog, QStringLiteral("import-rejections-") + lang);
    }

    void ownApi_browserLogin_importsAndRemembersTheAddress_data()
    {
        QTest::addColumn<QString>("decision");
        QTest::newRow("approve") << QStringLiteral("approve");
        QTest::newRow("deny") << QStringLiteral("deny");
    }
    void ownApi_browserLogin_importsAndRemembersTheAddress()
    {
        QFETCH(QString, decision);
        Language language(QStringLiteral("ja"));
        test::SandboxProcess sandbox;
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        ScriptedBrowser browser;
        browser.caFile = sandbox.caFile();
        browser.decision = decision;
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &browser, "openUrl");
        const auto unset = qScopeGuard([] { QDesktopServices::unsetUrlHandler(QStringLiteral("https")); });
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.techo"));
        auto session = createSession(path);
        QVERIFY(session);
        const std::string before = digestOf(path);

        ui::ImportDialog dialog(*session);
        dialog.setSource(ui::ImportDialog::Source::Api);
        dialog.setApi(sandbox.baseUrl(), sandbox.caFile());
        dialog.show();
        QTest::mouseClick(button(dialog, "importButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), Stage::Finished, kImportTimeoutMs);
        // The login happened in the "browser", on the sandbox's authorize page with PKCE and a loopback redirect.
        QCOMPARE(browser.opened.size(), 1);
        QVERIFY(browser.opened[0].startsWith(sandbox.baseUrl()));
        QVERIFY(browser.opened[0].contains(QStringLiteral("code_challenge=")));
        QVERIFY(browser.opened[0].contains(QStringLiteral("redirect_uri=http%3A%2F%2F127.0.0.1")));
        QCOMPARE(ui::AppSettings::apiEndpoint(), sandbox.baseUrl());
        QCOMPARE(ui::AppSettings::caFile(), sandbox.caFile());
        if (decision == QLatin1String("approve")) {
            QVERIFY2(dialog.lastReport().has_value(), qPrintable(whatHappened(dialog)));
            QCOMPARE(reportCell(dialog, 3, 0), dialog.lastReport()->counts.added);
            const auto counts = session->counts();
            QCOMPARE(reportCell(dialog, 0, 0), counts->at("checkups"));
            QVERIFY(counts->at("checkups") > 0);
        } else {
            QVERIFY(dialog.lastError().has_value());
            QCOMPARE(dialog.lastError()->key, std::string("net.access_declined"));
            auto* notes = dialog.findChild<QLabel*>(QStringLiteral("reportNotes"));
            QCOMPARE(notes->text(), ui::describeError(*dialog.lastError()));
            QVERIFY2(hasJapanese(notes->text()), qPrintable(notes->text()));
            QCOMPARE(digestOf(path), before);
        }
    }

    // Only refused records: the headline says nothing was added because of the refusals, never "all were already
    // in the vault".
    void everythingRejected_headlineSaysSo_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("ja") << QStringLiteral("ja");
        QTest::newRow("en") << QStringLiteral("en");
    }
    void everythingRejected_headlineSaysSo()
    {
        QFETCH(QString, lang);
        Language language(lang);
        QTemporaryDir dir;
        auto session = createSession(dir.filePath(QStringLiteral("v.techo")));
        QVERIFY(session);
        // The invalid-records fixture without its one valid checkup.
        QJsonObject root = QJsonDocument::fromJson(
            test::readAll(test::sourcePath(QStringLiteral("tests/data/api/tkk-sandbox-invalid-records.json"))))
                               .object();
        QJsonObject info = root[QStringLiteral("medicalInsuranceInfoProvisionInfo")].toObject();
        QJsonObject data = info[QStringLiteral("data")].toObject();
        QJsonArray checkups = data[QStringLiteral("SpecificHealthCheckupInfos")].toArray();
        QVERIFY(checkups.size() == 5);
        checkups.removeFirst();
        data[QStringLiteral("SpecificHealthCheckupInfos")] = checkups;
        info[QStringLiteral("recordCount")] = 4;
        info[QStringLiteral("data")] = data;
        root[QStringLiteral("medicalInsuranceInfoProvisionInfo")] = info;
        QFile file(dir.filePath(QStringLiteral("all-rejected.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(root).toJson());
        file.close();

        ui::ImportDialog dialog(*session);
        dialog.setSource(ui::ImportDialog::Source::File);
        dialog.setFilePath(file.fileName());
        dialog.show();
        QTest::mouseClick(button(dialog, "importButton"), Qt::LeftButton);
        QTRY_COMPARE(dialog.stage(), Stage::Finished);
        QVERIFY2(dialog.lastReport().has_value(), qPrintable(whatHappened(dialog)));
        const auto& report = *dialog.lastReport();
        QCOMPARE(report.counts.added + report.counts.updated + report.counts.unchanged, std::int64_t {0});
        QCOMPARE(report.rejections.size(), std::size_t {4});
        const QString headline = dialog.findChild<QLabel*>(QStringLiteral("reportHeadline"))->text();
        QVERIFY2(
            headline != ui::ImportDialog::tr("Import finished. Nothing new: the vault already held these records."),
            qPrintable(headline));
        QVERIFY2(headline.contains(QLatin1Char('4')), qPrintable(headline));
        if (lang == QLatin1String("ja"))
            QVERIFY2(hasJapanese(headline), qPrintable(headline));
        saveScreenshot(&dialog, QStringLiteral("import-all-rejected-") + lang);
    }

    // A saved file that is not JSON (cut off) is called so, as the command line does, not "not in the expected form".
    void truncatedFile_saysItIsNotValidJson_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("ja") << QStringLiteral("ja");
        QTest::newRow("en") << QStringLiteral("en");
    }
    void truncatedFile_saysItIsNotValidJson()
    {
        QFETCH(QString, lang);
        Language language(lang);
        QTemporaryDir dir;
        auto session = createSession(dir.filePath(QStringLiteral("v.techo")));
        QVERIFY(session);
        const QByteArray whole = test::readAll(test::sourcePath(QStringLiteral("tests/data/api/tkk-valid.json")));
        QFile file(dir.filePath(QStringLiteral("cut.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(whole.left(whole.size() / 2));
        file.close();

        ui::ImportDialog dialog(*session);
        dialog.setSource(ui::ImportDialog::Source::File);
        dialog.setFilePath(file.fileName());
        dialog.show();
        QTest::mouseClick(button(dialog, "importButton"), Qt::LeftButton);
        QTRY_COMPARE(dialog.stage(), Stage::Finished);
        QVERIFY(dialog.lastError().has_value());
        QCOMPARE(dialog.lastError()->key, std::string("import.malformed_response"));
        const QString notes = dialog.findChild<QLabel*>(QStringLiteral("reportNotes"))->text();
        QVERIFY2(notes.contains(QStringLiteral("JSON")), qPrintable(notes));
        if (lang == QLatin1String("ja"))
            QVERIFY2(hasJapanese(notes), qPrintable(notes));
    }

    // The period reads as every other date: 2026/11/30 in Japanese, 30 Nov 2026 in English (not 11/30/26).
    void periodFields_writeDatesAsTheViewsDo_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ja") << QStringLiteral("ja") << QStringLiteral("2026/11/30");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("30 Nov 2026");
    }
    void periodFields_writeDatesAsTheViewsDo()
    {
        QFETCH(QString, lang);
        QFETCH(QString, expected);
        Language language(lang);
        const QLocale previous;
        if (lang == QLatin1String("en"))
            QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // whose short form is 11/30/26
        const auto restore = qScopeGuard([&] { QLocale::setDefault(previous); });
        QTemporaryDir dir;
        auto session = createSession(dir.filePath(QStringLiteral("v.techo")));
        QVERIFY(session);
        ui::ImportDialog dialog(*session);
        dialog.setDateRange(QDate(2021, 11, 30), QDate(2026, 11, 30));
        QCOMPARE(dialog.findChild<QDateEdit*>(QStringLiteral("toDateEdit"))->text(), expected);
        QCOMPARE(dialog.findChild<QDateEdit*>(QStringLiteral("fromDateEdit"))->text(),
            QString(expected).replace(QStringLiteral("2026"), QStringLiteral("2021")));
    }

    // Every key core gives an error or a rejection has its own text, and in Japanese no English from core.
    void everyCoreKey_hasItsOwnJapaneseText()
    {
        const auto errorKeys = keysInCore(QRegularExpression(
            QStringLiteral(R"re((?:withKey\(|key = |\? |: )"((?:vault|import|query|net|export)\.[a-z_]+)")re")));
        const auto reasonKeys
            = keysInCore(QRegularExpression(QStringLiteral(R"re((?:Reason k[A-Za-z]+ \{|reasonKey = )"([a-z_]+)")re")));
        QVERIFY2(errorKeys.size() >= 15, "the scan found too few error keys");
        QVERIFY2(reasonKeys.size() >= 30, "the scan found too few reason keys");
        QVERIFY(errorKeys.count("import.person_conflict") == 1 && reasonKeys.count("conflicting_duplicate") == 1);

        const std::vector<std::pair<std::string, std::string>> params {{"field", "DiDate"}, {"path", "$.x.DiDate"},
            {"reason", "missing"}, {"code", "E-1"}, {"personId", "P0001"}, {"storedSex", "male"},
            {"incomingSex", "female"}, {"version", "9"}};
        auto errorWith = [&](const std::string& key) {
            Error e(ErrorCode::InvalidData, "English text from core");
            e.key = key;
            e.params = params;
            return e;
        };
        std::map<std::string, QString> english;
        for (const std::string& key : errorKeys)
            english[key] = ui::describeError(errorWith(key));
        std::map<std::string, QString> englishReasons;
        for (const std::string& key : reasonKeys)
            englishReasons[key] = ui::describeRejectionReason(key, params);
        const QString fallback = ui::describeError(errorWith(""));
        const QString reasonFallback = ui::describeRejectionReason("no_such_reason", params);

        Language japanese(QStringLiteral("ja"));
        for (const std::string& key : errorKeys) {
            QVERIFY2(english[key] != fallback, ("no text of its own: " + key).c_str());
            const QString ja = ui::describeError(errorWith(key));
            QVERIFY2(hasJapanese(ja) && ja != english[key] && !ja.contains(QStringLiteral("English")),
                qPrintable(QString::fromStdString(key) + QStringLiteral(": ") + ja));
        }
        for (const std::string& key : reasonKeys) {
            QVERIFY2(englishReasons[key] != reasonFallback, ("no text of its own: " + key).c_str());
            const QString ja = ui::describeRejectionReason(key, params);
            QVERIFY2(hasJapanese(ja) && ja != englishReasons[key],
                qPrintable(QString::fromStdString(key) + QStringLiteral(": ") + ja));
        }
        // Errors without a key: a translated sentence by code, never core's English message.
        for (const ErrorCode code : {ErrorCode::Internal, ErrorCode::Usage, ErrorCode::WrongPassphrase,
                 ErrorCode::NotAVault, ErrorCode::Damaged, ErrorCode::NewerFormat, ErrorCode::Io,
                 ErrorCode::AlreadyExists, ErrorCode::NotFound, ErrorCode::Network, ErrorCode::InvalidData,
                 ErrorCode::Cancelled, ErrorCode::InUse}) {
            const QString ja = ui::describeError(Error(code, "English text from core"));
            QVERIFY2(hasJapanese(ja) && !ja.contains(QStringLiteral("English")), qPrintable(ja));
        }
    }

private:
    QTemporaryDir m_config;
};

QTEST_MAIN(TestImportDialog)
#include "TestImportDialog.moc"
