// HttpClient and the URL helpers against real servers on 127.0.0.1: an HTTPS server (cpp-httplib) with a
// certificate from a CA generated at test start, and a plain HTTP server for the loopback-http cases.
#include "core/net/HttpClient.h"
#include "core/net/Url.h"
#include "tests/net/RecordingClock.h"
#include "tests/net/TestCertificates.h"

#include <QTemporaryDir>
#include <QTest>

#include <httplib.h>

#include <arpa/inet.h>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <map>
#include <memory>
#include <mutex>
#include <netinet/in.h>
#include <optional>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace techo;
using namespace techo::net;
using namespace std::chrono_literals;

namespace {

// What a server saw: hits per key, so a test can tell exactly how many attempts reached it.
class HitCounter final {
public:
    int hit(const std::string& key)
    {
        const std::lock_guard lock(m_mutex);
        return ++m_counts[key];
    }
    int count(const std::string& key)
    {
        const std::lock_guard lock(m_mutex);
        const auto it = m_counts.find(key);
        return it == m_counts.end() ? 0 : it->second;
    }

private:
    std::mutex m_mutex;
    std::map<std::string, int> m_counts;
};

// An HTTP-date (RFC 9110 §5.6.7) for a moment given in seconds since the epoch.
std::string httpDate(std::time_t when)
{
    static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const kMonths[]
        = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::tm tm {};
    gmtime_r(&when, &tm);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday], tm.tm_mday,
        kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buffer;
}

// A port on 127.0.0.1 with nothing listening: bound once to learn a free number, then closed.
int unusedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0
        || ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        ::close(fd);
        return -1;
    }
    ::close(fd);
    return ntohs(address.sin_port);
}

std::string param(const httplib::Request& request, const char* name, const std::string& fallback = {})
{
    return request.has_param(name) ? request.get_param_value(name) : fallback;
}

} // namespace

class TestHttpClient : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::TestCertificates m_certs;
    std::string m_caFile;
    std::string m_otherCaFile;
    std::unique_ptr<httplib::SSLServer> m_https;
    std::unique_ptr<httplib::Server> m_http;
    std::thread m_httpsThread;
    std::thread m_httpThread;
    int m_httpsPort = 0;
    int m_httpPort = 0;
    HitCounter m_hits;
    std::atomic<bool> m_stopping {false};

    [[nodiscard]] std::string https(const std::string& pathAndQuery) const
    {
        return "https://127.0.0.1:" + std::to_string(m_httpsPort) + pathAndQuery;
    }
    // Short backoffs, and a RecordingClock: waits are recorded, not spent.
    [[nodiscard]] HttpOptions fastOptions(std::shared_ptr<test::RecordingClock> clock = nullptr) const
    {
        HttpOptions options;
        options.clock = clock ? std::move(clock) : std::make_shared<test::RecordingClock>();
        options.caFile = m_caFile;
        options.initialBackoff = 10ms;
        options.maxBackoff = 4000ms;
        options.connectTimeout = 5000ms;
        options.totalTimeout = 10000ms;
        return options;
    }
    [[nodiscard]] static HttpRequest get(std::string url)
    {
        HttpRequest request;
        request.url = std::move(url);
        return request;
    }

    void installRoutes(httplib::Server& server)
    {
        const auto echo = [this](const httplib::Request& request, httplib::Response& response) {
            m_hits.hit("echo");
            response.set_header("X-Method", request.method);
            response.set_header("X-Echo", request.get_header_value("X-Test"));
            response.set_header("X-Request-Content-Type", request.get_header_value("Content-Type"));
            response.set_header("X-Remote-Port", std::to_string(request.remote_port));
            response.set_content(request.method == "GET" ? std::string("こんにちは、健康手帳") : request.body,
                "text/plain; charset=utf-8");
        };
        server.Get("/echo", echo);
        server.Post("/echo", echo);
        server.Delete("/echo", echo);
        server.Get("/count", [this](const httplib::Request& request, httplib::Response& response) {
            m_hits.hit(param(request, "key"));
            response.set_content("counted", "text/plain");
        });
        // Fails `failures` times with `status` (and Retry-After: N seconds, or at:T for the HTTP-date of
        // T seconds after the epoch).
        const auto flaky = [this](const httplib::Request& request, httplib::Response& response) {
            const int n = m_hits.hit(param(request, "key"));
            if (n <= std::stoi(param(request, "failures", "0"))) {
                response.status = std::stoi(param(request, "status", "503"));
                const std::string retryAfter = param(request, "retryAfter");
                if (retryAfter.starts_with("at:"))
                    response.set_header(
                        "Retry-After", httpDate(static_cast<std::time_t>(std::stoll(retryAfter.substr(3)))));
                else if (!retryAfter.empty())
                    response.set_header("Retry-After", retryAfter);
                response.set_content("SERVERBODY failure", "text/plain");
                return;
            }
            response.set_content("ok", "text/plain");
        };
        server.Get("/flaky", flaky);
        server.Post("/flaky", flaky);
        const auto status = [this](const httplib::Request& request, httplib::Response& response) {
            m_hits.hit(param(request, "key"));
            response.status = std::stoi(param(request, "status", "500"));
            response.set_content("SERVERBODY " + request.body, "text/plain");
        };
        server.Get("/status", status);
        server.Post("/status", status);
        server.Put("/status", status);
        server.Get("/redirect", [](const httplib::Request&, httplib::Response& response) {
            response.status = 302;
            response.set_header("Location", "/echo");
        });
        // Promises 1000 bytes, sends 500, then drops the connection.
        server.Get("/truncated", [this](const httplib::Request&, httplib::Response& response) {
            m_hits.hit("truncated");
            response.set_content_provider(
                1000, "application/octet-stream", [](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                    if (offset >= 500)
                        return false;
                    const std::string half(500, 'x');
                    sink.write(half.data(), half.size());
                    return true;
                });
        });
        server.Get("/big", [this](const httplib::Request& request, httplib::Response& response) {
            m_hits.hit("big");
            response.set_content(std::string(std::stoul(param(request, "size")), 'a'), "application/octet-stream");
        });
        // No Content-Length: the cap must be enforced while the body streams in.
        server.Get("/big-chunked", [this](const httplib::Request& request, httplib::Response& response) {
            m_hits.hit("big-chunked");
            const std::size_t size = std::stoul(param(request, "size"));
            response.set_chunked_content_provider(
                "application/octet-stream", [size](std::size_t offset, httplib::DataSink& sink) {
                    if (offset >= size) {
                        sink.done();
                        return true;
                    }
                    const std::string piece(std::min<std::size_t>(16384, size - offset), 'b');
                    return sink.write(piece.data(), piece.size());
                });
        });
        // Trickles one byte every 50 ms for up to 20 s, or until the client goes away.
        const auto slow = [this](const httplib::Request& request, httplib::Response& response) {
            m_hits.hit(request.method == "GET" ? "slow" : "slow-" + request.method);
            response.set_chunked_content_provider(
                "application/octet-stream", [this](std::size_t offset, httplib::DataSink& sink) {
                    if (offset >= 400 || m_stopping) {
                        sink.done();
                        return true;
                    }
                    std::this_thread::sleep_for(50ms);
                    return sink.write("s", 1);
                });
        };
        server.Get("/slow", slow);
        server.Post("/slow", slow);
        // 64 KiB with a known length, in 8 KiB pieces with pauses, so progress is reported several times.
        server.Get("/progress", [](const httplib::Request&, httplib::Response& response) {
            response.set_content_provider(
                65536, "application/octet-stream", [](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                    const std::string piece(
                        std::min<std::size_t>(8192, length), static_cast<char>('0' + offset / 8192));
                    std::this_thread::sleep_for(20ms);
                    return sink.write(piece.data(), piece.size());
                });
        });
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_certs.create(m_dir.path()));
        m_caFile = m_certs.caFile;
        m_otherCaFile = m_certs.otherCaFile;

        m_https = std::make_unique<httplib::SSLServer>(m_certs.serverCert.c_str(), m_certs.serverKey.c_str());
        QVERIFY(m_https->is_valid());
        m_http = std::make_unique<httplib::Server>();
        installRoutes(*m_https);
        installRoutes(*m_http);
        m_httpsPort = m_https->bind_to_any_port("127.0.0.1");
        m_httpPort = m_http->bind_to_any_port("127.0.0.1");
        QVERIFY(m_httpsPort > 0 && m_httpPort > 0);
        m_httpsThread = std::thread([this] { m_https->listen_after_bind(); });
        m_httpThread = std::thread([this] { m_http->listen_after_bind(); });
        QTRY_VERIFY_WITH_TIMEOUT(m_https->is_running() && m_http->is_running(), 5000);
    }

    void cleanupTestCase()
    {
        m_stopping = true;
        if (m_https)
            m_https->stop();
        if (m_http)
            m_http->stop();
        if (m_httpsThread.joinable())
            m_httpsThread.join();
        if (m_httpThread.joinable())
            m_httpThread.join();
    }

    void getAndPost_roundTripUtf8BodiesAndHeaders()
    {
        HttpClient client(fastOptions());
        HttpRequest request = get(https("/echo"));
        request.headers.push_back({"X-Test", "値 value"});
        auto response = client.send(request);
        QVERIFY2(response.ok(), response.ok() ? "" : response.error().message.c_str());
        QCOMPARE(response->status, 200L);
        QCOMPARE(QString::fromStdString(response->body), QStringLiteral("こんにちは、健康手帳"));
        QCOMPARE(response->header("x-method").value_or(""), std::string("GET"));
        QCOMPARE(response->header("x-echo").value_or(""), std::string("値 value"));
        QVERIFY(response->header("content-type").value_or("").starts_with("text/plain"));
        QVERIFY(!response->header("X-Method")); // lookups are by the lower-cased name
        for (const auto& header : response->headers)
            QCOMPARE(QString::fromStdString(header.name), QString::fromStdString(header.name).toLower());

        HttpRequest post;
        post.method = "POST";
        post.url = https("/echo");
        post.headers = {{"Content-Type", "application/json; charset=utf-8"}};
        post.body = R"({"note":"散歩 🚶 30分","値":[1,2,3]})";
        post.body += std::string(2 * 1024 * 1024, ' '); // large enough that curl would otherwise send Expect
        auto posted = client.send(post);
        QVERIFY2(posted.ok(), posted.ok() ? "" : posted.error().message.c_str());
        QCOMPARE(posted->status, 200L);
        QCOMPARE(posted->header("x-method").value_or(""), std::string("POST"));
        QCOMPARE(posted->header("x-request-content-type").value_or(""), std::string("application/json; charset=utf-8"));
        QVERIFY(posted->body == post.body);

        HttpRequest remove = get(https("/echo"));
        remove.method = "DELETE";
        auto removed = client.send(remove);
        QVERIFY(removed.ok());
        QCOMPARE(removed->header("x-method").value_or(""), std::string("DELETE"));
    }

    void sequentialRequests_reuseTheConnection()
    {
        HttpClient first(fastOptions());
        auto a = first.send(get(https("/echo")));
        HttpClient client = std::move(first); // move-only; the connection moves along
        auto b = client.send(get(https("/echo")));
        QVERIFY(a.ok() && b.ok());
        QVERIFY(!a->header("x-remote-port").value_or("").empty());
        QCOMPARE(a->header("x-remote-port"), b->header("x-remote-port"));
    }

    void plainHttp_toLoopbackWorks()
    {
        HttpClient client(fastOptions());
        auto response = client.send(get("http://127.0.0.1:" + std::to_string(m_httpPort) + "/echo"));
        QVERIFY2(response.ok(), response.ok() ? "" : response.error().message.c_str());
        QCOMPARE(response->status, 200L);
        QCOMPARE(response->header("x-method").value_or(""), std::string("GET"));
    }

    void plainHttp_toAnyOtherHostIsRefused()
    {
        HttpClient client(fastOptions());
        int retries = 0;
        client.setRetryObserver([&](const RetryEvent&) { ++retries; });
        auto response = client.send(get("http://example.com/api?token=abc"));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, ErrorCode::Usage);
        QVERIFY(response.error().message.find("http://example.com:80") != std::string::npos);
        QVERIFY(response.error().message.find("token") == std::string::npos);

        auto other = client.send(get("http://10.0.0.1:" + std::to_string(m_httpPort) + "/echo"));
        QVERIFY(!other.ok());
        QCOMPARE(other.error().code, ErrorCode::Usage);

        auto ftp = client.send(get("ftp://127.0.0.1/file"));
        QVERIFY(!ftp.ok());
        QCOMPARE(ftp.error().code, ErrorCode::Usage);
        auto garbage = client.send(get("not a url"));
        QVERIFY(!garbage.ok());
        QCOMPARE(garbage.error().code, ErrorCode::Usage);
        QCOMPARE(retries, 0);
    }

    void malformedRequests_areUsageErrors()
    {
        HttpClient client(fastOptions());
        HttpRequest injected = get(https("/count?key=injected"));
        injected.headers.push_back({"X-Test", "a\r\nX-Injected: 1"});
        auto response = client.send(injected);
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, ErrorCode::Usage);
        QVERIFY(response.error().message.find("X-Injected") == std::string::npos);

        HttpRequest method = get(https("/count?key=injected"));
        method.method = "TRACE";
        auto traced = client.send(method);
        QVERIFY(!traced.ok());
        QCOMPARE(traced.error().code, ErrorCode::Usage);
        QCOMPARE(m_hits.count("injected"), 0);
    }

    void tls_rightCaSucceeds_otherTrustFailsWithoutRetry_data()
    {
        QTest::addColumn<QString>("caFile");
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("succeeds");
        QTest::newRow("test CA") << QString::fromStdString(m_caFile) << QStringLiteral("127.0.0.1") << true;
        QTest::newRow("system store") << QString() << QStringLiteral("127.0.0.1") << false;
        QTest::newRow("another CA") << QString::fromStdString(m_otherCaFile) << QStringLiteral("127.0.0.1") << false;
        QTest::newRow("missing CA file") << m_dir.filePath(QStringLiteral("missing.pem")) << QStringLiteral("127.0.0.1")
                                         << false;
        QTest::newRow("hostname mismatch") << QString::fromStdString(m_caFile) << QStringLiteral("localhost") << false;
    }
    void tls_rightCaSucceeds_otherTrustFailsWithoutRetry()
    {
        QFETCH(QString, caFile);
        QFETCH(QString, host);
        QFETCH(bool, succeeds);
        HttpOptions options = fastOptions();
        options.caFile = caFile.toStdString();
        HttpClient client(options);
        int retries = 0;
        client.setRetryObserver([&](const RetryEvent&) { ++retries; });
        const std::string key = std::string("tls-") + QTest::currentDataTag();
        const std::string origin = "https://" + host.toStdString() + ":" + std::to_string(m_httpsPort);
        auto response = client.send(get(origin + "/count?key=" + urlEncode(key)));
        QCOMPARE(retries, 0);
        if (succeeds) {
            QVERIFY2(response.ok(), response.ok() ? "" : response.error().message.c_str());
            QCOMPARE(response->body, std::string("counted"));
            QCOMPARE(m_hits.count(key), 1);
            return;
        }
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, ErrorCode::Network);
        const std::string& message = response.error().message;
        QVERIFY2(message.starts_with("TLS verification failed for " + origin + ": "), message.c_str());
        QVERIFY2(message.find("count") == std::string::npos, message.c_str()); // no path or query
        QCOMPARE(m_hits.count(key), 0);
    }

    void retryAfter_503TwiceThenSuccess()
    {
        auto clock = std::make_shared<test::RecordingClock>();
        HttpClient client(fastOptions(clock));
        std::vector<RetryEvent> events;
        client.setRetryObserver([&](const RetryEvent& event) { events.push_back(event); });
        auto response = client.send(get(https("/flaky?key=r503&status=503&failures=2&retryAfter=1")));
        QVERIFY2(response.ok(), response.ok() ? "" : response.error().message.c_str());
        QCOMPARE(response->status, 200L);
        QCOMPARE(response->body, std::string("ok"));
        QCOMPARE(m_hits.count("r503"), 3);
        QCOMPARE(events.size(), std::size_t(2));
        for (std::size_t i = 0; i < events.size(); ++i) {
            QCOMPARE(events[i].attempt, int(i + 1));
            QCOMPARE(events[i].reason, std::string("HTTP 503"));
            QCOMPARE(events[i].delay, 1000ms); // Retry-After beats the 10 ms backoff
        }
        // It really waited, twice, as long as the server asked.
        QCOMPARE(clock->waits(), (std::vector<std::chrono::milliseconds> {1000ms, 1000ms}));
    }

    void retryAfter_429ThenSuccess()
    {
        auto clock = std::make_shared<test::RecordingClock>();
        HttpClient client(fastOptions(clock));
        std::vector<RetryEvent> events;
        client.setRetryObserver([&](const RetryEvent& event) { events.push_back(event); });
        auto response = client.send(get(https("/flaky?key=r429&status=429&failures=1&retryAfter=1")));
        QVERIFY(response.ok());
        QCOMPARE(response->status, 200L);
        QCOMPARE(m_hits.count("r429"), 2);
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events[0].reason, std::string("HTTP 429"));
        QCOMPARE(clock->waits(), std::vector<std::chrono::milliseconds> {1000ms});
    }

    void retryAfter_httpDateIsHonoured()
    {
        // The server names a moment; the client waits from its clock's "now" until then.
        constexpr std::time_t kAt = 1'900'000'000; // 2030-03-17
        auto clock = std::make_shared<test::RecordingClock>();
        clock->setWallTime(std::chrono::system_clock::from_time_t(kAt) - 3s);
        HttpClient client(fastOptions(clock));
        auto response
            = client.send(get(https("/flaky?key=rdate&status=503&failures=1&retryAfter=at:" + std::to_string(kAt))));
        QVERIFY(response.ok());
        QCOMPARE(m_hits.count("rdate"), 2);
        QCOMPARE(clock->waits(), std::vector<std::chrono::milliseconds> {3000ms});
    }

    void retryAfter_isCappedAtMaxBackoff_andIgnoredOn500()
    {
        auto clock = std::make_shared<test::RecordingClock>();
        HttpOptions options = fastOptions(clock);
        options.maxBackoff = 200ms;
        HttpClient client(options);
        auto response = client.send(get(https("/flaky?key=rcap&status=503&failures=1&retryAfter=30")));
        QVERIFY(response.ok());
        QCOMPARE(clock->waits(), std::vector<std::chrono::milliseconds> {200ms});

        auto plainClock = std::make_shared<test::RecordingClock>();
        HttpClient plain(fastOptions(plainClock));
        auto other = plain.send(get(https("/flaky?key=r500ra&status=500&failures=1&retryAfter=3")));
        QVERIFY(other.ok());
        QCOMPARE(plainClock->waits().size(), std::size_t(1));
        QVERIFY(plainClock->waits()[0] <= 10ms); // only 429 and 503 carry a meaningful Retry-After
    }

    void serverError_exhaustsAttempts_andLeaksNothing()
    {
        HttpOptions options = fastOptions();
        options.maxAttempts = 4;
        HttpClient client(options);
        std::vector<RetryEvent> events;
        client.setRetryObserver([&](const RetryEvent& event) { events.push_back(event); });
        HttpRequest request;
        request.method = "PUT"; // idempotent, so retried; it carries a body like a POST
        request.url = https("/status?key=s500&status=500&token=QUERYSECRET");
        request.headers = {{"Authorization", "Bearer HEADERSECRET"}};
        request.body = "BODYSECRET";
        auto response = client.send(request);
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, ErrorCode::Network);
        const std::string& message = response.error().message;
        QVERIFY2(message.starts_with("the server is unavailable (HTTP 500) after 4 attempts"), message.c_str());
        QCOMPARE(m_hits.count("s500"), 4);
        QCOMPARE(events.size(), std::size_t(3));
        for (std::size_t i = 0; i < events.size(); ++i) {
            QCOMPARE(events[i].attempt, int(i + 1));
            QVERIFY(events[i].delay <= 4000ms);
        }
        std::vector<std::string> texts {message};
        for (const auto& event : events)
            texts.push_back(event.reason);
        for (const auto& text : texts) {
            for (const char* secret : {"QUERYSECRET", "HEADERSECRET", "BODYSECRET", "SERVERBODY", "/status"})
                QVERIFY2(text.find(secret) == std::string::npos, (text + " contains " + secret).c_str());
        }
    }

    // A token exchange or a data request must not happen twice: the server got it and may have acted on it.
    void post_answered503_isNotRepeated()
    {
        auto clock = std::make_shared<test::RecordingClock>();
        HttpClient client(fastOptions(clock));
        int retries = 0;
        client.setRetryObserver([&](const RetryEvent&) { ++retries; });
        HttpRequest request;
        request.method = "POST";
        request.url = https("/flaky?key=p503&status=503&failures=1&retryAfter=1&code=QUERYSECRET");
        request.body = "grant_type=authorization_code&code=BODYSECRET";
        auto response = client.send(request);
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, ErrorCode::Network);
        const std::string& message = response.error().message;
        QVERIFY2(message.starts_with("the server answered HTTP 503 (" + https("") + ")"), message.c_str());
        QVERIFY2(message.find("POST was not repeated") != std::string::npos, message.c_str());
        for (const char* secret : {"QUERYSECRET", "BODYSECRET", "SERVERBODY", "/flaky"})
            QVERIFY2(message.find(secret) == std::string::npos, secret);
        QCOMPARE(m_hits.count("p503"), 1);
        QCOMPARE(retries, 0);
        QVERIFY(clock->waits().empty());
    }

    void post_timingOutAfterSending_isNotRepeated()
    {
        HttpOptions options = fastOptions();
        options.totalTimeout = 300ms; // the response trickles for 20 s
        HttpClient client(options);
        HttpRequest request;
        request.method = "POST";
        request.url = https("/slow");
        request.body = "{}";
        const int before = m_hits.count("slow-POST");
        auto response = client.send(request);
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, ErrorCode::Network);
        QVERIFY2(response.error().message.starts_with("timed out talking to " + https("")),
            response.error().message.c_str());
        QVERIFY2(response.error().message.find("not repeated") != std::string::npos, response.error().message.c_str());
        QCOMPARE(m_hits.count("slow-POST"), before + 1);
    }

    // A refused connection never reached the server, so even a POST may try again.
    void post_toARefusedPort_isRetriedOnceTheServerListens()
    {
        const int port = unusedPort();
        QVERIFY(port > 0);
        httplib::SSLServer late(m_certs.serverCert.c_str(), m_certs.serverKey.c_str());
        int posts = 0;
        late.Post("/token", [&](const httplib::Request& request, httplib::Response& response) {
            ++posts;
            response.set_content(request.body, "text/plain");
        });
        std::thread lateThread;
        auto clock = std::make_shared<test::RecordingClock>();
        bool bound = false;
        clock->onSleep = [&](std::chrono::milliseconds) { // between the refused attempt and the next one
            if (!std::exchange(bound, true) && late.bind_to_port("127.0.0.1", port))
                lateThread = std::thread([&] { late.listen_after_bind(); });
        };
        HttpClient client(fastOptions(clock));
        std::vector<RetryEvent> events;
        client.setRetryObserver([&](const RetryEvent& event) { events.push_back(event); });
        HttpRequest request;
        request.method = "POST";
        request.url = "https://127.0.0.1:" + std::to_string(port) + "/token";
        request.body = "grant_type=refresh_token";
        auto response = client.send(request);
        late.stop();
        if (lateThread.joinable())
            lateThread.join();
        QVERIFY2(response.ok(), response.ok() ? "" : response.error().message.c_str());
        QCOMPARE(response->body, request.body);
        QCOMPARE(posts, 1);
        QCOMPARE(events.size(), std::size_t(1));
        QVERIFY2(events[0].reason.starts_with("cannot connect to https://127.0.0.1:" + std::to_string(port)),
            events[0].reason.c_str());
    }

    void post_markedRepeatable_isRetried()
    {
        HttpClient client(fastOptions());
        HttpRequest request;
        request.method = "POST";
        request.url = https("/flaky?key=prep&status=503&failures=2");
        request.repeatable = true; // e.g. the API's status and result telegrams, which only read
        auto response = client.send(request);
        QVERIFY2(response.ok(), response.ok() ? "" : response.error().message.c_str());
        QCOMPARE(response->body, std::string("ok"));
        QCOMPARE(m_hits.count("prep"), 3);
    }

    void backoff_growsExponentiallyWithinItsCap()
    {
        auto clock = std::make_shared<test::RecordingClock>();
        HttpOptions options = fastOptions(clock);
        options.maxAttempts = 6;
        options.initialBackoff = 20ms;
        options.maxBackoff = 80ms;
        HttpClient client(options);
        std::vector<RetryEvent> events;
        client.setRetryObserver([&](const RetryEvent& event) { events.push_back(event); });
        auto response = client.send(get(https("/status?key=s502&status=502")));
        QVERIFY(!response.ok());
        QCOMPARE(m_hits.count("s502"), 6);
        QCOMPARE(events.size(), std::size_t(5));
        const std::chrono::milliseconds caps[] = {20ms, 40ms, 80ms, 80ms, 80ms};
        const auto waits = clock->waits();
        QCOMPARE(waits.size(), events.size());
        for (std::size_t i = 0; i < events.size(); ++i) {
            QVERIFY2(events[i].delay >= 0ms && events[i].delay <= caps[i], std::to_string(i).c_str());
            QCOMPARE(waits[i], events[i].delay); // the wait reported is the wait taken
        }
    }

    void notFound_isAResponseWithoutRetry()
    {
        HttpClient client(fastOptions());
        int retries = 0;
        client.setRetryObserver([&](const RetryEvent&) { ++retries; });
        auto response = client.send(get(https("/status?key=s404&status=404")));
        QVERIFY(response.ok());
        QCOMPARE(response->status, 404L);
        QVERIFY(response->body.starts_with("SERVERBODY"));
        QCOMPARE(m_hits.count("s404"), 1);
        QCOMPARE(retries, 0);
    }

    void redirect_isReturnedUnlessFollowing()
    {
        HttpClient client(fastOptions());
        auto response = client.send(get(https("/redirect")));
        QVERIFY(response.ok());
        QCOMPARE(response->status, 302L);
        QCOMPARE(response->header("location").value_or(""), std::string("/echo"));

        HttpOptions options = fastOptions();
        options.followRedirects = true;
        HttpClient following(options);
        auto followed = following.send(get(https("/redirect")));
        QVERIFY(followed.ok());
        QCOMPARE(followed->status, 200L);
        QCOMPARE(followed->header("x-method").value_or(""), std::string("GET"));
        QVERIFY(!followed->header("location")); // headers of the final response only
    }

    void truncatedBody_isRetriedThenFails()
    {
        HttpOptions options = fastOptions();
        options.maxAttempts = 3;
        HttpClient client(options);
        std::vector<RetryEvent> events;
        client.setRetryObserver([&](const RetryEvent& event) { events.push_back(event); });
        auto response = client.send(get(https("/truncated")));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, ErrorCode::Network);
        QCOMPARE(m_hits.count("truncated"), 3);
        QCOMPARE(events.size(), std::size_t(2));
        const std::string origin = https("");
        QVERIFY2(events[0].reason.find(origin) != std::string::npos, events[0].reason.c_str());
        QVERIFY2(
            response.error().message.find("after 3 attempts") != std::string::npos, response.error().message.c_str());
    }

    void oversizedResponse_isInvalidDataWithoutRetry_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("key");
        QTest::newRow("content-length") << QStringLiteral("/big?size=300000") << QStringLiteral("big");
        QTest::newRow("chunked") << QStringLiteral("/big-chunked?size=300000") << QStringLiteral("big-chunked");
    }
    void oversizedResponse_isInvalidDataWithoutRetry()
    {
        QFETCH(QString, path);
        QFETCH(QString, key);
        HttpOptions options = fastOptions();
        options.maxResponseBytes = 100000;
        HttpClient client(options);
        const int before = m_hits.count(key.toStdString());
        auto response = client.send(get(https(path.toStdString())));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, ErrorCode::InvalidData);
        QCOMPARE(response.error().message, std::string("the response is larger than 100000 bytes"));
        QCOMPARE(m_hits.count(key.toStdString()), before + 1);

        auto fits = client.send(get(https(path.toStdString().substr(0, path.indexOf(u'=') + 1) + "100000")));
        QVERIFY2(fits.ok(), fits.ok() ? "" : fits.error().message.c_str());
        QCOMPARE(fits->body.size(), std::size_t(100000));
    }

    void cancel_fromAnotherThreadDuringASlowResponse()
    {
        HttpClient client(fastOptions());
        CancelToken token;
        std::atomic<bool> receiving {false};
        std::optional<Result<HttpResponse>> result;
        const int before = m_hits.count("slow");
        std::thread worker([&] {
            result = client.send(get(https("/slow")), &token, [&](std::uint64_t received, std::uint64_t) {
                if (received > 0)
                    receiving = true;
            });
        });
        QTRY_VERIFY_WITH_TIMEOUT(receiving.load(), 10000);
        token.cancel();
        worker.join();
        // Without the cancel the whole 400-byte response would arrive and this would be a success.
        QVERIFY(result.has_value());
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code, ErrorCode::Cancelled);
        QCOMPARE(m_hits.count("slow"), before + 1); // and no second attempt
    }

    void cancel_duringBackoffStopsWithoutAnotherAttempt()
    {
        auto clock = std::make_shared<test::RecordingClock>();
        CancelToken token;
        clock->onSleep = [&](std::chrono::milliseconds) { token.cancel(); }; // cancelled while it waits
        HttpClient client(fastOptions(clock));
        auto result = client.send(get(https("/flaky?key=cwait&status=503&failures=9&retryAfter=4")), &token);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
        QCOMPARE(m_hits.count("cwait"), 1);
        QCOMPARE(clock->waits(), std::vector<std::chrono::milliseconds> {4000ms});
    }

    // The real clock's wait ends on a cancel from another thread. Were it not woken, the hour-long wait
    // would run into the suite's CTest timeout.
    void cancelToken_sleepForEndsOnCancel()
    {
        CancelToken token;
        QVERIFY(!token.sleepFor(1ms)); // not cancelled: the whole wait passes
        QVERIFY(!CancelToken::sleepFor(nullptr, 1ms));
        std::atomic<bool> started {false};
        std::optional<bool> cancelled;
        std::thread sleeper([&] {
            started = true;
            cancelled = Clock::system()->sleepFor(std::chrono::hours(1), &token);
        });
        QTRY_VERIFY_WITH_TIMEOUT(started.load(), 10000);
        token.cancel();
        sleeper.join();
        QCOMPARE(cancelled, std::optional<bool>(true));
        QVERIFY(token.sleepFor(std::chrono::hours(1))); // already cancelled: returns at once
    }

    void cancel_beforeTheFirstAttempt()
    {
        HttpClient client(fastOptions());
        CancelToken token;
        token.cancel();
        auto response = client.send(get(https("/count?key=precancel")), &token);
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, ErrorCode::Cancelled);
        QCOMPARE(m_hits.count("precancel"), 0);
    }

    void progress_reportsIncreasingCounts()
    {
        HttpClient client(fastOptions());
        std::vector<std::pair<std::uint64_t, std::uint64_t>> calls;
        auto response = client.send(get(https("/progress")), nullptr,
            [&](std::uint64_t received, std::uint64_t total) { calls.emplace_back(received, total); });
        QVERIFY(response.ok());
        QCOMPARE(response->body.size(), std::size_t(65536));
        QVERIFY2(calls.size() >= 3, std::to_string(calls.size()).c_str());
        for (std::size_t i = 1; i < calls.size(); ++i)
            QVERIFY(calls[i].first > calls[i - 1].first);
        QCOMPARE(calls.back().first, std::uint64_t(65536));
        QCOMPARE(calls.back().second, std::uint64_t(65536));
    }

    void timeout_isRetriedThenNamed()
    {
        HttpOptions options = fastOptions();
        options.totalTimeout = 300ms;
        options.maxAttempts = 2;
        HttpClient client(options);
        const int before = m_hits.count("slow");
        auto response = client.send(get(https("/slow")));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, ErrorCode::Network);
        QVERIFY2(response.error().message.starts_with("timed out talking to " + https("")),
            response.error().message.c_str());
        QCOMPARE(m_hits.count("slow"), before + 2);
    }

    void connectionRefused_namesHostAndPort()
    {
        const int port = unusedPort();
        QVERIFY(port > 0);
        HttpOptions options = fastOptions();
        options.maxAttempts = 3;
        HttpClient client(options);
        std::vector<RetryEvent> events;
        client.setRetryObserver([&](const RetryEvent& event) { events.push_back(event); });
        auto response = client.send(get("https://127.0.0.1:" + std::to_string(port) + "/x?code=SECRET"));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, ErrorCode::Network);
        const std::string& message = response.error().message;
        QVERIFY2(
            message.starts_with("cannot connect to https://127.0.0.1:" + std::to_string(port) + ": "), message.c_str());
        QVERIFY(message.find("after 3 attempts") != std::string::npos);
        QVERIFY(message.find("SECRET") == std::string::npos);
        QCOMPARE(events.size(), std::size_t(2));
    }

    void urlEncode_keepsUnreservedOnly()
    {
        QCOMPARE(urlEncode("AZaz09-._~"), std::string("AZaz09-._~"));
        QCOMPARE(urlEncode("a b&c=d/e?f#g+h%"), std::string("a%20b%26c%3Dd%2Fe%3Ff%23g%2Bh%25"));
        QCOMPARE(urlEncode("健康"), std::string("%E5%81%A5%E5%BA%B7"));
        QCOMPARE(urlEncode(""), std::string());
        QCOMPARE(percentDecode(urlEncode("健康 手帳/?&="), false), std::string("健康 手帳/?&="));
    }

    void formEncode_andParseQuery_roundTrip()
    {
        const std::vector<std::pair<std::string, std::string>> fields {{"grant_type", "authorization_code"},
            {"redirect_uri", "http://127.0.0.1:8080/cb?x=1&y=2"}, {"note", "散歩 30分 + α"}, {"empty", ""},
            {"reserved", "!*'();:@&=+$,/?#[]%"}};
        const std::string encoded = formEncode(fields);
        QCOMPARE(encoded.substr(0, 51), std::string("grant_type=authorization_code&redirect_uri=http%3A%"));
        QVERIFY(encoded.find("note=%E6%95%A3%E6%AD%A9+30%E5%88%86+%2B+%CE%B1") != std::string::npos);
        QVERIFY(encoded.find(' ') == std::string::npos);
        const auto parsed = parseQuery(encoded);
        QCOMPARE(parsed.size(), fields.size());
        for (const auto& [name, value] : fields)
            QCOMPARE(parsed.at(name), value);
    }

    void parseQuery_handlesUrlsFragmentsAndOddInput()
    {
        const auto redirect = parseQuery("http://127.0.0.1:53682/callback?code=abc%2Fdef&state=%E5%81%A5+x#frag");
        QCOMPARE(redirect.size(), std::size_t(2));
        QCOMPARE(redirect.at("code"), std::string("abc/def"));
        QCOMPARE(redirect.at("state"), std::string("健 x"));
        QVERIFY(parseQuery("https://127.0.0.1/callback").empty());
        const auto odd = parseQuery("a=1&a=2&&flag&bad=%zz%4&b=%41");
        QCOMPARE(odd.at("a"), std::string("1")); // the first of a repeated name wins
        QCOMPARE(odd.at("flag"), std::string());
        QCOMPARE(odd.at("bad"), std::string("%zz%4"));
        QCOMPARE(odd.at("b"), std::string("A"));
        QCOMPARE(parseQuery("?x=%E6%89%8B%E5%B8%B3").at("x"), std::string("手帳"));
    }

    void url_parseNamesItsPartsAndLoopback()
    {
        auto url = Url::parse("HTTPS://Example.COM/a/b%20c?x=1&y=%E5%81%A5#frag");
        QVERIFY(url.ok());
        QCOMPARE(url->scheme(), std::string("https"));
        QCOMPARE(url->host(), std::string("example.com"));
        QCOMPARE(url->port(), std::string("443"));
        QCOMPARE(url->path(), std::string("/a/b%20c"));
        QCOMPARE(url->query(), std::string("x=1&y=%E5%81%A5"));
        QCOMPARE(url->origin(), std::string("https://example.com:443"));
        QCOMPARE(url->queryParameters().at("y"), std::string("健"));
        QVERIFY(!url->isLoopback());
        for (const char* loopback : {"http://127.0.0.1:53682/callback", "http://[::1]:8080/", "http://LocalHost/x"}) {
            auto parsed = Url::parse(loopback);
            QVERIFY2(parsed.ok() && parsed->isLoopback(), loopback);
        }
        for (const char* other : {"http://127.0.0.2/", "http://localhost.example.com/", "http://10.0.0.1/"}) {
            auto parsed = Url::parse(other);
            QVERIFY2(parsed.ok() && !parsed->isLoopback(), other);
        }
        auto bad = Url::parse("not a url?code=SECRET");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::Usage);
        QVERIFY(bad.error().message.find("SECRET") == std::string::npos);
    }

    void url_appendQuery_encodesAfterTheExistingQuery()
    {
        auto url = Url::parse("https://127.0.0.1:8443/oauth/authorize?fixed=1");
        QVERIFY(url.ok());
        QVERIFY(url->appendQuery({{"redirect_uri", "http://127.0.0.1:53682/callback"}, {"state", "a b+c&d=é"}}).ok());
        QCOMPARE(url->toString(),
            std::string("https://127.0.0.1:8443/oauth/authorize?fixed=1"
                        "&redirect_uri=http%3A%2F%2F127.0.0.1%3A53682%2Fcallback&state=a+b%2Bc%26d%3D%C3%A9"));
        const auto parameters = url->queryParameters();
        QCOMPARE(parameters.size(), std::size_t(3));
        QCOMPARE(parameters.at("state"), std::string("a b+c&d=é"));
        QCOMPARE(parameters.at("redirect_uri"), std::string("http://127.0.0.1:53682/callback"));

        auto bare = Url::parse("https://127.0.0.1:8443/token");
        QVERIFY(bare.ok());
        QVERIFY(bare->appendQuery({{"名前", "値"}}).ok());
        QCOMPARE(bare->toString(), std::string("https://127.0.0.1:8443/token?%E5%90%8D%E5%89%8D=%E5%80%A4"));
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "TestHttpClient.moc"
