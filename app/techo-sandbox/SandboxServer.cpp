#include "SandboxServer.h"

#include <httplib.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <stdexcept>
#include <thread>

#include "ConsentPage.h"

namespace techo::sandbox {
namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

const std::string kAuthorizePath = "/online-authorization-web/oauth/authorize";
const std::string kApprovePath = "/online-authorization-web/oauth/approve";
const std::string kTokenPath = "/online-authorization-web/oauth/token";
constexpr std::int64_t kCodeLifetimeMs = 300 * 1000;

// `bytes` random bytes as 2·bytes upper-case hex digits (OpenSSL's encoder, no separator).
std::string randomHex(std::size_t bytes)
{
    std::vector<unsigned char> buf(bytes);
    if (RAND_bytes(buf.data(), static_cast<int>(buf.size())) != 1)
        throw std::runtime_error("RAND_bytes failed");
    std::string out(2 * bytes + 1, '\0');
    std::size_t length = 0;
    if (OPENSSL_buf2hexstr_ex(out.data(), out.size(), &length, buf.data(), buf.size(), '\0') != 1)
        throw std::runtime_error("OPENSSL_buf2hexstr_ex failed");
    out.resize(length > 0 ? length - 1 : 0); // length counts the terminating NUL
    return out;
}

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

std::string urlEncode(const std::string& text)
{
    static const char* const digits = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        if (isUnreserved(c)) {
            out += c;
        } else {
            const auto b = static_cast<unsigned char>(c);
            out += '%';
            out += digits[b >> 4U];
            out += digits[b & 0x0FU];
        }
    }
    return out;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string urlDecode(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 && hexValue(text[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

httplib::Params parseForm(const std::string& body)
{
    httplib::Params params;
    std::size_t pos = 0;
    while (pos < body.size()) {
        std::size_t amp = body.find('&', pos);
        if (amp == std::string::npos)
            amp = body.size();
        const std::string pair = body.substr(pos, amp - pos);
        const std::size_t eq = pair.find('=');
        if (!pair.empty())
            params.emplace(
                urlDecode(pair.substr(0, eq)), eq == std::string::npos ? "" : urlDecode(pair.substr(eq + 1)));
        pos = amp + 1;
    }
    return params;
}

std::optional<std::string> param(const httplib::Params& params, const std::string& name)
{
    const auto it = params.find(name);
    if (it == params.end())
        return std::nullopt;
    return it->second;
}

std::string joinAll(const httplib::Params& params, const std::string& name)
{
    std::string out;
    auto [begin, end] = params.equal_range(name);
    for (auto it = begin; it != end; ++it)
        out += (out.empty() ? "" : ",") + it->second;
    return out;
}

std::vector<std::string> split(const std::string& text, char sep)
{
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t next = text.find(sep, pos);
        const std::string item = text.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
        if (!item.empty())
            out.push_back(item);
        if (next == std::string::npos)
            break;
        pos = next + 1;
    }
    return out;
}

bool allDigits(const std::string& s, std::size_t from, std::size_t count)
{
    if (s.size() < from + count)
        return false;
    for (std::size_t i = from; i < from + count; ++i)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

// SPnnnnnnnn_AAnnnn
bool isClientId(const std::string& s)
{
    return s.size() == 17 && s.compare(0, 2, "SP") == 0 && allDigits(s, 2, 8) && s.compare(10, 3, "_AA") == 0
        && allDigits(s, 13, 4);
}

// http://127.0.0.1:PORT/… (RFC 8252 loopback redirect; the port is the client's own listener)
bool isLoopbackRedirect(const std::string& s)
{
    const std::string prefix = "http://127.0.0.1:";
    if (s.compare(0, prefix.size(), prefix) != 0)
        return false;
    std::size_t i = prefix.size();
    std::size_t digits = 0;
    long port = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 6) {
        port = port * 10 + (s[i] - '0');
        ++i;
        ++digits;
    }
    return digits > 0 && port >= 1 && port <= 65535 && i < s.size() && s[i] == '/' && s.find('#') == std::string::npos;
}

bool isPkceString(const std::string& s)
{
    if (s.size() < 43 || s.size() > 128)
        return false;
    for (char c : s)
        if (!isUnreserved(c))
            return false;
    return true;
}

std::string s256(const std::string& verifier)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(verifier.data(), verifier.size(), digest, &len, EVP_sha256(), nullptr);
    static const char* const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    unsigned int bits = 0;
    int count = 0;
    for (unsigned int i = 0; i < len; ++i) {
        bits = (bits << 8U) | digest[i];
        count += 8;
        while (count >= 6) {
            count -= 6;
            out += alphabet[(bits >> static_cast<unsigned>(count)) & 0x3FU];
        }
    }
    if (count > 0)
        out += alphabet[(bits << static_cast<unsigned>(6 - count)) & 0x3FU];
    return out;
}

// "telegramId":"TL-<8 digits>-YYMMDDHHMMSS-nnnn" (29 characters)
bool isTelegramId(const std::string& s)
{
    return s.size() == 29 && s.compare(0, 3, "TL-") == 0 && allDigits(s, 3, 8) && s[11] == '-' && allDigits(s, 12, 12)
        && s[24] == '-' && allDigits(s, 25, 4);
}

std::string isoJst(std::int64_t ms)
{
    const std::time_t t = static_cast<std::time_t>(ms / 1000 + 9 * 3600);
    std::tm tm {};
    gmtime_r(&t, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+09:00", &tm);
    return buf;
}

void sendJson(httplib::Response& res, int status, const ojson& body)
{
    res.status = status;
    res.set_content(body.dump(), "application/json; charset=utf-8");
}

void sendError(httplib::Response& res, int status, const std::string& error, const std::string& description)
{
    if (status == 401)
        res.set_header("WWW-Authenticate", "Bearer error=\"" + error + "\"");
    res.set_header("Cache-Control", "no-store");
    sendJson(res, status, ojson {{"error", error}, {"error_description", description}});
}

std::string kindsScope(const std::set<InfoKind>& kinds)
{
    std::string out;
    for (InfoKind k : kinds)
        out += (out.empty() ? "" : " ") + infoKindName(k);
    return out;
}

} // namespace

struct SandboxServer::AuthorizeParams {
    std::string clientId, redirectUri, state, challenge;
    std::vector<int> persons;
    std::set<InfoKind> kinds;
    int consentDays = 90;
};

SandboxServer::SandboxServer(const SandboxOptions& options, const ReferenceData& ref, std::vector<FaultSpec> faults)
    : m_options(options)
    , m_ref(ref)
    , m_generator(ref, GeneratorConfig {options.seed, options.persons, options.years})
    , m_omitInvented(options.omitInventedFields)
{
    m_faults.replace(std::move(faults));
}

SandboxServer::~SandboxServer() = default;

std::int64_t SandboxServer::nowMs() const
{
    const auto wall
        = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
              .count();
    return static_cast<std::int64_t>(wall) + m_clockOffsetSeconds.load() * 1000;
}

std::optional<int> SandboxServer::personIndex(const std::string& id) const
{
    if (id.size() < 5 || id[0] != 'P' || !allDigits(id, 1, id.size() - 1) || id.size() > 10)
        return std::nullopt;
    const int n = std::stoi(id.substr(1));
    if (n < 1 || n > m_options.persons)
        return std::nullopt;
    // Reject other spellings of the same number (P01 vs P0001).
    char canonical[16];
    std::snprintf(canonical, sizeof canonical, "P%04d", n);
    if (id != canonical)
        return std::nullopt;
    return n - 1;
}

int SandboxServer::bind(const TlsMaterial* tls)
{
    if (m_options.http) {
        m_server = std::make_unique<httplib::Server>();
    } else {
        if (!tls)
            throw std::runtime_error("TLS material missing");
        m_server = std::make_unique<httplib::SSLServer>(tls->cert.get(), tls->key.get());
    }
    if (!m_server->is_valid())
        throw std::runtime_error("cannot set up the HTTP server (bad certificate or key?)");
    m_server->set_read_timeout(10, 0);
    // Small JSON answers would otherwise wait ~40 ms on Nagle + delayed ACK for every call.
    m_server->set_tcp_nodelay(true);
    m_server->set_payload_max_length(1024 * 1024);
    routes();
    int port = m_options.port;
    if (port == 0) {
        port = m_server->bind_to_any_port("127.0.0.1");
        if (port <= 0)
            throw std::runtime_error("cannot bind 127.0.0.1 to a free port");
    } else if (!m_server->bind_to_port("127.0.0.1", port)) {
        throw std::runtime_error("cannot bind 127.0.0.1:" + std::to_string(port));
    }
    return port;
}

bool SandboxServer::listen()
{
    return m_server->listen_after_bind();
}

void SandboxServer::stop()
{
    if (m_server)
        m_server->stop();
}

void SandboxServer::routes()
{
    auto& s = *m_server;
    if (m_options.verbose) {
        // Method, path and status only: no query strings, bodies or headers (they hold codes and data).
        s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
            std::fprintf(stderr, "%s %s %d\n", req.method.c_str(), req.path.c_str(), res.status);
        });
    }
    s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (res.body.empty() && res.status == 404)
            sendJson(res, 404, ojson {{"error", "not_found"}, {"error_description", "no such endpoint"}});
    });
    s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        sendJson(res, 500, ojson {{"error", "server_error"}, {"error_description", "internal error"}});
    });

    s.Get(kAuthorizePath, [this](const httplib::Request& req, httplib::Response& res) { authorize(req, res); });
    s.Post(kApprovePath, [this](const httplib::Request& req, httplib::Response& res) { approve(req, res); });
    s.Post(kTokenPath, [this](const httplib::Request& req, httplib::Response& res) { token(req, res); });
    s.Post("/online-resource-web/request",
        [this](const httplib::Request& req, httplib::Response& res) { resource(req, res, Stage::Request); });
    s.Post("/online-resource-web/status",
        [this](const httplib::Request& req, httplib::Response& res) { resource(req, res, Stage::Status); });
    s.Post("/online-resource-web/result",
        [this](const httplib::Request& req, httplib::Response& res) { resource(req, res, Stage::Result); });

    s.Get("/_sandbox/stats", [this](const httplib::Request&, httplib::Response& res) { stats(res); });
    s.Get("/_sandbox/faults",
        [this](const httplib::Request&, httplib::Response& res) { sendJson(res, 200, m_faults.toJson()); });
    s.Delete("/_sandbox/faults", [this](const httplib::Request&, httplib::Response& res) {
        m_faults.clear();
        sendJson(res, 200, m_faults.toJson());
    });
    s.Post("/_sandbox/faults", [this](const httplib::Request& req, httplib::Response& res) {
        const json body = json::parse(req.body, nullptr, false);
        std::string error;
        const auto specs = body.is_discarded() ? std::nullopt : Faults::parseJson(body, error);
        if (!specs) {
            sendError(res, 400, "invalid_request", body.is_discarded() ? "body is not JSON" : error);
            return;
        }
        m_faults.replace(*specs);
        sendJson(res, 200, m_faults.toJson());
    });
    // Runtime equivalent of --omit-invented-fields (docs/sandbox-api.md).
    auto optionsJson = [this] { return ojson {{"omit_invented_fields", m_omitInvented.load()}}; };
    s.Get("/_sandbox/options",
        [optionsJson](const httplib::Request&, httplib::Response& res) { sendJson(res, 200, optionsJson()); });
    s.Post("/_sandbox/options", [this, optionsJson](const httplib::Request& req, httplib::Response& res) {
        const json body = json::parse(req.body, nullptr, false);
        if (body.is_discarded() || !body.is_object() || !body.contains("omit_invented_fields")
            || !body.at("omit_invented_fields").is_boolean()) {
            sendError(res, 400, "invalid_request", "expected {\"omit_invented_fields\": true|false}");
            return;
        }
        m_omitInvented = body.at("omit_invented_fields").get<bool>();
        sendJson(res, 200, optionsJson());
    });
    auto clockJson = [this] {
        return ojson {{"now", isoJst(nowMs())}, {"offset_seconds", m_clockOffsetSeconds.load()}};
    };
    s.Get("/_sandbox/clock",
        [clockJson](const httplib::Request&, httplib::Response& res) { sendJson(res, 200, clockJson()); });
    s.Post("/_sandbox/clock", [this, clockJson](const httplib::Request& req, httplib::Response& res) {
        const json body = json::parse(req.body, nullptr, false);
        if (body.is_discarded() || !body.is_object() || !body.contains("advance_seconds")
            || !body.at("advance_seconds").is_number_integer()) {
            sendError(res, 400, "invalid_request", "expected {\"advance_seconds\": integer}");
            return;
        }
        m_clockOffsetSeconds += body.at("advance_seconds").get<std::int64_t>();
        sendJson(res, 200, clockJson());
    });
}

// ---- OAuth ---------------------------------------------------------------------------------------

void SandboxServer::authorize(const httplib::Request& req, httplib::Response& res)
{
    const httplib::Params& params = req.params;
    auto fail = [&res](const std::string& message) { sendError(res, 400, "invalid_request", message); };
    const auto responseType = param(params, "response_type");
    const auto clientId = param(params, "client_id");
    const auto redirectUri = param(params, "redirect_uri");
    const auto state = param(params, "state");
    const auto challenge = param(params, "code_challenge");
    const auto method = param(params, "code_challenge_method");
    const auto loginType = param(params, "login_type");
    if (!clientId || !isClientId(*clientId))
        return fail("client_id must look like SPnnnnnnnn_AAnnnn");
    if (!redirectUri || !isLoopbackRedirect(*redirectUri))
        return fail("redirect_uri must be a loopback URI http://127.0.0.1:PORT/path");
    if (!responseType || *responseType != "code")
        return fail("response_type must be code");
    if (!state || state->empty())
        return fail("state is required");
    if (!challenge || !isPkceString(*challenge))
        return fail("code_challenge (PKCE, 43-128 characters) is required");
    if (!method || *method != "S256")
        return fail("code_challenge_method must be S256");
    if (loginType && (loginType->empty() || !allDigits(*loginType, 0, loginType->size())))
        return fail("login_type must be a number");

    AuthorizeParams ap;
    ap.clientId = *clientId;
    ap.redirectUri = *redirectUri;
    ap.state = *state;
    ap.challenge = *challenge;
    ap.consentDays = m_options.consentDays;
    if (const auto days = param(params, "consent_days")) {
        if (days->empty() || days->size() > 3 || !allDigits(*days, 0, days->size()) || std::stoi(*days) < 1)
            return fail("consent_days must be 1-999");
        ap.consentDays = std::stoi(*days);
    }
    const std::string persons = param(params, "persons").value_or("");
    for (const auto& id : split(persons, ',')) {
        const auto index = personIndex(id);
        if (!index)
            return fail("unknown person " + id);
        ap.persons.push_back(*index);
    }
    if (ap.persons.empty() && params.count("persons") == 0)
        for (int i = 0; i < m_options.persons; ++i)
            ap.persons.push_back(i);
    const std::string kinds = param(params, "info_kinds").value_or("TKK,YZK,PMH_VAC");
    for (const auto& k : split(kinds, ',')) {
        const auto kind = parseInfoKind(k);
        if (!kind)
            return fail("unknown info kind " + k);
        ap.kinds.insert(*kind);
    }

    const std::string glue = ap.redirectUri.find('?') == std::string::npos ? "?" : "&";
    const std::string decision = param(params, "sandbox_decision").value_or("");
    if (decision == "deny") {
        res.set_redirect(ap.redirectUri + glue + "code=access_denied&state=" + urlEncode(ap.state), 302);
        return;
    }
    if (decision == "cert_expired") {
        res.set_redirect(ap.redirectUri + glue + "state=" + urlEncode("Certificate expired"), 302);
        return;
    }
    if (param(params, "sandbox_auto_approve").value_or("") == "1" || decision == "approve") {
        if (ap.persons.empty() || ap.kinds.empty())
            return fail("choose at least one person and one info kind");
        redirectWithCode(res, ap);
        return;
    }
    std::map<std::string, std::string> hidden;
    for (const char* name : {"response_type", "client_id", "redirect_uri", "state", "code_challenge",
             "code_challenge_method", "login_type"})
        if (const auto v = param(params, name))
            hidden[name] = *v;
    std::vector<Person> people;
    for (int i : ap.persons)
        people.push_back(m_generator.person(i));
    res.set_header("Cache-Control", "no-store");
    res.set_content(consentPage(hidden, people, ap.consentDays, kApprovePath), "text/html; charset=utf-8");
}

void SandboxServer::approve(const httplib::Request& req, httplib::Response& res)
{
    // The consent form posts the authorize parameters back; re-run authorize with the user's choices.
    httplib::Request forwarded;
    forwarded.params = parseForm(req.body);
    const std::string decision = param(forwarded.params, "decision").value_or("deny");
    forwarded.params.erase("decision");
    forwarded.params.erase("pin");
    forwarded.params.emplace("sandbox_decision", decision);
    forwarded.params.emplace("persons", joinAll(forwarded.params, "person"));
    forwarded.params.emplace("info_kinds", joinAll(forwarded.params, "kind"));
    forwarded.params.erase("person");
    forwarded.params.erase("kind");
    authorize(forwarded, res);
}

void SandboxServer::redirectWithCode(httplib::Response& res, const AuthorizeParams& params)
{
    const std::string code = randomHex(20);
    {
        std::lock_guard lock(m_mutex);
        m_codes[code] = AuthCode {params.clientId, params.redirectUri, params.challenge, params.persons, params.kinds,
            params.consentDays, nowMs() + kCodeLifetimeMs};
    }
    const std::string glue = params.redirectUri.find('?') == std::string::npos ? "?" : "&";
    res.set_redirect(params.redirectUri + glue + "code=" + urlEncode(code) + "&state=" + urlEncode(params.state), 302);
}

std::string SandboxServer::issueTokens(const std::string& grantId)
{
    // Caller holds m_mutex.
    const Grant& grant = m_grants.at(grantId);
    const std::string accessToken = randomHex(32);
    const std::string refreshToken = randomHex(32);
    m_access[accessToken] = Access {grantId, nowMs() + static_cast<std::int64_t>(m_options.tokenTtl) * 1000};
    m_refresh[refreshToken] = grantId;
    ojson persons = ojson::array();
    for (int i : grant.persons) {
        const Person p = m_generator.person(i);
        persons.push_back(ojson {{"id", p.id}, {"name", p.name}, {"birth_date", p.birth.iso()},
            {"sex", p.male ? "male" : "female"}, {"relationship", p.relationship}});
    }
    return ojson {{"access_token", accessToken}, {"token_type", "Bearer"}, {"expires_in", m_options.tokenTtl},
        {"refresh_token", refreshToken}, {"consent_expires_at", isoJst(grant.consentExpiresMs)},
        {"scope", kindsScope(grant.kinds)}, {"persons", std::move(persons)}}
        .dump();
}

void SandboxServer::token(const httplib::Request& req, httplib::Response& res)
{
    if (applyTransientFaults(res))
        return;
    if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) != 0)
        return sendError(res, 400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
    const httplib::Params params = parseForm(req.body);
    const std::string grantType = param(params, "grant_type").value_or("");
    const auto clientId = param(params, "client_id");
    if (!clientId)
        return sendError(res, 400, "invalid_request", "client_id is required");
    if (!isClientId(*clientId))
        return sendError(res, 401, "invalid_client", "client_id must look like SPnnnnnnnn_AAnnnn");

    if (grantType == "authorization_code") {
        const auto code = param(params, "code");
        const auto redirectUri = param(params, "redirect_uri");
        const auto verifier = param(params, "code_verifier");
        if (!code || !redirectUri || !verifier)
            return sendError(res, 400, "invalid_request", "code, redirect_uri and code_verifier are required");
        std::lock_guard lock(m_mutex);
        const auto it = m_codes.find(*code);
        if (it == m_codes.end())
            return sendError(res, 400, "invalid_grant", "unknown or already used authorization code");
        const AuthCode ac = it->second;
        m_codes.erase(it); // single use, whatever the outcome
        if (nowMs() >= ac.expiresMs)
            return sendError(res, 400, "invalid_grant", "authorization code expired");
        if (ac.clientId != *clientId)
            return sendError(res, 400, "invalid_grant", "code was issued to another client_id");
        if (ac.redirectUri != *redirectUri)
            return sendError(res, 400, "invalid_grant", "redirect_uri does not match the authorize request");
        if (!isPkceString(*verifier) || s256(*verifier) != ac.challenge)
            return sendError(res, 400, "invalid_grant", "code_verifier does not match code_challenge (S256)");
        const std::string grantId = randomHex(16);
        m_grants[grantId]
            = Grant {ac.clientId, ac.persons, ac.kinds, nowMs() + static_cast<std::int64_t>(ac.consentDays) * 86400000};
        res.set_header("Cache-Control", "no-store");
        res.set_content(issueTokens(grantId), "application/json; charset=utf-8");
        return;
    }
    if (grantType == "refresh_token") {
        const auto refreshToken = param(params, "refresh_token");
        if (!refreshToken)
            return sendError(res, 400, "invalid_request", "refresh_token is required");
        if (m_faults.take(FaultKind::RevokedConsent))
            return sendError(res, 400, "invalid_grant", "consent revoked");
        std::lock_guard lock(m_mutex);
        const auto it = m_refresh.find(*refreshToken);
        if (it == m_refresh.end())
            return sendError(res, 400, "invalid_grant", "unknown or already used refresh token");
        const std::string grantId = it->second;
        const Grant& grant = m_grants.at(grantId);
        if (grant.clientId != *clientId)
            return sendError(res, 400, "invalid_grant", "refresh token was issued to another client_id");
        m_refresh.erase(it); // rotation: a refresh token is used once
        if (nowMs() >= grant.consentExpiresMs)
            return sendError(res, 400, "invalid_grant", "consent expired");
        res.set_header("Cache-Control", "no-store");
        res.set_content(issueTokens(grantId), "application/json; charset=utf-8");
        return;
    }
    sendError(res, 400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
}

// ---- faults ----------------------------------------------------------------------------------------

bool SandboxServer::applyTransientFaults(httplib::Response& res)
{
    if (m_faults.take(FaultKind::Slow))
        std::this_thread::sleep_for(std::chrono::milliseconds(m_options.slowMs));
    if (m_faults.take(FaultKind::Http500)) {
        sendError(res, 500, "server_error", "sandbox fault http500");
        return true;
    }
    if (m_faults.take(FaultKind::Http503)) {
        res.set_header("Retry-After", "1");
        sendError(res, 503, "temporarily_unavailable", "sandbox fault http503 (upstream unavailable)");
        return true;
    }
    if (m_faults.take(FaultKind::Http429)) {
        res.set_header("Retry-After", "1");
        sendError(res, 429, "rate_limited", "sandbox fault http429 (too many requests)");
        return true;
    }
    return false;
}

// ---- resource API ----------------------------------------------------------------------------------

void SandboxServer::resource(const httplib::Request& req, httplib::Response& res, Stage stage)
{
    if (applyTransientFaults(res))
        return;
    const std::string auth = req.get_header_value("Authorization");
    if (auth.rfind("Bearer ", 0) != 0)
        return sendError(res, 401, "invalid_token", "Authorization: Bearer <access_token> is required");
    const std::string accessToken = auth.substr(7);
    std::string grantId;
    Grant grant;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_access.find(accessToken);
        if (it == m_access.end())
            return sendError(res, 401, "invalid_token", "unknown access token");
        if (nowMs() >= it->second.expiresMs)
            return sendError(res, 401, "invalid_token", "access token expired");
        grantId = it->second.grantId;
        grant = m_grants.at(grantId);
    }
    if (m_faults.take(FaultKind::ExpiredToken)) {
        std::lock_guard lock(m_mutex);
        m_access.erase(accessToken);
        return sendError(res, 401, "invalid_token", "access token expired");
    }

    const json body = json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return sendError(res, 400, "invalid_request", "body must be a JSON object");
    const char* expectedType = stage == Stage::Request ? "IFA0301-R01"
        : stage == Stage::Status                       ? "IFA0302-R01"
                                                       : "IFA0303-R01";
    const json header = body.value("commonHeader", json());
    auto headerString = [&header](const char* name, const char* fallback) {
        return header.is_object() && header.contains(name) && header.at(name).is_string()
            ? header.at(name).get<std::string>()
            : std::string(fallback);
    };
    std::string responseType = expectedType;
    responseType.replace(responseType.size() - 3, 1, "S");
    auto envelope = [&](const std::string& processId, const std::string& errorCode, const std::string& message) {
        return ojson {{"commonHeader",
            {{"telegramId", headerString("telegramId", "")}, {"telegramType", responseType},
                {"mode", headerString("mode", "1")}, {"processId", processId}, {"errorCode", errorCode},
                {"errorMessage", message}}}};
    };
    auto fail = [&](const std::string& errorCode, const std::string& message) {
        sendJson(res, 200, envelope(headerString("processId", ""), errorCode, message));
    };

    if (!header.is_object())
        return fail("E-PARAM", "commonHeader is missing");
    if (!isTelegramId(headerString("telegramId", "")))
        return fail("E-PARAM", "telegramId must look like TL-nnnnnnnn-YYMMDDHHMMSS-nnnn");
    if (headerString("telegramType", "") != expectedType)
        return fail("E-PARAM", std::string("telegramType must be ") + expectedType);
    if (m_faults.take(FaultKind::RevokedConsent))
        return fail("E-CONSENT", "consent revoked");
    if (nowMs() >= grant.consentExpiresMs)
        return fail("E-CONSENT", "consent expired");

    if (stage == Stage::Request) {
        const json info = body.value("medicalInsuranceInfoReqInfo", json());
        if (!info.is_object())
            return fail("E-PARAM", "medicalInsuranceInfoReqInfo is missing");
        const std::string kindText
            = info.value("infoKind", json()).is_string() ? info.at("infoKind").get<std::string>() : "";
        const auto kind = parseInfoKind(kindText);
        if (!kind)
            return fail("E-PARAM", "infoKind must be TKK, YZK or PMH_VAC");
        const std::string personText
            = info.value("personId", json()).is_string() ? info.at("personId").get<std::string>() : "";
        const auto person = personIndex(personText);
        if (!person)
            return fail("E-PERSON", "unknown personId");
        if (std::find(grant.persons.begin(), grant.persons.end(), *person) == grant.persons.end())
            return fail("E-PERSON", "personId is not covered by this consent");
        if (!grant.kinds.count(*kind))
            return fail("E-CONSENT", "infoKind is not covered by this consent");
        std::optional<Date> start, end;
        for (const char* name : {"startDate", "endDate"}) {
            if (!info.contains(name) || info.at(name).is_null())
                continue;
            const auto date
                = info.at(name).is_string() ? Date::parseCompact(info.at(name).get<std::string>()) : std::nullopt;
            if (!date)
                return fail("E-PARAM", std::string(name) + " must be a date YYYYMMDD");
            (std::string(name) == "startDate" ? start : end) = date;
        }
        if (start && end && *start > *end)
            return fail("E-PARAM", "startDate is after endDate");
        std::string processId;
        {
            std::lock_guard lock(m_mutex);
            char buf[32];
            std::snprintf(buf, sizeof buf, "P%020llu", static_cast<unsigned long long>(++m_processCounter));
            processId = buf;
            m_processes[processId] = Process {grantId, *kind, *person, start, end, nowMs() + m_options.processDelayMs};
        }
        return sendJson(res, 200, envelope(processId, "", ""));
    }

    const std::string processId = headerString("processId", "");
    Process process;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_processes.find(processId);
        if (it == m_processes.end() || it->second.grantId != grantId)
            return fail("E-PROCESS", "unknown processId");
        process = it->second;
    }
    const bool ready = nowMs() >= process.readyMs;
    if (stage == Stage::Status) {
        ojson out = envelope(processId, "", "");
        out["status"] = ready ? "READY" : "PROCESSING";
        return sendJson(res, 200, out);
    }
    if (!ready)
        return fail("E-NOTREADY", "the result is not ready yet; poll status");
    int part = 1;
    if (body.contains("partNumber")) {
        if (!body.at("partNumber").is_number_integer() || body.at("partNumber").get<long>() < 1
            || body.at("partNumber").get<long>() > 1000000)
            return fail("E-PARAM", "partNumber must be a positive integer");
        part = body.at("partNumber").get<int>();
    }
    const Person person = m_generator.person(process.person);
    PageRequest pr;
    pr.start = process.start;
    pr.end = process.end;
    pr.part = part;
    pr.pageSize = m_options.pageSize;
    pr.injectInvalid = part == 1 && m_faults.armed(FaultKind::InvalidRecords);
    pr.omitInvented = m_omitInvented.load();
    Page page = m_generator.page(process.kind, person, pr);
    if (part > page.totalParts)
        return fail("E-PART", "partNumber is beyond totalParts (" + std::to_string(page.totalParts) + ")");
    if (pr.injectInvalid)
        (void)m_faults.take(FaultKind::InvalidRecords);

    ojson out = envelope(processId, "", "");
    out["medicalInsuranceInfoProvisionInfo"]
        = ojson {{"infoKind", infoKindName(process.kind)}, {"personId", person.id}, {"partNumber", part},
            {"totalParts", page.totalParts}, {"recordCount", page.recordCount}, {"data", std::move(page.data)}};
    std::string text = out.dump();
    res.status = 200;
    if (m_faults.take(FaultKind::MalformedJson)) {
        text = text.substr(0, text.size() / 2) + "<<< sandbox fault: malformed-json >>>";
        res.set_content(text, "application/json; charset=utf-8");
        return;
    }
    if (m_faults.take(FaultKind::Truncated)) {
        // Announce the full length, send half, then drop the connection.
        auto shared = std::make_shared<std::string>(std::move(text));
        const std::size_t half = shared->size() / 2;
        res.set_content_provider(shared->size(), "application/json; charset=utf-8",
            [shared, half](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                if (offset >= half)
                    return false;
                return sink.write(shared->data() + offset, half - offset);
            });
        return;
    }
    res.set_content(text, "application/json; charset=utf-8");
}

// ---- stats -----------------------------------------------------------------------------------------

void SandboxServer::stats(httplib::Response& res)
{
    std::lock_guard lock(m_statsMutex);
    if (m_statsCache.empty()) {
        auto countsJson = [](const Counts& c) {
            return ojson {{"profiles", c.profiles}, {"checkups", c.checkups}, {"observations", c.observations},
                {"vaccinations", c.vaccinations}, {"dispensings", c.dispensings},
                {"medication_lines", c.medicationLines}, {"prescriptions", c.prescriptions}};
        };
        ojson persons = ojson::array();
        Counts totals;
        for (int i = 0; i < m_options.persons; ++i) {
            const Counts c = m_generator.counts(i);
            totals += c;
            char id[16];
            std::snprintf(id, sizeof id, "P%04d", i + 1);
            persons.push_back(ojson {{"id", id}, {"counts", countsJson(c)}});
        }
        m_statsCache = ojson {{"persons", std::move(persons)}, {"totals", countsJson(totals)}}.dump();
    }
    res.set_content(m_statsCache, "application/json; charset=utf-8");
}

} // namespace techo::sandbox
