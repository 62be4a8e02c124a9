#pragma once

#include "core/util/Result.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace techo::mynaportal {

// The paging envelope of a /result body ($.medicalInsuranceInfoProvisionInfo.partNumber and .totalParts),
// read and checked by the client before the part is handed to the importer. The mapping reads the same
// fields again for itself; this is only the client's guard on the paging it drives.
struct ResultPaging {
    // At most this many parts per kind and person: 2,000,000 records at the sandbox's default page size
    // of 200. More is a broken or hostile server that would keep an import fetching for ever.
    static constexpr int kMaxParts = 10'000;

    bool envelope = false; // the info object was found (else: not JSON or no envelope; the mapping says which)
    std::optional<std::int64_t> partNumber; // absent = 1, as the mapping reads it
    std::optional<std::int64_t> totalParts; // absent = 1
    bool partNumberNotInteger = false; // a type error is left for the mapping to name
    bool totalPartsNotInteger = false;

    // One pass of nlohmann's SAX parser that stops when the envelope object closes: no document is
    // built, so this costs no second tree of a body that may be many megabytes.
    [[nodiscard]] static ResultPaging read(std::string_view body);

    // For part `requested` (1-based), after parts that announced `totalSoFar` parts (0 before part 1):
    // partNumber must equal `requested`, totalParts must be within 1..kMaxParts and equal totalSoFar.
    // Errors: InvalidData naming the JSON field and both values. Without an envelope: ok (the mapping fails).
    [[nodiscard]] Status check(int requested, int totalSoFar) const;

    // The totalParts rule of check() alone, for a count the mapping read.
    [[nodiscard]] static Status checkTotalParts(std::int64_t total, int totalSoFar);
};

} // namespace techo::mynaportal
