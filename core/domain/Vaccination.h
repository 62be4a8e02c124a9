#pragma once

#include "core/domain/Dates.h"
#include "core/domain/EnumNames.h"
#include "core/domain/Provenance.h"

#include <cstdint>
#include <optional>
#include <string>

namespace techo::domain {

// FHIR Immunization.status.
enum class VaccinationStatus { Completed, NotDone, EnteredInError };

template <> struct EnumNames<VaccinationStatus> {
    static constexpr std::array<std::pair<VaccinationStatus, std::string_view>, 3> kValues = {{
        {VaccinationStatus::Completed, "completed"},
        {VaccinationStatus::NotDone, "not-done"},
        {VaccinationStatus::EnteredInError, "entered-in-error"},
    }};
};

// One dose given (or recorded as not given). (profileId, occurredOn, vaccineCode, doseNumber) is its
// natural key.
struct Vaccination {
    std::int64_t id = 0;
    std::int64_t profileId = 0;
    Date occurredOn {};
    std::string vaccineName;
    std::string vaccineCode; // "" when the source gives none
    std::optional<std::string> vaccineCodeSystem; // HOT13 / HOT9 / YJ OID
    std::optional<std::string> targetDisease;
    std::optional<int> doseNumber; // > 0
    std::optional<std::string> lotNumber;
    std::optional<std::string> manufacturer;
    std::optional<std::int64_t> facilityId;
    std::optional<std::string> municipalityCode;
    std::optional<std::string> site; // JAMI 外用部位コード
    VaccinationStatus status = VaccinationStatus::Completed;
    Provenance provenance;

    bool operator==(const Vaccination&) const = default;
};

} // namespace techo::domain
