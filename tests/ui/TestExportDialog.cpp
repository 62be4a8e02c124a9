// File ▸ Export… as a person uses it, on a real vault filled from the real techo-sandbox (a family of 6 over 40
// years): the preview against countRecords and against what the written file holds (read back by Qt's JSON parser);
// the file complete and its digest the one shown; Cancel (Esc) during the export and locking the window during it
// leave nothing behind and record no audit event; an existing destination is refused before anything starts; the
// PDF choice without a renderer; the Japanese texts.
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
        }
    }
};

QTEST_MAIN(TestExportDialog)
#include "TestExportDialog.moc"
