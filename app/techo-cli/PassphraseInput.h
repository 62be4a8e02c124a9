#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/util/Result.h"

#include <optional>
#include <string>

namespace techo::cli {

// Where a passphrase may come from, in order: a file, an environment variable, a no-echo prompt on
// the controlling terminal. Never from a command-line argument (visible in `ps`).
struct PassphraseSource {
    std::optional<std::string> file; // its first line; a UTF-8 BOM and the line end are dropped
    const char* environmentVariable = "TECHO_PASSPHRASE";
    const char* prompt = "Passphrase: ";
    bool confirm = false; // ask twice when prompting (new passphrases)
};

// The passphrase as typed (Unicode normalisation is the vault's job: Vault::open/create).
// Errors: Usage (unreadable file, longer than 1024 bytes, no terminal to prompt on, confirmation differs).
[[nodiscard]] Result<crypto::SecretBytes> readPassphrase(const PassphraseSource& source);

} // namespace techo::cli
