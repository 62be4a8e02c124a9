#include "core/net/HttpClient.h"

#include "core/net/CurlSession.h"
#include "core/net/RequestHeaders.h"
#include "core/net/RetryPolicy.h"
#include "core/net/Url.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <utility>

namespace techo::net {
namespace {

std::string attemptsText(int attempts)
{
    return std::to_string(attempts) + (attempts == 1 ? " attempt" : " attempts");
}

bool canRead(const std::string& path)
{
    const std::ifstream file(path, std::ios::binary);
    return file.good();
}

// Where a request may go: https anywhere, plain http only to loopback (RFC 8252 §8.3).
Result<Url> checkTarget(const std::string& text)
{
    TECHO_ASSIGN(Url url, Url::parse(text));
    const std::string scheme = url.scheme();
    if (scheme != "https" && scheme != "http")
        return Error {ErrorCode::Usage, "only https URLs are supported (got " + scheme + "://)"};
    if (url.host().empty())
        return Error {ErrorCode::Usage, "the URL has no host"};
    if (scheme == "http" && !url.isLoopback())
        return Error {ErrorCode::Usage,
            "refusing plain http to " + url.origin() + ": only https is allowed except to 127.0.0.1, ::1 or localhost"};
    return url;
}

} // namespace

std::optional<std::string> HttpResponse::header(std::string_view lowerCaseName) const
{
    for (const auto& entry : headers) {
        if (entry.name == lowerCaseName)
            return entry.value;
    }
    return std::nullopt;
}

struct HttpClient::Impl {
    explicit Impl(HttpOptions options)
        : m_options(std::move(options))
        , m_policy(m_options)
    {
        if (!m_options.clock)
            m_options.clock = Clock::system();
    }

    Result<HttpResponse> send(const HttpRequest& request, const CancelToken* cancel, const ProgressCallback& progress);

    HttpOptions m_options;
    RetryPolicy m_policy;
    std::function<void(const RetryEvent&)> m_retryObserver;
    CurlSession m_session;
};

Result<HttpResponse> HttpClient::Impl::send(
    const HttpRequest& request, const CancelToken* cancel, const ProgressCallback& progress)
{
    if (!m_session.valid())
        return Error {ErrorCode::Internal, "libcurl could not be initialised"};
    static constexpr std::array<std::string_view, 6> kMethods = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"};
    if (std::find(kMethods.begin(), kMethods.end(), request.method) == kMethods.end())
        return Error {ErrorCode::Usage, "unsupported HTTP method '" + request.method + "'"};
    TECHO_ASSIGN(const Url target, checkTarget(request.url));
    TECHO_ASSIGN(const RequestHeaders headers, RequestHeaders::build(request.headers));
    // libcurl would report a missing CA file only as a generic TLS error; say what is wrong.
    if (target.scheme() == "https" && !m_options.caFile.empty() && !canRead(m_options.caFile))
        return Error {ErrorCode::Network,
            "TLS verification failed for " + target.origin() + ": cannot read the CA file " + m_options.caFile};

    for (int number = 1;; ++number) {
        if (cancel != nullptr && cancel->isCancelled())
            return Error {ErrorCode::Cancelled, "cancelled"};
        AttemptOutcome outcome = m_session.perform(request, target, headers.get(), m_options, cancel, progress);
        if (outcome.done)
            return std::move(*outcome.done);
        TransientFailure& failure = outcome.failure;
        switch (m_policy.decide(request, failure, number)) {
        case RetryPolicy::Decision::NotRepeatable: {
            // The server got the request and may have acted on it: only the caller can know what to do.
            const std::string what = failure.httpStatus != 0
                ? "the server answered HTTP " + std::to_string(failure.httpStatus) + " (" + target.origin() + ")"
                : failure.reason;
            return Error {ErrorCode::Network,
                what + "; the " + request.method + " was not repeated because it may already have taken effect"};
        }
        case RetryPolicy::Decision::Exhausted:
            if (failure.httpStatus != 0)
                return Error {ErrorCode::Network,
                    "the server is unavailable (HTTP " + std::to_string(failure.httpStatus) + ") after "
                        + attemptsText(number) + " (" + target.origin() + ")"};
            if (number > 1)
                failure.reason += " (after " + attemptsText(number) + ")";
            return Error {ErrorCode::Network, std::move(failure.reason)};
        case RetryPolicy::Decision::Retry:
            break;
        }
        const std::chrono::milliseconds delay = m_policy.delay(number, failure.retryAfter);
        if (m_retryObserver)
            m_retryObserver(RetryEvent {number, delay, failure.reason});
        if (m_options.clock->sleepFor(delay, cancel))
            return Error {ErrorCode::Cancelled, "cancelled"};
    }
}

HttpClient::HttpClient(HttpOptions options)
    : m_impl(std::make_unique<Impl>(std::move(options)))
{ }

HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&& other) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&& other) noexcept = default;

Result<HttpResponse> HttpClient::send(
    const HttpRequest& request, const CancelToken* cancel, const ProgressCallback& progress)
{
    if (!m_impl)
        return Error {ErrorCode::Internal, "HttpClient used after it was moved from"};
    return m_impl->send(request, cancel, progress);
}

void HttpClient::setRetryObserver(std::function<void(const RetryEvent&)> observer)
{
    if (m_impl)
        m_impl->m_retryObserver = std::move(observer);
}

} // namespace techo::net
