#include "core/net/CurlSession.h"

#include "core/net/ResponseHeaders.h"

#include <algorithm>
#include <limits>
#include <string>

namespace techo::net {
namespace {

using std::chrono::milliseconds;

constexpr int kMaxRedirects = 5;

bool ensureCurlGlobal() noexcept
{
    // A function-local static runs curl_global_init exactly once, even with racing threads.
    static const CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
    return rc == CURLE_OK;
}

bool isTlsFailure(CURLcode rc) noexcept
{
    switch (rc) {
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CONNECT_ERROR:
        return true;
    default:
        return false;
    }
}

// Failures another attempt may fix. TLS failures and DNS errors are not among them: they repeat.
bool isTransientCurlError(CURLcode rc) noexcept
{
    switch (rc) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return true;
    default:
        return false;
    }
}

std::string describeCurlError(CURLcode rc, const char* errorBuffer, const std::string& origin)
{
    const std::string detail
        = (errorBuffer != nullptr && errorBuffer[0] != '\0') ? errorBuffer : curl_easy_strerror(rc);
    switch (rc) {
    case CURLE_COULDNT_CONNECT:
        return "cannot connect to " + origin + ": " + detail;
    case CURLE_COULDNT_RESOLVE_HOST:
        return "cannot resolve the host of " + origin + ": " + detail;
    case CURLE_OPERATION_TIMEDOUT:
        return "timed out talking to " + origin + ": " + detail;
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
        return "the connection to " + origin + " broke off: " + detail;
    default:
        if (rc == CURLE_SSL_CONNECT_ERROR)
            return "TLS handshake failed for " + origin + ": " + detail;
        if (isTlsFailure(rc))
            return "TLS verification failed for " + origin + ": " + detail;
        return "network error talking to " + origin + ": " + detail;
    }
}

std::string sizeText(std::size_t bytes)
{
    constexpr std::size_t kMiB = std::size_t {1024} * 1024;
    if (bytes >= kMiB && bytes % kMiB == 0)
        return std::to_string(bytes / kMiB) + " MiB";
    return std::to_string(bytes) + " bytes";
}

// What one attempt collects; the callbacks below get it as their user pointer.
struct Transfer {
    std::string body;
    ResponseHeaders headers;
    std::size_t maxBytes = 0;
    const CancelToken* cancel = nullptr;
    const ProgressCallback* progress = nullptr;
    curl_off_t lastReported = 0;
    bool tooLarge = false;
    bool cancelled = false;
    bool callbackFailed = false; // out of memory, or the progress callback threw
    char errorBuffer[CURL_ERROR_SIZE] = {};
};

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user) noexcept
{
    auto* transfer = static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    if (bytes > transfer->maxBytes - transfer->body.size()) { // body.size() never exceeds maxBytes
        transfer->tooLarge = true;
        return 0;
    }
    try {
        transfer->body.append(data, bytes);
    } catch (...) {
        transfer->callbackFailed = true;
        return 0;
    }
    return bytes;
}

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user) noexcept
{
    auto* transfer = static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    try {
        transfer->headers.addLine(std::string_view(data, bytes));
    } catch (...) {
        transfer->callbackFailed = true;
        return 0;
    }
    return bytes;
}

int onProgress(void* user, curl_off_t downloadTotal, curl_off_t downloadNow, curl_off_t, curl_off_t) noexcept
{
    auto* transfer = static_cast<Transfer*>(user);
    if (transfer->cancel != nullptr && transfer->cancel->isCancelled()) {
        transfer->cancelled = true;
        return 1;
    }
    if (transfer->progress != nullptr && *transfer->progress && downloadNow > transfer->lastReported) {
        transfer->lastReported = downloadNow;
        try {
            (*transfer->progress)(static_cast<std::uint64_t>(downloadNow),
                static_cast<std::uint64_t>(std::max<curl_off_t>(downloadTotal, 0)));
        } catch (...) {
            transfer->callbackFailed = true;
            return 1;
        }
    }
    return 0;
}

bool isCancelled(const CancelToken* cancel) noexcept
{
    return cancel != nullptr && cancel->isCancelled();
}

CURLcode configure(CURL* handle, const HttpRequest& request, const Url& target, curl_slist* headers,
    const HttpOptions& options, Transfer& transfer)
{
    CURLcode rc = CURLE_OK;
    // curl_easy_setopt is variadic: every value must have exactly the type the option expects.
    const auto set = [&](CURLoption option, auto value) {
        if (rc == CURLE_OK)
            rc = curl_easy_setopt(handle, option, value);
    };
    const auto clampMs = [](milliseconds value) {
        return static_cast<long>(std::clamp<milliseconds::rep>(value.count(), 1, std::numeric_limits<int>::max()));
    };
    const bool loopback = target.isLoopback();

    set(CURLOPT_URL, request.url.c_str());
    set(CURLOPT_PROTOCOLS_STR, "http,https"); // HttpClient already limited http to loopback
    set(CURLOPT_REDIR_PROTOCOLS_STR, loopback ? "http,https" : "https");
    set(CURLOPT_FOLLOWLOCATION, options.followRedirects ? 1L : 0L);
    set(CURLOPT_MAXREDIRS, static_cast<long>(kMaxRedirects));
    set(CURLOPT_NOSIGNAL, 1L);
    set(CURLOPT_SSL_VERIFYPEER, 1L);
    set(CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options.caFile.empty()) {
        set(CURLOPT_CAINFO, options.caFile.c_str());
        // Trust only that bundle: without this, Debian's libcurl also searches /etc/ssl/certs.
        set(CURLOPT_CAPATH, static_cast<const char*>(nullptr));
    }
    set(CURLOPT_CONNECTTIMEOUT_MS, clampMs(options.connectTimeout));
    set(CURLOPT_TIMEOUT_MS, clampMs(options.totalTimeout));
    if (loopback)
        set(CURLOPT_NOPROXY, "*"); // a proxy from the environment must never see loopback traffic
    set(CURLOPT_ACCEPT_ENCODING, ""); // whatever libcurl can decode; the size cap applies to decoded bytes
    if (request.method != "HEAD"
        && options.maxResponseBytes < static_cast<std::size_t>(std::numeric_limits<curl_off_t>::max()))
        set(CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.maxResponseBytes)); // early on Content-Length
    set(CURLOPT_USERAGENT, "Techo");
    set(CURLOPT_HTTPHEADER, headers);
    set(CURLOPT_ERRORBUFFER, transfer.errorBuffer);
    set(CURLOPT_WRITEFUNCTION, &onBody);
    set(CURLOPT_WRITEDATA, static_cast<void*>(&transfer));
    set(CURLOPT_HEADERFUNCTION, &onHeader);
    set(CURLOPT_HEADERDATA, static_cast<void*>(&transfer));
    set(CURLOPT_XFERINFOFUNCTION, &onProgress);
    set(CURLOPT_XFERINFODATA, static_cast<void*>(&transfer));
    set(CURLOPT_NOPROGRESS, 0L);

    if (request.method == "GET") {
        set(CURLOPT_HTTPGET, 1L);
    } else if (request.method == "HEAD") {
        set(CURLOPT_NOBODY, 1L);
    } else {
        if (request.method != "DELETE" || !request.body.empty()) {
            set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
            set(CURLOPT_POSTFIELDS, request.body.data());
        }
        if (request.method != "POST")
            set(CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
    return rc;
}

Error curlInternal(CURLMcode mc)
{
    return Error {ErrorCode::Internal, std::string("libcurl: ") + curl_multi_strerror(mc)};
}

} // namespace

CurlSession::CurlSession()
{
    if (ensureCurlGlobal()) {
        m_multi.reset(curl_multi_init());
        m_easy.reset(curl_easy_init());
    }
}

CurlSession::~CurlSession() = default;

AttemptOutcome CurlSession::perform(const HttpRequest& request, const Url& target, curl_slist* headers,
    const HttpOptions& options, const CancelToken* cancel, const ProgressCallback& progress)
{
    AttemptOutcome outcome;
    if (!valid()) {
        outcome.done = Error {ErrorCode::Internal, "libcurl could not be initialised"};
        return outcome;
    }
    Transfer transfer;
    transfer.maxBytes = options.maxResponseBytes;
    transfer.cancel = cancel;
    transfer.progress = &progress;

    curl_easy_reset(m_easy.get()); // keeps live connections, the DNS cache and TLS sessions
    if (const CURLcode rc = configure(m_easy.get(), request, target, headers, options, transfer); rc != CURLE_OK) {
        outcome.done
            = Error {ErrorCode::Internal, std::string("libcurl rejected an option: ") + curl_easy_strerror(rc)};
        return outcome;
    }
    if (const CURLMcode mc = curl_multi_add_handle(m_multi.get(), m_easy.get()); mc != CURLM_OK) {
        outcome.done = curlInternal(mc);
        return outcome;
    }
    struct Detach {
        CURLM* multiHandle;
        CURL* easyHandle;
        ~Detach() { curl_multi_remove_handle(multiHandle, easyHandle); }
    } detach {m_multi.get(), m_easy.get()};

    // Our own loop (rather than curl_easy_perform, which idles up to 1 s between progress calls) so a
    // cancel is seen within one poll slice even while the server sends nothing.
    int running = 1;
    while (true) {
        if (const CURLMcode mc = curl_multi_perform(m_multi.get(), &running); mc != CURLM_OK) {
            outcome.done = curlInternal(mc);
            return outcome;
        }
        if (running == 0)
            break;
        if (isCancelled(cancel)) {
            outcome.done = Error {ErrorCode::Cancelled, "cancelled"};
            return outcome;
        }
        const int sliceMs = static_cast<int>(CancelToken::kPollSlice.count());
        if (const CURLMcode mc = curl_multi_poll(m_multi.get(), nullptr, 0, sliceMs, nullptr); mc != CURLM_OK) {
            outcome.done = curlInternal(mc);
            return outcome;
        }
    }
    CURLcode rc = CURLE_OK;
    int queued = 0;
    while (const CURLMsg* message = curl_multi_info_read(m_multi.get(), &queued)) {
        if (message->msg == CURLMSG_DONE && message->easy_handle == m_easy.get())
            rc = message->data.result;
    }

    if (transfer.cancelled || isCancelled(cancel)) {
        outcome.done = Error {ErrorCode::Cancelled, "cancelled"};
        return outcome;
    }
    if (transfer.callbackFailed) {
        outcome.done = Error {ErrorCode::Internal,
            "the transfer failed in a callback (out of memory, or the progress "
            "callback threw)"};
        return outcome;
    }
    if (transfer.tooLarge || rc == CURLE_FILESIZE_EXCEEDED) {
        outcome.done
            = Error {ErrorCode::InvalidData, "the response is larger than " + sizeText(options.maxResponseBytes)};
        return outcome;
    }
    if (rc != CURLE_OK) {
        std::string message = describeCurlError(rc, transfer.errorBuffer, target.origin());
        if (!isTransientCurlError(rc)) {
            outcome.done = Error {ErrorCode::Network, std::move(message)};
            return outcome;
        }
        // CURLINFO_REQUEST_SIZE counts the request bytes written to the connection in this transfer: 0
        // means the server cannot have seen the request (refused, or timed out while connecting).
        long requestBytes = 0;
        curl_easy_getinfo(m_easy.get(), CURLINFO_REQUEST_SIZE, &requestBytes);
        outcome.failure.reason = std::move(message);
        outcome.failure.requestSent = rc != CURLE_COULDNT_CONNECT && requestBytes > 0;
        return outcome;
    }

    long status = 0;
    curl_easy_getinfo(m_easy.get(), CURLINFO_RESPONSE_CODE, &status);
    if (RetryPolicy::isTransientStatus(status)) {
        outcome.failure.reason = "HTTP " + std::to_string(status);
        outcome.failure.httpStatus = status;
        outcome.failure.requestSent = true;
        if (status == 429 || status == 503) {
            for (const auto& header : transfer.headers.headers()) {
                if (header.name == "retry-after") {
                    // HttpClient always sets options.clock (the system clock by default).
                    outcome.failure.retryAfter = RetryPolicy::parseRetryAfter(header.value, options.clock->wallNow());
                    break;
                }
            }
        }
        return outcome;
    }

    // The last progress call may have come before the final bytes arrived; report the total once more.
    curl_off_t downloaded = 0;
    curl_off_t expected = -1;
    curl_easy_getinfo(m_easy.get(), CURLINFO_SIZE_DOWNLOAD_T, &downloaded);
    curl_easy_getinfo(m_easy.get(), CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &expected);
    if (progress && downloaded > transfer.lastReported) {
        try {
            progress(
                static_cast<std::uint64_t>(downloaded), static_cast<std::uint64_t>(std::max<curl_off_t>(expected, 0)));
        } catch (...) {
            outcome.done = Error {ErrorCode::Internal, "the progress callback threw"};
            return outcome;
        }
    }

    HttpResponse response;
    response.status = status;
    response.headers = transfer.headers.take();
    response.body = std::move(transfer.body);
    outcome.done = std::move(response);
    return outcome;
}

} // namespace techo::net
