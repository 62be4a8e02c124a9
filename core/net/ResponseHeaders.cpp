#include "core/net/ResponseHeaders.h"

#include <algorithm>
#include <cctype>

namespace techo::net {
namespace {

std::string_view trim(std::string_view text) noexcept
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
        text.remove_suffix(1);
    return text;
}

} // namespace

void ResponseHeaders::addLine(std::string_view raw)
{
    const std::string_view line = trim(raw);
    if (line.starts_with("HTTP/")) {
        m_headers.clear(); // a new response starts (after a 100 Continue or a redirect)
        return;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos)
        return; // the blank line that ends the headers, or an obsolete folded line
    std::string name(trim(line.substr(0, colon)));
    std::transform(name.begin(), name.end(), name.begin(),
        [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    m_headers.push_back({std::move(name), std::string(trim(line.substr(colon + 1)))});
}

} // namespace techo::net
