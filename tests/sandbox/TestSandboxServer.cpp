// Tests techo-sandbox itself over real HTTPS on 127.0.0.1 with libcurl: TLS and the first-line
// contract, determinism, OAuth with PKCE, token expiry/refresh, the request → status → result
// cycle, paging, date filters and every fault kind.

#include "tests/support/SandboxProcess.h"
#include "tests/support/TestSupport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTest>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

using nlohmann::json;
using techo::test::SandboxProcess;

namespace {

const std::string kClientId = "SP00000001_AA0001";
const std::string kRedirect = "http://127.0.0.1:53682/callback";
const std::string kVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-verifier";

struct Reply {
    CURLcode code = CURLE_OK;
    long status = 0;
    std::string body;
    std::map<std::string, std::string> headers; // lower-case names
    json parsed() const { return json::parse(body, nullptr, false); }
};

std::size_t onBody(char* data, std::size_t size, std::size_t n, void* user)
{
    static_cast<std::string*>(user)->append(data, size * n);
    return size * n;
}

std::size_t onHeader(char* data, std::size_t size, std::size_t n, void* user)
{
    std::string line(data, size * n);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (auto& c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' '))
            value.erase(0, 1);
        while (!value.empty() && (value.back() == '\r' || value.back() == '\n'))
            value.pop_back();
        (*static_cast<std::map<std::string, std::string>*>(user))[name] = value;
    }
    return size * n;
}

// caFile empty: libcurl's default trust store (which does not know the sandbox CA).
Reply request(const std::string& method, const std::string& url, const std::string& caFile,
    const std::string& body = {}, const std::vector<std::string>& headers = {})
{
    Reply reply;
    CURL* curl = curl_easy_init();
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 20L);
    if (!caFile.empty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, caFile.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
    if (method == "POST") {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    }
    curl_slist* list = nullptr;
    for (const auto& h : headers)
        list = curl_slist_append(list, h.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &reply.headers);
    reply.code = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
    curl_slist_free_all(list);
    curl_easy_cleanup(curl);
    return reply;
}

std::string challengeFor(const std::string& verifier)
{
    const QByteArray digest = QCryptographicHash::hash(QByteArray::fromStdString(verifier), QCryptographicHash::Sha256);
    return digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals).toStdString();
}

std::string formEncode(const std::map<std::string, std::string>& fields)
{
    QUrlQuery q;
    std::string out;
    for (const auto& [k, v] : fields) {
        out += (out.empty() ? "" : "&") + QUrl::toPercentEncoding(QString::fromStdString(k)).toStdString() + "="
            + QUrl::toPercentEncoding(QString::fromStdString(v)).toStdString();
    }
    return out;
}

std::map<std::string, std::string> queryOf(const std::string& location)
{
    std::map<std::string, std::string> out;
    const QUrlQuery q(QUrl(QString::fromStdString(location)));
    for (const auto& [k, v] : q.queryItems(QUrl::FullyDecoded))
        out[k.toStdString()] = v.toStdString();
    return out;
}

json header(const char* type, const std::string& processId = {})
{
    return {{"telegramId", "TL-00000001-261001093000-0001"}, {"telegramType", type}, {"mode", "1"},
        {"processId", processId}, {"errorCode", ""}};
}

// A thin client for one sandbox.
struct Client {
    const SandboxProcess& s;
    std::string access, refresh;
    json token;

    std::string url(const std::string& path) const { return s.baseUrl().toStdString() + path; }
    Reply get(const std::string& path) const { return request("GET", url(path), s.caFile().toStdString()); }
    Reply postJson(const std::string& path, const json& body) const
    {
        return request("POST", url(path), s.caFile().toStdString(), body.dump(), {"Content-Type: application/json"});
    }

    Reply authorizeRaw(const std::map<std::string, std::string>& overrides, bool autoApprove = true) const
    {
        std::map<std::string, std::string> q {{"response_type", "code"}, {"client_id", kClientId},
            {"redirect_uri", kRedirect}, {"state", "st-123"}, {"login_type", "0"},
            {"code_challenge", challengeFor(kVerifier)}, {"code_challenge_method", "S256"}};
        if (autoApprove)
            q["sandbox_auto_approve"] = "1";
        for (const auto& [k, v] : overrides) {
            if (v == "<erase>")
                q.erase(k);
            else
                q[k] = v;
        }
        return get("/online-authorization-web/oauth/authorize?" + formEncode(q));
    }
    std::string code(const std::map<std::string, std::string>& overrides = {}) const
    {
        const Reply r = authorizeRaw(overrides);
        if (r.status != 302)
            return {};
        auto q = queryOf(r.headers.count("location") ? r.headers.at("location") : std::string());
        return q.count("state") && q["state"] == "st-123" ? q["code"] : std::string();
    }
    Reply tokenRaw(const std::map<std::string, std::string>& form) const
    {
        return request("POST", url("/online-authorization-web/oauth/token"), s.caFile().toStdString(), formEncode(form),
            {"Content-Type: application/x-www-form-urlencoded"});
    }
    Reply exchange(const std::string& code, const std::string& verifier = kVerifier) const
    {
        return tokenRaw({{"grant_type", "authorization_code"}, {"code", code}, {"redirect_uri", kRedirect},
            {"client_id", kClientId}, {"code_verifier", verifier}});
    }
    bool login(const std::map<std::string, std::string>& overrides = {})
    {
        const Reply r = exchange(code(overrides));
        if (r.status != 200)
            return false;
        token = r.parsed();
        access = token.value("access_token", "");
        refresh = token.value("refresh_token", "");
        return !access.empty();
    }
    Reply refreshRaw(const std::string& refreshToken) const
    {
        return tokenRaw({{"grant_type", "refresh_token"}, {"refresh_token", refreshToken}, {"client_id", kClientId}});
    }
    Reply resource(const std::string& stage, const json& body, const std::string& bearer = {}) const
    {
        return request("POST", url("/online-resource-web/" + stage), s.caFile().toStdString(), body.dump(),
            {"Content-Type: application/json", "Authorization: Bearer " + (bearer.empty() ? access : bearer)});
    }
    Reply requestKind(const std::string& kind, const std::string& person, const json& extra = json::object()) const
    {
        json info {{"infoKind", kind}, {"personId", person}};
        info.update(extra);
        return resource("request", {{"commonHeader", header("IFA0301-R01")}, {"medicalInsuranceInfoReqInfo", info}});
    }
    std::string startProcess(
        const std::string& kind, const std::string& person, const json& extra = json::object()) const
    {
        const json r = requestKind(kind, person, extra).parsed();
        if (!r.is_object() || r["commonHeader"].value("errorCode", "x") != "")
            return {};
        return r["commonHeader"].value("processId", "");
    }
    Reply status(const std::string& pid) const
    {
        return resource("status", {{"commonHeader", header("IFA0302-R01", pid)}});
    }
    bool waitReady(const std::string& pid) const
    {
        for (int i = 0; i < 200; ++i) {
            const json r = status(pid).parsed();
            if (r.is_object() && r.value("status", "") == "READY")
                return true;
            QThread::msleep(20);
        }
        return false;
    }
    Reply result(const std::string& pid, int part = 1) const
    {
        return resource("result", {{"commonHeader", header("IFA0303-R01", pid)}, {"partNumber", part}});
    }
    // All parts of one (kind, person); empty on any error.
    std::vector<json> fetchAll(const std::string& kind, const std::string& person, const json& extra = json::object())
    {
        const std::string pid = startProcess(kind, person, extra);
        if (pid.empty() || !waitReady(pid))
            return {};
        std::vector<json> parts;
        int total = 1;
        for (int part = 1; part <= total; ++part) {
            const json r = result(pid, part).parsed();
            if (!r.is_object() || r["commonHeader"].value("errorCode", "x") != "")
                return {};
            const json& info = r["medicalInsuranceInfoProvisionInfo"];
            total = info.value("totalParts", 0);
            parts.push_back(info);
        }
        return parts;
    }
};

struct Records {
    std::vector<std::string> ids;
    std::vector<std::string> dates; // YYYYMMDD
    long observations = 0, lines = 0;
};

Records recordsOf(const std::string& kind, const json& data)
{
    Records out;
    if (kind == "TKK") {
        for (const auto& c : data["SpecificHealthCheckupInfos"]) {
            out.ids.push_back(c.value("RecordId", ""));
            out.dates.push_back(c.value("EffectiveTime", ""));
            out.observations += static_cast<long>(c["HealthCheckupResultAndQuestionInfos"].size());
        }
    } else if (kind == "YZK") {
        // Claims, 電子処方箋 調剤 (Cz…) and 処方情報 (Sh…): every branch's drug lines are medication lines.
        struct Branch {
            json months;
            const char *dateInfs, *date, *drugInfs;
        };
        const Branch branches[] = {{data["MeTrMonthInfs"], "DiDateInfs", "DiDate", "DrugInfs"},
            {data["CzDiInf"]["CzDiMonthInfs"], "CzDiDateInfs", "CzDiDate", "CzDrugInfs"},
            {data["ShPrInf"]["ShPrMonthInfs"], "ShPrDateInfs", "ShPrDate", "ShDrugInfs"}};
        for (const auto& b : branches)
            for (const auto& m : b.months)
                for (const auto& d : m[b.dateInfs]) {
                    out.ids.push_back(d.value("RecordId", ""));
                    out.dates.push_back(d.value(b.date, ""));
                    out.lines += static_cast<long>(d[b.drugInfs].size());
                }
    } else {
        for (const auto& v : data["immunizations"]) {
            out.ids.push_back(v.value("historyKey", ""));
            std::string date = v.value("vaccinationDate", "");
            date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
            out.dates.push_back(date);
        }
    }
    return out;
}

const char* countKey(const std::string& kind)
{
    return kind == "TKK" ? "checkups" : kind == "YZK" ? "dispensings" : "vaccinations";
}

} // namespace

class TestSandboxServer : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SandboxProcess> main_;
    json stats_;

    bool setFaults(const json& faults)
    {
        Client c {*main_, {}, {}, {}};
        return c.postJson("/_sandbox/faults", {{"faults", faults}}).status == 200;
    }
    void clearFaults()
    {
        Client c {*main_, {}, {}, {}};
        request("DELETE", c.url("/_sandbox/faults"), main_->caFile().toStdString());
    }

private slots:
    void initTestCase()
    {
        curl_global_init(CURL_GLOBAL_DEFAULT);
        main_ = std::make_unique<SandboxProcess>(
            QStringList {QStringLiteral("--page-size"), QStringLiteral("7"), QStringLiteral("--process-delay-ms"),
                QStringLiteral("150"), QStringLiteral("--slow-ms"), QStringLiteral("400")});
        QVERIFY2(main_->isRunning(), qPrintable(main_->errorString()));
        Client c {*main_, {}, {}, {}};
        const Reply r = c.get("/_sandbox/stats");
        QCOMPARE(r.status, 200L);
        stats_ = r.parsed();
        QVERIFY(stats_.is_object());
    }

    void cleanupTestCase()
    {
        main_.reset();
        curl_global_cleanup();
    }

    void cleanup() { clearFaults(); }

    void firstLineAndTls()
    {
        QVERIFY(main_->firstLine().startsWith("listening on https://127.0.0.1:"));
        QCOMPARE(main_->firstLine(), ("listening on https://127.0.0.1:" + QByteArray::number(main_->port())));
        const std::string url = main_->baseUrl().toStdString() + "/_sandbox/stats";
        QCOMPARE(request("GET", url, main_->caFile().toStdString()).code, CURLE_OK);
        // localhost is in the certificate too.
        const std::string byName = "https://localhost:" + std::to_string(main_->port()) + "/_sandbox/stats";
        QCOMPARE(request("GET", byName, main_->caFile().toStdString()).code, CURLE_OK);
        // Without the sandbox CA (system trust store) or with another sandbox's CA: refused.
        QCOMPARE(request("GET", url, {}).code, CURLE_PEER_FAILED_VERIFICATION);
        SandboxProcess other;
        QVERIFY2(other.isRunning(), qPrintable(other.errorString()));
        QCOMPARE(request("GET", url, other.caFile().toStdString()).code, CURLE_PEER_FAILED_VERIFICATION);
    }

    void plainHttpOnlyWhenAsked()
    {
        SandboxProcess plain({QStringLiteral("--http")});
        QVERIFY2(plain.isRunning(), qPrintable(plain.errorString()));
        QCOMPARE(plain.firstLine(), ("listening on http://127.0.0.1:" + QByteArray::number(plain.port())));
        QCOMPARE(request("GET", plain.baseUrl().toStdString() + "/_sandbox/stats", {}).status, 200L);
        // The default is HTTPS: plain HTTP to the main sandbox does not work.
        const std::string http = "http://127.0.0.1:" + std::to_string(main_->port()) + "/_sandbox/stats";
        QVERIFY(request("GET", http, {}).status != 200);
    }

    void statsShape()
    {
        const json& persons = stats_["persons"];
        QCOMPARE(persons.size(), std::size_t(3));
        json sum = json::object();
        for (const auto& p : persons) {
            QCOMPARE(p["counts"]["profiles"].get<int>(), 1);
            for (const auto& [k, v] : p["counts"].items())
                sum[k] = sum.value(k, 0L) + v.get<long>();
        }
        QVERIFY(sum == stats_["totals"]);
        // Default family: self and spouse have checkups (40+), the child has none but vaccinations.
        QVERIFY(persons[0]["counts"]["checkups"].get<int>() >= 9);
        QVERIFY(persons[0]["counts"]["observations"].get<int>() > 20 * persons[0]["counts"]["checkups"].get<int>());
        QCOMPARE(persons[2]["counts"]["checkups"].get<int>(), 0);
        QVERIFY(persons[2]["counts"]["vaccinations"].get<int>() > 0);
        QVERIFY(stats_["totals"]["dispensings"].get<int>() > 0);
        QVERIFY(stats_["totals"]["medication_lines"].get<int>() >= stats_["totals"]["dispensings"].get<int>());
    }

    void determinism()
    {
        const QStringList args {QStringLiteral("--seed"), QStringLiteral("42"), QStringLiteral("--years"),
            QStringLiteral("12"), QStringLiteral("--process-delay-ms"), QStringLiteral("0")};
        SandboxProcess a(args), b(args);
        SandboxProcess c(
            {QStringLiteral("--seed"), QStringLiteral("43"), QStringLiteral("--years"), QStringLiteral("12")});
        QVERIFY(a.isRunning() && b.isRunning() && c.isRunning());
        Client ca {a, {}, {}, {}}, cb {b, {}, {}, {}}, cc {c, {}, {}, {}};
        const std::string statsA = ca.get("/_sandbox/stats").body;
        QCOMPARE(statsA, cb.get("/_sandbox/stats").body);
        QVERIFY(statsA != cc.get("/_sandbox/stats").body);
        QVERIFY(ca.login() && cb.login());
        for (const std::string kind : {"TKK", "YZK", "PMH_VAC"}) {
            for (const std::string person : {"P0001", "P0002"}) {
                const std::string pa = ca.startProcess(kind, person), pb = cb.startProcess(kind, person);
                QVERIFY(!pa.empty() && pa == pb);
                QVERIFY(ca.waitReady(pa) && cb.waitReady(pb));
                const Reply ra = ca.result(pa), rb = cb.result(pb);
                QCOMPARE(ra.status, 200L);
                QVERIFY(ra.body.size() > 100);
                QCOMPARE(ra.body, rb.body); // byte-identical, envelope included
            }
        }
    }

    void authorizeValidation()
    {
        Client c {*main_, {}, {}, {}};
        QCOMPARE(c.authorizeRaw({{"client_id", "SP123_AA1"}}).status, 400L);
        QCOMPARE(c.authorizeRaw({{"redirect_uri", "https://example.com/cb"}}).status, 400L);
        QCOMPARE(c.authorizeRaw({{"redirect_uri", "http://localhost:5000/cb"}}).status, 400L);
        QCOMPARE(c.authorizeRaw({{"code_challenge", "<erase>"}}).status, 400L);
        QCOMPARE(c.authorizeRaw({{"code_challenge_method", "plain"}}).status, 400L);
        QCOMPARE(c.authorizeRaw({{"state", "<erase>"}}).status, 400L);
        QCOMPARE(c.authorizeRaw({{"response_type", "token"}}).status, 400L);
        QCOMPARE(c.authorizeRaw({{"persons", "P0009"}}).status, 400L);
        const Reply error = c.authorizeRaw({{"client_id", "bad"}});
        QCOMPARE(error.parsed().value("error", ""), std::string("invalid_request"));

        // Without auto-approve: the consent page, whose form posts to approve.
        Reply page = c.authorizeRaw({}, false);
        QCOMPARE(page.status, 200L);
        QVERIFY(page.headers["content-type"].find("text/html") != std::string::npos);
        QVERIFY(page.body.find("/online-authorization-web/oauth/approve") != std::string::npos);
        QVERIFY(page.body.find("同意") != std::string::npos);
        std::map<std::string, std::string> form {{"response_type", "code"}, {"client_id", kClientId},
            {"redirect_uri", kRedirect}, {"state", "st-123"}, {"login_type", "0"},
            {"code_challenge", challengeFor(kVerifier)}, {"code_challenge_method", "S256"}, {"person", "P0002"},
            {"kind", "TKK"}, {"decision", "approve"}};
        auto post = [&c](const std::map<std::string, std::string>& f) {
            return request("POST", c.url("/online-authorization-web/oauth/approve"), c.s.caFile().toStdString(),
                formEncode(f), {"Content-Type: application/x-www-form-urlencoded"});
        };
        Reply approved = post(form);
        QCOMPARE(approved.status, 302L);
        auto q = queryOf(approved.headers["location"]);
        QCOMPARE(q["state"], std::string("st-123"));
        QVERIFY(approved.headers["location"].rfind(kRedirect + "?code=", 0) == 0);
        const Reply tokens = c.exchange(q["code"]);
        QCOMPARE(tokens.status, 200L);
        const json t = tokens.parsed();
        QCOMPARE(t["scope"].get<std::string>(), std::string("TKK"));
        QCOMPARE(t["persons"].size(), std::size_t(1));
        QCOMPARE(t["persons"][0]["id"].get<std::string>(), std::string("P0002"));

        form["decision"] = "deny";
        q = queryOf(post(form).headers["location"]);
        QCOMPARE(q["code"], std::string("access_denied"));
        QCOMPARE(q["state"], std::string("st-123"));
        form["decision"] = "cert_expired";
        q = queryOf(post(form).headers["location"]);
        QCOMPARE(q["state"], std::string("Certificate expired"));
    }

    void pkceAndCodeRules()
    {
        Client c {*main_, {}, {}, {}};
        // Wrong verifier: rejected, and the code is spent.
        std::string code = c.code();
        QVERIFY(!code.empty());
        Reply r = c.exchange(code, kVerifier + "x");
        QCOMPARE(r.status, 400L);
        QCOMPARE(r.parsed().value("error", ""), std::string("invalid_grant"));
        QCOMPARE(c.exchange(code).status, 400L);
        // Redirect URI must match; client_id shape is checked.
        code = c.code();
        r = c.tokenRaw({{"grant_type", "authorization_code"}, {"code", code}, {"redirect_uri", kRedirect + "2"},
            {"client_id", kClientId}, {"code_verifier", kVerifier}});
        QCOMPARE(r.parsed().value("error", ""), std::string("invalid_grant"));
        r = c.tokenRaw({{"grant_type", "authorization_code"}, {"code", c.code()}, {"redirect_uri", kRedirect},
            {"client_id", "nope"}, {"code_verifier", kVerifier}});
        QCOMPARE(r.status, 401L);
        QCOMPARE(r.parsed().value("error", ""), std::string("invalid_client"));
        QCOMPARE(c.tokenRaw({{"grant_type", "password"}, {"client_id", kClientId}}).parsed().value("error", ""),
            std::string("unsupported_grant_type"));
        // The right verifier: tokens, once.
        code = c.code();
        r = c.exchange(code);
        QCOMPARE(r.status, 200L);
        const json t = r.parsed();
        QCOMPARE(t["token_type"].get<std::string>(), std::string("Bearer"));
        QCOMPARE(t["expires_in"].get<int>(), 3600);
        QVERIFY(!t["refresh_token"].get<std::string>().empty());
        QVERIFY(t["consent_expires_at"].get<std::string>().size() == 25);
        QVERIFY(t["consent_expires_at"].get<std::string>().substr(19) == "+09:00");
        QCOMPARE(t["persons"].size(), std::size_t(3));
        QCOMPARE(t["persons"][0]["relationship"].get<std::string>(), std::string("self"));
        QCOMPARE(t["persons"][1]["relationship"].get<std::string>(), std::string("family"));
        QCOMPARE(c.exchange(code).parsed().value("error", ""), std::string("invalid_grant"));
    }

    void tokenExpiryAndRefresh()
    {
        SandboxProcess s({QStringLiteral("--token-ttl"), QStringLiteral("60"), QStringLiteral("--process-delay-ms"),
            QStringLiteral("0")});
        QVERIFY(s.isRunning());
        Client c {s, {}, {}, {}};
        QVERIFY(c.login());
        QVERIFY(!c.startProcess("TKK", "P0001").empty());
        QCOMPARE(c.postJson("/_sandbox/clock", {{"advance_seconds", 61}}).status, 200L);
        Reply r = c.requestKind("TKK", "P0001");
        QCOMPARE(r.status, 401L);
        QCOMPARE(r.parsed().value("error", ""), std::string("invalid_token"));
        // Refresh rotates the refresh token.
        r = c.refreshRaw(c.refresh);
        QCOMPARE(r.status, 200L);
        const json t = r.parsed();
        QVERIFY(t["refresh_token"].get<std::string>() != c.refresh);
        QCOMPARE(c.refreshRaw(c.refresh).parsed().value("error", ""), std::string("invalid_grant"));
        c.access = t["access_token"];
        QVERIFY(!c.startProcess("TKK", "P0001").empty());
        QCOMPARE(c.resource("status", {{"commonHeader", header("IFA0302-R01", "x")}}, "garbage").status, 401L);
    }

    void consentExpiry()
    {
        SandboxProcess s({QStringLiteral("--token-ttl"), QStringLiteral("10000000"), QStringLiteral("--consent-days"),
            QStringLiteral("1")});
        QVERIFY(s.isRunning());
        Client c {s, {}, {}, {}};
        QVERIFY(c.login());
        QVERIFY(!c.startProcess("YZK", "P0001").empty());
        c.postJson("/_sandbox/clock", {{"advance_seconds", 86401}});
        const json r = c.requestKind("YZK", "P0001").parsed();
        QCOMPARE(r["commonHeader"]["errorCode"].get<std::string>(), std::string("E-CONSENT"));
        QVERIFY(!r["commonHeader"]["errorMessage"].get<std::string>().empty());
        const Reply refresh = c.refreshRaw(c.refresh);
        QCOMPARE(refresh.status, 400L);
        QCOMPARE(refresh.parsed().value("error_description", ""), std::string("consent expired"));
    }

    void asyncCycle()
    {
        Client c {*main_, {}, {}, {}};
        QVERIFY(c.login());
        const json started = c.requestKind("TKK", "P0001").parsed();
        QCOMPARE(started["commonHeader"]["telegramType"].get<std::string>(), std::string("IFA0301-S01"));
        QCOMPARE(
            started["commonHeader"]["telegramId"].get<std::string>(), std::string("TL-00000001-261001093000-0001"));
        const std::string pid = started["commonHeader"]["processId"];
        QVERIFY(!pid.empty());
        json st = c.status(pid).parsed();
        QCOMPARE(st["status"].get<std::string>(), std::string("PROCESSING"));
        QCOMPARE(st["commonHeader"]["telegramType"].get<std::string>(), std::string("IFA0302-S01"));
        QCOMPARE(c.result(pid).parsed()["commonHeader"]["errorCode"].get<std::string>(), std::string("E-NOTREADY"));
        QVERIFY(c.waitReady(pid));
        const json res = c.result(pid).parsed();
        QCOMPARE(res["commonHeader"]["errorCode"].get<std::string>(), std::string(""));
        QCOMPARE(res["commonHeader"]["telegramType"].get<std::string>(), std::string("IFA0303-S01"));
        const json& info = res["medicalInsuranceInfoProvisionInfo"];
        QCOMPARE(info["infoKind"].get<std::string>(), std::string("TKK"));
        QCOMPARE(info["personId"].get<std::string>(), std::string("P0001"));
        const json& first = info["data"]["SpecificHealthCheckupInfos"][0];
        QCOMPARE(first["CheckupKind"].get<std::string>(), std::string("10"));
        std::set<std::string> codes;
        for (const auto& item : first["HealthCheckupResultAndQuestionInfos"]) {
            QCOMPARE(item["ItemCode"].get<std::string>().size(), std::size_t(17));
            QVERIFY(codes.insert(item["ItemCode"].get<std::string>()).second);
            QVERIFY(item["DataValue"].is_string());
        }
        // Errors in the envelope.
        QCOMPARE(c.result("P99999999999999999999").parsed()["commonHeader"]["errorCode"].get<std::string>(),
            std::string("E-PROCESS"));
        QCOMPARE(c.result(pid, 99).parsed()["commonHeader"]["errorCode"].get<std::string>(), std::string("E-PART"));
        QCOMPARE(c.requestKind("IRH", "P0001").parsed()["commonHeader"]["errorCode"].get<std::string>(),
            std::string("E-PARAM"));
        QCOMPARE(c.requestKind("TKK", "P0042").parsed()["commonHeader"]["errorCode"].get<std::string>(),
            std::string("E-PERSON"));
        json badHeader = header("IFA0303-R01", pid);
        badHeader["telegramId"] = "TL-1";
        QCOMPARE(c.resource("result", {{"commonHeader", badHeader}})
                     .parsed()["commonHeader"]["errorCode"]
                     .get<std::string>(),
            std::string("E-PARAM"));
        QCOMPARE(c.resource("status", {{"commonHeader", header("IFA0301-R01", pid)}})
                     .parsed()["commonHeader"]["errorCode"]
                     .get<std::string>(),
            std::string("E-PARAM"));
        QCOMPARE(request("POST", c.url("/online-resource-web/request"), main_->caFile().toStdString(), "{}",
                     {"Content-Type: application/json"})
                     .status,
            401L);
    }

    void pagingCoversEveryRecordOnce()
    {
        Client c {*main_, {}, {}, {}};
        QVERIFY(c.login());
        for (int p = 0; p < 3; ++p) {
            const std::string person = stats_["persons"][p]["id"];
            const json& counts = stats_["persons"][p]["counts"];
            for (const std::string kind : {"TKK", "YZK", "PMH_VAC"}) {
                const long expected = counts[countKey(kind)].get<long>();
                const auto parts = c.fetchAll(kind, person);
                QVERIFY(!parts.empty());
                const long expectedParts = std::max(1L, (expected + 6) / 7);
                QCOMPARE(static_cast<long>(parts.size()), expectedParts);
                std::set<std::string> ids;
                long total = 0, observations = 0, lines = 0;
                for (std::size_t i = 0; i < parts.size(); ++i) {
                    QCOMPARE(parts[i]["partNumber"].get<long>(), static_cast<long>(i + 1));
                    QCOMPARE(parts[i]["totalParts"].get<long>(), expectedParts);
                    const Records rec = recordsOf(kind, parts[i]["data"]);
                    QVERIFY(rec.ids.size() <= 7);
                    QCOMPARE(static_cast<long>(rec.ids.size()), parts[i]["recordCount"].get<long>());
                    if (i + 1 < parts.size())
                        QCOMPARE(rec.ids.size(), std::size_t(7));
                    for (const auto& id : rec.ids)
                        QVERIFY2(ids.insert(id).second, id.c_str());
                    total += static_cast<long>(rec.ids.size());
                    observations += rec.observations;
                    lines += rec.lines;
                }
                // /_sandbox/stats counts every YZK record served, 処方情報 included (also listed as prescriptions).
                QCOMPARE(total, expected);
                if (kind == "TKK")
                    QCOMPARE(observations, counts["observations"].get<long>());
                if (kind == "YZK")
                    QCOMPARE(lines, counts["medication_lines"].get<long>());
            }
        }
    }

    void dispensingBranches()
    {
        Client c {*main_, {}, {}, {}};
        QVERIFY(c.login());
        // Claims rows exist up to the end of the month before last (billing lag); 電子処方箋 調剤 rows for
        // the last 100 days (院外 only). A dispensing in both windows is in both branches, and every
        // 電子処方箋 dispensing has its prescription in 処方情報.
        for (const std::string person : {"P0001", "P0002", "P0003"}) {
            std::set<std::string> claimsKeys;
            long dispensed = 0, prescribed = 0;
            for (const auto& part : c.fetchAll("YZK", person)) {
                const json& data = part["data"];
                for (const auto& month : data["MeTrMonthInfs"]) {
                    QCOMPARE(month["MeTrDiHCd"].get<std::string>().size(), std::size_t(10));
                    for (const auto& d : month["DiDateInfs"]) {
                        QVERIFY(d["DiDate"].get<std::string>() < "20260901");
                        QCOMPARE(d["DiDate"].get<std::string>().substr(0, 6), month["MeTrMonth"].get<std::string>());
                        claimsKeys.insert(month["MeTrDiHCd"].get<std::string>() + d["DiDate"].get<std::string>()
                            + month["PrlsHCd"].get<std::string>());
                        std::set<std::pair<std::string, std::string>> keys;
                        for (const auto& l : d["DrugInfs"]) {
                            QCOMPARE(l["DrugC"].get<std::string>().size(), std::size_t(9));
                            QCOMPARE(l["YjCode"].get<std::string>().size(), std::size_t(12));
                            QVERIFY(keys.insert({l["RpNo"].get<std::string>(), l["LineNo"].get<std::string>()}).second);
                        }
                    }
                }
                for (const auto& month : data["CzDiInf"]["CzDiMonthInfs"]) {
                    QCOMPARE(month["CzPrCl"].get<std::string>(), std::string("2"));
                    for (const auto& d : month["CzDiDateInfs"]) {
                        QVERIFY(d["CzDiDate"].get<std::string>() >= "20260623");
                        QCOMPARE(d["CzDiDate"].get<std::string>().substr(0, 6), month["CzDiMonth"].get<std::string>());
                        for (const auto& l : d["CzDrugInfs"])
                            QCOMPARE(l["CzDrugC"].get<std::string>().size(), std::size_t(9));
                        ++dispensed;
                    }
                }
                for (const auto& month : data["ShPrInf"]["ShPrMonthInfs"])
                    prescribed += static_cast<long>(month["ShPrDateInfs"].size());
            }
            QCOMPARE(prescribed, dispensed);
            // Every 電子処方箋 dispensing before 2026-09-01 is also a claims row (same pharmacy, day, prescriber).
            for (const auto& part : c.fetchAll("YZK", person))
                for (const auto& month : part["data"]["CzDiInf"]["CzDiMonthInfs"])
                    for (const auto& d : month["CzDiDateInfs"])
                        if (d["CzDiDate"].get<std::string>() < "20260901")
                            QVERIFY(claimsKeys.count(month["CzMeTrDiHCd"].get<std::string>()
                                + d["CzDiDate"].get<std::string>() + month["CzPrlsHCd"].get<std::string>()));
        }
    }

    void dateFilter()
    {
        Client c {*main_, {}, {}, {}};
        QVERIFY(c.login());
        for (const std::string kind : {"TKK", "YZK", "PMH_VAC"}) {
            Records all;
            for (const auto& part : c.fetchAll(kind, "P0002")) {
                const Records r = recordsOf(kind, part["data"]);
                all.dates.insert(all.dates.end(), r.dates.begin(), r.dates.end());
            }
            QVERIFY(!all.dates.empty());
            const std::string from = "20200101", to = "20231231";
            long expected = 0;
            for (const auto& d : all.dates)
                expected += (d >= from && d <= to) ? 1 : 0;
            long got = 0;
            for (const auto& part : c.fetchAll(kind, "P0002", {{"startDate", from}, {"endDate", to}})) {
                for (const auto& d : recordsOf(kind, part["data"]).dates) {
                    QVERIFY(d >= from && d <= to);
                    ++got;
                }
            }
            QCOMPARE(got, expected);
        }
        QCOMPARE(c.requestKind("TKK", "P0001", {{"startDate", "20240230"}})
                     .parsed()["commonHeader"]["errorCode"]
                     .get<std::string>(),
            std::string("E-PARAM"));
        QCOMPARE(c.requestKind("TKK", "P0001", {{"startDate", "20240101"}, {"endDate", "20230101"}})
                     .parsed()["commonHeader"]["errorCode"]
                     .get<std::string>(),
            std::string("E-PARAM"));
    }

    void restrictedConsent()
    {
        Client c {*main_, {}, {}, {}};
        QVERIFY(c.login({{"persons", "P0002"}, {"info_kinds", "YZK"}}));
        QCOMPARE(c.token["persons"].size(), std::size_t(1));
        QVERIFY(!c.startProcess("YZK", "P0002").empty());
        QCOMPARE(c.requestKind("YZK", "P0001").parsed()["commonHeader"]["errorCode"].get<std::string>(),
            std::string("E-PERSON"));
        QCOMPARE(c.requestKind("TKK", "P0002").parsed()["commonHeader"]["errorCode"].get<std::string>(),
            std::string("E-CONSENT"));
    }

    void transientFaults_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<long>("status");
        QTest::newRow("http500") << QStringLiteral("http500") << 500L;
        QTest::newRow("http503") << QStringLiteral("http503") << 503L;
        QTest::newRow("http429") << QStringLiteral("http429") << 429L;
    }
    void transientFaults()
    {
        QFETCH(QString, kind);
        QFETCH(long, status);
        Client c {*main_, {}, {}, {}};
        QVERIFY(c.login());
        QVERIFY(setFaults(json::array({{{"kind", kind.toStdString()}, {"count", 2}}})));
        for (int i = 0; i < 2; ++i) {
            Reply r = c.requestKind("TKK", "P0001");
            QCOMPARE(r.status, status);
            if (status != 500)
                QCOMPARE(r.headers["retry-after"], std::string("1"));
            QVERIFY(r.parsed().contains("error"));
        }
        QVERIFY(!c.startProcess("TKK", "P0001").empty());
        // Token responses count too; the default COUNT is 1.
        QVERIFY(setFaults(json::array({{{"kind", kind.toStdString()}}})));
        QCOMPARE(c.refreshRaw(c.refresh).status, status);
        QCOMPARE(c.refreshRaw(c.refresh).status, 200L);
    }

    void faultFromCommandLine()
    {
        SandboxProcess s({QStringLiteral("--fault"), QStringLiteral("http503:1,http429")});
        QVERIFY(s.isRunning());
        Client c {s, {}, {}, {}};
        const std::string code = c.code();
        Reply r = c.exchange(code);
        QCOMPARE(r.status, 503L);
        r = c.exchange(code);
        QCOMPARE(r.status, 429L);
        QCOMPARE(r.headers["retry-after"], std::string("1"));
        QCOMPARE(c.exchange(code).status, 200L);
        const json faults = c.get("/_sandbox/faults").parsed();
        QCOMPARE(faults["faults"].size(), std::size_t(0));
        SandboxProcess bad({QStringLiteral("--fault"), QStringLiteral("nonsense")}, 3000);
        QVERIFY(!bad.isRunning());
    }

    void slowFault()
    {
        Client c {*main_, {}, {}, {}};
        QVERIFY(c.login());
        QVERIFY(setFaults(json::array({{{"kind", "slow"}}})));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!c.startProcess("TKK", "P0001").empty());
        QVERIFY(timer.elapsed() >= 400);
        timer.restart();
        QVERIFY(!c.startProcess("TKK", "P0001").empty());
        QVERIFY(timer.elapsed() < 400);
    }

    void bodyFaults()
    {
        Client c {*main_, {}, {}, {}};
        QVERIFY(c.login());
        const std::string pid = c.startProcess("YZK", "P0001");
        QVERIFY(c.waitReady(pid));
        const Reply good = c.result(pid);
        QVERIFY(good.parsed().is_object());

        QVERIFY(setFaults(json::array({{{"kind", "truncated"}, {"count", 1}}})));
        Reply r = c.result(pid);
        QCOMPARE(r.code, CURLE_PARTIAL_FILE);
        QVERIFY(r.body.size() < good.body.size());
        QCOMPARE(r.body, good.body.substr(0, r.body.size()));
        QCOMPARE(c.result(pid).body, good.body);

        QVERIFY(setFaults(json::array({{{"kind", "malformed-json"}}})));
        for (int i = 0; i < 2; ++i) { // unlimited by default
            r = c.result(pid);
            QCOMPARE(r.status, 200L);
            QVERIFY(r.parsed().is_discarded());
        }
        // Body faults only touch result.
        QCOMPARE(c.status(pid).parsed()["status"].get<std::string>(), std::string("READY"));
        clearFaults();
        QCOMPARE(c.result(pid).body, good.body);
    }

    void invalidRecords()
    {
        Client c {*main_, {}, {}, {}};
        QVERIFY(c.login());
        QVERIFY(setFaults(json::array({{{"kind", "invalid-records"}}})));
        for (const std::string kind : {"TKK", "YZK", "PMH_VAC"}) {
            const auto parts = c.fetchAll(kind, "P0001");
            QVERIFY(!parts.empty());
            long total = 0;
            std::vector<std::string> invalid;
            for (std::size_t i = 0; i < parts.size(); ++i) {
                const Records rec = recordsOf(kind, parts[i]["data"]);
                QCOMPARE(static_cast<long>(rec.ids.size()), parts[i]["recordCount"].get<long>());
                for (const auto& id : rec.ids) {
                    if (id.find("-INVALID-") != std::string::npos) {
                        QCOMPARE(i, std::size_t(0)); // part 1 only
                        invalid.push_back(id);
                    } else {
                        ++total;
                    }
                }
            }
            QCOMPARE(invalid.size(), std::size_t(4));
            const json& counts = stats_["persons"][0]["counts"];
            QCOMPARE(total, counts[countKey(kind)].get<long>());
            const json& data = parts[0]["data"];
            if (kind == "TKK") {
                const json& list = data["SpecificHealthCheckupInfos"];
                const json& bad1 = list[list.size() - 4];
                QVERIFY(!bad1.contains("EffectiveTime"));
                QCOMPARE(
                    list[list.size() - 3]["HealthCheckupResultAndQuestionInfos"][0]["DataValue"].get<std::string>(),
                    std::string("abc"));
                QCOMPARE(list[list.size() - 2]["HealthCheckupResultAndQuestionInfos"][0]["ItemCode"].get<std::string>(),
                    std::string("9Z999000000000001"));
                QCOMPARE(list[list.size() - 1]["HealthCheckupResultAndQuestionInfos"][0]["Unit"].get<std::string>(),
                    std::string("mmHg"));
            } else if (kind == "PMH_VAC") {
                const json& list = data["immunizations"];
                QVERIFY(!list[list.size() - 4].contains("vaccinationDate"));
                QVERIFY(list[list.size() - 3]["doseNumber"].is_string());
                QCOMPARE(list[list.size() - 1]["vaccinationDate"].get<std::string>(), std::string("2026-02-30"));
            }
        }
    }

    void expiredTokenFault()
    {
        Client c {*main_, {}, {}, {}};
        QVERIFY(c.login());
        QVERIFY(setFaults(json::array({{{"kind", "expired-token"}}})));
        QCOMPARE(c.requestKind("TKK", "P0001").status, 401L);
        // The token stays expired until the client refreshes.
        QCOMPARE(c.requestKind("TKK", "P0001").status, 401L);
        const Reply r = c.refreshRaw(c.refresh);
        QCOMPARE(r.status, 200L);
        c.access = r.parsed()["access_token"];
        QVERIFY(!c.startProcess("TKK", "P0001").empty());
    }

    void revokedConsentFault()
    {
        Client c {*main_, {}, {}, {}};
        QVERIFY(c.login());
        QVERIFY(setFaults(json::array({{{"kind", "revoked-consent"}}})));
        QCOMPARE(c.requestKind("TKK", "P0001").parsed()["commonHeader"]["errorCode"].get<std::string>(),
            std::string("E-CONSENT"));
        const Reply r = c.refreshRaw(c.refresh);
        QCOMPARE(r.status, 400L);
        QCOMPARE(r.parsed().value("error", ""), std::string("invalid_grant"));
        QCOMPARE(r.parsed().value("error_description", ""), std::string("consent revoked"));
        clearFaults();
        QVERIFY(!c.startProcess("TKK", "P0001").empty());
    }

    void faultControlValidation()
    {
        Client c {*main_, {}, {}, {}};
        QCOMPARE(c.postJson("/_sandbox/faults", {{"faults", {{{"kind", "meteor"}}}}}).status, 400L);
        QCOMPARE(c.postJson("/_sandbox/faults", {{"faults", {{{"kind", "slow"}, {"count", 0}}}}}).status, 400L);
        QCOMPARE(c.postJson("/_sandbox/clock", {{"advance_seconds", "soon"}}).status, 400L);
        QVERIFY(setFaults(json::array({{{"kind", "http500"}, {"count", 3}}, {{"kind", "truncated"}}})));
        const json listed = c.get("/_sandbox/faults").parsed();
        QCOMPARE(listed["faults"].size(), std::size_t(2));
        QCOMPARE(listed["faults"][0]["remaining"].get<int>(), 3);
        QCOMPARE(listed["faults"][1]["remaining"].get<int>(), -1);
        clearFaults();
        QCOMPARE(c.get("/_sandbox/faults").parsed()["faults"].size(), std::size_t(0));
        QCOMPARE(c.get("/no/such/thing").status, 404L);
    }
};

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "TestSandboxServer.moc"
