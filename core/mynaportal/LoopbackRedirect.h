#pragma once

#include "core/net/CancelToken.h"
#include "core/util/Result.h"
#include "core/util/UniqueFd.h"

#include <chrono>
#include <map>
#include <memory>
#include <string>

namespace techo::mynaportal {

// The receiving end of an OAuth redirect for a desktop app (RFC 8252 §7.3): an HTTP listener on
// 127.0.0.1 at a port the system picks, which returns the first redirect that belongs to this login. The browser is
// sent to the authorize page with redirect_uri = http://127.0.0.1:PORT/callback and comes back here with
// ?code=…&state=….
class LoopbackRedirect final {
public:
    [[nodiscard]] static Result<std::unique_ptr<LoopbackRedirect>> listen();
    ~LoopbackRedirect();
    LoopbackRedirect(const LoopbackRedirect&) = delete;
    LoopbackRedirect& operator=(const LoopbackRedirect&) = delete;

    [[nodiscard]] int port() const noexcept { return m_port; }
    [[nodiscard]] std::string redirectUri() const;

    // Waits for GET /callback?…&state=<expectedState>, answers the browser with a short page and returns
    // that callback's query parameters (code, state, or the API's error values). Any other request gets
    // an error page and the wait goes on: other paths 404, and a /callback whose state is missing or
    // wrong 400. Only the redirect carrying the state this login sent belongs to it (RFC 6749 §10.12,
    // RFC 8252 §8.9), so no other local process can end or hijack the login by calling the port first.
    // This includes the API's card-expiry redirect (state "Certificate expired", research §a2): it
    // carries no state of ours, so the browser is told what it means, and the wait ends only by timeout
    // or cancel, the timeout's message then naming the expired certificate.
    // Errors: Network (timeout), Cancelled.
    [[nodiscard]] Result<std::map<std::string, std::string>> waitForRedirect(
        const std::string& expectedState, std::chrono::milliseconds timeout, const net::CancelToken* cancel);

private:
    LoopbackRedirect(UniqueFd socket, int port)
        : m_socket(std::move(socket))
        , m_port(port)
    { }
    UniqueFd m_socket;
    int m_port = 0;
};

} // namespace techo::mynaportal
