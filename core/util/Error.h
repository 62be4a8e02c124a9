#pragma once

#include <string>
#include <string_view>

namespace techo {

// Each code maps to one thing the user (or a script, through techo-cli's exit code) can act on.
enum class ErrorCode {
    Internal, // a bug or an unexpected library failure
    Usage, // the caller asked for something malformed
    WrongPassphrase, // the key derived from the passphrase does not open the vault
    NotAVault, // the file is not a Techo vault at all
    Damaged, // a Techo vault whose header or pages are corrupt or truncated
    NewerFormat, // written by a newer Techo; this build must not touch it
    Io, // the operating system refused (permission, disk full, missing file)
    AlreadyExists, // refusing to overwrite
    NotFound,
    Network, // connection, TLS, timeouts, HTTP faults
    InvalidData, // input that fails validation
    Cancelled,
};

[[nodiscard]] std::string_view errorCodeName(ErrorCode code) noexcept;

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message; // English, for people; never holds health data or secrets

    [[nodiscard]] static Error make(ErrorCode code, std::string message) { return Error {code, std::move(message)}; }
};

} // namespace techo
