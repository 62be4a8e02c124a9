#pragma once

#include "core/net/HttpClient.h"
#include "core/net/RetryPolicy.h"
#include "core/net/Url.h"

#include <curl/curl.h>

#include <memory>
#include <optional>

namespace techo::net {

// What one attempt produced: a final result (a response of any status that is not transient, or an
// error no retry can fix), or a transient failure for RetryPolicy to judge.
struct AttemptOutcome {
    std::optional<Result<HttpResponse>> done;
    TransientFailure failure; // meaningful only when !done
};

// libcurl's handles for one HttpClient (RAII): a multi handle that owns the connection cache (so
// sequential requests reuse the TLS connection) and one easy handle, configured afresh per attempt.
class CurlSession final {
public:
    CurlSession();
    ~CurlSession();
    CurlSession(const CurlSession&) = delete;
    CurlSession& operator=(const CurlSession&) = delete;

    // False when libcurl could not be initialised (then perform() only fails).
    [[nodiscard]] bool valid() const noexcept { return m_multi && m_easy; }

    // One attempt at `request` to `target` with the given header list. Watches `cancel` every
    // CancelToken::kPollSlice even while the server sends nothing. Never retries by itself.
    [[nodiscard]] AttemptOutcome perform(const HttpRequest& request, const Url& target, curl_slist* headers,
        const HttpOptions& options, const CancelToken* cancel, const ProgressCallback& progress);

private:
    struct EasyDeleter {
        void operator()(CURL* handle) const noexcept { curl_easy_cleanup(handle); }
    };
    struct MultiDeleter {
        void operator()(CURLM* handle) const noexcept { curl_multi_cleanup(handle); }
    };
    // The multi handle owns the connection cache, so it outlives the easy handle (declared first).
    std::unique_ptr<CURLM, MultiDeleter> m_multi;
    std::unique_ptr<CURL, EasyDeleter> m_easy;
};

} // namespace techo::net
