#pragma once

#include "core/domain/Dates.h"

#include <cstdint>
#include <optional>
#include <string>

namespace techo::domain {

// Where a top-level record came from. Child rows (observations, medication lines) share their parent's.
struct Provenance {
    std::string source = "manual"; // mynaportal | manual | file | jahis (free text in the schema)
    std::optional<std::string> sourceRecordId; // the source's own id for the record, when it has one
    std::optional<Timestamp> fetchedAt;
    std::optional<std::int64_t> importRunId; // the ImportRun that wrote it; cleared if that run is deleted

    bool operator==(const Provenance&) const = default;
};

} // namespace techo::domain
