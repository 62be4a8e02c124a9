// The export's preview counts, progress and cancel (issue 12, "CLI and GUI"), on a real vault filled from the real
// techo-sandbox (a family of 6 over 40 years: several hundred records of each kind, so progress reports mid-kind).
// What an export wrote is read back from its file by Qt's JSON parser, not taken from the writer's own counters.
#include "core/export/ExportJobs.h"
#include "core/export/ExportOutput.h"
#include "core/export/ExportSource.h"
#include "core/import/ImportJobs.h"
#include "core/net/CancelToken.h"
#include "core/session/VaultSession.h"
#include "core/vault/AuditRepository.h"
#include "core/vault/Vault.h"
#include "tests/support/SandboxProcess.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <vector>

using namespace techo;

namespace {

using Counts = std::map<std::string, std::int64_t>;

exports::ExportSelection selection(
    std::optional<std::int64_t> profile, const char* from, const char* to, const char* categories)
{
    exports::ExportSelection s;
    s.profileId = profile;
    if (from != nullptr)
        s.from = domain::parseDate(from);
    if (to != nullptr)
        s.to = domain::parseDate(to);
    if (categories != nullptr)
        s.categories = *exports::ExportCategories::parse(categories);
    return s;
}

// The records of a JSON export as its arrays hold them (children counted inside their records).
Counts countsInFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
    Counts out;
    const auto size
        = [&](const char* key) { return static_cast<std::int64_t>(doc[QString::fromUtf8(key)].toArray().size()); };
    const auto children = [&](const char* key, const char* child) {
        std::int64_t n = 0;
        for (const QJsonValue& record : doc[QString::fromUtf8(key)].toArray())
            n += record[QString::fromUtf8(child)].toArray().size();
        return n;
    };
    out["profiles"] = size("profiles");
    out["checkups"] = size("checkups");
    out["observations"] = children("checkups", "observations");
    out["dispensings"] = size("dispensings");
    out["medication_lines"] = children("dispensings", "lines");
    out["vaccinations"] = size("vaccinations");
    out["measurements"] = size("measurements");
    return out;
}

} // namespace

Q_DECLARE_METATYPE(techo::exports::ExportSelection)

class TestExportProgress : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_vaultPath;
    std::unique_ptr<vault::Vault> m_vault;

    vault::Database& db() { return m_vault->database(); }
    QString path(const QString& name) const { return m_dir.filePath(name); }

    int exportEvents()
    {
        auto events = vault::AuditRepository(db()).listRecent(100000);
        if (!events.ok())
            return -1;
        return static_cast<int>(std::count_if(events->begin(), events->end(),
            [](const domain::AuditEvent& e) { return e.action == "export.completed"; }));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::SandboxProcess sandbox(
            {QStringLiteral("--persons"), QStringLiteral("6"), QStringLiteral("--years"), QStringLiteral("40")});
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        m_vaultPath = path(QStringLiteral("family.techo"));
        m_vault = test::createTestVault(m_vaultPath);
        QVERIFY(m_vault);
        import::ApiImportRequest request;
        request.client.baseUrl = sandbox.baseUrl().toStdString();
        request.client.http.caFile = sandbox.caFile().toStdString();
        request.client.pollInterval = std::chrono::milliseconds(10);
        auto report = import::importFromApi(db(), request);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    }

    // The preview (countRecords) equals what the export of the same selection writes, for every kind, read back
    // from the file; and the selections really differ (a filter that selected everything would prove nothing).
    void countsEqualWhatIsWritten_data()
    {
        QTest::addColumn<exports::ExportSelection>("selection");
        QTest::newRow("everything") << selection(std::nullopt, nullptr, nullptr, nullptr);
        QTest::newRow("one profile") << selection(2, nullptr, nullptr, nullptr);
        QTest::newRow("a period") << selection(std::nullopt, "2005-04-01", "2012-03-31", nullptr);
        QTest::newRow("from only") << selection(std::nullopt, "2020-01-01", nullptr, nullptr);
        QTest::newRow("two categories") << selection(std::nullopt, nullptr, nullptr, "checkups,vaccinations");
        QTest::newRow("profile, period, medications") << selection(1, "2010-01-01", "2019-12-31", "medications");
    }
    void countsEqualWhatIsWritten()
    {
        QFETCH(exports::ExportSelection, selection);
        auto counted = exports::countRecords(db(), selection);
        QVERIFY2(counted.ok(), counted.ok() ? "" : counted.error().message.c_str());
        auto all = exports::countRecords(db(), exports::ExportSelection {});
        QVERIFY(all.ok());

        exports::ExportRequest request;
        request.format = exports::ExportFormat::Json;
        request.selection = selection;
        request.outPath
            = path(QStringLiteral("counts-%1.json").arg(QString::fromUtf8(QTest::currentDataTag()))).toStdString();
        auto written = exports::exportRecords(db(), request);
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().message.c_str());
        const Counts inFile = countsInFile(QString::fromStdString(request.outPath));
        QCOMPARE(inFile.size(), counted->size());
        for (const auto& [kind, n] : *counted) {
            QVERIFY2(inFile.count(kind) == 1, kind.c_str());
            QCOMPARE(n, inFile.at(kind));
            QCOMPARE(n, written->counts.at(kind));
        }
        // Each selection holds records, and each filter leaves some out.
        const std::int64_t records = counted->at("checkups") + counted->at("dispensings") + counted->at("vaccinations");
        QVERIFY(records > 0);
        if (QByteArray(QTest::currentDataTag()) != "everything") {
            const std::int64_t everything = all->at("checkups") + all->at("dispensings") + all->at("vaccinations");
            QVERIFY(records < everything);
        }

        // The CSV writer, which counts its rows itself, agrees for the kinds it writes.
        request.format = exports::ExportFormat::Csv;
        request.outPath += ".csv";
        auto csv = exports::exportRecords(db(), request);
        QVERIFY2(csv.ok(), csv.ok() ? "" : csv.error().message.c_str());
        for (const auto& [kind, n] : csv->counts)
            if (counted->count(kind) == 1)
                QCOMPARE(n, counted->at(kind));
    }

    void countsRefuseABadSelection()
    {
        auto backwards = exports::countRecords(db(), selection(std::nullopt, "2020-01-01", "2019-12-31", nullptr));
        QVERIFY(!backwards.ok());
        QCOMPARE(backwards.error().code, ErrorCode::Usage);
        QCOMPARE(backwards.error().key, std::string("export.bad_period"));
        auto nobody = exports::countRecords(db(), selection(999, nullptr, nullptr, nullptr));
        QVERIFY(!nobody.ok());
        QCOMPARE(nobody.error().code, ErrorCode::NotFound);
    }

    // Progress comes during the records (every ExportSource::kProgressStep) and at each kind's end, in order, and
    // ends with every record of the selection done.
    void progressCoversTheSelection()
    {
        std::vector<exports::ExportProgress> seen;
        exports::ExportRequest request;
        request.format = exports::ExportFormat::Json;
        request.outPath = path(QStringLiteral("progress.json")).toStdString();
        request.progress = [&](const exports::ExportProgress& p) { seen.push_back(p); };
        auto counted = exports::countRecords(db(), request.selection);
        QVERIFY(counted.ok());
        const std::int64_t total = counted->at("checkups") + counted->at("dispensings") + counted->at("vaccinations");
        QVERIFY(total > 2 * exports::ExportSource::kProgressStep);
        auto written = exports::exportRecords(db(), request);
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().message.c_str());

        QVERIFY(seen.size() >= 3 + static_cast<std::size_t>(total / exports::ExportSource::kProgressStep) - 1);
        std::int64_t last = 0;
        for (const exports::ExportProgress& p : seen) {
            QCOMPARE(p.total, total);
            QVERIFY(p.done >= last);
            QVERIFY(p.done <= total);
            last = p.done;
        }
        // Each kind's end is reported with the records done so far.
        for (const char* kind : {"checkups", "dispensings", "vaccinations"})
            QVERIFY2(
                std::any_of(seen.begin(), seen.end(), [&](const exports::ExportProgress& p) { return p.kind == kind; }),
                kind);
        QCOMPARE(seen.back().done, total);
        QCOMPARE(seen.back().kind, std::string("vaccinations"));
        // A report inside a kind, not only at its end.
        QVERIFY(std::any_of(seen.begin(), seen.end(),
            [](const exports::ExportProgress& p) { return p.done == exports::ExportSource::kProgressStep; }));
    }

    // Cancel from inside the progress handler, after its first report: the export stops with Cancelled
    // (export.cancelled) and leaves nothing — no file or folder at the target, no staging copy beside it, no audit
    // event — whatever the format.
    void cancelLeavesNothing_data()
    {
        QTest::addColumn<exports::ExportFormat>("format");
        QTest::addColumn<int>("afterReports");
        QTest::addColumn<bool>("zip");
        QTest::newRow("json, first report") << exports::ExportFormat::Json << 1 << false;
        QTest::newRow("csv, first report") << exports::ExportFormat::Csv << 1 << false;
        QTest::newRow("csv zip, first report") << exports::ExportFormat::Csv << 1 << true;
        QTest::newRow("fhir, first report") << exports::ExportFormat::Fhir << 1 << false;
        // The last report comes after the last record: only the check before publishing can still stop it.
        QTest::newRow("json, last report") << exports::ExportFormat::Json << -1 << false;
        QTest::newRow("csv zip, last report") << exports::ExportFormat::Csv << -1 << true;
    }
    void cancelLeavesNothing()
    {
        QFETCH(exports::ExportFormat, format);
        QFETCH(int, afterReports);
        QFETCH(bool, zip);
        QTemporaryDir out(m_dir.filePath(QStringLiteral("cancel-XXXXXX")));
        QVERIFY(out.isValid());
        const int eventsBefore = exportEvents();
        QVERIFY(eventsBefore >= 0);

        // How many reports a whole export makes, to cancel at the last one.
        int reports = 0;
        {
            exports::ExportRequest dry;
            dry.format = format;
            dry.zip = zip;
            dry.outPath = out.filePath(QStringLiteral("count-reports")).toStdString();
            dry.progress = [&](const exports::ExportProgress&) { ++reports; };
            QVERIFY(exports::exportRecords(db(), dry).ok());
            exports::removeExportOutput(dry.outPath);
        }
        const int eventsAfterDry = exportEvents();
        QCOMPARE(eventsAfterDry, eventsBefore + 1);
        const int cancelAt = afterReports > 0 ? afterReports : reports;

        net::CancelToken cancel;
        int seen = 0;
        exports::ExportRequest request;
        request.format = format;
        request.zip = zip;
        request.outPath = out.filePath(QStringLiteral("export")).toStdString();
        request.cancel = &cancel;
        request.progress = [&](const exports::ExportProgress&) {
            if (++seen == cancelAt)
                cancel.cancel();
        };
        auto result = exports::exportRecords(db(), request);
        QVERIFY2(!result.ok(), "a cancelled export reported success");
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
        QCOMPARE(result.error().key, std::string("export.cancelled"));
        if (afterReports > 0)
            QCOMPARE(seen, cancelAt); // it stopped at once: no further report
        QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList {});
        QCOMPARE(exportEvents(), eventsAfterDry);
    }

    void cancelledBeforeTheStartWritesNothing()
    {
        QTemporaryDir out(m_dir.filePath(QStringLiteral("early-XXXXXX")));
        net::CancelToken cancel;
        cancel.cancel();
        exports::ExportRequest request;
        request.outPath = out.filePath(QStringLiteral("export.json")).toStdString();
        request.cancel = &cancel;
        auto result = exports::exportRecords(db(), request);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
        QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList {});
    }

    // Ctrl+C during `techo-cli export` cancels it cleanly: exit 1 with "cancelled", nothing at --out, no staging
    // copy, no audit event. SIGINT arrives right after the staging copy is made (InterruptOnStagingShim.c); without
    // the CLI's handler the process would die of it and leave that copy behind.
    void ctrlCCancelsTechoCliExport_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("json") << QStringLiteral("json");
        QTest::newRow("csv") << QStringLiteral("csv");
    }
    void ctrlCCancelsTechoCliExport()
    {
        QFETCH(QString, format);
        QTemporaryDir out(m_dir.filePath(QStringLiteral("sigint-XXXXXX")));
        QVERIFY(out.isValid());
        const int eventsBefore = exportEvents();
        const test::ProcessResult r = test::runTool(test::builtTool(QStringLiteral("techo-cli")),
            {QStringLiteral("--vault"), m_vaultPath, QStringLiteral("export"), QStringLiteral("--format"), format,
                QStringLiteral("--out"), out.filePath(QStringLiteral("export"))},
            {QStringLiteral("TECHO_PASSPHRASE=") + QString::fromUtf8(test::kTestPassphrase),
                QStringLiteral("LD_PRELOAD=") + QStringLiteral(TECHO_INTERRUPT_ON_STAGING_SHIM)});
        QVERIFY2(r.exitCode == 1, r.err.constData());
        QVERIFY2(r.err.contains("cancelled; nothing was written"), r.err.constData());
        QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList {});
        QCOMPARE(exportEvents(), eventsBefore);
    }

    // The session's doors to the export: the same counts as core's, and query.vault_locked once locked.
    void sessionExportsAndRefusesWhenLocked()
    {
        auto session = session::VaultSession::open(m_vaultPath.toStdString(), test::secret(test::kTestPassphrase));
        QVERIFY(session.ok());
        auto counted = (*session)->countRecords(selection(2, nullptr, nullptr, nullptr));
        QVERIFY(counted.ok());
        QCOMPARE(counted.value(), exports::countRecords(db(), selection(2, nullptr, nullptr, nullptr)).value());
        exports::ExportRequest request;
        request.outPath = path(QStringLiteral("session.json")).toStdString();
        request.selection.profileId = 2;
        auto written = (*session)->exportRecords(request);
        QVERIFY(written.ok());
        QCOMPARE(written->counts.at("checkups"), counted->at("checkups"));

        (*session)->lock();
        auto lockedCount = (*session)->countRecords({});
        QVERIFY(!lockedCount.ok());
        QCOMPARE(lockedCount.error().key, std::string("query.vault_locked"));
        request.outPath = path(QStringLiteral("session-locked.json")).toStdString();
        auto lockedExport = (*session)->exportRecords(request);
        QVERIFY(!lockedExport.ok());
        QCOMPARE(lockedExport.error().key, std::string("query.vault_locked"));
        QVERIFY(!QFile::exists(QString::fromStdString(request.outPath)));
    }
};

QTEST_GUILESS_MAIN(TestExportProgress)
#include "TestExportProgress.moc"
