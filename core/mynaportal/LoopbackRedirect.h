#pragma once

#include "core/net/CancelToken.h"
#include "core/util/Result.h"

#include <chrono>
#include <map>
#include <memory>
#include <string>

namespace techo::mynaportal {

// The receiving end of an OAuth redirect for a desktop app (RFC 8252 §7.3): a one-shot HTTP listener
// on 127.0.0.1 at a port the system picks. The browser is sent to the authorize page with
// redirect_uri = http://127.0.0.1:PORT/callback and comes back here with ?code=…&state=….
class LoopbackRedirect final {
public:
    [[nodiscard]] static Result<std::unique_ptr<LoopbackRedirect>> listen();
    ~LoopbackRedirect();
    LoopbackRedirect(const LoopbackRedirect&) = delete;
    LoopbackRedirect& operator=(const LoopbackRedirect&) = delete;

    [[nodiscard]] int port() const noexcept { return m_port; }
    [[nodiscard]] std::string redirectUri() const;

    // Waits for GET /callback?…, answers the browser with a short page and returns the query
    // parameters. Other requests (a favicon) get 404 and the wait goes on.
    [[nodiscard]] Result<std::map<std::string, std::string>> waitForRedirect(
        std::chrono::milliseconds timeout, const net::CancelToken* cancel);

private:
    LoopbackRedirect(int socket, int port)
        : m_socket(socket)
        , m_port(port)
    { }
    int m_socket = -1;
    int m_port = 0;
};

} // namespace techo::mynaportal
