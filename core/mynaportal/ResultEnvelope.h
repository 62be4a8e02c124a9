#pragma once

#include "core/mynaportal/ResultMapping.h"
#include "core/util/Result.h"

#include <string>
#include <string_view>

namespace techo::mynaportal {

// The telegram envelope of one /result body: what the network phase needs to page through a result
// (part and part count, whose and which records) before the body is staged and, later, mapped.
struct ResultEnvelope {
    InfoKind kind = InfoKind::Checkups;
    std::string personId;
    int partNumber = 1;
    int totalParts = 1;
};

// Reads the envelope only. Errors as parseResultPart's: not JSON or a wrong envelope is InvalidData naming the
// JSON path; commonHeader.errorCode (e.g. an ended consent) is Network with the server's code; a kind other
// than `expected` is InvalidData.
[[nodiscard]] Result<ResultEnvelope> readResultEnvelope(
    std::string_view body, std::optional<InfoKind> expected = std::nullopt);

} // namespace techo::mynaportal
