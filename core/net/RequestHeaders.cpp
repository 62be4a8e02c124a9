#include "core/net/RequestHeaders.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>

namespace techo::net {
namespace {

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

bool isExpect(std::string_view name) noexcept
{
    constexpr std::string_view kExpect = "expect";
    return name.size() == kExpect.size() && std::equal(name.begin(), name.end(), kExpect.begin(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == b;
    });
}

} // namespace

void RequestHeaders::Deleter::operator()(curl_slist* list) const noexcept
{
    curl_slist_free_all(list);
}

Result<RequestHeaders> RequestHeaders::build(const std::vector<HttpHeader>& headers)
{
    RequestHeaders built;
    bool hasExpect = false;
    const auto append = [&](const std::string& line) -> bool {
        curl_slist* grown = curl_slist_append(built.m_list.get(), line.c_str());
        if (grown == nullptr)
            return false; // the list is unchanged and still owned
        if (!built.m_list)
            built.m_list.reset(grown); // the head changes only when the list was empty
        return true;
    };
    for (const auto& header : headers) {
        // Reject CR/LF/NUL so a value can never inject another header; the value itself is not echoed.
        if (!isHeaderToken(header.name)
            || header.value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos)
            return Error {ErrorCode::Usage, "the request header '" + header.name + "' is malformed"};
        hasExpect = hasExpect || isExpect(header.name);
        // "Name;" is curl's spelling for a header sent with an empty value ("Name:" would remove it).
        const std::string line = header.value.empty() ? header.name + ";" : header.name + ": " + header.value;
        if (!append(line))
            return Error {ErrorCode::Internal, "libcurl could not allocate a header list"};
    }
    // No "Expect: 100-continue" for large bodies: it costs a round trip (or a 1 s stall) per request.
    if (!hasExpect && !append("Expect:"))
        return Error {ErrorCode::Internal, "libcurl could not allocate a header list"};
    return built;
}

} // namespace techo::net
