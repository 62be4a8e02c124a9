#pragma once

#include "core/net/HttpClient.h"

#include <chrono>
#include <optional>
#include <random>
#include <string_view>

namespace techo::net {

// What went wrong in one attempt that another attempt might fix.
struct TransientFailure {
    std::string reason; // "HTTP 503" or a connection error naming scheme://host:port; safe to log
    long httpStatus = 0; // the transient status; 0 for a connection failure
    bool requestSent = true; // false only when no byte of the request left this machine
    std::optional<std::chrono::milliseconds> retryAfter; // from a 429/503's Retry-After
};

// HttpClient's retry rules, in one place: which failures are worth another attempt, which requests may
// be sent again (RFC 9110 §9.2.2), and how long to wait (exponential backoff with full jitter, at least
// Retry-After, never more than maxBackoff).
class RetryPolicy final {
public:
    explicit RetryPolicy(const HttpOptions& options);

    enum class Decision {
        Retry,
        Exhausted, // maxAttempts reached
        NotRepeatable, // the request reached the server and may have taken effect
    };
    // After attempt number `attempt` (1-based) of `request` failed with `failure`.
    [[nodiscard]] Decision decide(const HttpRequest& request, const TransientFailure& failure, int attempt) const;

    // The request's own `repeatable`, else by method: GET, HEAD, PUT, DELETE (and OPTIONS) are idempotent.
    [[nodiscard]] static bool isRepeatable(const HttpRequest& request);
    // 429, 500, 502, 503, 504.
    [[nodiscard]] static bool isTransientStatus(long status) noexcept;

    // The wait before the attempt after `failedAttempt`: uniform in [0, min(initial·2^(n-1), max)], raised
    // to Retry-After, capped at maxBackoff.
    [[nodiscard]] std::chrono::milliseconds delay(
        int failedAttempt, std::optional<std::chrono::milliseconds> retryAfter);

    // Retry-After is delta-seconds or an HTTP-date (RFC 9110 §10.2.3), the latter measured from `now`;
    // anything else is ignored (nullopt). A date in the past means no wait.
    [[nodiscard]] static std::optional<std::chrono::milliseconds> parseRetryAfter(
        std::string_view value, std::chrono::system_clock::time_point now);

private:
    int m_maxAttempts;
    std::chrono::milliseconds m_initialBackoff;
    std::chrono::milliseconds m_maxBackoff;
    std::mt19937_64 m_rng;
};

} // namespace techo::net
