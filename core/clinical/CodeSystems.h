#pragma once

#include <array>
#include <optional>
#include <span>
#include <string_view>

namespace techo::clinical {

// One code of a 特定健診 code system, with its label and the other spellings of that label seen in real feeds
// (compared in matchForm, core/clinical/TextForms.h, after removing one pair of enclosing parentheses).
struct CodedValue {
    std::string_view code;
    std::string_view label;
    std::array<std::string_view, 6> forms {}; // unused entries are empty
};

// A code system (value set) identified by its OID, as sent in the TKK `Oid` field.
struct CodeSystem {
    std::string_view oid;
    std::string_view name;
    std::span<const CodedValue> values;
};

[[nodiscard]] const CodeSystem* findCodeSystem(std::string_view oid);

// The code `value` stands for in `system`: the code itself ("3"), its label ("+"), or an unambiguous
// other spelling ("1+", "(+)", "＋"). nullopt when it is none of those, or when it could mean more than one
// code (陽性 on a −/±/+/++/+++ scale). Sources and decisions: docs/import.md, "Coded values".
[[nodiscard]] std::optional<std::string_view> resolveCode(const CodeSystem& system, std::string_view value);

} // namespace techo::clinical
