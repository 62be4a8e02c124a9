#pragma once

#include "core/util/Result.h"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct Curl_URL; // libcurl's CURLU, kept out of this header

namespace techo::net {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// An absolute URL held by libcurl's URL API (CURLU), which parses and normalises it the way the transfer
// will. Move-only; a moved-from Url must not be used.
class Url final {
public:
    // Errors: Usage "the URL is malformed" (the text is never echoed: it may hold a code or a token),
    // Internal (out of memory). Schemes are not restricted here (see HttpClient for that).
    [[nodiscard]] static Result<Url> parse(const std::string& text);

    ~Url();
    Url(Url&& other) noexcept;
    Url& operator=(Url&& other) noexcept;
    Url(const Url&) = delete;
    Url& operator=(const Url&) = delete;

    [[nodiscard]] std::string scheme() const; // lower-case
    [[nodiscard]] std::string host() const; // lower-case; an IPv6 address in brackets ("[::1]")
    [[nodiscard]] std::string port() const; // the explicit port, else the scheme's default ("443")
    [[nodiscard]] std::string path() const; // still percent-encoded; "/" when the URL has none
    [[nodiscard]] std::string query() const; // still encoded, without '?'; empty when there is none
    // scheme://host:port — what messages may name: paths and queries can carry codes or tokens.
    [[nodiscard]] std::string origin() const;
    // 127.0.0.1, [::1] or localhost: the only hosts plain http may go to (RFC 8252 §8.3 loopback).
    [[nodiscard]] bool isLoopback() const;
    // The query's parameters, decoded as by parseQuery.
    [[nodiscard]] std::map<std::string, std::string> queryParameters() const;

    // Appends form-encoded name=value pairs (see formEncode) after any query the URL already has.
    // Errors: Internal (out of memory).
    [[nodiscard]] Status appendQuery(const FormFields& fields);

    [[nodiscard]] std::string toString() const;

private:
    struct Deleter {
        void operator()(Curl_URL* handle) const noexcept;
    };
    explicit Url(std::unique_ptr<Curl_URL, Deleter> handle) noexcept;
    std::unique_ptr<Curl_URL, Deleter> m_handle;
};

// Percent-encodes every byte except RFC 3986 unreserved characters (ALPHA DIGIT - . _ ~), with
// upper-case hex digits (RFC 3986 §2.1). UTF-8 text is encoded byte by byte: "健" is "%E5%81%A5".
[[nodiscard]] std::string urlEncode(std::string_view text);

// application/x-www-form-urlencoded: name=value pairs joined by '&', a space as '+', everything
// outside the unreserved set percent-encoded as by urlEncode. Order is kept.
[[nodiscard]] std::string formEncode(const FormFields& fields);

// Decodes a query string ('+' is a space, %XX a byte). Given an absolute URL, takes its query (without
// any '#fragment'); a URL without '?' has no parameters. Given "/path?query" or "?query", takes what follows
// the '?'. A repeated name keeps
// its first value (an OAuth redirect with duplicated parameters must not be able to override the first).
// A malformed '%' sequence is kept literally.
[[nodiscard]] std::map<std::string, std::string> parseQuery(std::string_view urlOrQuery);

// Decodes %XX sequences (and '+' as a space when plusIsSpace); exposed for callers and tests.
[[nodiscard]] std::string percentDecode(std::string_view text, bool plusIsSpace);

} // namespace techo::net
