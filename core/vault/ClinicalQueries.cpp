#include "core/vault/ClinicalQueries.h"

#include "core/vault/RowMapping.h"

namespace techo::vault {

Result<std::vector<domain::Checkup>> ClinicalQueries::checkupHeaders(std::int64_t profileId)
{
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("SELECT id, performed_on, checkup_kind, facility_id FROM checkups WHERE profile_id = ? "
                     "ORDER BY performed_on, id"));
    stmt.bind(1, profileId);
    return collectRows<domain::Checkup>(stmt, [profileId](Row& row) {
        domain::Checkup c;
        c.id = row.int64();
        c.profileId = profileId;
        c.performedOn = row.date();
        c.kind = row.text();
        c.facilityId = row.optionalInt64();
        return c;
    });
}

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
