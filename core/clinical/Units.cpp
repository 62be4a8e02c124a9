#include "core/clinical/Units.h"

#include "core/clinical/TextForms.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace techo::clinical {
namespace {

// Synonyms that differ by more than width, case or spacing: (canonical unit, another spelling of it). Same
// quantity, same number: 1 IU/L of an enzyme is 1 U/L; μL = uL = mm3.
constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kSynonyms = {{
    {"U/L", "IU/L"},
    {"kg/m2", "kg/m^2"},
    {"cm2", "cm^2"},
    {"mL/min/1.73m2", "mL/min/1.73m^2"},
    {"mL/min/1.73m2", "mL/分/1.73m2"},
    {"10^4/uL", "10^4/μL"},
    {"10^4/uL", "x10^4/uL"},
    {"10^4/uL", "x10^4/μL"},
    {"10^4/uL", "×10^4/μL"},
    {"10^4/uL", "×10^4/uL"},
    {"10^4/uL", "万/μL"},
    {"10^4/uL", "万/uL"},
    {"10^4/uL", "10^4/mm3"},
    {"10^4/uL", "万/mm3"},
    {"10^4/uL", "x10^4/mm3"},
    {"%", "パーセント"},
}};

} // namespace

std::optional<std::string_view> canonicalUnit(const CheckupItem& item, std::string_view sent)
{
    if (item.unit.empty())
        return std::nullopt;
    if (sent == item.unit)
        return item.unit;
    const auto form = matchForm(sent);
    if (!form || form->empty())
        return std::nullopt;
    if (matchForm(item.unit) == *form)
        return item.unit;
    const bool synonym = std::any_of(kSynonyms.begin(), kSynonyms.end(),
        [&](const auto& s) { return s.first == item.unit && matchForm(s.second) == *form; });
    if (synonym)
        return item.unit;
    return std::nullopt;
}

bool isAcceptedUnit(const CheckupItem& item, std::string_view unit)
{
    return canonicalUnit(item, unit).has_value();
}

} // namespace techo::clinical
