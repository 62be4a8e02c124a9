#include "core/crypto/KeyDerivation.h"

#include <sodium.h>

namespace techo::crypto {

bool KdfParams::isWeakerThanDefault() const noexcept
{
    const KdfParams def = interactiveDefault();
    return memoryKib < def.memoryKib || iterations < def.iterations;
}

bool KdfParams::isWithinBounds() const noexcept
{
    return memoryKib >= kMinMemoryKib && memoryKib <= kMaxMemoryKib && iterations >= 1 && iterations <= kMaxIterations
        && parallelism >= 1 && parallelism <= kMaxParallelism;
}

Salt randomSalt()
{
    Salt salt {};
    if (ensureSodium())
        randombytes_buf(salt.data(), salt.size());
    return salt;
}

Result<SecretBytes> deriveKey(const SecretBytes& passphrase, const Salt& salt, const KdfParams& params)
{
    if (!ensureSodium())
        return makeError(ErrorCode::Internal, "libsodium could not be initialised");
    if (!params.isWithinBounds())
        return makeError(ErrorCode::Usage, "key derivation parameters are out of the accepted range");
    SecretBytes key(kKeySize);
    const auto* pass = reinterpret_cast<const char*>(passphrase.data());
    if (crypto_pwhash(key.data(), key.size(), pass == nullptr ? "" : pass, passphrase.size(), salt.data(),
            params.iterations, static_cast<std::size_t>(params.memoryKib) * 1024U, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return makeError(ErrorCode::Io, "not enough memory for key derivation");
    return key;
}

std::array<std::uint8_t, 16> keyCheckValue(const SecretBytes& key)
{
    static constexpr std::string_view kLabel = "techo-vault-key-check-v1";
    std::array<std::uint8_t, 16> out {};
    if (ensureSodium())
        crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(kLabel.data()), kLabel.size(),
            key.data(), key.size());
    return out;
}

SecretBytes sqlcipherRawKey(const SecretBytes& key)
{
    // x ' <hex> ' and the NUL sodium_bin2hex writes, which truncate() then wipes.
    SecretBytes raw(3 + key.size() * 2 + 1);
    raw.data()[0] = 'x';
    raw.data()[1] = '\'';
    sodium_bin2hex(reinterpret_cast<char*>(raw.data() + 2), key.size() * 2 + 1, key.data(), key.size());
    raw.data()[2 + key.size() * 2] = '\'';
    raw.truncate(raw.size() - 1);
    return raw;
}

std::string toHex(std::span<const std::uint8_t> bytes)
{
    std::string out(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes.data(), bytes.size());
    out.pop_back();
    return out;
}

bool fromHex(std::string_view hex, std::span<std::uint8_t> out)
{
    if (hex.size() != out.size() * 2)
        return false;
    std::size_t written = 0;
    const char* end = nullptr;
    return sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &written, &end) == 0
        && written == out.size() && end == hex.data() + hex.size();
}

} // namespace techo::crypto
