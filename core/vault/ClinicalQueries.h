#pragma once

#include "core/domain/Dates.h"
#include "core/util/Result.h"

#include <cstdint>
#include <vector>

namespace techo::vault {

class Database;

// Read-only SELECTs the clinical read side needs and the repositories do not offer: the latest checkup
// days, so the dashboard reads two days of results, not a lifetime. Runs no writes.
class ClinicalQueries final {
public:
    explicit ClinicalQueries(Database& db)
        : m_db(db)
    { }

    // The profile's `limit` most recent distinct checkup days, newest first (limit > 0).
    [[nodiscard]] Result<std::vector<domain::Date>> recentCheckupDays(std::int64_t profileId, int limit);

private:
    Database& m_db;
};

} // namespace techo::vault
