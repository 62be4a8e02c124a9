#include "core/crypto/KeyDerivation.h"

#include <sodium.h>

namespace techo::crypto {

bool KdfParams::isWeakerThanDefault() const noexcept
{
    const KdfParams def = interactiveDefault();
    return memoryKib < def.memoryKib || iterations < def.iterations;
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
    if (params.memoryKib < kMinMemoryKib || params.memoryKib > kMaxMemoryKib || params.iterations < 1
        || params.iterations > kMaxIterations || params.parallelism != 1)
        return makeError(ErrorCode::Damaged, "key derivation parameters are out of the accepted range");
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
    SecretBytes raw(3 + key.size() * 2);
    raw.data()[0] = 'x';
    raw.data()[1] = '\'';
    static constexpr char kDigits[] = "0123456789abcdef";
    for (std::size_t i = 0; i < key.size(); ++i) {
        raw.data()[2 + 2 * i] = static_cast<std::uint8_t>(kDigits[key.data()[i] >> 4U]);
        raw.data()[3 + 2 * i] = static_cast<std::uint8_t>(kDigits[key.data()[i] & 0x0FU]);
    }
    raw.data()[raw.size() - 1] = '\'';
    return raw;
}

std::string toHex(std::span<const std::uint8_t> bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (std::uint8_t b : bytes) {
        out.push_back(kDigits[b >> 4U]);
        out.push_back(kDigits[b & 0x0FU]);
    }
    return out;
}

bool fromHex(std::string_view hex, std::span<std::uint8_t> out)
{
    if (hex.size() != out.size() * 2)
        return false;
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < out.size(); ++i) {
        const int hi = nibble(hex[2 * i]);
        const int lo = nibble(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        out[i] = static_cast<std::uint8_t>((hi << 4) | lo);
    }
    return true;
}

} // namespace techo::crypto
