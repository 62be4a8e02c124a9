// File ▸ Export… as a person uses it, on a real vault filled from the real techo-sandbox (a family of 6 over 40
// years): the preview against countRecords and against what the written file holds (read back by Qt's JSON parser);
// the file complete and its digest the one shown; Cancel (Esc) during the export and locking the window during it
// leave nothing behind and record no audit event; an existing destination is refused before anything starts; the
// PDF choice without a renderer; the Japanese texts; every number any format reports under a name (FHIR resources
// as such); Return presses Export but never Cancel; Show in folder without a file manager; a refusal cleared by an
// edit; a typed name following the format; locking mid-export said in the window.
#include "core/export/ExportJobs.h"
#include "core/export/SummaryCode.h"
#include "core/import/ImportJobs.h"
#include "core/session/VaultSession.h"
#include "core/vault/AuditRepository.h"
#include "core/vault/ProfileRepository.h"
#include "core/vault/Vault.h"
#include "tests/support/SandboxProcess.h"
#include "tests/support/TestSupport.h"
#include "ui/AppController.h"
#include "ui/DoctorSummaryPdf.h"
#include "ui/ErrorText.h"
#include "ui/ExportCountsModel.h"
#include "ui/ExportDialog.h"
#include "ui/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTranslator>

#include <atomic>

using namespace techo;
using Stage = ui::ExportDialog::Stage;
using Counts = std::map<std::string, std::int64_t>;

namespace {

constexpr int kExportTimeoutMs = 60000;

void saveScreenshot(QWidget* widget, const QString& name)
{
    QString dir = qEnvironmentVariable("TECHO_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QDir::current().filePath(QStringLiteral("screenshots"));
    QDir().mkpath(dir);
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

// The Japanese catalogue (embedded from translations/techo_ja.ts) and the Japanese locale while it lives.
struct Language {
    explicit Language(const QString& code)
    {
        if (code == QLatin1String("ja")) {
            if (!m_translator.load(QStringLiteral(":/i18n/techo_ja.qm")))
                QTest::qFail("the Japanese catalogue is not embedded", __FILE__, __LINE__);
            QApplication::installTranslator(&m_translator);
            QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
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
    return text.contains(kana);
}

template <typename T> T* child(const QObject& parent, const char* name)
{
    T* found = parent.findChild<T*>(QString::fromLatin1(name));
    if (found == nullptr)
        QTest::qFail(qPrintable(QStringLiteral("no child ") + QString::fromLatin1(name)), __FILE__, __LINE__);
    return found;
}

const ui::ExportCountsModel* previewModel(const ui::ExportDialog& dialog)
{
    auto* view = dialog.findChild<QTableView*>(QStringLiteral("previewView"));
    return view ? qobject_cast<const ui::ExportCountsModel*>(view->model()) : nullptr;
}

// The records of a JSON export as its arrays hold them (children counted inside their records).
Counts countsInFile(const QJsonObject& doc)
{
    const auto size
        = [&](const char* key) { return static_cast<std::int64_t>(doc[QString::fromUtf8(key)].toArray().size()); };
    const auto children = [&](const char* key, const char* child) {
        std::int64_t n = 0;
        for (const QJsonValue& record : doc[QString::fromUtf8(key)].toArray())
            n += record[QString::fromUtf8(child)].toArray().size();
        return n;
    };
    return {{"profiles", size("profiles")}, {"checkups", size("checkups")},
        {"observations", children("checkups", "observations")}, {"dispensings", size("dispensings")},
        {"medication_lines", children("dispensings", "lines")}, {"vaccinations", size("vaccinations")},
        {"measurements", size("measurements")}};
}

// A click on the box itself (a check box's centre may lie beyond its text, where a click does nothing).
void clickCheckBox(QAbstractButton* box)
{
    if (box != nullptr)
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(box->height() / 2, box->height() / 2));
}

QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

// pdftotext's text of `pdf`, NFKC (the CJK font's text layer may name a kanji by its compatibility form) and
// without white space (the PDF breaks lines and spaces names as it lays them out).
QString pdfWords(const QString& pdf)
{
    const test::ProcessResult text = test::runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    if (text.exitCode != 0)
        return {};
    return QString::fromUtf8(text.out)
        .normalized(QString::NormalizationForm_KC)
        .remove(QRegularExpression(QStringLiteral("\\s")));
}

// What zbarimg reads on the last page of `pdf` rendered by pdftoppm at 200 dpi (the bytes as encoded); empty when
// it finds no code.
QByteArray codeOnLastPage(const QString& pdf)
{
    const test::ProcessResult info = test::runTool(QStringLiteral("pdfinfo"), {pdf});
    const auto pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(QString::fromUtf8(info.out));
    if (!pages.hasMatch())
        return "pdfinfo failed";
    const QString png = pdf + QStringLiteral("-last");
    const test::ProcessResult render = test::runTool(QStringLiteral("pdftoppm"),
        {QStringLiteral("-r"), QStringLiteral("200"), QStringLiteral("-f"), pages.captured(1), QStringLiteral("-l"),
            pages.captured(1), QStringLiteral("-png"), QStringLiteral("-singlefile"), pdf, png});
    if (render.exitCode != 0)
        return "pdftoppm failed";
    QByteArray out = test::runTool(QStringLiteral("zbarimg"),
        {QStringLiteral("--raw"), QStringLiteral("-q"), QStringLiteral("-Sbinary"), png + QStringLiteral(".png")})
                         .out;
    if (out.endsWith('\n'))
        out.chop(1);
    return out;
}

} // namespace

class TestExportDialog : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_vaultPath;
    std::unique_ptr<session::VaultSession> m_session;

    int exportEvents()
    {
        // Through a connection of the test's own, as any reader of the audit log.
        auto vault = vault::Vault::open(m_vaultPath.toStdString(), test::secret(test::kTestPassphrase));
        if (!vault.ok())
            return -1;
        auto events = vault::AuditRepository(vault.value()->database()).listRecent(100000);
        if (!events.ok())
            return -1;
        return static_cast<int>(std::count_if(events->begin(), events->end(),
            [](const domain::AuditEvent& e) { return e.action == "export.completed"; }));
    }

    // The preview as the person reads it equals countRecords for the dialog's selection, kind by kind.
    void checkPreview(const ui::ExportDialog& dialog)
    {
        const auto* model = previewModel(dialog);
        QVERIFY(model);
        auto counted = m_session->countRecords(dialog.selection());
        QVERIFY(counted.ok());
        QVERIFY(model->rowCount() >= 2);
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString kind = model->index(row, ui::ExportCountsModel::KindColumn).data().toString();
            const qlonglong shown
                = model->index(row, ui::ExportCountsModel::CountColumn).data(Qt::UserRole).toLongLong();
            bool matched = false;
            for (const auto& [key, n] : *counted)
                if (ui::ExportCountsModel::kindText(key) == kind) {
                    QCOMPARE(shown, n);
                    matched = true;
                }
            QVERIFY2(matched, qPrintable(kind));
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        test::SandboxProcess sandbox(
            {QStringLiteral("--persons"), QStringLiteral("6"), QStringLiteral("--years"), QStringLiteral("40")});
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        m_vaultPath = m_dir.filePath(QStringLiteral("family.techo"));
        auto created = session::VaultSession::create(
            m_vaultPath.toStdString(), test::secret(test::kTestPassphrase), crypto::KdfParams::insecureForTestsOnly());
        QVERIFY(created.ok());
        m_session = std::move(created).value();
        import::ApiImportRequest request;
        request.client.baseUrl = sandbox.baseUrl().toStdString();
        request.client.http.caFile = sandbox.caFile().toStdString();
        request.client.pollInterval = std::chrono::milliseconds(10);
        auto report = m_session->importFromApi(request);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    }

    // The preview follows every choice and equals countRecords; the export writes exactly that (read back from the
    // file), completely, with the digest the report shows.
    void previewEqualsWhatIsWritten_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("ja") << QStringLiteral("ja");
        QTest::newRow("en") << QStringLiteral("en");
    }
    void previewEqualsWhatIsWritten()
    {
        QFETCH(QString, lang);
        Language language(lang);
        ui::ExportDialog dialog(*m_session, 2);
        for (auto* view : dialog.findChildren<QTableView*>())
            new QAbstractItemModelTester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, view);
        QCOMPARE(dialog.selection().profileId, std::optional<std::int64_t>(2)); // the window's person by default
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        checkPreview(dialog);
        const Counts whole = dialog.previewCounts();

        // A period and one kind fewer, as a person sets them: the preview counts again.
        dialog.setPeriod(QDate(2010, 1, 1), QDate(2019, 12, 31));
        clickCheckBox(child<QCheckBox>(dialog, "vaccinationsCheck"));
        QVERIFY(!dialog.selection().categories.vaccinations);
        checkPreview(dialog);
        const Counts chosen = dialog.previewCounts();
        QVERIFY(chosen.at("checkups") > 0);
        QVERIFY(chosen.at("checkups") < whole.at("checkups"));
        QCOMPARE(chosen.at("vaccinations"), 0);
        QCOMPARE(previewModel(dialog)->count("vaccinations"), -1); // a kind left out is not listed
        saveScreenshot(&dialog, QStringLiteral("export-dialog-choose-") + lang);

        QTemporaryDir out;
        const QString target = out.filePath(QStringLiteral("export.json"));
        dialog.setDestination(target);
        const int eventsBefore = exportEvents();
        QTest::mouseClick(child<QPushButton>(dialog, "exportButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), Stage::Finished, kExportTimeoutMs);
        QVERIFY2(dialog.lastReport().has_value(), dialog.lastError() ? dialog.lastError()->message.c_str() : "");
        saveScreenshot(&dialog, QStringLiteral("export-dialog-report-") + lang);

        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QJsonParseError parsed;
        const QJsonObject doc = QJsonDocument::fromJson(bytes, &parsed).object();
        QCOMPARE(parsed.error, QJsonParseError::NoError); // complete: the whole document parses
        QCOMPARE(doc[QStringLiteral("format")].toString(), QStringLiteral("techo-export"));
        const Counts inFile = countsInFile(doc);
        for (const auto& [kind, n] : chosen)
            QCOMPARE(inFile.at(kind), n);
        // The file's own counts member agrees with its arrays, and the report page shows the same numbers.
        for (const auto& [kind, n] : inFile) {
            QCOMPARE(doc[QStringLiteral("counts")][QString::fromStdString(kind)].toInteger(), n);
            QCOMPARE(dialog.lastReport()->counts.at(kind), n);
        }
        const QString digest = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        QVERIFY(child<QLabel>(dialog, "digestLabel")->text().contains(digest));
        QVERIFY(child<QLabel>(dialog, "whereLabel")->text().contains(QDir::toNativeSeparators(target)));
        QVERIFY(child<QPushButton>(dialog, "showInFolderButton")->isVisible());
        QCOMPARE(exportEvents(), eventsBefore + 1);
        if (lang == QLatin1String("ja")) {
            QVERIFY(hasJapanese(child<QLabel>(dialog, "reportHeadline")->text()));
            QVERIFY(hasJapanese(dialog.windowTitle()));
        }
    }

    // CSV as one .zip: a zip file at the destination holding what the preview counted.
    void csvZipIsWritten()
    {
        ui::ExportDialog dialog(*m_session, 1);
        dialog.setFormat(exports::ExportFormat::Csv);
        dialog.setCsvZip(true);
        QVERIFY(dialog.destination().endsWith(QStringLiteral("-csv.zip")));
        QTemporaryDir out;
        const QString target = out.filePath(QStringLiteral("records.zip"));
        dialog.setDestination(target);
        const Counts preview = dialog.previewCounts();
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(child<QPushButton>(dialog, "exportButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), Stage::Finished, kExportTimeoutMs);
        QVERIFY2(dialog.lastReport().has_value(), dialog.lastError() ? dialog.lastError()->message.c_str() : "");
        QVERIFY(QFileInfo(target).isFile());
        QCOMPARE(test::readAll(target).left(4), QByteArray("PK\x03\x04", 4));
        for (const char* kind : {"checkups", "observations", "dispensings", "medication_lines", "vaccinations"})
            QCOMPARE(dialog.lastReport()->counts.at(kind), preview.at(kind));
        QCOMPARE(entries(out.path()), QStringList {QStringLiteral("records.zip")});
    }

    // A period that ends before it starts is named in the preview and cannot be exported.
    void aBackwardPeriodIsNamed()
    {
        ui::ExportDialog dialog(*m_session, 1);
        dialog.setPeriod(QDate(2020, 1, 1), QDate(2019, 1, 1));
        QVERIFY(!child<QPushButton>(dialog, "exportButton")->isEnabled());
        QCOMPARE(child<QLabel>(dialog, "previewNote")->text(),
            ui::describeError(makeError(ErrorCode::Usage, "x").withKey("export.bad_period")));
        QVERIFY(dialog.previewCounts().empty());
        dialog.setPeriod(QDate(2019, 1, 1), QDate(2020, 1, 1));
        QVERIFY(child<QPushButton>(dialog, "exportButton")->isEnabled());
    }

    // An existing file is refused before anything starts: it keeps its bytes, nothing is staged beside it, no audit.
    void anExistingTargetIsRefused()
    {
        QTemporaryDir out;
        const QString target = out.filePath(QStringLiteral("mine.json"));
        QFile file(target);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me");
        file.close();
        ui::ExportDialog dialog(*m_session, 1);
        QSignalSpy stages(&dialog, &ui::ExportDialog::stageChanged);
        dialog.setDestination(target);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const int eventsBefore = exportEvents();
        QTest::mouseClick(child<QPushButton>(dialog, "exportButton"), Qt::LeftButton);
        QCOMPARE(dialog.stage(), Stage::Choosing);
        QCOMPARE(stages.count(), 0);
        QLabel* error = child<QLabel>(dialog, "choiceErrorLabel");
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains(target), qPrintable(error->text()));
        QCOMPARE(test::readAll(target), QByteArray("keep me"));
        QCOMPARE(entries(out.path()), QStringList {QStringLiteral("mine.json")});
        QCOMPARE(exportEvents(), eventsBefore);
    }

    // Esc during the export cancels it: nothing at the destination, no staging copy, no audit event. The worker is
    // held at its first progress report until the dialog has cancelled, so the cancel lands mid-export every time.
    void cancelDuringTheExportLeavesNothing_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("format");
        QTest::newRow("ja, csv") << QStringLiteral("ja") << QStringLiteral("csv");
        QTest::newRow("en, json") << QStringLiteral("en") << QStringLiteral("json");
    }
    void cancelDuringTheExportLeavesNothing()
    {
        QFETCH(QString, lang);
        QFETCH(QString, format);
        Language language(lang);
        ui::ExportDialog dialog(*m_session, std::nullopt);
        std::atomic<bool> reached {false};
        dialog.setWorkerProgressHook([&](const exports::ExportProgress&, const net::CancelToken& cancel) {
            reached = true;
            while (!cancel.isCancelled())
                QThread::msleep(1);
        });
        dialog.setFormat(format == QLatin1String("csv") ? exports::ExportFormat::Csv : exports::ExportFormat::Json);
        QTemporaryDir out;
        dialog.setDestination(out.filePath(QStringLiteral("everything")));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const int eventsBefore = exportEvents();
        QTest::mouseClick(child<QPushButton>(dialog, "exportButton"), Qt::LeftButton);
        QCOMPARE(dialog.stage(), Stage::Running);
        QTRY_VERIFY_WITH_TIMEOUT(reached.load(), kExportTimeoutMs);
        // The window's session reads while the export runs on its own connection.
        QVERIFY(m_session->counts().ok());
        QTRY_VERIFY(child<QProgressBar>(dialog, "exportProgressBar")->value() > 0);
        saveScreenshot(&dialog, QStringLiteral("export-dialog-progress-") + lang);

        QTest::keyClick(&dialog, Qt::Key_Escape);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), Stage::Finished, kExportTimeoutMs);
        QVERIFY(dialog.isVisible()); // the first Esc cancels; it does not close
        QVERIFY(!dialog.lastReport());
        QVERIFY(dialog.lastError());
        QCOMPARE(dialog.lastError()->code, ErrorCode::Cancelled);
        QCOMPARE(dialog.lastError()->key, std::string("export.cancelled"));
        QCOMPARE(child<QLabel>(dialog, "reportHeadline")->text(),
            ui::ExportDialog::tr("The export was cancelled. Nothing was written."));
        QCOMPARE(entries(out.path()), QStringList {});
        QCOMPARE(exportEvents(), eventsBefore);
        saveScreenshot(&dialog, QStringLiteral("export-dialog-cancelled-") + lang);
    }

    // Locking the window (Ctrl+L, idle time) during an export ends it first: the dialog goes, nothing is left.
    // File ▸ Export… is Ctrl+E and opens the dialog for the person the window shows.
    void lockingDuringTheExportEndsIt()
    {
        auto opened = session::VaultSession::open(m_vaultPath.toStdString(), test::secret(test::kTestPassphrase));
        QVERIFY(opened.ok());
        ui::MainWindow window(m_vaultPath);
        ui::AppController controller(window);
        window.showVault(std::move(opened).value());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction* action = window.exportAction();
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        QVERIFY(action->isEnabled());
        action->trigger();
        ui::ExportDialog* found = window.findChild<ui::ExportDialog*>();
        QVERIFY(found != nullptr);
        QCOMPARE(found, controller.exportDialog());
        ui::ExportDialog& shown = *found;
        const QPointer<ui::ExportDialog> dialog(found); // goes null when locking deletes the dialog
        QCOMPARE(shown.selection().profileId, window.currentProfileId());

        std::atomic<bool> reached {false};
        shown.setWorkerProgressHook([&](const exports::ExportProgress&, const net::CancelToken& cancel) {
            if (!reached.exchange(true))
                QMetaObject::invokeMethod(
                    &window, [&window] { window.lockVault(); }, Qt::QueuedConnection);
            while (!cancel.isCancelled())
                QThread::msleep(1);
        });
        QTemporaryDir out;
        shown.setDestination(out.filePath(QStringLiteral("locked.json")));
        const int eventsBefore = exportEvents();
        QTest::mouseClick(child<QPushButton>(shown, "exportButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), kExportTimeoutMs);
        QVERIFY(reached.load());
        QVERIFY(window.session() == nullptr);
        QCOMPARE(entries(out.path()), QStringList {});
        QCOMPARE(exportEvents(), eventsBefore);
        // Locked, the action opens nothing.
        action->trigger();
        QVERIFY(!controller.exportDialog());

        // The window says that the export did not happen: while locked, and again after unlocking.
        const QString stopped = ui::AppController::exportStoppedByLockText();
        QCOMPARE(window.statusBar()->currentMessage(), stopped);
        auto again = session::VaultSession::open(m_vaultPath.toStdString(), test::secret(test::kTestPassphrase));
        QVERIFY(again.ok());
        window.showVault(std::move(again).value());
        QCOMPARE(window.statusBar()->currentMessage(), stopped);
        // Said once: a lock with no export running (an idle dialog open) says nothing of an export.
        action->trigger();
        QVERIFY(controller.exportDialog());
        window.lockVault();
        QVERIFY(window.statusBar()->currentMessage() != stopped);
        auto third = session::VaultSession::open(m_vaultPath.toStdString(), test::secret(test::kTestPassphrase));
        QVERIFY(third.ok());
        window.showVault(std::move(third).value());
        QVERIFY(window.statusBar()->currentMessage() != stopped);
        {
            Language japanese(QStringLiteral("ja"));
            const QString ja = ui::AppController::exportStoppedByLockText();
            QVERIFY2(hasJapanese(ja) && ja.contains(QStringLiteral("書き出し")), qPrintable(ja));
        }
    }

    // Without a renderer the PDF cannot be chosen and says why; with one it can, for one person only.
    void pdfNeedsARendererAndOnePerson()
    {
        Language language(QStringLiteral("ja"));
        ui::ExportDialog dialog(*m_session, std::nullopt);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QRadioButton* pdf = child<QRadioButton>(dialog, "pdfRadio");
        QVERIFY(!pdf->isEnabled());
        QVERIFY(!pdf->toolTip().isEmpty());
        dialog.setFormat(exports::ExportFormat::Pdf);
        QCOMPARE(dialog.format(), exports::ExportFormat::Json);

        dialog.setPdfRenderer([](const exports::DoctorSummary&) -> Result<std::string> { return std::string(); });
        QVERIFY(pdf->isEnabled());
        QCOMPARE(dialog.selection().profileId, std::nullopt);
        clickCheckBox(pdf);
        QCOMPARE(dialog.format(), exports::ExportFormat::Pdf);
        QVERIFY(dialog.selection().profileId.has_value()); // "everyone" gave way to a person
        auto* combo = child<QComboBox>(dialog, "profileCombo");
        auto* items = qobject_cast<QStandardItemModel*>(combo->model());
        QVERIFY(items && !items->item(0)->isEnabled());
        QVERIFY(child<QWidget>(dialog, "sectionsBox")->isVisibleTo(&dialog));
        QVERIFY(!child<QWidget>(dialog, "categoriesBox")->isVisibleTo(&dialog));
        QVERIFY(dialog.destination().endsWith(QStringLiteral(".pdf")));
        // Without the medicines section, no dispensing is counted for it.
        clickCheckBox(child<QCheckBox>(dialog, "medicinesSectionCheck"));
        QCOMPARE(dialog.previewCounts().at("dispensings"), 0);
        QVERIFY(!dialog.selection().categories.medications);
        QTest::qWait(100); // the layout follows the new texts on the next turn of the event loop
        saveScreenshot(&dialog, QStringLiteral("export-dialog-pdf-ja"));
    }

    // The assembled app (MainWindow + AppController, as `techo` builds them) makes the PDF summary through
    // File ▸ Export…: the PDF choice is enabled (the controller hands the dialog the real renderer), the file is
    // written on the export's worker thread, it names the person and its sections, carries the QR code core makes
    // for that person and day (or none when its box is cleared), and each export is audited.
    void pdfThroughFileExport_ofTheAssembledApp()
    {
        Language language(QStringLiteral("ja"));
        auto opened = session::VaultSession::open(m_vaultPath.toStdString(), test::secret(test::kTestPassphrase));
        QVERIFY(opened.ok());
        ui::MainWindow window(m_vaultPath);
        ui::AppController controller(window);
        window.showVault(std::move(opened).value());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const std::int64_t person = window.currentProfileId().value_or(0);
        QVERIFY(person != 0);
        QTemporaryDir out;

        for (const bool withCode : {true, false}) {
            window.exportAction()->trigger();
            ui::ExportDialog* dialog = controller.exportDialog();
            QVERIFY(dialog != nullptr);
            QTRY_VERIFY(dialog->isVisible());
            QRadioButton* pdfRadio = child<QRadioButton>(*dialog, "pdfRadio");
            QVERIFY(pdfRadio->isEnabled());
            clickCheckBox(pdfRadio);
            QCOMPARE(dialog->format(), exports::ExportFormat::Pdf);
            QCOMPARE(dialog->selection().profileId, std::optional<std::int64_t>(person));
            QCheckBox* qr = child<QCheckBox>(*dialog, "qrSectionCheck");
            QVERIFY(qr->isVisibleTo(dialog));
            QVERIFY(qr->isChecked());
            if (!withCode)
                clickCheckBox(qr);
            QCOMPARE(qr->isChecked(), withCode);
            const QString target
                = out.filePath(withCode ? QStringLiteral("summary.pdf") : QStringLiteral("summary-no-qr.pdf"));
            dialog->setDestination(target);
            const int eventsBefore = exportEvents();
            const auto japanDay = [] {
                return domain::Date {std::chrono::floor<std::chrono::days>(domain::nowUtc() + std::chrono::hours(9))};
            };
            const domain::Date dayBefore = japanDay();
            QTest::mouseClick(child<QPushButton>(*dialog, "exportButton"), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(dialog->stage(), Stage::Finished, kExportTimeoutMs);
            QVERIFY2(dialog->lastReport().has_value(), dialog->lastError() ? dialog->lastError()->message.c_str() : "");
            const domain::Date dayAfter = japanDay();
            QVERIFY(QFileInfo(target).isFile());
            QVERIFY(test::readAll(target).startsWith("%PDF-"));
            QCOMPARE(exportEvents(), eventsBefore + 1);

            // Read back as a clinic would: the person's name and the section titles in the text layer.
            auto vault = vault::Vault::open(m_vaultPath.toStdString(), test::secret(test::kTestPassphrase));
            QVERIFY(vault.ok());
            auto profile = vault::ProfileRepository(vault.value()->database()).get(person);
            QVERIFY(profile.ok());
            const QString words = pdfWords(target);
            const QString name = QString::fromStdString(profile->shownName())
                                     .normalized(QString::NormalizationForm_KC)
                                     .remove(QRegularExpression(QStringLiteral("\\s")));
            QVERIFY(!name.isEmpty());
            QVERIFY2(words.contains(name), qPrintable(name));
            QVERIFY(words.contains(QStringLiteral("医師提出用サマリー")));
            QVERIFY(words.contains(QStringLiteral("最新の健診結果")));
            QVERIFY(words.contains(QStringLiteral("予防接種歴")));
            QCOMPARE(words.contains(QStringLiteral("読み取り用QRコード")), withCode);

            const QByteArray code = codeOnLastPage(target);
            if (!withCode) {
                QCOMPARE(code, QByteArray());
            } else {
                if (dayBefore != dayAfter)
                    QSKIP("the export ran over midnight in Japan: the summary's day is not known");
                exports::SummaryCodeRequest request;
                request.profileId = person;
                request.asOf = dayAfter;
                auto expected = exports::buildSummaryCode(vault.value()->database(), request);
                QVERIFY(expected.ok());
                QCOMPARE(code, QByteArray::fromStdString(expected->payload));
            }
            dialog->close();
            QTRY_VERIFY(!controller.exportDialog()); // closed is deleted: the next File ▸ Export… opens a new one
        }
    }

    // Every error key the export raises has Japanese text (ErrorText), never the English fallback.
    void exportErrorsAreTranslated()
    {
        Language language(QStringLiteral("ja"));
        for (const char* key : {"export.cancelled", "export.pdf_unavailable", "export.bad_period",
                 "export.target_exists", "export.no_such_profile", "export.bad_path", "export.not_utf8"}) {
            const QString text = ui::describeError(makeError(ErrorCode::Usage, "x").withKey(key).with("path", "/p"));
            QVERIFY2(hasJapanese(text), key);
            // One word for export in Japanese: 書き出し, as the dialog says it.
            QVERIFY2(!text.contains(QStringLiteral("エクスポート")), qPrintable(text));
        }
    }

    // Every number a real export of each format reports is shown under a name in the UI language — the PDF's
    // sections, FHIR's resources (named as FHIR names them, under a heading that says so), JSON's and CSV's
    // records — never under core's key. The preview of FHIR and the PDF says it counts the records read.
    void everyReportedNumberHasAName_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<int>("format");
        QTest::addColumn<bool>("zip");
        for (const char* lang : {"ja", "en"}) {
            QTest::addRow("%s, pdf", lang) << QString::fromLatin1(lang) << int(exports::ExportFormat::Pdf) << false;
            QTest::addRow("%s, json", lang) << QString::fromLatin1(lang) << int(exports::ExportFormat::Json) << false;
            QTest::addRow("%s, csv", lang) << QString::fromLatin1(lang) << int(exports::ExportFormat::Csv) << false;
            QTest::addRow("%s, csv zip", lang) << QString::fromLatin1(lang) << int(exports::ExportFormat::Csv) << true;
            QTest::addRow("%s, fhir", lang) << QString::fromLatin1(lang) << int(exports::ExportFormat::Fhir) << false;
        }
    }
    void everyReportedNumberHasAName()
    {
        QFETCH(QString, lang);
        QFETCH(int, format);
        QFETCH(bool, zip);
        const auto chosen = static_cast<exports::ExportFormat>(format);
        Language language(lang);
        ui::ExportDialog dialog(*m_session, 1);
        dialog.setPdfRenderer(&ui::renderDoctorSummaryPdf);
        for (auto* view : dialog.findChildren<QTableView*>())
            new QAbstractItemModelTester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, view);
        dialog.setFormat(chosen);
        QCOMPARE(dialog.format(), chosen);
        if (chosen == exports::ExportFormat::Csv)
            dialog.setCsvZip(zip);
        QTemporaryDir out;
        dialog.setDestination(out.filePath(QStringLiteral("named")));
        dialog.setFormat(chosen); // the typed name takes the format's ending
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        using Counted = ui::ExportCountsModel::Counted;
        const bool reads = chosen == exports::ExportFormat::Fhir || chosen == exports::ExportFormat::Pdf;
        const auto* preview = previewModel(dialog);
        QVERIFY(preview);
        QCOMPARE(preview->headerData(ui::ExportCountsModel::KindColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
            reads ? ui::ExportDialog::tr("Records (to be read)") : ui::ExportCountsModel::tr("Kind of record"));
        QCOMPARE(child<QGroupBox>(dialog, "previewBox")->title(),
            reads ? ui::ExportDialog::tr("What will be read") : ui::ExportDialog::tr("What will be written"));
        if (chosen == exports::ExportFormat::Fhir) {
            QTest::qWait(100); // the layout follows the new texts on the next turn of the event loop
            saveScreenshot(&dialog, QStringLiteral("export-dialog-fhir-choose-") + lang);
        }

        QTest::mouseClick(child<QPushButton>(dialog, "exportButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), Stage::Finished, kExportTimeoutMs);
        QVERIFY2(dialog.lastReport().has_value(), dialog.lastError() ? dialog.lastError()->message.c_str() : "");
        const auto* report
            = qobject_cast<const ui::ExportCountsModel*>(child<QTableView>(dialog, "reportView")->model());
        QVERIFY(report);
        const Counted counted = chosen == exports::ExportFormat::Fhir ? Counted::FhirResources
            : chosen == exports::ExportFormat::Pdf                    ? Counted::PdfSections
                                                                      : Counted::Records;
        QCOMPARE(report->counted(), counted);
        const Counts& counts = dialog.lastReport()->counts;
        QVERIFY(counts.size() >= 7);
        QCOMPARE(report->rowCount(), static_cast<int>(counts.size()));
        for (const auto& [key, n] : counts)
            QVERIFY2(ui::ExportCountsModel::isKnown(key, counted), key.c_str());
        QStringList names;
        for (int row = 0; row < report->rowCount(); ++row) {
            const QString name = report->index(row, ui::ExportCountsModel::KindColumn).data().toString();
            names << name;
            bool raw = false;
            for (const auto& [key, n] : counts)
                raw = raw || name == QString::fromStdString(key);
            QVERIFY2(!raw, qPrintable(name));
            QVERIFY2(name != ui::ExportCountsModel::otherText(), qPrintable(name));
            if (lang == QLatin1String("ja"))
                QVERIFY2(hasJapanese(name), qPrintable(name));
        }
        QCOMPARE(names.size(), QSet<QString>(names.begin(), names.end()).size()); // no two rows alike
        const QString header
            = report->headerData(ui::ExportCountsModel::KindColumn, Qt::Horizontal, Qt::DisplayRole).toString();
        if (chosen == exports::ExportFormat::Fhir) {
            // The resources by their FHIR names, under a heading that says they are FHIR resources, and why they
            // differ from the records read.
            QVERIFY2(header.contains(QStringLiteral("FHIR")), qPrintable(header));
            for (const char* resource : {"Patient", "Observation", "MedicationDispense", "MedicationRequest",
                     "Immunization", "Organization", "Provenance"})
                QVERIFY2(
                    names.filter(QRegularExpression(QStringLiteral("^%1\\b").arg(QLatin1String(resource)))).size() == 1,
                    resource);
            QVERIFY(child<QLabel>(dialog, "reportCaption")->text().contains(QStringLiteral("FHIR")));
            QVERIFY(child<QLabel>(dialog, "reportNotes")->text().contains(QStringLiteral("MedicationRequest")));
            QVERIFY(counts.at("medication_dispenses") > 0);
            QVERIFY2(
                names.first().startsWith(QStringLiteral("Patient")), qPrintable(names.first())); // the person first
            saveScreenshot(&dialog, QStringLiteral("export-dialog-fhir-report-") + lang);
        } else if (chosen == exports::ExportFormat::Pdf) {
            QVERIFY(counts.at("checkup_days") > 0);
            // In the order the PDF prints its sections.
            QCOMPARE(names.first(), ui::ExportCountsModel::kindText("checkup_days", counted));
            QCOMPARE(names.last(), ui::ExportCountsModel::kindText("vaccinations", counted));
            saveScreenshot(&dialog, QStringLiteral("export-dialog-pdf-report-") + lang);
        }
        // The key itself can be found by name: the numbers are those core reported.
        for (const auto& [key, n] : counts)
            QCOMPARE(report->count(key), n);
        // A key no format reports today shows as "Other", not as itself.
        QCOMPARE(
            ui::ExportCountsModel::kindText("added_in_a_later_version", counted), ui::ExportCountsModel::otherText());
    }

    // Return presses Export on the choosing page; while the export runs it presses nothing (Cancel is Esc, a click
    // or Space); on the last page it closes.
    void returnPressesExportButNeverCancel()
    {
        // Declared before the dialog: its worker's hook reads them until the dialog has ended it.
        std::atomic<bool> reached {false};
        std::atomic<bool> release {false};
        ui::ExportDialog dialog(*m_session, 1);
        dialog.setWorkerProgressHook([&](const exports::ExportProgress&, const net::CancelToken& cancel) {
            reached = true;
            while (!release.load() && !cancel.isCancelled())
                QThread::msleep(1);
        });
        QTemporaryDir out;
        dialog.setDestination(out.filePath(QStringLiteral("return.json")));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QLineEdit* destination = child<QLineEdit>(dialog, "destinationEdit");
        destination->setFocus();
        // Focus passing through a button and away again (Tab) must not take Return away from Export.
        child<QPushButton>(dialog, "browseButton")->setFocus();
        destination->setFocus();
        QTest::keyClick(destination, Qt::Key_Return);
        QCOMPARE(dialog.stage(), Stage::Running);
        QTRY_VERIFY_WITH_TIMEOUT(reached.load(), kExportTimeoutMs);
        QTest::keyClick(child<QPushButton>(dialog, "cancelButton"), Qt::Key_Return);
        QTest::keyClick(&dialog, Qt::Key_Return);
        QCoreApplication::processEvents();
        QVERIFY(child<QPushButton>(dialog, "cancelButton")->isEnabled()); // not cancelled
        release = true;
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), Stage::Finished, kExportTimeoutMs);
        QVERIFY2(dialog.lastReport().has_value(), dialog.lastError() ? dialog.lastError()->message.c_str() : "");
        QVERIFY(QFileInfo(out.filePath(QStringLiteral("return.json"))).isFile());
        QVERIFY(dialog.isVisible());
        QTest::keyClick(&dialog, Qt::Key_Return);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    // Show in folder on a desktop without a file manager says so, with the folder's path to copy.
    void showInFolderWithoutAFileManagerSaysSo()
    {
        Language language(QStringLiteral("ja"));
        ui::ExportDialog dialog(*m_session, 1);
        QList<QUrl> asked;
        dialog.setFolderOpener([&](const QUrl& url) {
            asked << url;
            return false; // as QDesktopServices::openUrl when Qt finds no launcher
        });
        QTemporaryDir out;
        dialog.setDestination(out.filePath(QStringLiteral("shown.json")));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(child<QPushButton>(dialog, "exportButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), Stage::Finished, kExportTimeoutMs);
        QVERIFY(dialog.lastReport().has_value());
        QLabel* failed = child<QLabel>(dialog, "showInFolderFailedLabel");
        QVERIFY(failed->isHidden());
        QTest::mouseClick(child<QPushButton>(dialog, "showInFolderButton"), Qt::LeftButton);
        QCOMPARE(asked, QList<QUrl> {QUrl::fromLocalFile(out.path())});
        QVERIFY(failed->isVisible());
        QVERIFY2(failed->text().contains(QDir::toNativeSeparators(out.path())), qPrintable(failed->text()));
        QVERIFY(hasJapanese(failed->text()));
        QVERIFY(failed->textInteractionFlags().testFlag(Qt::TextSelectableByMouse));
        saveScreenshot(&dialog, QStringLiteral("export-dialog-no-file-manager-ja"));
    }

    // A refusal of the destination goes once the person edits the path (Export checks it again).
    void aRefusalGoesWhenThePathIsEdited()
    {
        QTemporaryDir out;
        const QString taken = out.filePath(QStringLiteral("taken.json"));
        QFile file(taken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        ui::ExportDialog dialog(*m_session, 1);
        dialog.setDestination(taken);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(child<QPushButton>(dialog, "exportButton"), Qt::LeftButton);
        QLabel* error = child<QLabel>(dialog, "choiceErrorLabel");
        QVERIFY(error->isVisible());
        QLineEdit* destination = child<QLineEdit>(dialog, "destinationEdit");
        destination->setCursorPosition(static_cast<int>(destination->text().size()) - 5); // before ".json"
        QTest::keyClicks(destination, QStringLiteral("-2"));
        QCOMPARE(dialog.destination(), out.filePath(QStringLiteral("taken-2.json")));
        QVERIFY(error->isHidden());
        // Export checks the new path again: still taken gives the refusal back.
        QTest::keyClick(destination, Qt::Key_Backspace);
        QTest::keyClick(destination, Qt::Key_Backspace);
        QTest::keyClick(destination, Qt::Key_Return);
        QVERIFY(error->isVisible());
        QCOMPARE(dialog.stage(), Stage::Choosing);
    }

    // A name the person typed follows a change of format (its ending), so "Export more…" in another format is not
    // refused for the name of the file just written.
    void aTypedNameFollowsTheFormat()
    {
        using F = exports::ExportFormat;
        QCOMPARE(ui::ExportDialog::retargetedName(QStringLiteral("/d/period.pdf"), F::Csv, false),
            QStringLiteral("/d/period-csv"));
        QCOMPARE(ui::ExportDialog::retargetedName(QStringLiteral("/d/period-csv"), F::Csv, true),
            QStringLiteral("/d/period-csv.zip"));
        QCOMPARE(ui::ExportDialog::retargetedName(QStringLiteral("/d/period-csv.zip"), F::Fhir, false),
            QStringLiteral("/d/period-fhir.json"));
        QCOMPARE(ui::ExportDialog::retargetedName(QStringLiteral("/d/period-fhir.json"), F::Pdf, false),
            QStringLiteral("/d/period.pdf"));
        QCOMPARE(ui::ExportDialog::retargetedName(QStringLiteral("/d/mine"), F::Json, false),
            QStringLiteral("/d/mine.json"));
        // A name that already fits stays as typed.
        QCOMPARE(ui::ExportDialog::retargetedName(QStringLiteral("/d/a.b.json"), F::Fhir, false),
            QStringLiteral("/d/a.b.json"));
        QCOMPARE(ui::ExportDialog::retargetedName(QStringLiteral("/d/my.folder"), F::Csv, false),
            QStringLiteral("/d/my.folder"));
        QCOMPARE(ui::ExportDialog::retargetedName(QStringLiteral("/d.pdf/records.zip"), F::Csv, true),
            QStringLiteral("/d.pdf/records.zip"));

        // As the newcomer did it: a JSON export to a typed name, Export more…, CSV, Export.
        ui::ExportDialog dialog(*m_session, 1);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTemporaryDir out;
        QLineEdit* destination = child<QLineEdit>(dialog, "destinationEdit");
        destination->selectAll();
        QTest::keyClicks(destination, out.filePath(QStringLiteral("period.json")));
        QTest::keyClick(destination, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), Stage::Finished, kExportTimeoutMs);
        QVERIFY(dialog.lastReport().has_value());
        QTest::mouseClick(child<QPushButton>(dialog, "againButton"), Qt::LeftButton);
        QCOMPARE(dialog.stage(), Stage::Choosing);
        clickCheckBox(child<QRadioButton>(dialog, "csvRadio"));
        QCOMPARE(dialog.format(), F::Csv);
        QCOMPARE(dialog.destination(), out.filePath(QStringLiteral("period-csv")));
        QTest::mouseClick(child<QPushButton>(dialog, "exportButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.stage(), Stage::Finished, kExportTimeoutMs);
        QVERIFY2(dialog.lastReport().has_value(), dialog.lastError() ? dialog.lastError()->message.c_str() : "");
        QVERIFY(QFileInfo(out.filePath(QStringLiteral("period-csv"))).isDir());
        QCOMPARE(test::readAll(out.filePath(QStringLiteral("period.json"))).left(1), QByteArray("{"));
    }
};

QTEST_MAIN(TestExportDialog)
#include "TestExportDialog.moc"
