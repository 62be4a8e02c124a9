#include "core/net/RetryPolicy.h"

#include <curl/curl.h>

#include <algorithm>
#include <array>

namespace techo::net {

using std::chrono::milliseconds;

RetryPolicy::RetryPolicy(const HttpOptions& options)
    : m_maxAttempts(std::max(options.maxAttempts, 1))
    , m_initialBackoff(options.initialBackoff)
    , m_maxBackoff(options.maxBackoff)
    , m_rng(std::random_device {}())
{ }

bool RetryPolicy::isRepeatable(const HttpRequest& request)
{
    if (request.repeatable)
        return *request.repeatable;
    static constexpr std::array<std::string_view, 5> kIdempotent = {"GET", "HEAD", "PUT", "DELETE", "OPTIONS"};
    return std::find(kIdempotent.begin(), kIdempotent.end(), request.method) != kIdempotent.end();
}

bool RetryPolicy::isTransientStatus(long status) noexcept
{
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

RetryPolicy::Decision RetryPolicy::decide(
    const HttpRequest& request, const TransientFailure& failure, int attempt) const
{
    if (failure.requestSent && !isRepeatable(request))
        return Decision::NotRepeatable;
    return attempt >= m_maxAttempts ? Decision::Exhausted : Decision::Retry;
}

milliseconds RetryPolicy::delay(int failedAttempt, std::optional<milliseconds> retryAfter)
{
    using Rep = milliseconds::rep;
    const Rep ceiling = std::max<Rep>(m_maxBackoff.count(), 0);
    Rep cap = std::clamp<Rep>(m_initialBackoff.count(), 0, ceiling);
    for (int i = 1; i < failedAttempt && cap < ceiling; ++i)
        cap = std::min<Rep>(cap * 2, ceiling);
    // Full jitter (uniform in [0, cap]) spreads out clients that failed together.
    std::uniform_int_distribution<Rep> jitter(0, cap);
    Rep wait = jitter(m_rng);
    if (retryAfter)
        wait = std::max<Rep>(wait, std::min<Rep>(retryAfter->count(), ceiling));
    return milliseconds(std::min<Rep>(wait, ceiling));
}

std::optional<milliseconds> RetryPolicy::parseRetryAfter(
    std::string_view raw, std::chrono::system_clock::time_point now)
{
    while (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t'))
        raw.remove_prefix(1);
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t'))
        raw.remove_suffix(1);
    if (raw.empty())
        return std::nullopt;
    if (std::all_of(raw.begin(), raw.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (raw.size() > 9) // beyond 30 years; maxBackoff caps it anyway
            return milliseconds::max();
        milliseconds::rep seconds = 0;
        for (const char c : raw)
            seconds = seconds * 10 + (c - '0');
        return milliseconds(seconds * 1000);
    }
    const std::string copy(raw);
    const std::time_t when = curl_getdate(copy.c_str(), nullptr);
    if (when == -1)
        return std::nullopt;
    const auto at = std::chrono::system_clock::from_time_t(when);
    return at > now ? std::chrono::duration_cast<milliseconds>(at - now) : milliseconds(0);
}

} // namespace techo::net
