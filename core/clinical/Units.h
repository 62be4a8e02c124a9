#pragma once

#include "core/clinical/CheckupItems.h"

#include <optional>
#include <string_view>

namespace techo::clinical {

// The item's canonical unit (CheckupItem::unit, a UCUM-like spelling: mg/dL, U/L, %, mmHg, kg/m2,
// mL/min/1.73m2 …) when `sent` is a spelling of it; nullopt otherwise. Spellings are compared after NFKC,
// case folding and removing white space (so "mg/dl", "MG/DL", "ｍｇ／ｄＬ", "％", "mmhg" and "kg/m²" match),
// plus the synonyms in Units.cpp (IU/L = U/L, 万/μL = 10^4/uL, µ = u …). Only the spelling changes: no item
// has two units with a conversion factor between them (HbA1c JDS and NGSP are different items).
[[nodiscard]] std::optional<std::string_view> canonicalUnit(const CheckupItem& item, std::string_view sent);

} // namespace techo::clinical
