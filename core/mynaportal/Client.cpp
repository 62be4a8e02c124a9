#include "core/mynaportal/Client.h"

#include "core/crypto/SecretBytes.h"
#include "core/mynaportal/LoopbackRedirect.h"
#include "core/mynaportal/ResultEnvelope.h"
#include "core/net/Url.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <array>
#include <ctime>

namespace techo::mynaportal {
namespace {

using nlohmann::json;

constexpr const char* kAuthorizePath = "/online-authorization-web/oauth/authorize";
constexpr const char* kTokenPath = "/online-authorization-web/oauth/token";
constexpr const char* kRequestPath = "/online-resource-web/request";
constexpr const char* kStatusPath = "/online-resource-web/status";
constexpr const char* kResultPath = "/online-resource-web/result";

std::string base64Url(const unsigned char* data, std::size_t size)
{
    std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::string randomToken(std::size_t bytes)
{
    std::vector<unsigned char> buffer(bytes);
    randombytes_buf(buffer.data(), buffer.size());
    return base64Url(buffer.data(), buffer.size());
}

std::string s256(const std::string& verifier)
{
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest {};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size());
    return base64Url(digest.data(), digest.size());
}

Error protocolError(const std::string& what)
{
    return makeError(ErrorCode::Network, "unexpected answer from the API: " + what);
}

std::optional<json> parseObject(const std::string& body)
{
    json parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return std::nullopt;
    return parsed;
}

std::string stringField(const json& object, const char* key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string yyyymmdd(domain::Date date)
{
    std::string iso = domain::formatDate(date);
    return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

// An ISO 8601 instant with an offset (2026-04-01T00:00:00+09:00) to UTC seconds.
std::optional<domain::Timestamp> parseOffsetTimestamp(const std::string& text)
{
    if (text.size() == 20 && text.back() == 'Z')
        return domain::parseTimestamp(text);
    if (text.size() != 25 || (text[19] != '+' && text[19] != '-') || text[22] != ':')
        return std::nullopt;
    auto local = domain::parseTimestamp(text.substr(0, 19) + "Z");
    if (!local)
        return std::nullopt;
    const int hours = std::atoi(text.substr(20, 2).c_str());
    const int minutes = std::atoi(text.substr(23, 2).c_str());
    const auto offset = std::chrono::hours(hours) + std::chrono::minutes(minutes);
    return text[19] == '+' ? *local - offset : *local + offset;
}

ClientConfig withClock(ClientConfig config)
{
    if (!config.http.clock)
        config.http.clock = net::Clock::system();
    return config;
}

constexpr const char* kPartNumberPath = "$.medicalInsuranceInfoProvisionInfo.partNumber";
constexpr const char* kTotalPartsPath = "$.medicalInsuranceInfoProvisionInfo.totalParts";

// The client's paging rules for part `requested`, after parts that announced `totalSoFar` (0 before part 1).
// readResultEnvelope has already checked the fields' types and that partNumber <= totalParts.
Status checkPaging(const ResultEnvelope& envelope, int requested, int totalSoFar)
{
    if (envelope.partNumber != requested)
        return makeError(ErrorCode::InvalidData,
            std::string(kPartNumberPath) + " is " + std::to_string(envelope.partNumber) + ", but part "
                + std::to_string(requested) + " was requested")
            .withKey("import.part_mismatch")
            .with("path", kPartNumberPath)
            .with("requested", std::to_string(requested))
            .with("received", std::to_string(envelope.partNumber));
    if (envelope.totalParts > Client::kMaxParts)
        return makeError(ErrorCode::InvalidData,
            std::string(kTotalPartsPath) + " is " + std::to_string(envelope.totalParts) + ", more than the "
                + std::to_string(Client::kMaxParts) + " parts Techo accepts")
            .withKey("import.too_many_parts")
            .with("path", kTotalPartsPath)
            .with("received", std::to_string(envelope.totalParts))
            .with("maximum", std::to_string(Client::kMaxParts));
    if (totalSoFar != 0 && envelope.totalParts != totalSoFar)
        return makeError(ErrorCode::InvalidData,
            std::string(kTotalPartsPath) + " changed from " + std::to_string(totalSoFar) + " to "
                + std::to_string(envelope.totalParts) + " between parts")
            .withKey("import.parts_changed")
            .with("path", kTotalPartsPath)
            .with("before", std::to_string(totalSoFar))
            .with("received", std::to_string(envelope.totalParts));
    return {};
}

} // namespace

Client::Client(ClientConfig config)
    : m_config(withClock(std::move(config)))
    , m_clock(m_config.http.clock)
    , m_http(m_config.http)
{
    while (!m_config.baseUrl.empty() && m_config.baseUrl.back() == '/')
        m_config.baseUrl.pop_back();
}

Client::~Client()
{
    sodium_memzero(m_accessToken.data(), m_accessToken.size());
    sodium_memzero(m_refreshToken.data(), m_refreshToken.size());
}

void Client::setRetryObserver(std::function<void(const net::RetryEvent&)> observer)
{
    m_http.setRetryObserver(std::move(observer));
}

Result<std::string> Client::authorizeUrl(const PendingAuthorization& pending, bool autoApprove) const
{
    TECHO_ASSIGN(net::Url url, net::Url::parse(m_config.baseUrl + kAuthorizePath));
    net::FormFields query = {
        {"response_type", "code"},
        {"client_id", m_config.clientId},
        {"redirect_uri", pending.redirectUri},
        {"state", pending.state},
        {"login_type", "0"},
        {"code_challenge", s256(pending.verifier)},
        {"code_challenge_method", "S256"},
    };
    if (autoApprove)
        query.emplace_back("sandbox_auto_approve", "1");
    TECHO_TRY(url.appendQuery(query));
    return url.toString();
}

Status Client::finishAuthorization(const PendingAuthorization& pending,
    const std::map<std::string, std::string>& params, const net::CancelToken* cancel)
{
    const auto code = params.find("code");
    const auto returnedState = params.find("state");
    if (code != params.end() && code->second == "access_denied")
        return makeError(ErrorCode::Network, "the person declined to give Techo access").withKey("net.access_declined");
    if (returnedState != params.end() && returnedState->second == "Certificate expired")
        return makeError(ErrorCode::Network, "the マイナンバーカード certificate has expired")
            .withKey("net.card_expired");
    if (returnedState == params.end() || returnedState->second != pending.state)
        return protocolError("the authorization state does not match (possible forgery)");
    if (code == params.end() || code->second.empty())
        return protocolError("no authorization code");
    return exchangeToken(
        {{"grant_type", "authorization_code"}, {"code", code->second}, {"redirect_uri", pending.redirectUri},
            {"client_id", m_config.clientId}, {"code_verifier", pending.verifier}},
        cancel);
}

Status Client::authorize(const net::CancelToken* cancel)
{
    if (!crypto::ensureSodium())
        return makeError(ErrorCode::Internal, "libsodium could not be initialised");
    const PendingAuthorization pending {randomToken(32), randomToken(16), m_config.redirectUri};
    net::HttpRequest request;
    TECHO_ASSIGN(request.url, authorizeUrl(pending, m_config.sandboxAutoApprove));
    TECHO_ASSIGN(const net::HttpResponse response, m_http.send(request, cancel));
    if (response.status != 302 && response.status != 303)
        return protocolError("authorization returned HTTP " + std::to_string(response.status));
    const auto location = response.header("location");
    if (!location || !location->starts_with(pending.redirectUri))
        return protocolError("authorization did not redirect to this application");
    auto redirect = net::Url::parse(*location);
    if (!redirect.ok())
        return protocolError("the authorization redirect is not a URL");
    return finishAuthorization(pending, redirect->queryParameters(), cancel);
}

Status Client::authorizeInBrowser(
    const BrowserOpener& openBrowser, std::chrono::milliseconds timeout, const net::CancelToken* cancel)
{
    if (!crypto::ensureSodium())
        return makeError(ErrorCode::Internal, "libsodium could not be initialised");
    TECHO_ASSIGN(auto listener, LoopbackRedirect::listen());
    const PendingAuthorization pending {randomToken(32), randomToken(16), listener->redirectUri()};
    TECHO_ASSIGN(const std::string url, authorizeUrl(pending, false));
    TECHO_TRY(openBrowser(url));
    TECHO_ASSIGN(const auto params, listener->waitForRedirect(pending.state, timeout, cancel));
    return finishAuthorization(pending, params, cancel);
}

Status Client::exchangeToken(
    const std::vector<std::pair<std::string, std::string>>& form, const net::CancelToken* cancel)
{
    net::HttpRequest request;
    request.method = "POST";
    request.url = m_config.baseUrl + kTokenPath;
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
    request.body = net::formEncode(form);
    TECHO_ASSIGN(const net::HttpResponse response, m_http.send(request, cancel));
    const auto body = parseObject(response.body);
    if (response.status != 200) {
        const std::string error = body ? stringField(*body, "error") : std::string();
        const std::string description = body ? stringField(*body, "error_description") : std::string();
        if (error == "invalid_grant" && description.find("consent") != std::string::npos)
            return makeError(ErrorCode::Network,
                "access to the health data has ended (" + description + "); authorise Techo again on Mynaportal")
                .withKey("net.consent_ended");
        return makeError(ErrorCode::Network,
            "the token request was refused (HTTP " + std::to_string(response.status)
                + (error.empty() ? "" : ", " + error) + ")");
    }
    if (!body)
        return protocolError("the token response is not JSON");
    m_accessToken = stringField(*body, "access_token");
    if (const std::string refreshToken = stringField(*body, "refresh_token"); !refreshToken.empty())
        m_refreshToken = refreshToken;
    if (m_accessToken.empty())
        return protocolError("the token response has no access_token");
    m_consentExpiresAt = parseOffsetTimestamp(stringField(*body, "consent_expires_at"));
    if (const auto persons = body->find("persons"); persons != body->end() && persons->is_array()) {
        m_persons.clear();
        for (const json& p : *persons) {
            if (!p.is_object())
                continue;
            RemotePerson person;
            person.info.sourcePersonId = stringField(p, "id");
            person.info.name = stringField(p, "name");
            person.info.birthDate = domain::parseDate(stringField(p, "birth_date"));
            const std::string sex = stringField(p, "sex");
            if (sex == "male")
                person.info.sex = domain::Sex::Male;
            else if (sex == "female")
                person.info.sex = domain::Sex::Female;
            person.info.relationship = stringField(p, "relationship") == "family" ? domain::Relationship::Family
                                                                                  : domain::Relationship::Self;
            if (!person.info.sourcePersonId.empty())
                m_persons.push_back(std::move(person));
        }
    }
    return {};
}

Status Client::refresh(const net::CancelToken* cancel)
{
    if (m_refreshToken.empty())
        return makeError(ErrorCode::Network, "the access token expired and cannot be refreshed; authorise again")
            .withKey("net.consent_ended");
    return exchangeToken(
        {{"grant_type", "refresh_token"}, {"refresh_token", m_refreshToken}, {"client_id", m_config.clientId}}, cancel);
}

std::string Client::nextTelegramId()
{
    // TL-<8 digits of the SP id>-<YYMMDDHHMMSS>-<4-digit sequence>, the shape public clients send.
    std::string digits;
    for (char c : m_config.clientId.substr(0, m_config.clientId.find('_')))
        if (c >= '0' && c <= '9')
            digits.push_back(c);
    digits = (digits + "00000000").substr(0, 8);
    const std::time_t now = std::chrono::system_clock::to_time_t(m_clock->wallNow());
    std::tm utc {};
    gmtime_r(&now, &utc);
    char stamp[16];
    std::strftime(stamp, sizeof stamp, "%y%m%d%H%M%S", &utc);
    char sequence[8];
    std::snprintf(sequence, sizeof sequence, "%04d", ++m_telegramSequence % 10000);
    return "TL-" + digits + "-" + stamp + "-" + sequence;
}

Result<std::string> Client::callResource(
    const std::string& path, const std::string& body, bool repeatable, const net::CancelToken* cancel)
{
    bool refreshed = false;
    while (true) {
        net::HttpRequest request;
        request.method = "POST";
        request.url = m_config.baseUrl + path;
        request.headers = {{"Authorization", "Bearer " + m_accessToken},
            {"Content-Type", "application/json; charset=utf-8"}, {"Accept", "application/json"}};
        request.body = body;
        request.repeatable = repeatable;
        TECHO_ASSIGN(net::HttpResponse response, m_http.send(request, cancel));
        if (response.status == 401 && !refreshed) {
            refreshed = true; // one refresh per call: a second 401 means the grant itself is gone
            TECHO_TRY(refresh(cancel));
            continue;
        }
        if (response.status == 401)
            return makeError(ErrorCode::Network, "the API rejected the access token even after a refresh");
        if (response.status != 200)
            return makeError(ErrorCode::Network, "the API answered HTTP " + std::to_string(response.status));
        return std::move(response.body);
    }
}

Status Client::fetch(InfoKind kind, const std::string& personId, std::optional<domain::Date> from,
    std::optional<domain::Date> to, const PartHandler& onPart, const net::CancelToken* cancel)
{
    if (m_accessToken.empty())
        return makeError(ErrorCode::Usage, "not authorised");

    json reqInfo = {{"infoKind", std::string(infoKindCode(kind))}, {"personId", personId}};
    if (from)
        reqInfo["startDate"] = yyyymmdd(*from);
    if (to)
        reqInfo["endDate"] = yyyymmdd(*to);
    json request = {{"commonHeader",
                        {{"telegramId", nextTelegramId()}, {"telegramType", "IFA0301-R01"}, {"mode", "1"},
                            {"processId", ""}, {"errorCode", ""}}},
        {"medicalInsuranceInfoReqInfo", reqInfo}};
    // Not repeatable: a second data request would start a second job on the server.
    TECHO_ASSIGN(const std::string requestAnswer, callResource(kRequestPath, request.dump(), false, cancel));
    const auto answer = parseObject(requestAnswer);
    if (!answer || !answer->contains("commonHeader") || !(*answer)["commonHeader"].is_object())
        return protocolError("the request answer has no commonHeader");
    const json& header = (*answer)["commonHeader"];
    if (const std::string error = stringField(header, "errorCode"); !error.empty())
        return makeError(ErrorCode::Network,
            "the API refused the request (" + error + ")"
                + (stringField(header, "errorMessage").empty() ? std::string()
                                                               : ": " + stringField(header, "errorMessage")));
    const std::string processId = stringField(header, "processId");
    if (processId.empty())
        return protocolError("no processId");

    auto telegram = [&](const char* type) {
        return json {{"telegramId", nextTelegramId()}, {"telegramType", type}, {"mode", "1"}, {"processId", processId},
            {"errorCode", ""}};
    };

    // The real service pushes a completion notice to a server; a desktop app polls status instead.
    const auto deadline = m_clock->now() + m_config.pollTimeout;
    while (true) {
        const json statusRequest = {{"commonHeader", telegram("IFA0302-R01")}};
        TECHO_ASSIGN(const std::string statusBody, callResource(kStatusPath, statusRequest.dump(), true, cancel));
        const auto status = parseObject(statusBody);
        if (!status)
            return protocolError("the status answer is not JSON");
        const json& statusHeader = status->value("commonHeader", json::object());
        if (const std::string error = stringField(statusHeader, "errorCode"); !error.empty() && error != "E-NOTREADY")
            return makeError(ErrorCode::Network, "the API refused the request (" + error + ")");
        std::string state = stringField(*status, "status");
        if (state.empty())
            state = stringField(statusHeader, "status");
        if (state == "READY")
            break;
        if (state == "ERROR")
            return makeError(ErrorCode::Network, "the API could not prepare the data");
        if (m_clock->now() >= deadline)
            return makeError(ErrorCode::Network, "the API did not prepare the data in time");
        if (m_clock->sleepFor(m_config.pollInterval, cancel))
            return makeError(ErrorCode::Cancelled, "cancelled");
    }

    int totalParts = 1;
    for (int part = 1; part <= totalParts; ++part) {
        if (cancel != nullptr && cancel->isCancelled())
            return makeError(ErrorCode::Cancelled, "cancelled");
        const json resultRequest = {{"commonHeader", telegram("IFA0303-R01")}, {"partNumber", part}};
        TECHO_ASSIGN(const std::string body, callResource(kResultPath, resultRequest.dump(), true, cancel));
        // The envelope is checked before the part is handed over, so a wrong part never reaches the importer.
        TECHO_ASSIGN(const ResultEnvelope envelope, readResultEnvelope(body, kind));
        TECHO_TRY(checkPaging(envelope, part, part == 1 ? 0 : totalParts));
        TECHO_ASSIGN(const int announced, onPart(body, part));
        if (announced != envelope.totalParts)
            return makeError(ErrorCode::Internal, "the part handler announced another totalParts than the envelope");
        totalParts = envelope.totalParts;
    }
    return {};
}

} // namespace techo::mynaportal
