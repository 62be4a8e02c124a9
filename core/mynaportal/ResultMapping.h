#pragma once

#include "core/domain/Clock.h"
#include "core/domain/RecordBatch.h"
#include "core/util/Result.h"

#include <optional>
#include <string_view>

namespace techo::mynaportal {

// The three retrievals the API offers (infoKind in the request telegram).
enum class InfoKind { Checkups, Dispensings, Vaccinations };
[[nodiscard]] std::string_view infoKindCode(InfoKind kind) noexcept; // "TKK", "YZK", "PMH_VAC"

// One /online-resource-web/result response, validated and mapped.
struct ResultPart {
    InfoKind kind = InfoKind::Checkups;
    int partNumber = 1;
    int totalParts = 1;
    domain::RecordBatch batch;
};

struct MappingOptions {
    // "Today" for the future-date rule (a record dated after today in Japan + 1 day is refused). The default
    // is the system clock.
    domain::Clock clock;
};

// Parses a result body strictly. A body that is not JSON, or whose envelope or structure is wrong, is an
// error (ErrorCode::InvalidData, naming the JSON path) and nothing from it may be imported. An API error
// in commonHeader.errorCode, or a ResultCode other than 1 in the data, is ErrorCode::Network with the
// server's code and message. A record with a bad field is left out and listed in batch.rejections with its
// JSON path, the reason and its reasonKey/params; a bad child (an observation, a medication line) is left out
// and listed in its record's rejectedObservations / rejectedLines (childKey = item code / "rp/line"), the
// rest being kept. The rules (units, coded values, comparators, dates, real vs sandbox element names) are in
// docs/import.md, "Mapping". `expected`, when given, must match the body's infoKind.
[[nodiscard]] Result<ResultPart> parseResultPart(
    std::string_view body, std::optional<InfoKind> expected = std::nullopt, const MappingOptions& options = {});

} // namespace techo::mynaportal
