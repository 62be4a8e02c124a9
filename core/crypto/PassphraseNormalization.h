#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/util/Result.h"

namespace techo::crypto {

// How a vault turns the typed passphrase into the bytes Argon2id sees. Recorded in the vault header
// (docs/vault-format.md, `passphrase_normalization`), so a vault always opens under the rule that made it.
enum class PassphraseRule {
    // Vaults made before the rule existed (no header field): the UTF-8 bytes exactly as typed.
    RawBytes,
    // Unicode Normalization Form C (UAX #15): ガ typed as one code point (U+30AC) or as カ + U+3099, as
    // different input methods and platforms do, gives the same key.
    Nfc,
};

// The bytes to hand to deriveKey() under rule: a copy for RawBytes, the NFC form (utf8proc) for Nfc.
// Every intermediate buffer is guarded secret memory, wiped when freed.
// Errors: InvalidData when rule is Nfc and the passphrase is not valid UTF-8 (no normal form exists).
[[nodiscard]] Result<SecretBytes> normalizePassphrase(const SecretBytes& passphrase, PassphraseRule rule);

} // namespace techo::crypto
