#pragma once

#include "core/clinical/MedicationSupply.h"
#include "core/domain/Dispensing.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace techo::clinical {

// One supply of an ingredient that covers the day: a counted drug line with the dispensing it came from, so each
// product, pharmacy and prescriber is named with its own dose and end date (two clinics prescribing one ingredient
// on one day are two supplies, never one merged row).
struct MedicineSupply {
    std::int64_t dispensingId = 0;
    domain::Date dispensedOn {};
    domain::MedicationLine line; // this supply's product, dose, 用法 and 調剤数量
    std::int64_t pharmacyId = 0; // the dispensing institution (the clinic itself for 院内処方)
    std::optional<std::int64_t> prescriberId; // nullopt when the record names none
    domain::Date until {}; // the last day this line covers (supplyPeriod)
    bool untilEstimated = false; // `until` is MedicationRules::asNeededDays' estimate (屯服, 外用, no days)

    bool operator==(const MedicineSupply&) const = default;
};

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
    domain::MedicationLine lastLine; // the newest line: dose, unit, usage (one of them when a day has several)
    std::int64_t lastDispensingId = 0;
    // Every line of the course whose supply covers the day: newest dispensing first, then the later end, then by
    // dispensing and line id. Never empty. Where a medicine came from is named per supply, never per ingredient:
    // the pharmacy and prescriber of "the newest dispensing" may not be those of the supply that lasts to `until`.
    std::vector<MedicineSupply> supplies;

    bool operator==(const CurrentMedicine&) const = default;
};

// The medicines current on `day`: an ingredient is current when some counted line's supply period
// (supplyPeriod: dispense date + days for 内服, MedicationRules::asNeededDays for 屯服/外用/no days)
// covers `day`. Lines dispensed after `day` are ignored. A claims row superseded by its 電子処方箋 row and
// 処方情報 rows are not counted (countsAsDispensed), so one visit counts once. Lines are grouped by
// ingredient (groupByIngredient); each covering line is one of its `supplies`. Ordered by lastDispensed, newest
// first, then by ingredient.
[[nodiscard]] std::vector<CurrentMedicine> currentMedicines(
    std::span<const domain::Dispensing> dispensings, domain::Date day, const MedicationRules& rules = {});

} // namespace techo::clinical
