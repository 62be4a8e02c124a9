#include "core/net/Url.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <new>

namespace techo::net {
namespace {

struct CurlFree {
    void operator()(char* text) const noexcept { curl_free(text); }
};
using CurlString = std::unique_ptr<char, CurlFree>;

std::string toLower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
        [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    return text;
}

// libcurl's escape functions take an int length; 0 would mean "use strlen".
int curlLength(std::string_view text)
{
    if (text.size() > static_cast<std::size_t>(INT_MAX))
        throw std::length_error("text too long to percent-encode");
    return static_cast<int>(text.size());
}

} // namespace

void Url::Deleter::operator()(Curl_URL* handle) const noexcept
{
    curl_url_cleanup(handle);
}

Url::Url(std::unique_ptr<Curl_URL, Deleter> handle) noexcept
    : m_handle(std::move(handle))
{ }

Url::~Url() = default;
Url::Url(Url&& other) noexcept = default;
Url& Url::operator=(Url&& other) noexcept = default;

Result<Url> Url::parse(const std::string& text)
{
    std::unique_ptr<Curl_URL, Deleter> handle(curl_url());
    if (!handle)
        return Error {ErrorCode::Internal, "libcurl could not allocate a URL handle"};
    // CURLU_NON_SUPPORT_SCHEME: parse any scheme, so the caller can name what it refuses.
    if (curl_url_set(handle.get(), CURLUPART_URL, text.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
        return Error {ErrorCode::Usage, "the URL is malformed"};
    return Url(std::move(handle));
}

namespace {

std::string part(Curl_URL* handle, CURLUPart which, unsigned int flags = 0)
{
    char* raw = nullptr;
    if (curl_url_get(handle, which, &raw, flags) != CURLUE_OK || raw == nullptr)
        return {}; // the part is absent (CURLUE_NO_QUERY, CURLUE_NO_PORT …)
    const CurlString owned(raw);
    return std::string(raw);
}

} // namespace

std::string Url::scheme() const
{
    return toLower(part(m_handle.get(), CURLUPART_SCHEME));
}

std::string Url::host() const
{
    return toLower(part(m_handle.get(), CURLUPART_HOST));
}

std::string Url::port() const
{
    return part(m_handle.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
}

std::string Url::path() const
{
    return part(m_handle.get(), CURLUPART_PATH);
}

std::string Url::query() const
{
    return part(m_handle.get(), CURLUPART_QUERY);
}

std::string Url::origin() const
{
    return scheme() + "://" + host() + ":" + port();
}

bool Url::isLoopback() const
{
    const std::string name = host();
    return name == "127.0.0.1" || name == "localhost" || name == "[::1]";
}

std::map<std::string, std::string> Url::queryParameters() const
{
    return parseQuery("?" + query());
}

Status Url::appendQuery(const FormFields& fields)
{
    if (fields.empty())
        return {};
    std::string query = this->query();
    if (!query.empty())
        query += '&';
    query += formEncode(fields);
    const std::string fragment = part(m_handle.get(), CURLUPART_FRAGMENT);
    // Setting CURLUPART_QUERY would make libcurl 7.88 lower-case every %XX; RFC 3986 §2.1 asks producers
    // for upper case. So the new query goes in through a whole URL, which libcurl keeps as written.
    std::unique_ptr<Curl_URL, Deleter> copy(curl_url_dup(m_handle.get()));
    if (!copy || curl_url_set(copy.get(), CURLUPART_QUERY, nullptr, 0) != CURLUE_OK
        || curl_url_set(copy.get(), CURLUPART_FRAGMENT, nullptr, 0) != CURLUE_OK)
        return Error {ErrorCode::Internal, "libcurl could not copy a URL"};
    const std::string rebuilt
        = part(copy.get(), CURLUPART_URL) + "?" + query + (fragment.empty() ? std::string() : "#" + fragment);
    if (curl_url_set(copy.get(), CURLUPART_URL, rebuilt.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
        return Error {ErrorCode::Internal, "libcurl refused the URL with its new query"};
    m_handle = std::move(copy);
    return {};
}

std::string Url::toString() const
{
    return part(m_handle.get(), CURLUPART_URL);
}

std::string urlEncode(std::string_view text)
{
    if (text.empty())
        return {};
    const CurlString encoded(curl_easy_escape(nullptr, text.data(), curlLength(text)));
    if (!encoded)
        throw std::bad_alloc();
    return std::string(encoded.get());
}

std::string formEncode(const FormFields& fields)
{
    // urlEncode writes a space as "%20" and every '%' it emits starts an escape, so each "%20" in its
    // output is exactly one space, which forms spell '+'.
    const auto encode = [](std::string_view text) {
        std::string out = urlEncode(text);
        for (std::size_t at = out.find("%20"); at != std::string::npos; at = out.find("%20", at + 1))
            out.replace(at, 3, "+");
        return out;
    };
    std::string out;
    for (const auto& [name, value] : fields) {
        if (!out.empty())
            out += '&';
        out += encode(name);
        out += '=';
        out += encode(value);
    }
    return out;
}

std::string percentDecode(std::string_view text, bool plusIsSpace)
{
    std::string input(text);
    if (plusIsSpace) // before decoding, so "%2B" still becomes a literal '+'
        std::replace(input.begin(), input.end(), '+', ' ');
    if (input.empty())
        return {};
    int length = 0;
    const CurlString decoded(curl_easy_unescape(nullptr, input.data(), curlLength(input), &length));
    if (!decoded)
        throw std::bad_alloc();
    return std::string(decoded.get(), static_cast<std::size_t>(length));
}

std::map<std::string, std::string> parseQuery(std::string_view urlOrQuery)
{
    std::string query;
    if (urlOrQuery.find("://") != std::string_view::npos) {
        auto url = Url::parse(std::string(urlOrQuery));
        if (!url.ok())
            return {};
        query = url->query();
    } else {
        // "?a=1", "/callback?a=1" or a bare "a=1".
        const auto question = urlOrQuery.find('?');
        query = std::string(question == std::string_view::npos ? urlOrQuery : urlOrQuery.substr(question + 1));
        query = query.substr(0, query.find('#'));
    }

    // The form-urlencoded split (WHATWG URL "application/x-www-form-urlencoded parsing"): libcurl has no
    // query-parameter API, so the '&' / '=' split is ours and the decoding is libcurl's.
    std::map<std::string, std::string> result;
    std::string_view rest = query;
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view {} : rest.substr(amp + 1);
        if (pair.empty())
            continue;
        const auto eq = pair.find('=');
        std::string name = percentDecode(pair.substr(0, eq), true);
        std::string value = eq == std::string_view::npos ? std::string {} : percentDecode(pair.substr(eq + 1), true);
        result.emplace(std::move(name), std::move(value)); // emplace keeps the first occurrence
    }
    return result;
}

} // namespace techo::net
