#include "core/mynaportal/LoopbackRedirect.h"

#include "core/net/Url.h"

#include <sodium.h>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace techo::mynaportal {
namespace {

constexpr std::size_t kMaxRequest = 16 * 1024;
// The API's redirect when the マイナンバーカード certificate has expired (research §a2, [C] value).
constexpr std::string_view kCertificateExpiredState = "Certificate expired";

constexpr const char* kDonePage = "<!doctype html><html lang=\"ja\"><meta charset=\"utf-8\"><title>Techo</title>"
                                  "<p>Techo（健康手帳）に戻ってください。このウィンドウは閉じてかまいません。</p>"
                                  "<p>You can return to Techo and close this window.</p></html>";
constexpr const char* kWrongStatePage
    = "<!doctype html><html lang=\"ja\"><meta charset=\"utf-8\"><title>Techo</title>"
      "<p>このリンクは、Techo が今待っているログインのものではありません。Techo からもう一度やり直してください。</p>"
      "<p>This link does not belong to the login Techo is waiting for. Start again from Techo.</p></html>";
constexpr const char* kCertificateExpiredPage
    = "<!doctype html><html lang=\"ja\"><meta charset=\"utf-8\"><title>Techo</title>"
      "<p>マイナンバーカードの電子証明書の有効期限が切れています。市区町村の窓口で更新してから、Techo "
      "でやり直してください。</p>"
      "<p>The certificate on your My Number Card has expired. Renew it at your municipal office, then "
      "start again from Techo.</p></html>";

// Compares in constant time: the state is the login's anti-forgery secret.
bool sameState(const std::string& received, const std::string& expected)
{
    return !expected.empty() && received.size() == expected.size()
        && sodium_memcmp(received.data(), expected.data(), expected.size()) == 0;
}

void sendAll(int fd, const std::string& text)
{
    std::size_t sent = 0;
    while (sent < text.size()) {
        const ssize_t n = ::send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
        if (n <= 0)
            return;
        sent += static_cast<std::size_t>(n);
    }
}

void answer(int fd, const char* status, const std::string& body)
{
    sendAll(fd,
        std::string("HTTP/1.1 ") + status + "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
            + std::to_string(body.size()) + "\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n" + body);
}

// Reads one request head with a deadline; returns its first line ("GET /path?query HTTP/1.1").
std::string readRequestLine(int fd, std::chrono::steady_clock::time_point deadline)
{
    std::string head;
    char buffer[2048];
    while (head.find("\r\n\r\n") == std::string::npos && head.size() < kMaxRequest) {
        const auto left
            = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            break;
        pollfd p {fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 2000))) <= 0)
            break;
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0)
            break;
        head.append(buffer, static_cast<std::size_t>(n));
    }
    return head.substr(0, head.find("\r\n"));
}

} // namespace

Result<std::unique_ptr<LoopbackRedirect>> LoopbackRedirect::listen()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return makeError(ErrorCode::Io, std::string("cannot open a socket: ") + std::strerror(errno));
    UniqueFd guard(fd);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd, 4) != 0)
        return makeError(ErrorCode::Io, std::string("cannot listen on 127.0.0.1: ") + std::strerror(errno));
    socklen_t length = sizeof address;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        return makeError(ErrorCode::Io, std::string("cannot read the listening port: ") + std::strerror(errno));
    return std::unique_ptr<LoopbackRedirect>(new LoopbackRedirect(std::move(guard), ntohs(address.sin_port)));
}

LoopbackRedirect::~LoopbackRedirect() = default;

std::string LoopbackRedirect::redirectUri() const
{
    return "http://127.0.0.1:" + std::to_string(m_port) + "/callback";
}

Result<std::map<std::string, std::string>> LoopbackRedirect::waitForRedirect(
    const std::string& expectedState, std::chrono::milliseconds timeout, const net::CancelToken* cancel)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    bool certificateExpired = false;
    while (true) {
        if (cancel != nullptr && cancel->isCancelled())
            return makeError(ErrorCode::Cancelled, "cancelled");
        if (std::chrono::steady_clock::now() >= deadline)
            return makeError(ErrorCode::Network,
                certificateExpired ? "the authorization was not completed in time; the browser reported that the "
                                     "マイナンバーカード certificate has expired"
                                   : "no answer from the browser: the authorization was not completed in time")
                .withKey(certificateExpired ? "net.card_expired" : "net.authorization_timeout");
        pollfd p {m_socket.get(), POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0)
            continue;
        UniqueFd client(::accept4(m_socket.get(), nullptr, nullptr, SOCK_CLOEXEC));
        if (!client.valid())
            continue;
        const std::string line
            = readRequestLine(client.get(), std::chrono::steady_clock::now() + std::chrono::seconds(5));
        // "GET /callback?code=…&state=… HTTP/1.1"
        const auto firstSpace = line.find(' ');
        const auto secondSpace = line.find(' ', firstSpace + 1);
        const std::string target = firstSpace == std::string::npos || secondSpace == std::string::npos
            ? std::string()
            : line.substr(firstSpace + 1, secondSpace - firstSpace - 1);
        // An origin-form target (RFC 9112 §3.2.1) read against our own origin, so libcurl parses it.
        auto url = target.starts_with('/') ? net::Url::parse("http://127.0.0.1:" + std::to_string(m_port) + target)
                                           : Result<net::Url>(makeError(ErrorCode::Usage, "not origin-form"));
        if (!line.starts_with("GET ") || !url.ok() || url->path() != "/callback") {
            answer(client.get(), "404 Not Found", "<!doctype html><title>Techo</title><p>Not found.</p>");
            continue;
        }
        const auto params = url->queryParameters();
        const auto state = params.find("state");
        if (state == params.end() || !sameState(state->second, expectedState)) {
            const bool expired = state != params.end() && state->second == kCertificateExpiredState;
            certificateExpired = certificateExpired || expired;
            answer(client.get(), "400 Bad Request", expired ? kCertificateExpiredPage : kWrongStatePage);
            continue;
        }
        answer(client.get(), "200 OK", kDonePage);
        return params;
    }
}

} // namespace techo::mynaportal
