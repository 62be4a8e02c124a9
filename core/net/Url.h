#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace techo::net {

// Percent-encodes every byte except RFC 3986 unreserved characters (ALPHA DIGIT - . _ ~). UTF-8 text
// is encoded byte by byte, so "健" becomes "%E5%81%A5".
[[nodiscard]] std::string urlEncode(std::string_view text);

// application/x-www-form-urlencoded: name=value pairs joined by '&', a space as '+', everything
// outside the unreserved set percent-encoded. Order is kept.
[[nodiscard]] std::string formEncode(const std::vector<std::pair<std::string, std::string>>& fields);

// Decodes a query string ('+' is a space, %XX a byte). Given a URL, takes the part after '?' up to
// any '#'; a URL without '?' has no parameters. A repeated name keeps its first value (an OAuth
// redirect with duplicated parameters must not be able to override the first). A malformed '%'
// sequence is kept literally.
[[nodiscard]] std::map<std::string, std::string> parseQuery(std::string_view urlOrQuery);

// Decodes %XX sequences (and '+' as a space when plusIsSpace); exposed for callers and tests.
[[nodiscard]] std::string percentDecode(std::string_view text, bool plusIsSpace);

} // namespace techo::net
