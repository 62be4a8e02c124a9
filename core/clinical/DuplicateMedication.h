#pragma once

#include "core/clinical/MedicationSupply.h"
#include "core/domain/Dispensing.h"

#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace techo::clinical {

// One side of a duplicate: a dispensed line and where it came from.
struct DuplicateSide {
    std::int64_t dispensingId = 0;
    std::int64_t lineId = 0;
    std::int64_t institutionId = 0; // the prescriber (a Provider), else the dispensing institution (院内処方)
    std::string drugName;
    SupplyPeriod period;

    bool operator==(const DuplicateSide&) const = default;
};

// The same ingredient from two institutions for overlapping periods (重複投薬).
struct DuplicateFinding {
    std::string ingredientKey; // IngredientGroup::key
    std::string ingredient;
    DuplicateSide first; // the earlier dispensing
    DuplicateSide second;
    domain::Date overlapFrom {}; // both supplies cover [overlapFrom, overlapUntil]
    domain::Date overlapUntil {};

    bool operator==(const DuplicateFinding&) const = default;
};

// Maps a Provider id to what identifies the institution (e.g. its 医療機関等コード, so the clinic's
// Pharmacy-kind row of a 院内処方 and its MedicalInstitution row compare equal). Empty: the id itself.
using InstitutionIdentity = std::function<std::string(std::int64_t providerId)>;

// The identity Techo compares institutions by: "code:<医療機関等コード>" when the institution has a code (a clinic's
// own dispensing, 院内処方, stored as the pharmacy, and its prescriptions are then one institution), else "id:<id>".
// `codes` maps Provider ids to their codes ("" or absent: no code). Used by every caller of findDuplicateMedications.
[[nodiscard]] InstitutionIdentity identityByInstitutionCode(std::map<std::int64_t, std::string> codes);

// Techo's 重複投薬 rule (no official algorithm is used; docs/clinical.md explains the choices):
// every pair of counted lines (countsAsDispensed: superseded claims rows and 処方情報 are not counted) of one
// ingredient (groupByIngredient: YJ code's first 7 characters, IngreN, code or name) whose supply periods
// (supplyPeriod) overlap and whose institutions differ. The institution of a line is its dispensing's
// prescriber when known, else its pharmacy (院内処方: the clinic dispensed it): two prescribers are a duplicate
// even at one pharmacy; one prescriber's refills at two pharmacies are not. Ordered by overlapFrom, then
// ingredient, then the dispensing ids.
[[nodiscard]] std::vector<DuplicateFinding> findDuplicateMedications(std::span<const domain::Dispensing> dispensings,
    const MedicationRules& rules = {}, const InstitutionIdentity& identity = {});

} // namespace techo::clinical
