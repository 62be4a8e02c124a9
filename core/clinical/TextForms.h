#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace techo::clinical {

// Unicode compatibility normalisation (NFKC, utf8proc) of UTF-8 text: full-width digits, letters, signs and
// the decimal point become ASCII ("１２０．５" → "120.5", "＜" → "<", "％" → "%"), "²" → "2", "µ" → "μ".
// nullopt when the text is not valid UTF-8.
[[nodiscard]] std::optional<std::string> nfkc(std::string_view text);

// The form two spellings are compared in: NFKC, Unicode case folding, and no white space at all
// ("MG / DL", "mg/dl" and "ｍｇ／ｄＬ" all become "mg/dl"). nullopt when the text is not valid UTF-8.
[[nodiscard]] std::optional<std::string> matchForm(std::string_view text);

} // namespace techo::clinical
