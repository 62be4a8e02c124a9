#pragma once

#include "core/clinical/MedicationSupply.h"
#include "core/domain/Dispensing.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace techo::clinical {

// One ingredient the person has at hand on a given day.
struct CurrentMedicine {
    std::string ingredientKey; // IngredientGroup::key: stable across calls, for selections
    std::string ingredient; // for people (the newest line's IngreN, else its drug name)
    std::vector<std::string> drugNames; // the products of the current course, newest first, each once
    domain::Date start {}; // first dispensing of the current course (refills within refillGapDays continue it)
    domain::Date lastDispensed {};
    domain::Date until {}; // the last day the supply covers (the latest end of any line of the course)
    bool untilEstimated = false; // `until` comes from MedicationRules::asNeededDays (屯服, 外用, no days)
    std::vector<std::int64_t> dispensingIds; // of the current course, oldest first, each once
    domain::MedicationLine lastLine; // the newest line: dose, unit, usage
    std::int64_t lastDispensingId = 0;
    std::int64_t pharmacyId = 0; // of the newest dispensing
    std::optional<std::int64_t> prescriberId;

    bool operator==(const CurrentMedicine&) const = default;
};

// The medicines current on `day`: an ingredient is current when some counted line's supply period
// (supplyPeriod: dispense date + days for 内服, MedicationRules::asNeededDays for 屯服/外用/no days)
// covers `day`. Lines dispensed after `day` are ignored. A claims row superseded by its 電子処方箋 row and
// 処方情報 rows are not counted (countsAsDispensed), so one visit counts once. Lines are grouped by
// ingredient (groupByIngredient). Ordered by lastDispensed, newest first, then by ingredient.
[[nodiscard]] std::vector<CurrentMedicine> currentMedicines(
    std::span<const domain::Dispensing> dispensings, domain::Date day, const MedicationRules& rules = {});

} // namespace techo::clinical
