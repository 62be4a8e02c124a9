#pragma once

#include "core/net/HttpClient.h"

#include <memory>

struct curl_slist;

namespace techo::net {

// A request's headers as the curl_slist libcurl sends (RAII), validated so that no value can inject
// another header. Adds "Expect:" (no 100-continue round trip) unless the caller set Expect itself.
class RequestHeaders final {
public:
    // Errors: Usage (a name that is not an RFC 9110 token, or a value with CR, LF or NUL; the value is
    // never echoed), Internal (out of memory).
    [[nodiscard]] static Result<RequestHeaders> build(const std::vector<HttpHeader>& headers);

    [[nodiscard]] curl_slist* get() const noexcept { return m_list.get(); }

private:
    struct Deleter {
        void operator()(curl_slist* list) const noexcept;
    };
    std::unique_ptr<curl_slist, Deleter> m_list;
};

} // namespace techo::net
