#pragma once

#include "core/domain/Dates.h"
#include "core/domain/Observation.h"
#include "core/domain/Provenance.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace techo::domain {

// 健診種別 codes (OID 1.2.392.200119.6.1001); the vault stores the code text as is.
namespace checkup_kind {
inline constexpr const char* kSpecificHealthCheckup = "10"; // 特定健診
inline constexpr const char* kEmployer = "41"; // 事業者健診
inline constexpr const char* kMunicipal = "42"; // 自治体検診
} // namespace checkup_kind

// One checkup event. (profileId, performedOn, kind) is its natural key.
struct Checkup {
    std::int64_t id = 0;
    std::int64_t profileId = 0;
    Date performedOn {};
    std::string kind = checkup_kind::kSpecificHealthCheckup;
    std::optional<std::int64_t> facilityId; // a Provider of kind checkup_facility
    std::optional<std::string> insurerNumber;
    Provenance provenance;
    std::vector<Observation> observations; // in insertion order when read back

    bool operator==(const Checkup&) const = default;
};

} // namespace techo::domain
