#pragma once

#include "core/net/CancelToken.h"
#include "core/net/Clock.h"
#include "core/util/Result.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace techo::net {

struct HttpHeader {
    std::string name;
    std::string value;
};

struct HttpRequest {
    std::string method = "GET"; // GET, POST, DELETE (PUT, PATCH and HEAD work too)
    std::string url;
    std::vector<HttpHeader> headers; // e.g. {"Authorization", "Bearer …"}, {"Content-Type", …}
    std::string body;
    // May the request be sent again after it reached the server (an HTTP 429/5xx, a timeout, a broken
    // connection)? Unset = by method, RFC 9110 §9.2.2: GET, HEAD, PUT, DELETE yes; POST, PATCH no. A
    // request that may not be repeated is retried only when no byte of it was sent (cannot connect,
    // connect timeout): a token exchange or a data request must not happen twice. Set true only for a
    // POST known to change nothing on the server (the API's status and result telegrams only read).
    std::optional<bool> repeatable;
};

struct HttpResponse {
    long status = 0;
    std::vector<HttpHeader> headers; // of the final response only; names lower-cased, values trimmed
    std::string body; // decoded if the server compressed it

    // The first header with that (lower-case) name.
    [[nodiscard]] std::optional<std::string> header(std::string_view lowerCaseName) const;
};

struct HttpOptions {
    std::string caFile; // PEM bundle to trust; empty = the system store. Verification is ALWAYS on.
    std::chrono::milliseconds connectTimeout {10'000};
    std::chrono::milliseconds totalTimeout {120'000}; // per attempt
    std::size_t maxResponseBytes = 256u * 1024 * 1024; // of the decoded body
    int maxAttempts = 5; // first try + retries
    std::chrono::milliseconds initialBackoff {250};
    std::chrono::milliseconds maxBackoff {8'000};
    bool followRedirects = false; // the OAuth client reads Location itself
    // Time and waiting (backoff, Retry-After, the API client's polling). nullptr = Clock::system().
    std::shared_ptr<Clock> clock;
};

// Called from the transfer with the bytes received so far in this attempt and the expected total
// (0 when the server sent no Content-Length). Counts restart if a request is retried.
using ProgressCallback = std::function<void(std::uint64_t receivedBytes, std::uint64_t totalBytes)>;

// Reported before each backoff wait (which is asked of HttpOptions::clock). attempt is the 1-based number of the
// attempt that just failed; reason is "HTTP 503" or a connection error naming scheme://host:port. It never holds
// bodies, header values, paths or query strings.
struct RetryEvent {
    int attempt;
    std::chrono::milliseconds delay;
    std::string reason;
};

// HTTP(S) over libcurl. TLS verification is always on; plain http is allowed only to loopback hosts.
// Retries connection failures and 429/500/502/503/504 with exponential backoff and full jitter,
// honouring Retry-After on 429/503 (see RetryPolicy), but a request that is not repeatable (a POST, see
// HttpRequest::repeatable) only when it never reached the server. Other statuses (2xx, 3xx, 4xx) come
// back as a response for the caller to interpret. One client reuses its connections; it is not safe to call send() from
// two threads at once (use one client per worker). Move-only; a moved-from client only fails.
class HttpClient final {
public:
    explicit HttpClient(HttpOptions options = {});
    ~HttpClient();
    HttpClient(HttpClient&& other) noexcept;
    HttpClient& operator=(HttpClient&& other) noexcept;
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // Errors: Usage (malformed request, plain http to a non-loopback host), Network (connection,
    // TLS, timeouts, transient statuses after the last attempt, or after the only attempt of a request
    // that may not be repeated: the message then says it was not repeated), InvalidData (response too
    // large), Cancelled, Internal.
    [[nodiscard]] Result<HttpResponse> send(
        const HttpRequest& request, const CancelToken* cancel = nullptr, const ProgressCallback& progress = {});

    // Called on the sending thread before each backoff wait (for logs, the UI and tests).
    void setRetryObserver(std::function<void(const RetryEvent&)> observer);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace techo::net
