#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace techo::crypto {

// How hard a passphrase is to guess, for the hint beside the passphrase field when a vault is created.
// Advice only: Techo accepts any non-empty passphrase (the person decides), but says plainly how weak it is.
enum class PassphraseQuality {
    Bad, // a word list or keyboard pattern finds it at once (estimate ≤ 0 bits: empty or a repetition of one char)
    Poor, // < 40 bits
    Weak, // < 75 bits
    Good, // < 100 bits
    Excellent, // ≥ 100 bits
};

struct PassphraseStrength {
    double entropyBits = 0; // zxcvbn's estimate of log2(guesses an attacker needs)
    PassphraseQuality quality = PassphraseQuality::Bad;
};

// Estimates `utf8` with zxcvbn (Debian libzxcvbn, the C port of Dropbox's zxcvbn: dictionaries of common
// passwords, names and English words, keyboard patterns, repeats, sequences, dates and leet). `avoidWords`
// are words that make the passphrase especially easy for someone who knows the person (the app passes
// "techo" and the vault's file name); each is matched like a dictionary word. Quality bands are KeePassXC's
// (src/core/PasswordHealth.cpp: < 40 poor, < 75 weak, < 100 good, else excellent). Pure function; no copy
// of the passphrase outlives the call (the NUL-terminated copy is in wiping memory).
[[nodiscard]] PassphraseStrength estimatePassphraseStrength(
    std::string_view utf8, const std::vector<std::string>& avoidWords = {});

} // namespace techo::crypto
