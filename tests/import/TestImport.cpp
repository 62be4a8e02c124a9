// The import path end to end: techo-sandbox (HTTPS, generated CA) → HttpClient → Mynaportal client →
// strict mapping → Importer → encrypted vault. Every failure must leave the vault exactly as it was.
#include "core/import/ImportJobs.h"
#include "core/net/HttpClient.h"
#include "core/net/Url.h"
#include "core/vault/CheckupRepository.h"
#include "core/vault/Vault.h"
#include "tests/support/SandboxProcess.h"
#include "tests/support/TestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace techo;

namespace {

const char* const kKinds[]
    = {"profiles", "checkups", "observations", "vaccinations", "dispensings", "medication_lines"};

// Sandbox arguments that keep runs quick: a short processing delay, small data.
QStringList fastSandbox(QStringList extra = {})
{
    QStringList args {
        QStringLiteral("--process-delay-ms"), QStringLiteral("20"), QStringLiteral("--seed"), QStringLiteral("7")};
    return args + extra;
}

import::ApiImportRequest requestFor(const test::SandboxProcess& sandbox){import::ApiImportRequest request;
request.client.baseUrl = sandbox.baseUrl().toStdString();
request.client.http.caFile = sandbox.caFile().toStdString();
request.client.http.initialBackoff = std::chrono::milliseconds(10);
request.client.http.maxBackoff = std::chrono::milliseconds(1500);
request.client.http.totalTimeout = std::chrono::milliseconds(20'000);
request.client.pollInterval = std::chrono::milliseconds(10);
return request;
} // namespace

net::HttpClient controlClient(const test::SandboxProcess& sandbox)
{
    net::HttpOptions options;
    options.caFile = sandbox.caFile().toStdString();
    options.maxAttempts = 1;
    return net::HttpClient(options);
}

QJsonObject sandboxStats(const test::SandboxProcess& sandbox)
{
    auto client = controlClient(sandbox);
    net::HttpRequest request;
    request.url = sandbox.baseUrl().toStdString() + "/_sandbox/stats";
    auto response = client.send(request);
    if (!response.ok() || response->status != 200)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromStdString(response->body)).object();
}

bool control(const test::SandboxProcess& sandbox, const char* path, const QByteArray& json)
{
    auto client = controlClient(sandbox);
    net::HttpRequest request;
    request.method = "POST";
    request.url = sandbox.baseUrl().toStdString() + path;
    request.headers = {{"Content-Type", "application/json"}};
    request.body = json.toStdString();
    auto response = client.send(request);
    return response.ok() && response->status == 200;
}

std::int64_t count(vault::Vault& v, const char* kind)
{
    auto counts = v.counts();
    return counts.ok() ? counts->at(kind) : -1;
}

// The vault's record counts equal the sandbox's totals, kind by kind.
void compareWithStats(vault::Vault& v, const QJsonObject& stats)
{
    const QJsonObject totals = stats.value(QStringLiteral("totals")).toObject();
    QVERIFY(!totals.isEmpty());
    for (const char* kind : kKinds) {
        const int expected = totals.value(QLatin1String(kind)).toInt(-1);
        QVERIFY2(expected >= 0, kind);
        QCOMPARE(count(v, kind), std::int64_t(expected));
    }
}

std::string digest(vault::Vault& v)
{
    auto d = v.contentDigest();
    return d.ok() ? d.value() : std::string("error: ") + d.error().message;
}

// A scripted browser for the consent page: loads it, fills in the form as a person would (only the
// first person ticked), submits the chosen decision and follows the redirect to the app's loopback port.
class ScriptedBrowser {
public:
    ScriptedBrowser(const test::SandboxProcess& sandbox, std::string decision)
        : m_sandbox(sandbox)
        , m_decision(std::move(decision))
    { }
    ~ScriptedBrowser() { join(); }
    void join()
    {
        if (m_thread.joinable())
            m_thread.join();
    }
    Status open(const std::string& url)
    {
        m_thread = std::thread([this, url] { m_error = run(url); });
        return {};
    }
    [[nodiscard]] const std::string& error() const { return m_error; }
    [[nodiscard]] const std::string& pageText() const { return m_page; }
    [[nodiscard]] long loopbackStatus() const { return m_loopbackStatus; }

private:
    std::string run(const std::string& url)
    {
        net::HttpOptions options;
        options.caFile = m_sandbox.caFile().toStdString();
        options.maxAttempts = 1;
        net::HttpClient http(options);
        net::HttpRequest get;
        get.url = url;
        auto page = http.send(get);
        if (!page.ok() || page->status != 200)
            return "the consent page did not load";
        m_page = page->body;
        const QString html = QString::fromStdString(page->body);
        auto unescape = [](QString v) {
            return v.replace(QStringLiteral("&quot;"), QStringLiteral("\""))
                .replace(QStringLiteral("&lt;"), QStringLiteral("<"))
                .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
                .replace(QStringLiteral("&#39;"), QStringLiteral("'"))
                .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
        };
        std::vector<std::pair<std::string, std::string>> form;
        static const QRegularExpression hidden(
            QStringLiteral("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">"));
        for (auto it = hidden.globalMatch(html); it.hasNext();) {
            const auto m = it.next();
            form.emplace_back(unescape(m.captured(1)).toStdString(), unescape(m.captured(2)).toStdString());
        }
        static const QRegularExpression person(QStringLiteral("name=\"person\" value=\"([^\"]+)\""));
        const auto firstPerson = person.match(html);
        if (form.empty() || !firstPerson.hasMatch())
            return "the consent page has no form";
        form.emplace_back("pin", "1234");
        form.emplace_back("person", firstPerson.captured(1).toStdString());
        for (const char* kind : {"TKK", "YZK", "PMH_VAC"})
            form.emplace_back("kind", kind);
        form.emplace_back("consent_days", "90");
        form.emplace_back("decision", m_decision);
        static const QRegularExpression action(QStringLiteral("<form method=\"post\" action=\"([^\"]+)\""));
        net::HttpRequest post;
        post.method = "POST";
        post.url = m_sandbox.baseUrl().toStdString() + action.match(html).captured(1).toStdString();
        post.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
        post.body = net::formEncode(form);
        auto redirect = http.send(post);
        if (!redirect.ok() || redirect->status != 302 || !redirect->header("location"))
            return "the consent form did not redirect";
        net::HttpClient loopback(net::HttpOptions {});
        net::HttpRequest back;
        back.url = *redirect->header("location");
        auto landed = loopback.send(back);
        if (!landed.ok())
            return "the app's loopback page did not answer";
        m_loopbackStatus = landed->status;
        return {};
    }

    const test::SandboxProcess& m_sandbox;
    std::string m_decision;
    std::thread m_thread;
    std::string m_error;
    std::string m_page;
    long m_loopbackStatus = 0;
};

struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<vault::Vault> vault;
    Fixture() { vault = test::createTestVault(dir.filePath(QStringLiteral("import.techo"))); }
};

} // namespace

class TestImport : public QObject {
    Q_OBJECT

private slots:
    void fullImport_countsEqualSandboxStats_andReimportAddsNothing()
    {
        test::SandboxProcess sandbox(fastSandbox());
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        Fixture f;
        QVERIFY(f.vault);

        std::vector<import::ImportProgress> seen;
        auto first = import::importFromApi(
            f.vault->database(), requestFor(sandbox), [&](const import::ImportProgress& p) { seen.push_back(p); });
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().message.c_str());
        const QJsonObject stats = sandboxStats(sandbox);
        compareWithStats(*f.vault, stats);
        const auto totals = stats.value(QStringLiteral("totals")).toObject();
        const int records = totals.value(QStringLiteral("checkups")).toInt()
            + totals.value(QStringLiteral("dispensings")).toInt()
            + totals.value(QStringLiteral("vaccinations")).toInt();
        QCOMPARE(first->counts.added, std::int64_t(records));
        QCOMPARE(first->counts.rejected, 0);
        QVERIFY(first->rejections.empty());
        QVERIFY(!seen.empty());
        QVERIFY(seen.back().stage == import::ImportStage::Commit);
        QCOMPARE(seen.back().recordsSoFar, std::int64_t(records));

        // Provenance: every imported record names its source and run.
        auto checkups = vault::CheckupRepository(f.vault->database()).listByProfile(1);
        QVERIFY(checkups.ok() && !checkups->empty());
        QCOMPARE(checkups->front().provenance.source, std::string("mynaportal"));
        QVERIFY(checkups->front().provenance.sourceRecordId.has_value());
        QVERIFY(checkups->front().provenance.fetchedAt.has_value());
        QCOMPARE(checkups->front().provenance.importRunId, std::optional<std::int64_t>(first->importRunId));

        auto second = import::importFromApi(f.vault->database(), requestFor(sandbox));
        QVERIFY(second.ok());
        QCOMPARE(second->counts.added, 0);
        QCOMPARE(second->counts.updated, 0);
        QCOMPARE(second->counts.unchanged, std::int64_t(records));
        compareWithStats(*f.vault, stats);
        QCOMPARE(count(*f.vault, "import_runs"), 2);
        auto audit = f.vault->database().prepare("SELECT detail FROM audit_events WHERE action = 'import.completed' "
                                                 "ORDER BY id");
        QVERIFY(audit.ok());
        QVERIFY(audit->step().value());
        QVERIFY2(audit->text(0).find("added=" + std::to_string(records)) != std::string::npos, audit->text(0).c_str());
        QVERIFY(audit->step().value());
        QVERIFY2(
            audit->text(0).find("unchanged=" + std::to_string(records)) != std::string::npos, audit->text(0).c_str());
        QVERIFY(!audit->step().value());
    }

    void paging_everyPageSizeImportsEverythingOnce_data()
    {
        QTest::addColumn<QString>("pageSize");
        QTest::newRow("1 record per part") << QStringLiteral("1");
        QTest::newRow("2 per part") << QStringLiteral("2");
        QTest::newRow("7 per part") << QStringLiteral("7");
        QTest::newRow("all in one part") << QStringLiteral("100000");
    }
    void paging_everyPageSizeImportsEverythingOnce()
    {
        QFETCH(QString, pageSize);
        test::SandboxProcess sandbox(fastSandbox({QStringLiteral("--persons"), QStringLiteral("2"),
            QStringLiteral("--years"), QStringLiteral("4"), QStringLiteral("--page-size"), pageSize}));
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        Fixture f;
        int maxParts = 0;
        auto result = import::importFromApi(f.vault->database(), requestFor(sandbox),
            [&](const import::ImportProgress& p) { maxParts = std::max(maxParts, p.totalParts); });
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        compareWithStats(*f.vault, sandboxStats(sandbox));
        QCOMPARE(result->counts.updated, 0); // no record arrived twice across part boundaries
        if (pageSize == QLatin1String("1"))
            QVERIFY(maxParts > 5);
        if (pageSize == QLatin1String("100000"))
            QCOMPARE(maxParts, 1);
    }

    void sinceFilter_importsOnlyLaterRecords()
    {
        test::SandboxProcess sandbox(fastSandbox());
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        Fixture f;
        auto request = requestFor(sandbox);
        request.since = domain::makeDate(2024, 1, 1);
        auto result = import::importFromApi(f.vault->database(), request);
        QVERIFY(result.ok());
        QVERIFY(count(*f.vault, "checkups") > 0);
        QVERIFY(count(*f.vault, "checkups")
            < sandboxStats(sandbox)[QStringLiteral("totals")].toObject()[QStringLiteral("checkups")].toInt());
        auto early
            = f.vault->database().queryInt("SELECT (SELECT count(*) FROM checkups WHERE performed_on < '2024-01-01') + "
                                           "(SELECT count(*) FROM dispensings WHERE dispensed_on < '2024-01-01') + "
                                           "(SELECT count(*) FROM vaccinations WHERE occurred_on < '2024-01-01')");
        QCOMPARE(early.value(), 0);
    }

    // Faults armed once the first part has arrived hit the next call, the result telegram of part 2:
    // a read, which the client repeats. (The token exchange and the data request are never repeated,
    // see nonRepeatableCalls_failOnTheirFirstTransientAnswer.) An expired token is refreshed at any call.
    void transientFaults_areRetriedToSuccess_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("http500 twice") << QStringLiteral("http500:2");
        QTest::newRow("http503 twice") << QStringLiteral("http503:2");
        QTest::newRow("http429 twice") << QStringLiteral("http429:2");
        QTest::newRow("slow once") << QStringLiteral("slow:1");
        QTest::newRow("truncated once") << QStringLiteral("truncated:1");
        QTest::newRow("expired token") << QStringLiteral("expired-token:1");
    }
    void transientFaults_areRetriedToSuccess()
    {
        QFETCH(QString, fault);
        test::SandboxProcess sandbox(fastSandbox({QStringLiteral("--persons"), QStringLiteral("1"),
            QStringLiteral("--slow-ms"), QStringLiteral("2500"), QStringLiteral("--page-size"), QStringLiteral("2")}));
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        Fixture f;
        auto request = requestFor(sandbox);
        request.client.http.totalTimeout = std::chrono::milliseconds(1000); // "slow" must time out, then retry
        const auto parts = fault.split(QLatin1Char(':'));
        const QByteArray faults
            = QStringLiteral(R"({"faults":[{"kind":"%1","count":%2}]})").arg(parts[0], parts[1]).toUtf8();
        bool armed = false;
        int totalParts = 0;
        auto result = import::importFromApi(f.vault->database(), request, [&](const import::ImportProgress& p) {
            if (p.stage == import::ImportStage::Fetch && !armed) {
                totalParts = p.totalParts;
                armed = control(sandbox, "/_sandbox/faults", faults);
            }
        });
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        QVERIFY(armed);
        QVERIFY2(totalParts > 1, "the fault must meet the result telegram of part 2");
        compareWithStats(*f.vault, sandboxStats(sandbox));
        // The armed fault was used up, so the import really went through it.
        auto client = controlClient(sandbox);
        net::HttpRequest list;
        list.url = sandbox.baseUrl().toStdString() + "/_sandbox/faults";
        auto left = client.send(list);
        QVERIFY(left.ok());
        const QJsonArray remaining = QJsonDocument::fromJson(QByteArray::fromStdString(left->body))
                                         .object()[QStringLiteral("faults")]
                                         .toArray();
        QVERIFY2(remaining.isEmpty(), left->body.c_str()); // a used-up fault leaves the list
    }

    // The token exchange is a POST that must not happen twice (the code is single-use; RFC 6749 §4.1.2
    // lets a server revoke every token issued for a code presented twice): a 503 or a timeout on it ends
    // the import with a clear error instead of a second exchange. The sandbox serves the second call
    // normally, so an import that repeated it would succeed.
    void nonRepeatableCalls_failOnTheirFirstTransientAnswer_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("words");
        QTest::newRow("http503 once") << QStringLiteral("http503:1") << QStringLiteral("HTTP 503");
        QTest::newRow("http500 once") << QStringLiteral("http500:1") << QStringLiteral("HTTP 500");
        QTest::newRow("slow once") << QStringLiteral("slow:1") << QStringLiteral("timed out");
    }
    void nonRepeatableCalls_failOnTheirFirstTransientAnswer()
    {
        QFETCH(QString, fault);
        QFETCH(QString, words);
        test::SandboxProcess sandbox(fastSandbox({QStringLiteral("--persons"), QStringLiteral("1"),
            QStringLiteral("--slow-ms"), QStringLiteral("2500"), QStringLiteral("--fault"), fault}));
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        Fixture f;
        const std::string before = digest(*f.vault);
        auto request = requestFor(sandbox);
        request.client.http.totalTimeout = std::chrono::milliseconds(1000);
        auto result = import::importFromApi(f.vault->database(), request);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Network);
        const QString message = QString::fromStdString(result.error().message);
        QVERIFY2(
            message.contains(words) && message.contains(QStringLiteral("POST was not repeated")), qPrintable(message));
        QCOMPARE(digest(*f.vault), before);
    }

    void persistentFaults_failClearly_vaultUnchanged_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("words");
        QTest::newRow("http503 always") << QStringLiteral("http503:1000") << int(ErrorCode::Network)
                                        << QStringLiteral("503");
        QTest::newRow("http500 always") << QStringLiteral("http500:1000") << int(ErrorCode::Network)
                                        << QStringLiteral("500");
        QTest::newRow("truncated always") << QStringLiteral("truncated") << int(ErrorCode::Network) << QString();
        QTest::newRow("malformed json") << QStringLiteral("malformed-json") << int(ErrorCode::InvalidData)
                                        << QStringLiteral("not valid JSON");
        QTest::newRow("revoked consent") << QStringLiteral("revoked-consent") << int(ErrorCode::Network)
                                         << QStringLiteral("E-CONSENT");
    }
    void persistentFaults_failClearly_vaultUnchanged()
    {
        QFETCH(QString, fault);
        QFETCH(int, code);
        QFETCH(QString, words);
        test::SandboxProcess sandbox(fastSandbox(
            {QStringLiteral("--persons"), QStringLiteral("1"), QStringLiteral("--years"), QStringLiteral("3")}));
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        Fixture f;
        // Some earlier data, so "unchanged" is about a vault with content.
        QVERIFY(import::importFromApi(f.vault->database(), requestFor(sandbox)).ok());
        const std::string before = digest(*f.vault);
        const auto [kind, countText] = [&] {
            const auto parts = fault.split(QLatin1Char(':'));
            return std::pair(parts[0], parts.size() > 1 ? parts[1].toInt() : 0);
        }();
        const QByteArray faults = countText > 0
            ? QStringLiteral(R"({"faults":[{"kind":"%1","count":%2}]})").arg(kind).arg(countText).toUtf8()
            : QStringLiteral(R"({"faults":[{"kind":"%1"}]})").arg(kind).toUtf8();
        QVERIFY(control(sandbox, "/_sandbox/faults", faults));
        auto request = requestFor(sandbox);
        request.client.http.maxAttempts = 3;
        auto result = import::importFromApi(f.vault->database(), request);
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().code), code);
        if (!words.isEmpty())
            QVERIFY2(QString::fromStdString(result.error().message).contains(words), result.error().message.c_str());
        QCOMPARE(digest(*f.vault), before);
    }

    void invalidRecords_areSkippedAndReported_validOnesImport()
    {
        test::SandboxProcess sandbox(fastSandbox({QStringLiteral("--persons"), QStringLiteral("2"),
            QStringLiteral("--fault"), QStringLiteral("invalid-records")}));
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        Fixture f;
        auto result = import::importFromApi(f.vault->database(), requestFor(sandbox));
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        // The sandbox adds four bad records to part 1 of every result: 2 persons × 3 kinds × 4.
        QCOMPARE(result->counts.rejected, 24);
        QCOMPARE(result->rejections.size(), std::size_t(24));
        for (const auto& r : result->rejections) {
            QVERIFY(!r.jsonPath.empty());
            QVERIFY(r.jsonPath.starts_with("$.medicalInsuranceInfoProvisionInfo.data."));
            QVERIFY(!r.reason.empty());
            QVERIFY2(r.sourceRecordId.find("INVALID") != std::string::npos, r.sourceRecordId.c_str());
        }
        compareWithStats(*f.vault, sandboxStats(sandbox));
    }

    void wrongCa_isATlsError_andImportsNothing()
    {
        test::SandboxProcess sandbox(fastSandbox({QStringLiteral("--persons"), QStringLiteral("1")}));
        test::SandboxProcess other(fastSandbox({QStringLiteral("--persons"), QStringLiteral("1")}));
        QVERIFY(sandbox.isRunning() && other.isRunning());
        Fixture f;
        const std::string before = digest(*f.vault);
        auto request = requestFor(sandbox);
        request.client.http.caFile = other.caFile().toStdString(); // a CA that did not sign this server
        auto result = import::importFromApi(f.vault->database(), request);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Network);
        QVERIFY2(result.error().message.find("TLS") != std::string::npos, result.error().message.c_str());
        QCOMPARE(digest(*f.vault), before);
        QCOMPARE(count(*f.vault, "profiles"), 0);
    }

    void shortLivedToken_isRefreshedDuringPolling()
    {
        test::SandboxProcess sandbox(fastSandbox({QStringLiteral("--persons"), QStringLiteral("1"),
            QStringLiteral("--years"), QStringLiteral("2"), QStringLiteral("--token-ttl"), QStringLiteral("1"),
            QStringLiteral("--process-delay-ms"), QStringLiteral("1300")}));
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        Fixture f;
        auto request = requestFor(sandbox);
        request.client.pollInterval = std::chrono::milliseconds(400);
        auto result = import::importFromApi(f.vault->database(), request);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        compareWithStats(*f.vault, sandboxStats(sandbox));
    }

    void consentExpiringMidImport_failsClearly_vaultUnchanged()
    {
        test::SandboxProcess sandbox(fastSandbox({QStringLiteral("--persons"), QStringLiteral("2")}));
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        Fixture f;
        const std::string before = digest(*f.vault);
        bool advanced = false;
        auto result
            = import::importFromApi(f.vault->database(), requestFor(sandbox), [&](const import::ImportProgress& p) {
                  if (p.stage == import::ImportStage::Fetch
                      && !advanced) // the 90-day 期間連携 consent runs out after the first part
                      advanced = control(sandbox, "/_sandbox/clock", R"({"advance_seconds": 7862400})");
              });
        QVERIFY(advanced);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Network);
        QVERIFY2(result.error().message.find("consent") != std::string::npos
                || result.error().message.find("E-CONSENT") != std::string::npos,
            result.error().message.c_str());
        QCOMPARE(digest(*f.vault), before);
    }

    // The real layouts have no RecordId, CheckupKind, InsurerNumber, OutOfRangeFlag, YjCode or RpNo/LineNo: with the
    // sandbox leaving its invented fields out, everything still arrives once, and a re-import changes nothing
    // (record identity never leaned on the invented ids).
    void withoutInventedFields_importsEverything_andReimportIsUnchanged()
    {
        test::SandboxProcess sandbox(fastSandbox({QStringLiteral("--omit-invented-fields")}));
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        Fixture f;
        auto first = import::importFromApi(f.vault->database(), requestFor(sandbox));
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().message.c_str());
        compareWithStats(*f.vault, sandboxStats(sandbox));
        QCOMPARE(first->counts.rejected, 0);
        auto checkups = vault::CheckupRepository(f.vault->database()).listByProfile(1);
        QVERIFY(checkups.ok() && !checkups->empty());
        QVERIFY(!checkups->front().provenance.sourceRecordId.has_value());
        auto second = import::importFromApi(f.vault->database(), requestFor(sandbox));
        QVERIFY(second.ok());
        QCOMPARE(second->counts.added, 0);
        QCOMPARE(second->counts.updated, 0);
        QCOMPARE(second->counts.unchanged, first->counts.added);
        compareWithStats(*f.vault, sandboxStats(sandbox));
    }

    // The desktop app reads (and writes: renaming a profile) while an import runs. During the network phase the
    // import holds no lock: another connection's write transaction goes through at once (before, the import held
    // BEGIN IMMEDIATE from the first part, and this write waited 5 s for the lock and failed).
    void networkPhase_holdsNoLock_anotherConnectionReadsAndWrites()
    {
        test::SandboxProcess sandbox(fastSandbox({QStringLiteral("--page-size"), QStringLiteral("5")}));
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        Fixture f;
        auto other = vault::Vault::open(
            f.dir.filePath(QStringLiteral("import.techo")).toStdString(), test::secret(test::kTestPassphrase));
        QVERIFY2(other.ok(), other.ok() ? "" : other.error().message.c_str());
        int fetches = 0;
        std::vector<std::string> failures;
        auto result
            = import::importFromApi(f.vault->database(), requestFor(sandbox), [&](const import::ImportProgress& p) {
                  if (p.stage != import::ImportStage::Fetch || ++fetches > 3)
                      return;
                  auto& db = other.value()->database();
                  if (auto read = db.queryInt("SELECT count(*) FROM profiles"); !read.ok())
                      failures.push_back("read: " + read.error().message);
                  if (auto write = db.exec("BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS gui_probe (x); "
                                           "INSERT INTO gui_probe VALUES (1); COMMIT;");
                      !write.ok()) {
                      failures.push_back("write: " + write.error().message);
                      (void)db.exec("ROLLBACK");
                  }
              });
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        QCOMPARE(fetches > 3, true);
        QVERIFY2(failures.empty(), failures.empty() ? "" : failures.front().c_str());
        auto probes = other.value()->database().queryInt("SELECT count(*) FROM gui_probe");
        QVERIFY(probes.ok());
        QCOMPARE(probes.value(), 3);
        QVERIFY(result->counts.added > 0);
    }

    // A cancel in the write phase rolls back as well.
    void cancelDuringWritePhase_leavesVaultUnchanged()
    {
        test::SandboxProcess sandbox(fastSandbox({QStringLiteral("--page-size"), QStringLiteral("3")}));
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        Fixture f;
        const std::string before = digest(*f.vault);
        net::CancelToken cancel;
        int written = 0;
        auto result = import::importFromApi(
            f.vault->database(), requestFor(sandbox),
            [&](const import::ImportProgress& p) {
                if (p.stage == import::ImportStage::Write && ++written == 2)
                    cancel.cancel();
            },
            &cancel);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
        QCOMPARE(written, 2);
        QCOMPARE(digest(*f.vault), before);
        QCOMPARE(count(*f.vault, "import_runs"), 0);
    }

    void cancelMidImport_leavesVaultUnchanged()
    {
        test::SandboxProcess sandbox(fastSandbox({QStringLiteral("--page-size"), QStringLiteral("3")}));
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        Fixture f;
        const std::string before = digest(*f.vault);
        net::CancelToken cancel;
        int parts = 0;
        auto result = import::importFromApi(
            f.vault->database(), requestFor(sandbox),
            [&](const import::ImportProgress& p) {
                if (p.stage == import::ImportStage::Fetch && ++parts == 4)
                    cancel.cancel();
            },
            &cancel);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
        QCOMPARE(parts, 4);
        QCOMPARE(digest(*f.vault), before);
    }

    void fileImport_correctedRecordIsUpdatedNotDuplicated()
    {
        Fixture f;
        const QString file = f.dir.filePath(QStringLiteral("result.json"));
        auto write = [&](const QByteArray& bytes) {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(bytes);
        };
        QByteArray body = test::readAll(test::sourcePath(QStringLiteral("tests/data/api/tkk-valid.json")));
        QVERIFY2(!body.isEmpty(), "tests/data/api/tkk-valid.json is missing");
        write(body);
        auto first = import::importFromFile(f.vault->database(), file.toStdString());
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().message.c_str());
        QVERIFY(first->counts.added > 0);
        const auto observations = count(*f.vault, "observations");

        // The source corrects one value of one checkup.
        QJsonObject root = QJsonDocument::fromJson(body).object();
        QJsonObject info = root[QStringLiteral("medicalInsuranceInfoProvisionInfo")].toObject();
        QJsonObject data = info[QStringLiteral("data")].toObject();
        QJsonArray checkups = data[QStringLiteral("SpecificHealthCheckupInfos")].toArray();
        QJsonObject checkup = checkups[0].toObject();
        QJsonArray items = checkup[QStringLiteral("HealthCheckupResultAndQuestionInfos")].toArray();
        int corrected = -1;
        for (int i = 0; i < items.size() && corrected < 0; ++i) {
            QJsonObject item = items[i].toObject();
            if (item[QStringLiteral("DataType")].toString() == QLatin1String("PQ")) {
                item[QStringLiteral("DataValue")] = QStringLiteral("171.5");
                item[QStringLiteral("ItemCode")].toString();
                items[i] = item;
                corrected = i;
            }
        }
        QVERIFY(corrected >= 0);
        checkup[QStringLiteral("HealthCheckupResultAndQuestionInfos")] = items;
        checkups[0] = checkup;
        data[QStringLiteral("SpecificHealthCheckupInfos")] = checkups;
        info[QStringLiteral("data")] = data;
        root[QStringLiteral("medicalInsuranceInfoProvisionInfo")] = info;
        write(QJsonDocument(root).toJson());

        auto second = import::importFromFile(f.vault->database(), file.toStdString());
        QVERIFY(second.ok());
        QCOMPARE(second->counts.added, 0);
        QCOMPARE(second->counts.updated, 1);
        QCOMPARE(second->counts.unchanged, first->counts.added - 1);
        QCOMPARE(count(*f.vault, "observations"), observations);
        auto changed = f.vault->database().queryInt("SELECT count(*) FROM observations WHERE value_num = 171.5");
        QCOMPARE(changed.value(), 1);
    }

    // The same visit in the claims data and in the 電子処方箋 data: both are kept, the claims row is
    // marked as superseded by the eRx row — whichever arrives first, and stable on re-import.
    void claimsAndPrescriptionRecordsOfOneVisit_areLinked_data()
    {
        QTest::addColumn<bool>("erxFirst");
        QTest::newRow("claims first") << false;
        QTest::newRow("eRx first") << true;
    }
    void claimsAndPrescriptionRecordsOfOneVisit_areLinked()
    {
        QFETCH(bool, erxFirst);
        Fixture f;
        QJsonObject root
            = QJsonDocument::fromJson(test::readAll(test::sourcePath(QStringLiteral("tests/data/api/yzk-valid.json"))))
                  .object();
        QVERIFY(!root.isEmpty());
        QJsonObject info = root[QStringLiteral("medicalInsuranceInfoProvisionInfo")].toObject();
        QJsonObject data = info[QStringLiteral("data")].toObject();
        QJsonArray claims = data[QStringLiteral("MeTrMonthInfs")].toArray();
        QVERIFY(!claims.isEmpty());
        // The first claims month, again as an eRx dispensing of the same visits.
        QJsonObject visit = claims[0].toObject();
        const auto visits = visit[QStringLiteral("DiDateInfs")].toArray().size();
        QVERIFY(visits > 0);
        auto write = [&](const QString& name, const QJsonArray& claimsMonths, const QJsonArray& erxMonths) {
            QJsonObject d = data;
            d[QStringLiteral("MeTrMonthInfs")] = claimsMonths;
            d[QStringLiteral("CzDiMonthInfs")] = erxMonths;
            d.remove(QStringLiteral("ShPrMonthInfs"));
            QJsonObject i = info;
            i[QStringLiteral("data")] = d;
            QJsonObject r = root;
            r[QStringLiteral("medicalInsuranceInfoProvisionInfo")] = i;
            const QString file = f.dir.filePath(name);
            QFile out(file);
            if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
                out.write(QJsonDocument(r).toJson());
            return file.toStdString();
        };
        const std::string claimsFile = write(QStringLiteral("claims.json"), QJsonArray {visit}, QJsonArray {});
        const std::string erxFile = write(QStringLiteral("erx.json"), QJsonArray {}, QJsonArray {visit});
        for (const std::string& file :
            erxFirst ? std::vector {erxFile, claimsFile} : std::vector {claimsFile, erxFile}) {
            auto result = import::importFromFile(f.vault->database(), file);
            QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        }
        auto& db = f.vault->database();
        QCOMPARE(db.queryInt("SELECT count(*) FROM dispensings").value(), std::int64_t(2 * visits));
        QCOMPARE(db.queryInt("SELECT count(*) FROM dispensings WHERE kind = 'claims' AND superseded_by IN "
                             "(SELECT id FROM dispensings WHERE kind = 'eRx_dispensing')")
                     .value(),
            std::int64_t(visits));
        QCOMPARE(
            db.queryInt("SELECT count(*) FROM dispensings WHERE kind = 'eRx_dispensing' AND superseded_by IS NOT NULL")
                .value(),
            0);
        // Importing both again changes nothing.
        for (const std::string& file : {claimsFile, erxFile}) {
            auto again = import::importFromFile(f.vault->database(), file);
            QVERIFY(again.ok());
            QCOMPARE(again->counts.added + again->counts.updated, 0);
        }
        QCOMPARE(db.queryInt("SELECT count(*) FROM dispensings WHERE superseded_by IS NOT NULL").value(),
            std::int64_t(visits));
    }

    // The real service's flow: the person logs in and consents in a browser; the code comes back to a
    // loopback listener (RFC 8252). Only the person ticked on the consent page is imported.
    void browserAuthorization_consentPageAndLoopbackRedirect_data()
    {
        QTest::addColumn<QString>("decision");
        QTest::addColumn<QString>("failure");
        QTest::newRow("approve") << QStringLiteral("approve") << QString();
        QTest::newRow("deny") << QStringLiteral("deny") << QStringLiteral("declined");
        QTest::newRow("expired card") << QStringLiteral("cert_expired") << QStringLiteral("certificate has expired");
    }
    void browserAuthorization_consentPageAndLoopbackRedirect()
    {
        QFETCH(QString, decision);
        QFETCH(QString, failure);
        test::SandboxProcess sandbox(fastSandbox(
            {QStringLiteral("--persons"), QStringLiteral("3"), QStringLiteral("--years"), QStringLiteral("3")}));
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        Fixture f;
        ScriptedBrowser browser(sandbox, decision.toStdString());
        auto request = requestFor(sandbox);
        // The expired-card redirect carries no state of this login, so only the timeout ends that wait.
        request.browserTimeout = std::chrono::milliseconds(decision == QLatin1String("cert_expired") ? 8'000 : 30'000);
        request.openBrowser = [&](const std::string& url) {
            if (url.find("redirect_uri=http%3A%2F%2F127.0.0.1%3A") == std::string::npos
                || url.find("code_challenge_method=S256") == std::string::npos
                || url.find("sandbox_auto_approve") != std::string::npos)
                return Status(makeError(ErrorCode::Internal, "unexpected authorize URL"));
            return browser.open(url);
        };
        auto result = import::importFromApi(f.vault->database(), request);
        browser.join();
        QVERIFY2(browser.error().empty(), browser.error().c_str());
        QVERIFY(browser.pageText().find("マイナポータル") != std::string::npos);
        QCOMPARE(browser.loopbackStatus(), decision == QLatin1String("cert_expired") ? 400L : 200L);
        if (failure.isEmpty()) {
            QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
            QCOMPARE(count(*f.vault, "profiles"), 1);
            const QJsonArray persons = sandboxStats(sandbox)[QStringLiteral("persons")].toArray();
            const QJsonObject first = persons[0].toObject()[QStringLiteral("counts")].toObject();
            QCOMPARE(count(*f.vault, "checkups"), std::int64_t(first[QStringLiteral("checkups")].toInt()));
            QCOMPARE(count(*f.vault, "dispensings"), std::int64_t(first[QStringLiteral("dispensings")].toInt()));
        } else {
            QVERIFY(!result.ok());
            QVERIFY2(result.error().message.find(failure.toStdString()) != std::string::npos,
                result.error().message.c_str());
            QCOMPARE(count(*f.vault, "profiles"), 0);
        }
    }

    void cli_importAndList_endToEnd()
    {
        test::SandboxProcess sandbox(fastSandbox(
            {QStringLiteral("--persons"), QStringLiteral("1"), QStringLiteral("--years"), QStringLiteral("3")}));
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        QTemporaryDir dir;
        const QString vaultPath = dir.filePath(QStringLiteral("cli.techo"));
        const QString pass = QStringLiteral("TECHO_PASSPHRASE=cli import");
        const QString cli = test::builtTool(QStringLiteral("techo-cli"));
        QCOMPARE(
            test::runTool(cli,
                {QStringLiteral("--vault"), vaultPath, QStringLiteral("--insecure-fast-kdf"), QStringLiteral("init")},
                {pass})
                .exitCode,
            0);
        const QStringList importArgs {QStringLiteral("--vault"), vaultPath, QStringLiteral("import"),
            QStringLiteral("--from"), sandbox.baseUrl(), QStringLiteral("--ca-file"), sandbox.caFile(),
            QStringLiteral("--json")};
        auto run = test::runTool(cli, importArgs, {pass});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        for (const char* key : {"added", "updated", "unchanged", "rejected", "rejections"})
            QVERIFY2(report.contains(QLatin1String(key)), key);
        QVERIFY(report[QStringLiteral("added")].toInt() > 0);

        auto list = test::runTool(cli,
            {QStringLiteral("--vault"), vaultPath, QStringLiteral("list"), QStringLiteral("observations"),
                QStringLiteral("--json")},
            {pass});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(rows.size(),
            sandboxStats(sandbox)[QStringLiteral("totals")].toObject()[QStringLiteral("observations")].toInt());

        // No CA given: TLS verification fails against the sandbox's private CA → exit code 5.
        auto noCa = test::runTool(cli,
            {QStringLiteral("--vault"), vaultPath, QStringLiteral("import"), QStringLiteral("--from"),
                sandbox.baseUrl()},
            {pass});
        QCOMPARE(noCa.exitCode, 5);
        QVERIFY(noCa.err.contains("TLS"));
        QVERIFY(noCa.err.contains("unchanged"));
    }

    // The disk fills up mid-import (a file-size limit stands in for a full disk): a clear I/O error,
    // and the vault holds exactly what it held.
    void cli_importOnAFullDisk_failsClearly_vaultUnchanged()
    {
        test::SandboxProcess sandbox(fastSandbox(
            {QStringLiteral("--persons"), QStringLiteral("3"), QStringLiteral("--years"), QStringLiteral("10")}));
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        QTemporaryDir dir;
        const QString vaultPath = dir.filePath(QStringLiteral("full.techo"));
        {
            QVERIFY(test::createTestVault(vaultPath));
        }
        std::string before;
        {
            auto v = vault::Vault::open(vaultPath.toStdString(), test::secret(test::kTestPassphrase));
            QVERIFY(v.ok());
            before = digest(*v.value());
        }
        const QByteArray beforeBytes = test::readAll(vaultPath);
        QVERIFY(beforeBytes.size() < 200 * 1024);
        // ulimit -f counts 1024-byte blocks; SIGXFSZ is ignored so the write fails with EFBIG instead.
        const QString script = QStringLiteral("ulimit -f 200; trap '' XFSZ; exec \"$0\" \"$@\"");
        auto run = test::runTool(QStringLiteral("/bin/bash"),
            {QStringLiteral("-c"), script, test::builtTool(QStringLiteral("techo-cli")), QStringLiteral("--vault"),
                vaultPath, QStringLiteral("import"), QStringLiteral("--from"), sandbox.baseUrl(),
                QStringLiteral("--ca-file"), sandbox.caFile()},
            {QStringLiteral("TECHO_PASSPHRASE=") + QString::fromUtf8(test::kTestPassphrase)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("unchanged"), run.err.constData());
        QVERIFY2(run.err.contains("writing to the disk failed"), run.err.constData());
        // Same size and header; pages SQLite had to write early and then rolled back are re-encrypted
        // with fresh IVs, so the content (digest), not every byte, is what must match.
        const QByteArray after = test::readAll(vaultPath);
        QCOMPARE(after.size(), beforeBytes.size());
        QCOMPARE(after.left(4096 + 16), beforeBytes.left(4096 + 16));
        QVERIFY(!QFile::exists(vaultPath + QStringLiteral("-journal")));
        auto v = vault::Vault::open(vaultPath.toStdString(), test::secret(test::kTestPassphrase));
        QVERIFY(v.ok());
        QCOMPARE(digest(*v.value()), before);
        QCOMPARE(count(*v.value(), "profiles"), 0);
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "TestImport.moc"
