#include "core/vault/ClinicalQueries.h"

#include "core/vault/RowMapping.h"

namespace techo::vault {

Result<std::vector<domain::Date>> ClinicalQueries::recentCheckupDays(std::int64_t profileId, int limit)
{
    if (limit <= 0)
        return makeError(ErrorCode::Usage, "the number of checkup days must be positive");
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("SELECT DISTINCT performed_on FROM checkups WHERE profile_id = ? "
                     "ORDER BY performed_on DESC LIMIT ?"));
    stmt.bind(1, profileId).bind(2, limit);
    return collectRows<domain::Date>(stmt, [](Row& row) { return row.date(); });
}

} // namespace techo::vault
