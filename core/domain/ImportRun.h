#pragma once

#include "core/domain/Dates.h"

#include <cstdint>
#include <optional>
#include <string>

namespace techo::domain {

struct ImportCounts {
    std::int64_t added = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
    std::int64_t rejected = 0;

    bool operator==(const ImportCounts&) const = default;
};

// One run of the importer. finishedAt stays empty while it runs (or if it never finished).
struct ImportRun {
    std::int64_t id = 0;
    Timestamp startedAt {};
    std::optional<Timestamp> finishedAt;
    std::string source; // e.g. "mynaportal", "file"
    std::string origin; // where from: the API base URL or the file name
    ImportCounts counts;

    bool operator==(const ImportRun&) const = default;
};

} // namespace techo::domain
