#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/util/Result.h"

#include <optional>
#include <string>

namespace techo::cli {

// Where a passphrase may come from, in order: a file, an environment variable, a no-echo prompt on
// the controlling terminal. Never from a command-line argument (visible in `ps`).
struct PassphraseSource {
    std::optional<std::string> file;
    const char* environmentVariable = "TECHO_PASSPHRASE";
    const char* prompt = "Passphrase: ";
    bool confirm = false; // ask twice when prompting (new passphrases)
};

[[nodiscard]] Result<crypto::SecretBytes> readPassphrase(const PassphraseSource& source);

} // namespace techo::cli
