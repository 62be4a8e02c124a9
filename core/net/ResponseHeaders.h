#pragma once

#include "core/net/HttpClient.h"

#include <string_view>
#include <vector>

namespace techo::net {

// Collects the header lines libcurl hands over, one line per call, and keeps only the last response's
// (a 100 Continue or a followed redirect starts a new one). Names are lower-cased, values trimmed.
class ResponseHeaders final {
public:
    // One raw line as received, with or without its CRLF. Throws std::bad_alloc.
    void addLine(std::string_view line);

    [[nodiscard]] const std::vector<HttpHeader>& headers() const noexcept { return m_headers; }
    [[nodiscard]] std::vector<HttpHeader> take() noexcept { return std::move(m_headers); }

private:
    std::vector<HttpHeader> m_headers;
};

} // namespace techo::net
