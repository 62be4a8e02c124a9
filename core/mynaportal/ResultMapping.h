#pragma once

#include "core/domain/RecordBatch.h"
#include "core/util/Result.h"

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

// Parses a result body strictly. A body that is not JSON, or whose envelope or structure is wrong, is an
// error (ErrorCode::InvalidData, naming the JSON path) and nothing from it may be imported. An API error
// in commonHeader.errorCode is ErrorCode::Network with the server's code. A record with a bad field
// is left out and listed in batch.rejections with its JSON path and the reason; the rest is kept.
// `expected`, when given, must match the body's infoKind.
[[nodiscard]] Result<ResultPart> parseResultPart(
    std::string_view body, std::optional<InfoKind> expected = std::nullopt);

} // namespace techo::mynaportal
