#include "core/net/HttpClient.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <fstream>
#include <limits>
#include <random>
#include <thread>
#include <utility>

namespace techo::net {
namespace {

using std::chrono::milliseconds;

// How often a transfer or a backoff wait looks at the cancel token.
constexpr milliseconds kPollSlice {20};
constexpr int kMaxRedirects = 5;

struct EasyDeleter {
    void operator()(CURL* handle) const noexcept { curl_easy_cleanup(handle); }
};
struct MultiDeleter {
    void operator()(CURLM* handle) const noexcept { curl_multi_cleanup(handle); }
};
struct SlistDeleter {
    void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};
struct UrlDeleter {
    void operator()(CURLU* url) const noexcept { curl_url_cleanup(url); }
};
struct CurlFree {
    void operator()(char* text) const noexcept { curl_free(text); }
};
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;
using MultiHandle = std::unique_ptr<CURLM, MultiDeleter>;
using HeaderList = std::unique_ptr<curl_slist, SlistDeleter>;

bool ensureCurlGlobal() noexcept
{
    // A function-local static runs curl_global_init exactly once, even with racing threads.
    static const CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
    return rc == CURLE_OK;
}

std::string toLower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
        [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    return out;
}

std::string_view trim(std::string_view text) noexcept
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
        text.remove_suffix(1);
    return text;
}

std::string attemptsText(int attempts)
{
    return std::to_string(attempts) + (attempts == 1 ? " attempt" : " attempts");
}

// Where a request goes. Messages name only the origin: paths and queries may carry codes or tokens.
struct Target {
    std::string scheme;
    std::string host;
    std::string port;
    bool loopback = false;

    [[nodiscard]] std::string origin() const { return scheme + "://" + host + ":" + port; }
};

Result<Target> parseTarget(const std::string& url)
{
    const std::unique_ptr<CURLU, UrlDeleter> handle(curl_url());
    if (!handle)
        return Error {ErrorCode::Internal, "libcurl could not allocate a URL handle"};
    if (curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK)
        return Error {ErrorCode::Usage, "the URL is malformed"}; // not echoed: it may hold a secret
    const auto part = [&](CURLUPart which, unsigned int flags) -> std::string {
        char* raw = nullptr;
        if (curl_url_get(handle.get(), which, &raw, flags) != CURLUE_OK || raw == nullptr)
            return {};
        const std::unique_ptr<char, CurlFree> owned(raw);
        return std::string(raw);
    };
    Target target;
    target.scheme = toLower(part(CURLUPART_SCHEME, 0));
    target.host = toLower(part(CURLUPART_HOST, 0));
    target.port = part(CURLUPART_PORT, CURLU_DEFAULT_PORT);
    target.loopback = target.host == "127.0.0.1" || target.host == "localhost" || target.host == "[::1]";
    if (target.scheme != "https" && target.scheme != "http")
        return Error {ErrorCode::Usage, "only https URLs are supported (got " + target.scheme + "://)"};
    if (target.host.empty())
        return Error {ErrorCode::Usage, "the URL has no host"};
    if (target.scheme == "http" && !target.loopback)
        return Error {ErrorCode::Usage,
            "refusing plain http to " + target.origin()
                + ": only https is allowed except to 127.0.0.1, ::1 or localhost"};
    return target;
}

bool isHeaderToken(std::string_view name) noexcept
{
    if (name.empty())
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u > 0x20 && u < 0x7F && c != ':' && c != '(' && c != ')' && c != ',' && c != ';' && c != '"' && c != '/'
            && c != '[' && c != ']' && c != '?' && c != '=' && c != '{' && c != '}' && c != '\\' && c != '<' && c != '>'
            && c != '@';
    });
}

Result<HeaderList> buildHeaders(const std::vector<HttpHeader>& headers)
{
    HeaderList list;
    bool hasExpect = false;
    const auto append = [&](const std::string& line) -> bool {
        curl_slist* grown = curl_slist_append(list.get(), line.c_str());
        if (grown == nullptr)
            return false; // the list is unchanged and still owned
        if (!list)
            list.reset(grown); // the head changes only when the list was empty
        return true;
    };
    for (const auto& header : headers) {
        // Reject CR/LF/NUL so a value can never inject another header; the value itself is not echoed.
        if (!isHeaderToken(header.name)
            || header.value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos)
            return Error {ErrorCode::Usage, "the request header '" + header.name + "' is malformed"};
        hasExpect = hasExpect || toLower(header.name) == "expect";
        // "Name;" is curl's spelling for a header sent with an empty value ("Name:" would remove it).
        const std::string line = header.value.empty() ? header.name + ";" : header.name + ": " + header.value;
        if (!append(line))
            return Error {ErrorCode::Internal, "libcurl could not allocate a header list"};
    }
    // No "Expect: 100-continue" for large bodies: it costs a round trip (or a 1 s stall) per request.
    if (!hasExpect && !append("Expect:"))
        return Error {ErrorCode::Internal, "libcurl could not allocate a header list"};
    return list;
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

bool isTransientStatus(long status) noexcept
{
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

std::string describeCurlError(CURLcode rc, const char* errorBuffer, const Target& target)
{
    const std::string detail
        = (errorBuffer != nullptr && errorBuffer[0] != '\0') ? errorBuffer : curl_easy_strerror(rc);
    const std::string origin = target.origin();
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

// Retry-After is delta-seconds or an HTTP-date (RFC 9110 10.2.3); anything else is ignored.
std::optional<milliseconds> parseRetryAfter(std::string_view raw)
{
    const std::string_view value = trim(raw);
    if (value.empty())
        return std::nullopt;
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (value.size() > 9) // beyond 30 years; maxBackoff caps it anyway
            return milliseconds::max();
        milliseconds::rep seconds = 0;
        for (const char c : value)
            seconds = seconds * 10 + (c - '0');
        return milliseconds(seconds * 1000);
    }
    const std::string copy(value);
    const std::time_t when = curl_getdate(copy.c_str(), nullptr);
    if (when == -1)
        return std::nullopt;
    const std::time_t now = std::time(nullptr);
    return milliseconds(when > now ? static_cast<milliseconds::rep>(when - now) * 1000 : 0);
}

// What one attempt collects; the callbacks below get it as their user pointer.
struct Transfer {
    std::string body;
    std::vector<HttpHeader> headers;
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
    const std::string_view line = trim(std::string_view(data, bytes));
    try {
        if (line.starts_with("HTTP/")) {
            transfer->headers.clear(); // a new response starts (after a 100 Continue or a redirect)
            return bytes;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos)
            return bytes;
        transfer->headers.push_back({toLower(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1)))});
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

Error cancelledError()
{
    return Error {ErrorCode::Cancelled, "cancelled"};
}

bool canRead(const std::string& path)
{
    const std::ifstream file(path, std::ios::binary);
    return file.good();
}

// The result of one attempt: final (a response or an error), or a transient failure to retry.
struct Attempt {
    std::optional<Result<HttpResponse>> done;
    std::string reason; // for a transient failure: what went wrong, safe to log
    long httpStatus = 0; // for a transient HTTP status; 0 for a connection failure
    std::optional<milliseconds> retryAfter;
};

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
        , m_rng(std::random_device {}())
    {
        if (ensureCurlGlobal()) {
            m_multi.reset(curl_multi_init());
            m_easy.reset(curl_easy_init());
        }
    }

    ~Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    Result<HttpResponse> send(const HttpRequest& request, const CancelToken* cancel, const ProgressCallback& progress);
    Attempt attempt(const HttpRequest& request, const Target& target, curl_slist* headers, const CancelToken* cancel,
        const ProgressCallback& progress);
    CURLcode configure(const HttpRequest& request, const Target& target, curl_slist* headers, Transfer& transfer);
    milliseconds backoff(int failedAttempt, std::optional<milliseconds> retryAfter);

    HttpOptions m_options;
    std::function<void(const RetryEvent&)> m_retryObserver;
    std::mt19937_64 m_rng;
    // The multi handle owns the connection cache, so it outlives the easy handle (declared first).
    MultiHandle m_multi;
    EasyHandle m_easy;
};

CURLcode HttpClient::Impl::configure(
    const HttpRequest& request, const Target& target, curl_slist* headers, Transfer& transfer)
{
    CURL* handle = m_easy.get();
    CURLcode rc = CURLE_OK;
    // curl_easy_setopt is variadic: every value must have exactly the type the option expects.
    const auto set = [&](CURLoption option, auto value) {
        if (rc == CURLE_OK)
            rc = curl_easy_setopt(handle, option, value);
    };
    const auto clampMs = [](milliseconds value) {
        return static_cast<long>(std::clamp<milliseconds::rep>(value.count(), 1, std::numeric_limits<int>::max()));
    };

    set(CURLOPT_URL, request.url.c_str());
    set(CURLOPT_PROTOCOLS_STR, "http,https"); // parseTarget already limited http to loopback
    set(CURLOPT_REDIR_PROTOCOLS_STR, target.loopback ? "http,https" : "https");
    set(CURLOPT_FOLLOWLOCATION, m_options.followRedirects ? 1L : 0L);
    set(CURLOPT_MAXREDIRS, static_cast<long>(kMaxRedirects));
    set(CURLOPT_NOSIGNAL, 1L);
    set(CURLOPT_SSL_VERIFYPEER, 1L);
    set(CURLOPT_SSL_VERIFYHOST, 2L);
    if (!m_options.caFile.empty()) {
        set(CURLOPT_CAINFO, m_options.caFile.c_str());
        // Trust only that bundle: without this, Debian's libcurl also searches /etc/ssl/certs.
        set(CURLOPT_CAPATH, static_cast<const char*>(nullptr));
    }
    set(CURLOPT_CONNECTTIMEOUT_MS, clampMs(m_options.connectTimeout));
    set(CURLOPT_TIMEOUT_MS, clampMs(m_options.totalTimeout));
    if (target.loopback)
        set(CURLOPT_NOPROXY, "*"); // a proxy from the environment must never see loopback traffic
    set(CURLOPT_ACCEPT_ENCODING, ""); // whatever libcurl can decode; the size cap applies to decoded bytes
    if (request.method != "HEAD"
        && m_options.maxResponseBytes < static_cast<std::size_t>(std::numeric_limits<curl_off_t>::max()))
        set(CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(m_options.maxResponseBytes)); // early on Content-Length
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

Attempt HttpClient::Impl::attempt(const HttpRequest& request, const Target& target, curl_slist* headers,
    const CancelToken* cancel, const ProgressCallback& progress)
{
    Attempt outcome;
    Transfer transfer;
    transfer.maxBytes = m_options.maxResponseBytes;
    transfer.cancel = cancel;
    transfer.progress = &progress;

    curl_easy_reset(m_easy.get()); // keeps live connections, the DNS cache and TLS sessions
    if (const CURLcode rc = configure(request, target, headers, transfer); rc != CURLE_OK) {
        outcome.done
            = Error {ErrorCode::Internal, std::string("libcurl rejected an option: ") + curl_easy_strerror(rc)};
        return outcome;
    }
    if (const CURLMcode mc = curl_multi_add_handle(m_multi.get(), m_easy.get()); mc != CURLM_OK) {
        outcome.done = Error {ErrorCode::Internal, std::string("libcurl: ") + curl_multi_strerror(mc)};
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
            outcome.done = Error {ErrorCode::Internal, std::string("libcurl: ") + curl_multi_strerror(mc)};
            return outcome;
        }
        if (running == 0)
            break;
        if (isCancelled(cancel)) {
            outcome.done = cancelledError();
            return outcome;
        }
        if (const CURLMcode mc
            = curl_multi_poll(m_multi.get(), nullptr, 0, static_cast<int>(kPollSlice.count()), nullptr);
            mc != CURLM_OK) {
            outcome.done = Error {ErrorCode::Internal, std::string("libcurl: ") + curl_multi_strerror(mc)};
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
        outcome.done = cancelledError();
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
            = Error {ErrorCode::InvalidData, "the response is larger than " + sizeText(m_options.maxResponseBytes)};
        return outcome;
    }
    if (rc != CURLE_OK) {
        std::string message = describeCurlError(rc, transfer.errorBuffer, target);
        if (isTransientCurlError(rc)) {
            outcome.reason = std::move(message);
        } else {
            outcome.done = Error {ErrorCode::Network, std::move(message)};
        }
        return outcome;
    }

    long status = 0;
    curl_easy_getinfo(m_easy.get(), CURLINFO_RESPONSE_CODE, &status);
    if (isTransientStatus(status)) {
        outcome.reason = "HTTP " + std::to_string(status);
        outcome.httpStatus = status;
        if (status == 429 || status == 503) {
            for (const auto& header : transfer.headers) {
                if (header.name == "retry-after") {
                    outcome.retryAfter = parseRetryAfter(header.value);
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
    response.headers = std::move(transfer.headers);
    response.body = std::move(transfer.body);
    outcome.done = std::move(response);
    return outcome;
}

milliseconds HttpClient::Impl::backoff(int failedAttempt, std::optional<milliseconds> retryAfter)
{
    using Rep = milliseconds::rep;
    const Rep ceiling = std::max<Rep>(m_options.maxBackoff.count(), 0);
    Rep cap = std::clamp<Rep>(m_options.initialBackoff.count(), 0, ceiling);
    for (int i = 1; i < failedAttempt && cap < ceiling; ++i)
        cap = std::min<Rep>(cap * 2, ceiling);
    // Full jitter (uniform in [0, cap]) spreads out clients that failed together.
    std::uniform_int_distribution<Rep> jitter(0, cap);
    Rep delay = jitter(m_rng);
    if (retryAfter)
        delay = std::max<Rep>(delay, std::min<Rep>(retryAfter->count(), ceiling));
    return milliseconds(std::min<Rep>(delay, ceiling));
}

Result<HttpResponse> HttpClient::Impl::send(
    const HttpRequest& request, const CancelToken* cancel, const ProgressCallback& progress)
{
    if (!m_multi || !m_easy)
        return Error {ErrorCode::Internal, "libcurl could not be initialised"};
    static constexpr std::string_view kMethods[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"};
    if (std::find(std::begin(kMethods), std::end(kMethods), request.method) == std::end(kMethods))
        return Error {ErrorCode::Usage, "unsupported HTTP method '" + request.method + "'"};
    TECHO_ASSIGN(const Target target, parseTarget(request.url));
    TECHO_ASSIGN(const HeaderList headers, buildHeaders(request.headers));
    // libcurl would report a missing CA file only as a generic TLS error; say what is wrong.
    if (target.scheme == "https" && !m_options.caFile.empty() && !canRead(m_options.caFile))
        return Error {ErrorCode::Network,
            "TLS verification failed for " + target.origin() + ": cannot read the CA file " + m_options.caFile};

    const int maxAttempts = std::max(m_options.maxAttempts, 1);
    for (int number = 1;; ++number) {
        if (isCancelled(cancel))
            return cancelledError();
        Attempt outcome = attempt(request, target, headers.get(), cancel, progress);
        if (outcome.done)
            return std::move(*outcome.done);
        if (number >= maxAttempts) {
            if (outcome.httpStatus != 0)
                return Error {ErrorCode::Network,
                    "the server is unavailable (HTTP " + std::to_string(outcome.httpStatus) + ") after "
                        + attemptsText(number) + " (" + target.origin() + ")"};
            if (number > 1)
                outcome.reason += " (after " + attemptsText(number) + ")";
            return Error {ErrorCode::Network, std::move(outcome.reason)};
        }
        const milliseconds delay = backoff(number, outcome.retryAfter);
        if (m_retryObserver)
            m_retryObserver(RetryEvent {number, delay, outcome.reason});
        const auto deadline = std::chrono::steady_clock::now() + delay;
        while (std::chrono::steady_clock::now() < deadline) {
            if (isCancelled(cancel))
                return cancelledError();
            std::this_thread::sleep_for(
                std::min<std::chrono::steady_clock::duration>(deadline - std::chrono::steady_clock::now(), kPollSlice));
        }
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
