#include "core/crypto/PassphraseStrength.h"

#include "core/crypto/SecretBytes.h"

#include <algorithm>
#include <zxcvbn.h>

namespace techo::crypto {
namespace {

PassphraseQuality qualityFor(double bits) noexcept
{
    if (bits <= 0)
        return PassphraseQuality::Bad;
    if (bits < 40)
        return PassphraseQuality::Poor;
    if (bits < 75)
        return PassphraseQuality::Weak;
    if (bits < 100)
        return PassphraseQuality::Good;
    return PassphraseQuality::Excellent;
}

} // namespace

PassphraseStrength estimatePassphraseStrength(std::string_view utf8, const std::vector<std::string>& avoidWords)
{
    if (utf8.empty())
        return {};
    // zxcvbn wants a NUL-terminated string: the copy lives in wiping memory.
    SecretBytes withNul(utf8.size() + 1);
    std::copy(utf8.begin(), utf8.end(), withNul.data());
    withNul.data()[utf8.size()] = 0;

    std::vector<const char*> dictionary;
    dictionary.reserve(avoidWords.size() + 1);
    for (const std::string& word : avoidWords) {
        if (!word.empty())
            dictionary.push_back(word.c_str());
    }
    dictionary.push_back(nullptr);

    // No match list asked for (nullptr): zxcvbn keeps no piece of the passphrase after the call.
    const double bits = ZxcvbnMatch(reinterpret_cast<const char*>(withNul.data()), dictionary.data(), nullptr);
    return {bits, qualityFor(bits)};
}

} // namespace techo::crypto
