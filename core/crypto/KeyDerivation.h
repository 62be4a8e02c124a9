#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/util/Result.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace techo::crypto {

inline constexpr std::size_t kSaltSize = 16;
inline constexpr std::size_t kKeySize = 32;
using Salt = std::array<std::uint8_t, kSaltSize>;

// Argon2id parameters, stored in the vault header so a vault always opens with what created it.
struct KdfParams {
    std::uint32_t memoryKib = 0;
    std::uint32_t iterations = 0;
    std::uint32_t parallelism = 1; // libsodium's Argon2id is single-lane

    // 128 MiB and 8 passes: about 0.5-0.6 s on the reference 2-core machine (docs/performance.md).
    [[nodiscard]] static KdfParams interactiveDefault() noexcept { return {128 * 1024, 8, 1}; }
    // Deliberately weak; only for test suites that create many vaults. Never the default anywhere.
    [[nodiscard]] static KdfParams insecureForTestsOnly() noexcept { return {8 * 1024, 1, 1}; }

    [[nodiscard]] bool isWeakerThanDefault() const noexcept;
    // memory kMinMemoryKib..kMaxMemoryKib, 1..kMaxIterations passes, exactly 1 lane. A vault header
    // asking for more is damaged or hostile (docs/vault-format.md, "Accepted ranges").
    [[nodiscard]] bool isWithinBounds() const noexcept;
    bool operator==(const KdfParams&) const = default;
};

// Bounds accepted when reading a header: below the floor is refused as damaged or hostile, above
// the ceiling a crafted file could make Techo allocate or compute without bound before any check.
// 4 GiB is 32x the default; 64 passes is 8x; libsodium's Argon2id runs a single lane.
inline constexpr std::uint32_t kMinMemoryKib = 8 * 1024;
inline constexpr std::uint32_t kMaxMemoryKib = 4 * 1024 * 1024;
inline constexpr std::uint32_t kMaxIterations = 64;
inline constexpr std::uint32_t kMaxParallelism = 1;

[[nodiscard]] Salt randomSalt();
// Argon2id (libsodium crypto_pwhash, ALG_ARGON2ID13) of the passphrase bytes exactly as given (normalise
// them first: PassphraseNormalization.h) into a kKeySize-byte key. Errors: Usage when params are not
// isWithinBounds(), Io when the memory cannot be had, Internal when libsodium cannot start.
[[nodiscard]] Result<SecretBytes> deriveKey(const SecretBytes& passphrase, const Salt& salt, const KdfParams& params);

// A short public value that tells "wrong passphrase" apart from "damaged file": a keyed BLAKE2b of a
// fixed label. It reveals nothing an attacker could not learn by trying the key on the database itself.
[[nodiscard]] std::array<std::uint8_t, 16> keyCheckValue(const SecretBytes& key);

// "x'<64 hex digits>'": SQLCipher's raw-key form, which skips its own (weak) PBKDF2.
[[nodiscard]] SecretBytes sqlcipherRawKey(const SecretBytes& key);

// Lower-case hex (libsodium sodium_bin2hex) of bytes that are not secret.
[[nodiscard]] std::string toHex(std::span<const std::uint8_t> bytes);
// Exactly out.size() * 2 hex digits (either case, nothing else) into out (libsodium sodium_hex2bin);
// false on any other input.
[[nodiscard]] bool fromHex(std::string_view hex, std::span<std::uint8_t> out);

} // namespace techo::crypto
