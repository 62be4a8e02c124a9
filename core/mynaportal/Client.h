#pragma once

#include "core/domain/Dates.h"
#include "core/domain/RecordBatch.h"
#include "core/mynaportal/ResultMapping.h"
#include "core/net/HttpClient.h"
#include "core/util/Result.h"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace techo::mynaportal {

struct ClientConfig {
    std::string baseUrl; // e.g. https://127.0.0.1:8443 (the sandbox)
    std::string clientId = "SP00000001_AA0001"; // SPnnnnnnnn_AAnnnn, as the real API issues them
    std::string redirectUri = "http://127.0.0.1:53682/callback"; // RFC 8252 loopback redirect
    net::HttpOptions http; // http.clock also times the status polling (nullptr = the real clocks)
    std::chrono::milliseconds pollInterval {250};
    std::chrono::milliseconds pollTimeout {360'000}; // the public clients wait up to 6 minutes
    // The sandbox approves without a browser when asked (authorize()); the real API needs the person's
    // マイナンバーカード login in a browser (authorizeInBrowser()).
    bool sandboxAutoApprove = true;
};

// A person the token covers (the user, or family members they act for as 代理人).
struct RemotePerson {
    domain::PersonInfo info;
};

// The Mynaportal-style API: OAuth 2.0 authorization code with PKCE (S256), token refresh, and the
// asynchronous request → status → result telegram cycle with paging. Tokens live only in memory.
// Retries: the token exchange, the refresh and the data request are never repeated once they reached
// the server (HttpClient's POST rule); the status and result telegrams only read, so they are sent as
// repeatable and get HttpClient's retries. A 401 leads to one refresh and one resend of that call.
class Client final {
public:
    explicit Client(ClientConfig config);
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    // Sandbox only: the authorize step approves without a browser (sandboxAutoApprove).
    [[nodiscard]] Status authorize(const net::CancelToken* cancel = nullptr);
    // The real flow for a desktop app: listens on a loopback port, hands the authorize URL to
    // openBrowser (the person logs in and consents there) and takes the code from the redirect.
    using BrowserOpener = std::function<Status(const std::string& url)>;
    [[nodiscard]] Status authorizeInBrowser(
        const BrowserOpener& openBrowser, std::chrono::milliseconds timeout, const net::CancelToken* cancel = nullptr);
    [[nodiscard]] const std::vector<RemotePerson>& persons() const noexcept { return m_persons; }
    [[nodiscard]] std::optional<domain::Timestamp> consentExpiresAt() const noexcept { return m_consentExpiresAt; }

    // Receives each raw /result body as it arrives, maps and imports it (nothing is held here), and
    // returns the part count that body announced (its totalParts), so the body is mapped only once.
    using PartHandler = std::function<Result<int>(std::string_view body, int partNumber)>;
    // At most this many parts per kind and person (totalParts): 2,000,000 records at the sandbox's
    // default page size of 200. More is a broken or hostile server that would keep an import fetching for
    // ever (readResultEnvelope alone accepts up to 1,000,000).
    static constexpr int kMaxParts = 10'000;
    // Retrieves every part of one kind for one person. A 401 triggers one token refresh.
    // Before handing a part over, reads its envelope (readResultEnvelope: kind, person, paging fields) and
    // checks the paging: partNumber must be the part requested, totalParts at most kMaxParts and the same
    // in every part; a mismatch is InvalidData naming the JSON field
    // ($.medicalInsuranceInfoProvisionInfo.partNumber / .totalParts), as are readResultEnvelope's own
    // errors. Other errors: Usage (not authorised), Network (API errors, polling timeout), Cancelled, and
    // the handler's.
    [[nodiscard]] Status fetch(InfoKind kind, const std::string& personId, std::optional<domain::Date> from,
        std::optional<domain::Date> to, const PartHandler& onPart, const net::CancelToken* cancel = nullptr);

    void setRetryObserver(std::function<void(const net::RetryEvent&)> observer);

private:
    struct PendingAuthorization {
        std::string verifier;
        std::string state;
        std::string redirectUri;
    };
    [[nodiscard]] Result<std::string> authorizeUrl(const PendingAuthorization& pending, bool autoApprove) const;
    [[nodiscard]] Status finishAuthorization(const PendingAuthorization& pending,
        const std::map<std::string, std::string>& redirectParams, const net::CancelToken* cancel);
    [[nodiscard]] Status exchangeToken(
        const std::vector<std::pair<std::string, std::string>>& form, const net::CancelToken* cancel);
    [[nodiscard]] Status refresh(const net::CancelToken* cancel);
    [[nodiscard]] Result<std::string> callResource(
        const std::string& path, const std::string& body, bool repeatable, const net::CancelToken* cancel);
    [[nodiscard]] std::string nextTelegramId();

    ClientConfig m_config;
    std::shared_ptr<net::Clock> m_clock;
    net::HttpClient m_http;
    std::string m_accessToken; // never logged
    std::string m_refreshToken; // never logged
    std::optional<domain::Timestamp> m_consentExpiresAt;
    std::vector<RemotePerson> m_persons;
    int m_telegramSequence = 0;
};

} // namespace techo::mynaportal
