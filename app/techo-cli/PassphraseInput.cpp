#include "app/techo-cli/PassphraseInput.h"

#include "core/util/UniqueFd.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string_view>
#include <termios.h>
#include <unistd.h>

namespace techo::cli {
namespace {

constexpr std::size_t kMaxPassphrase = 1024;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::optional<crypto::SecretBytes> takeVariable(const char* name)
{
    char* value = std::getenv(name);
    if (value == nullptr)
        return std::nullopt;
    const std::size_t length = std::strlen(value);
    crypto::SecretBytes copy = crypto::SecretBytes::fromString(std::string_view(value, length));
    ::unsetenv(name);
    // unsetenv() only drops the pointer; the text itself (on the stack for the initial environment,
    // where /proc/PID/environ reads it) stays until overwritten.
    ::explicit_bzero(value, length);
    return copy;
}

// Notepad and some editors start a UTF-8 file with a byte order mark; it is not part of the passphrase.
void dropBom(crypto::SecretBytes& line)
{
    if (!line.view().starts_with(kUtf8Bom))
        return;
    const std::size_t rest = line.size() - kUtf8Bom.size();
    std::memmove(line.data(), line.data() + kUtf8Bom.size(), rest);
    line.truncate(rest);
}

// Reads one line from fd into a secret buffer (no std::string copies of the passphrase).
Result<crypto::SecretBytes> readLine(int fd)
{
    crypto::SecretBytes buffer(kMaxPassphrase);
    std::size_t length = 0;
    while (length < kMaxPassphrase) {
        char c = 0;
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || c == '\n')
            break;
        buffer.data()[length++] = static_cast<std::uint8_t>(c);
    }
    if (length == kMaxPassphrase)
        return makeError(ErrorCode::Usage, "the passphrase is longer than 1024 bytes");
    if (length > 0 && buffer.data()[length - 1] == '\r')
        --length;
    buffer.truncate(length);
    return buffer;
}

Result<crypto::SecretBytes> promptOnTerminal(const char* prompt)
{
    const UniqueFd ttyFd(::open("/dev/tty", O_RDWR | O_CLOEXEC));
    const int tty = ttyFd.get();
    if (!ttyFd.valid())
        return makeError(ErrorCode::Usage,
            "no passphrase given: use --passphrase-file FILE or the TECHO_PASSPHRASE "
            "environment variable, or run on a terminal");
    termios original {};
    const bool isTerminal = ::tcgetattr(tty, &original) == 0;
    if (isTerminal) {
        termios silent = original;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        silent.c_lflag |= ECHONL;
        (void)::tcsetattr(tty, TCSAFLUSH, &silent);
    }
    (void)!::write(tty, prompt, std::strlen(prompt));
    auto line = readLine(tty);
    if (isTerminal)
        (void)::tcsetattr(tty, TCSAFLUSH, &original);
    return line;
}

} // namespace

EnvironmentPassphrases takePassphrasesFromEnvironment()
{
    EnvironmentPassphrases taken;
    taken.passphrase = takeVariable("TECHO_PASSPHRASE");
    taken.newPassphrase = takeVariable("TECHO_NEW_PASSPHRASE");
    return taken;
}

Result<crypto::SecretBytes> readPassphrase(const PassphraseSource& source)
{
    if (source.file) {
        const UniqueFd fd(::open(source.file->c_str(), O_RDONLY | O_CLOEXEC));
        if (!fd.valid())
            return makeError(
                ErrorCode::Usage, "cannot read the passphrase file " + *source.file + ": " + std::strerror(errno));
        TECHO_ASSIGN(crypto::SecretBytes line, readLine(fd.get()));
        dropBom(line);
        return line;
    }
    if (source.fromEnvironment != nullptr)
        return crypto::SecretBytes::fromString(source.fromEnvironment->view());

    TECHO_ASSIGN(crypto::SecretBytes first, promptOnTerminal(source.prompt));
    if (source.confirm) {
        TECHO_ASSIGN(crypto::SecretBytes second, promptOnTerminal("Repeat to confirm: "));
        if (!first.equals(second))
            return makeError(ErrorCode::Usage, "the two passphrases do not match");
    }
    return first;
}

} // namespace techo::cli
