#pragma once

#include "core/domain/Dates.h"
#include "core/domain/EnumNames.h"
#include "core/domain/MedicationLine.h"
#include "core/domain/Provenance.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace techo::domain {

enum class DispensingKind { Claims, ERxPrescription, ERxDispensing, Manual };
enum class InOut { Inpatient, Outpatient };

template <> struct EnumNames<DispensingKind> {
    static constexpr std::array<std::pair<DispensingKind, std::string_view>, 4> kValues = {{
        {DispensingKind::Claims, "claims"},
        {DispensingKind::ERxPrescription, "eRx_prescription"},
        {DispensingKind::ERxDispensing, "eRx_dispensing"},
        {DispensingKind::Manual, "manual"},
    }};
};

template <> struct EnumNames<InOut> {
    static constexpr std::array<std::pair<InOut, std::string_view>, 2> kValues = {{
        {InOut::Inpatient, "inpatient"},
        {InOut::Outpatient, "outpatient"},
    }};
};

// One dispensing (or prescription) event at one institution on one day, with its drug lines.
// (profileId, kind, dispensedOn, pharmacyId) is its natural key.
struct Dispensing {
    std::int64_t id = 0;
    std::int64_t profileId = 0;
    DispensingKind kind = DispensingKind::Manual;
    Date dispensedOn {};
    std::optional<Date> prescribedOn;
    std::int64_t pharmacyId = 0; // a Provider (pharmacy, or the institution for 院内処方)
    std::optional<std::int64_t> prescriberId;
    std::optional<InOut> inOut;
    std::optional<std::int64_t> supersededBy; // a claims row replaced by an eRx row
    Provenance provenance;
    std::vector<MedicationLine> lines; // ordered by (rpNumber, lineNumber) when read back

    bool operator==(const Dispensing&) const = default;
};

} // namespace techo::domain
