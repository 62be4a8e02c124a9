#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/util/Result.h"

#include <optional>
#include <string>

namespace techo::cli {

// TECHO_PASSPHRASE and TECHO_NEW_PASSPHRASE, taken out of the environment when techo-cli starts.
struct EnvironmentPassphrases {
    std::optional<crypto::SecretBytes> passphrase; // TECHO_PASSPHRASE
    std::optional<crypto::SecretBytes> newPassphrase; // TECHO_NEW_PASSPHRASE
};

// Copies both variables (when set) into guarded memory, removes them from the environment and
// overwrites their text, so no child process (xdg-open, the browser) inherits them and
// /proc/PID/environ no longer shows them. Call once, before anything reads the environment.
[[nodiscard]] EnvironmentPassphrases takePassphrasesFromEnvironment();

// Where a passphrase may come from, in order: a file, the environment (already taken, see above), a
// no-echo prompt on the controlling terminal. Never from a command-line argument (visible in `ps`).
struct PassphraseSource {
    std::optional<std::string> file; // its first line; a UTF-8 BOM and the line end are dropped
    const crypto::SecretBytes* fromEnvironment = nullptr;
    const char* prompt = "Passphrase: ";
    bool confirm = false; // ask twice when prompting (new passphrases)
};

// The passphrase as typed (Unicode normalisation is the vault's job: Vault::open/create).
// Errors: Usage (unreadable file, longer than 1024 bytes, no terminal to prompt on, confirmation differs).
[[nodiscard]] Result<crypto::SecretBytes> readPassphrase(const PassphraseSource& source);

} // namespace techo::cli
