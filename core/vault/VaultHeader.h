#pragma once

#include "core/crypto/KeyDerivation.h"
#include "core/crypto/PassphraseNormalization.h"
#include "core/util/Result.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace techo::vault {

// The plaintext block at the start of every vault file (docs/vault-format.md). It holds what is
// needed to turn a passphrase into the database key; the SQLCipher database follows it.
struct VaultHeader {
    static constexpr std::size_t kSize = 4096;
    static constexpr std::uint32_t kCurrentFormatVersion = 1;
    static constexpr std::uint32_t kCipherPageSize = 4096;

    std::uint32_t formatVersion = kCurrentFormatVersion;
    crypto::KdfParams kdf = crypto::KdfParams::interactiveDefault();
    crypto::Salt salt {};
    std::array<std::uint8_t, 16> keyCheck {};
    // Nfc is written as `passphrase_normalization=NFC`; RawBytes is the absence of that line (every
    // vault made before the field existed), so serialising a RawBytes header gives the old bytes.
    crypto::PassphraseRule passphraseRule = crypto::PassphraseRule::Nfc;

    [[nodiscard]] std::vector<char> serialize() const;
    // Errors: NotAVault (no magic line), Damaged (truncated, malformed, checksum mismatch, or key
    // derivation parameters outside KdfParams::isWithinBounds(), checked before anything is derived),
    // NewerFormat (a larger format_version, or a kdf, cipher or passphrase rule this build does not know).
    [[nodiscard]] static Result<VaultHeader> parse(const char* data, std::size_t size);
    [[nodiscard]] static Result<VaultHeader> readFrom(const std::string& path);
};

} // namespace techo::vault
