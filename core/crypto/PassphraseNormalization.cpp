#include "core/crypto/PassphraseNormalization.h"

#include <cstdint>
#include <utf8proc.h>

namespace techo::crypto {

Result<SecretBytes> normalizePassphrase(const SecretBytes& passphrase, PassphraseRule rule)
{
    if (rule == PassphraseRule::RawBytes || passphrase.empty())
        return SecretBytes::fromString(passphrase.view());

    // utf8proc_map() would return the result in ordinary heap memory; decompose → compose → re-encode
    // in a buffer we own keeps every copy of the passphrase in guarded memory.
    const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(passphrase.data());
    const auto length = static_cast<utf8proc_ssize_t>(passphrase.size());
    const utf8proc_ssize_t codePoints = utf8proc_decompose(bytes, length, nullptr, 0, options);
    if (codePoints < 0)
        return makeError(ErrorCode::InvalidData, "the passphrase is not valid UTF-8 text");

    // One 32-bit slot per code point, plus the byte utf8proc_reencode() needs for its terminating NUL
    // (rounded up to a whole slot so the buffer stays 4-byte aligned).
    SecretBytes work((static_cast<std::size_t>(codePoints) + 1) * sizeof(utf8proc_int32_t));
    auto* buffer = reinterpret_cast<utf8proc_int32_t*>(work.data());
    const utf8proc_ssize_t decomposed = utf8proc_decompose(bytes, length, buffer, codePoints, options);
    if (decomposed != codePoints)
        return makeError(ErrorCode::Internal, "Unicode normalisation failed");
    const utf8proc_ssize_t encoded = utf8proc_reencode(buffer, decomposed, options);
    if (encoded < 0)
        return makeError(ErrorCode::Internal, "Unicode normalisation failed");
    work.truncate(static_cast<std::size_t>(encoded)); // wipes the NUL and the unused tail
    return work;
}

} // namespace techo::crypto
