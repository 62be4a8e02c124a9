#pragma once

#include "core/domain/EnumNames.h"

#include <cstdint>
#include <optional>
#include <string>

namespace techo::domain {

enum class ProviderKind { MedicalInstitution, Pharmacy, CheckupFacility, Municipality, Insurer, PhrService };

template <> struct EnumNames<ProviderKind> {
    static constexpr std::array<std::pair<ProviderKind, std::string_view>, 6> kValues = {{
        {ProviderKind::MedicalInstitution, "medical_institution"},
        {ProviderKind::Pharmacy, "pharmacy"},
        {ProviderKind::CheckupFacility, "checkup_facility"},
        {ProviderKind::Municipality, "municipality"},
        {ProviderKind::Insurer, "insurer"},
        {ProviderKind::PhrService, "phr_service"},
    }};
};

// An institution records come from or go to. (kind, code, name) identifies it; code is "" when unknown
// (e.g. a pharmacy known only by name).
struct Provider {
    std::int64_t id = 0;
    ProviderKind kind = ProviderKind::MedicalInstitution;
    std::string code; // 医療機関等コード, insurer number, municipality code, …
    std::string name;
    std::optional<std::string> address;
    std::optional<std::string> endpointUrl; // PHR services: where shares are sent

    bool operator==(const Provider&) const = default;
};

} // namespace techo::domain
