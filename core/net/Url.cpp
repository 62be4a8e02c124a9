#include "core/net/Url.h"

namespace techo::net {
namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

bool isUnreserved(unsigned char c) noexcept
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

int hexValue(char c) noexcept
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

void appendEncoded(std::string& out, std::string_view text, bool spaceAsPlus)
{
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (isUnreserved(c)) {
            out += ch;
        } else if (spaceAsPlus && c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += kHexDigits[c >> 4];
            out += kHexDigits[c & 0x0F];
        }
    }
}

} // namespace

std::string urlEncode(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    appendEncoded(out, text, false);
    return out;
}

std::string formEncode(const std::vector<std::pair<std::string, std::string>>& fields)
{
    std::string out;
    for (const auto& [name, value] : fields) {
        if (!out.empty())
            out += '&';
        appendEncoded(out, name, true);
        out += '=';
        appendEncoded(out, value, true);
    }
    return out;
}

std::string percentDecode(std::string_view text, bool plusIsSpace)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 2 < text.size()) {
            const int high = hexValue(text[i + 1]);
            const int low = hexValue(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out += static_cast<char>(high * 16 + low);
                i += 2;
                continue;
            }
        }
        out += (plusIsSpace && c == '+') ? ' ' : c;
    }
    return out;
}

std::map<std::string, std::string> parseQuery(std::string_view urlOrQuery)
{
    std::string_view query = urlOrQuery;
    if (const auto question = query.find('?'); question != std::string_view::npos)
        query.remove_prefix(question + 1);
    else if (query.find("://") != std::string_view::npos)
        return {};
    if (const auto hash = query.find('#'); hash != std::string_view::npos)
        query = query.substr(0, hash);

    std::map<std::string, std::string> result;
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view {} : query.substr(amp + 1);
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
