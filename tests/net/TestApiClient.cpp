// mynaportal::Client against a scripted Mynaportal-style server on 127.0.0.1 (cpp-httplib over HTTPS with a
// CA made at test time). The real sandbox cannot send a wrong part or an absurd part count, or be called by
// a stranger on the loopback port mid-login; this server can. Time is a RecordingClock: polls and backoffs
// are recorded, not spent.
#include "core/mynaportal/Client.h"
#include "core/mynaportal/ResultMapping.h"
#include "core/net/Url.h"
#include "tests/net/RecordingClock.h"
#include "tests/net/TestCertificates.h"
#include "tests/support/TestSupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

using namespace techo;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

constexpr const char* kCode = "CODE-FROM-THE-REAL-REDIRECT";

// What the scripted server saw and what it answers. Guarded by `mutex`; the server runs on its own thread.
struct Script {
    std::mutex mutex;
    std::vector<std::string> tokenCodes; // the code of each authorization_code exchange
    int requests = 0;
    int statusCalls = 0;
    std::vector<int> resultCalls; // the partNumber asked for, per /result call
    int requestFailures = 0; // the first N /request calls answer 503
    int resultFailures = 0; // the first N /result calls answer 503
    bool neverReady = false;
    // The (partNumber, totalParts) the /result answer carries, given the part asked for.
    std::function<std::pair<std::int64_t, std::int64_t>(int requested)> paging
        = [](int requested) { return std::pair<std::int64_t, std::int64_t>(requested, 3); };
};

std::string fixture()
{
    return test::readAll(test::sourcePath(QStringLiteral("tests/data/api/tkk-valid.json"))).toStdString();
}

} // namespace

class TestApiClient : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::TestCertificates m_certs;
    std::unique_ptr<httplib::SSLServer> m_server;
    std::thread m_thread;
    int m_port = 0;
    std::string m_resultTemplate;
    std::unique_ptr<Script> m_script;

    [[nodiscard]] std::string base() const { return "https://127.0.0.1:" + std::to_string(m_port); }

    [[nodiscard]] mynaportal::ClientConfig config(std::shared_ptr<test::RecordingClock> clock) const
    {
        mynaportal::ClientConfig config;
        config.baseUrl = base();
        config.http.caFile = m_certs.caFile;
        config.http.clock = std::move(clock);
        config.http.initialBackoff = 10ms;
        config.http.maxBackoff = 100ms;
        config.pollInterval = 250ms;
        config.pollTimeout = 1000ms;
        return config;
    }

    // A part handler like the importer's: maps the body strictly, records the part, returns totalParts.
    static mynaportal::Client::PartHandler recordingHandler(std::vector<int>& handed)
    {
        return [&handed](std::string_view body, int partNumber) -> Result<int> {
            TECHO_ASSIGN(
                const mynaportal::ResultPart part, mynaportal::parseResultPart(body, mynaportal::InfoKind::Checkups));
            handed.push_back(partNumber);
            return part.totalParts;
        };
    }

    void installRoutes()
    {
        m_server->Get("/online-authorization-web/oauth/authorize",
            [](const httplib::Request& request, httplib::Response& response) {
                // Approves at once: back to the app with a code and the state it sent.
                response.status = 302;
                response.set_header("Location",
                    request.get_param_value("redirect_uri") + "?code=" + kCode
                        + "&state=" + net::urlEncode(request.get_param_value("state")));
            });
        m_server->Post("/online-authorization-web/oauth/token",
            [this](const httplib::Request& request, httplib::Response& response) {
                const auto form = net::parseQuery(request.body);
                {
                    const std::lock_guard lock(m_script->mutex);
                    if (form.count("code") != 0)
                        m_script->tokenCodes.push_back(form.at("code"));
                }
                if (form.count("code") != 0 && form.at("code") != kCode) {
                    response.status = 400;
                    response.set_content(R"({"error":"invalid_grant"})", "application/json");
                    return;
                }
                response.set_content(json {{"access_token", "AT"}, {"refresh_token", "RT"},
                                         {"persons", json::array({{{"id", "P0001"}, {"name", "架空 一郎"}}})}}
                                         .dump(),
                    "application/json");
            });
        m_server->Post("/online-resource-web/request", [this](const httplib::Request&, httplib::Response& response) {
            const std::lock_guard lock(m_script->mutex);
            if (++m_script->requests <= m_script->requestFailures) {
                response.status = 503;
                return;
            }
            response.set_content(R"({"commonHeader":{"processId":"PROC-1","errorCode":""}})", "application/json");
        });
        m_server->Post("/online-resource-web/status", [this](const httplib::Request&, httplib::Response& response) {
            const std::lock_guard lock(m_script->mutex);
            ++m_script->statusCalls;
            response.set_content(
                m_script->neverReady ? R"({"status":"PROCESSING"})" : R"({"status":"READY"})", "application/json");
        });
        m_server->Post(
            "/online-resource-web/result", [this](const httplib::Request& request, httplib::Response& response) {
                const int requested = json::parse(request.body).value("partNumber", 0);
                const std::lock_guard lock(m_script->mutex);
                m_script->resultCalls.push_back(requested);
                if (static_cast<int>(m_script->resultCalls.size()) <= m_script->resultFailures) {
                    response.status = 503;
                    return;
                }
                const auto [partNumber, totalParts] = m_script->paging(requested);
                json body = json::parse(m_resultTemplate);
                body["medicalInsuranceInfoProvisionInfo"]["partNumber"] = partNumber;
                body["medicalInsuranceInfoProvisionInfo"]["totalParts"] = totalParts;
                response.set_content(body.dump(), "application/json");
            });
    }

    // Authorised through the sandbox-style auto approval, ready to fetch.
    [[nodiscard]] std::unique_ptr<mynaportal::Client> authorisedClient(std::shared_ptr<test::RecordingClock> clock)
    {
        auto client = std::make_unique<mynaportal::Client>(config(std::move(clock)));
        const Status status = client->authorize();
        if (!status.ok()) {
            qWarning("authorize failed: %s", status.error().message.c_str());
            return nullptr;
        }
        return client;
    }

    Status fetch(mynaportal::Client& client, std::vector<int>& handed, const net::CancelToken* cancel = nullptr)
    {
        return client.fetch(
            mynaportal::InfoKind::Checkups, "P0001", std::nullopt, std::nullopt, recordingHandler(handed), cancel);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_certs.create(m_dir.path()));
        m_resultTemplate = fixture();
        QVERIFY(!m_resultTemplate.empty());
        m_server = std::make_unique<httplib::SSLServer>(m_certs.serverCert.c_str(), m_certs.serverKey.c_str());
        QVERIFY(m_server->is_valid());
        installRoutes();
        m_port = m_server->bind_to_any_port("127.0.0.1");
        QVERIFY(m_port > 0);
        m_thread = std::thread([this] { m_server->listen_after_bind(); });
        QTRY_VERIFY_WITH_TIMEOUT(m_server->is_running(), 5000);
    }

    void init() { m_script = std::make_unique<Script>(); }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->stop();
        if (m_thread.joinable())
            m_thread.join();
    }

    void paging_everyPartIsHandedOverInOrder()
    {
        auto client = authorisedClient(std::make_shared<test::RecordingClock>());
        QVERIFY(client);
        std::vector<int> handed;
        const Status status = fetch(*client, handed);
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
        QCOMPARE(handed, (std::vector<int> {1, 2, 3}));
        QCOMPARE(m_script->resultCalls, (std::vector<int> {1, 2, 3}));
    }

    // The server answers part 2 with part 1 again: importing it as part 2 would skip part 2's records.
    void paging_aPartOtherThanTheOneRequested_isInvalidData()
    {
        m_script->paging
            = [](int requested) { return std::pair<std::int64_t, std::int64_t>(requested == 2 ? 1 : requested, 3); };
        auto client = authorisedClient(std::make_shared<test::RecordingClock>());
        QVERIFY(client);
        std::vector<int> handed;
        const Status status = fetch(*client, handed);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, ErrorCode::InvalidData);
        QCOMPARE(status.error().message,
            std::string("$.medicalInsuranceInfoProvisionInfo.partNumber is 1, but part 2 was requested"));
        QCOMPARE(handed, std::vector<int> {1}); // the wrong part never reached the importer
    }

    void paging_absurdTotalParts_isRefusedBeforeAnyImport_data()
    {
        QTest::addColumn<qint64>("totalParts");
        QTest::addColumn<QString>("message");
        const QString beyond = QStringLiteral("$.medicalInsuranceInfoProvisionInfo.totalParts is %1, more than the "
                                              "10000 parts Techo accepts");
        const QString malformed = QStringLiteral("the response is not in the expected form: "
                                                 "$.medicalInsuranceInfoProvisionInfo.totalParts must be a positive "
                                                 "whole number");
        QTest::newRow("one over the bound") << qint64(10'001) << beyond.arg(10'001);
        QTest::newRow("a million") << qint64(1'000'000) << beyond.arg(1'000'000);
        QTest::newRow("int max") << qint64(2147483647) << malformed;
        QTest::newRow("beyond int") << qint64(99'999'999'999) << malformed;
        QTest::newRow("zero") << qint64(0) << malformed;
        QTest::newRow("negative") << qint64(-3) << malformed;
    }
    void paging_absurdTotalParts_isRefusedBeforeAnyImport()
    {
        QFETCH(qint64, totalParts);
        QFETCH(QString, message);
        QCOMPARE(mynaportal::Client::kMaxParts, 10'000); // the documented bound (docs/import.md)
        m_script->paging
            = [totalParts](int requested) { return std::pair<std::int64_t, std::int64_t>(requested, totalParts); };
        auto client = authorisedClient(std::make_shared<test::RecordingClock>());
        QVERIFY(client);
        std::vector<int> handed;
        const Status status = fetch(*client, handed);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, ErrorCode::InvalidData);
        QCOMPARE(QString::fromStdString(status.error().message), message);
        QVERIFY(handed.empty());
        QCOMPARE(m_script->resultCalls, std::vector<int> {1});
    }

    void paging_totalPartsChangingBetweenParts_isInvalidData()
    {
        m_script->paging
            = [](int requested) { return std::pair<std::int64_t, std::int64_t>(requested, requested == 1 ? 3 : 2); };
        auto client = authorisedClient(std::make_shared<test::RecordingClock>());
        QVERIFY(client);
        std::vector<int> handed;
        const Status status = fetch(*client, handed);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, ErrorCode::InvalidData);
        QCOMPARE(status.error().message,
            std::string("$.medicalInsuranceInfoProvisionInfo.totalParts changed from 3 to 2 between parts"));
        QCOMPARE(handed, std::vector<int> {1});
    }

    // The result telegram only reads, so a 503 on it is retried; the data request is not.
    void retries_resultIsRetried_requestIsNot()
    {
        m_script->resultFailures = 1;
        auto clock = std::make_shared<test::RecordingClock>();
        auto client = authorisedClient(clock);
        QVERIFY(client);
        std::vector<int> handed;
        const Status fetched = fetch(*client, handed);
        QVERIFY2(fetched.ok(), fetched.ok() ? "" : fetched.error().message.c_str());
        QCOMPARE(handed, (std::vector<int> {1, 2, 3}));
        QCOMPARE(m_script->resultCalls, (std::vector<int> {1, 1, 2, 3}));
        QCOMPARE(clock->waits().size(), std::size_t(1)); // one backoff; no polling (ready at once)

        m_script = std::make_unique<Script>();
        m_script->requestFailures = 1;
        auto second = authorisedClient(std::make_shared<test::RecordingClock>());
        QVERIFY(second);
        handed.clear();
        const Status refused = fetch(*second, handed);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Network);
        QVERIFY2(refused.error().message.find("POST was not repeated") != std::string::npos,
            refused.error().message.c_str());
        QCOMPARE(m_script->requests, 1);
        QVERIFY(handed.empty());
    }

    // Polling waits the poll interval on the injected clock and gives up at pollTimeout.
    void polling_waitsTheIntervalAndGivesUpAtTheTimeout()
    {
        m_script->neverReady = true;
        auto clock = std::make_shared<test::RecordingClock>();
        auto client = authorisedClient(clock);
        QVERIFY(client);
        std::vector<int> handed;
        const Status status = fetch(*client, handed);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, ErrorCode::Network);
        QCOMPARE(status.error().message, std::string("the API did not prepare the data in time"));
        // 1000 ms of patience at 250 ms: asked at 0, 250, 500, 750 and 1000 ms.
        QCOMPARE(clock->waits(), (std::vector<std::chrono::milliseconds> {250ms, 250ms, 250ms, 250ms}));
        QCOMPARE(m_script->statusCalls, 5);
        QVERIFY(m_script->resultCalls.empty());
    }

    void polling_cancelDuringTheWait_stopsPolling()
    {
        m_script->neverReady = true;
        auto clock = std::make_shared<test::RecordingClock>();
        net::CancelToken cancel;
        auto client = authorisedClient(clock);
        QVERIFY(client);
        clock->onSleep = [&](std::chrono::milliseconds) { cancel.cancel(); };
        std::vector<int> handed;
        const Status status = fetch(*client, handed, &cancel);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, ErrorCode::Cancelled);
        QCOMPARE(m_script->statusCalls, 1);
    }

    // Another local process calls the loopback port before the browser does: with no state, with a wrong
    // one, and at another path. None of them may end the login; the real redirect still completes it.
    void loopback_callbacksWithoutThisLoginsState_areIgnored()
    {
        mynaportal::Client client(config(std::make_shared<test::RecordingClock>()));
        std::vector<long> strangerStatuses;
        std::string browserError;
        std::thread browser;
        const auto open = [&](const std::string& authorizeUrl) -> Status {
            browser = std::thread([&, authorizeUrl] {
                net::HttpOptions options;
                options.maxAttempts = 1;
                options.caFile = m_certs.caFile;
                net::HttpClient http(options);
                const std::string redirectUri = net::parseQuery(authorizeUrl).at("redirect_uri");
                for (const std::string& forged :
                    {redirectUri + "?code=FORGED", redirectUri + "?code=FORGED&state=guess",
                        redirectUri + "?state=", redirectUri.substr(0, redirectUri.rfind('/')) + "/favicon.ico"}) {
                    net::HttpRequest request;
                    request.url = forged;
                    auto answer = http.send(request);
                    strangerStatuses.push_back(answer.ok() ? answer->status : -1);
                }
                net::HttpRequest authorize;
                authorize.url = authorizeUrl;
                auto redirect = http.send(authorize);
                if (!redirect.ok() || !redirect->header("location")) {
                    browserError = "no redirect from the authorize page";
                    return;
                }
                net::HttpRequest back;
                back.url = *redirect->header("location");
                auto landed = http.send(back);
                if (!landed.ok() || landed->status != 200)
                    browserError = "the loopback page did not accept the real redirect";
            });
            return {};
        };
        const Status status = client.authorizeInBrowser(open, 20s);
        if (browser.joinable())
            browser.join();
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
        QVERIFY2(browserError.empty(), browserError.c_str());
        QCOMPARE(strangerStatuses, (std::vector<long> {400, 400, 400, 404}));
        QCOMPARE(m_script->tokenCodes, std::vector<std::string> {kCode}); // only the real code was exchanged
        QCOMPARE(client.persons().size(), std::size_t(1));
    }

    // The API's card-expiry redirect carries no state of ours either: it gets an explanatory page, and the
    // wait ends at its timeout with a message that names the expired certificate.
    void loopback_certificateExpiredRedirect_isNamedWhenTheWaitEnds()
    {
        mynaportal::Client client(config(std::make_shared<test::RecordingClock>()));
        long status = 0;
        std::string page;
        std::thread browser;
        const auto open = [&](const std::string& authorizeUrl) -> Status {
            browser = std::thread([&, authorizeUrl] {
                net::HttpOptions options;
                options.maxAttempts = 1;
                net::HttpClient http(options);
                net::HttpRequest request;
                request.url = net::parseQuery(authorizeUrl).at("redirect_uri") + "?state=Certificate%20expired";
                auto answer = http.send(request);
                status = answer.ok() ? answer->status : -1;
                page = answer.ok() ? answer->body : std::string();
            });
            return {};
        };
        const Status result = client.authorizeInBrowser(open, 1500ms);
        if (browser.joinable())
            browser.join();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Network);
        QVERIFY2(result.error().message.find("certificate has expired") != std::string::npos,
            result.error().message.c_str());
        QCOMPARE(status, 400L);
        QVERIFY(page.find("電子証明書の有効期限が切れています") != std::string::npos);
        QVERIFY(m_script->tokenCodes.empty());
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "TestApiClient.moc"
