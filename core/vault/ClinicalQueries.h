#pragma once

#include "core/domain/Checkup.h"
#include "core/util/Result.h"

#include <cstdint>
#include <vector>

namespace techo::vault {

class Database;

// Read-only SELECTs the clinical read side needs and the repositories do not offer: checkups without
// their observations, for building one trend series or finding the latest checkup days cheaply on a
// vault with a lifetime of results. Runs no writes.
class ClinicalQueries final {
public:
    explicit ClinicalQueries(Database& db)
        : m_db(db)
    { }

    // The profile's checkups, oldest first (by day, then id), with only what a trend needs: id, profileId,
    // performedOn, kind and facilityId (no observations, insurer or provenance).
    [[nodiscard]] Result<std::vector<domain::Checkup>> checkupHeaders(std::int64_t profileId);
    // The profile's `limit` most recent distinct checkup days, newest first (limit > 0).
    [[nodiscard]] Result<std::vector<domain::Date>> recentCheckupDays(std::int64_t profileId, int limit);

private:
    Database& m_db;
};

} // namespace techo::vault
