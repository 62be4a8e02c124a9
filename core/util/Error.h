#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
    InUse, // another Techo process holds the vault open, or is re-encrypting it
};

[[nodiscard]] std::string_view errorCodeName(ErrorCode code) noexcept;

// An error a program can act on and a person can read in their language.
// `message` is the English text (CLI, logs). `key` names the message for translation (e.g.
// "import.person_conflict"; empty for errors that have no translated form yet) and `params` carries the
// values the translated text needs, by name (identifiers, field names, counts — never health data or secrets).
struct Error {
    Error() = default;
    Error(ErrorCode errorCode, std::string text)
        : code(errorCode)
        , message(std::move(text))
    { }

    ErrorCode code = ErrorCode::Internal;
    std::string message; // English, for people; never holds health data or secrets
    std::string key;
    std::vector<std::pair<std::string, std::string>> params;

    [[nodiscard]] static Error make(ErrorCode code, std::string message) { return Error {code, std::move(message)}; }
    // Builder for structured errors: makeError(...).withKey("…").with("field", "DiDate").
    [[nodiscard]] Error&& withKey(std::string messageKey) &&
    {
        key = std::move(messageKey);
        return std::move(*this);
    }
    [[nodiscard]] Error&& with(std::string name, std::string value) &&
    {
        params.emplace_back(std::move(name), std::move(value));
        return std::move(*this);
    }
    // The value of a named parameter, or "" when absent.
    [[nodiscard]] std::string param(std::string_view name) const
    {
        for (const auto& [n, v] : params)
            if (n == name)
                return v;
        return {};
    }
};

} // namespace techo
