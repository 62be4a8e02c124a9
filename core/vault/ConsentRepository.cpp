#include "core/vault/ConsentRepository.h"

#include "core/vault/RowMapping.h"

#include <algorithm>

namespace techo::vault {
namespace {

constexpr std::string_view kSelect = "SELECT id, provider_id, profile_id, categories, purpose, data_from, data_to, "
                                     "granted_at, expires_at, revoked_at FROM consents ";

domain::Consent readConsent(Row& row)
{
    domain::Consent c;
    c.id = row.int64();
    c.providerId = row.int64();
    c.profileId = row.int64();
    const int categoriesColumn = row.column();
    const auto categories = domain::RecordCategorySet::parse(row.text());
    if (categories)
        c.categories = *categories;
    else
        row.fail(categoriesColumn, "an unknown record category");
    c.purpose = row.text();
    c.dataFrom = row.optionalDate();
    c.dataTo = row.optionalDate();
    c.grantedAt = row.timestamp();
    c.expiresAt = row.optionalTimestamp();
    c.revokedAt = row.optionalTimestamp();
    return c;
}

} // namespace

Result<std::int64_t> ConsentRepository::insert(domain::Consent& consent)
{
    // The schema cannot check the category list, so the one rule that matters is checked here.
    if (consent.categories.empty())
        return makeError(ErrorCode::InvalidData, "a consent must cover at least one record category");
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("INSERT INTO consents (provider_id, profile_id, categories, purpose, data_from, data_to, "
                     "granted_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    Params params(stmt);
    params.add(consent.providerId)
        .add(consent.profileId)
        .add(consent.categories.toString())
        .add(consent.purpose)
        .add(consent.dataFrom)
        .add(consent.dataTo)
        .add(consent.grantedAt)
        .add(consent.expiresAt)
        .add(consent.revokedAt);
    TECHO_TRY(params.run());
    consent.id = m_db.lastInsertRowId();
    return consent.id;
}

Result<domain::Consent> ConsentRepository::get(std::int64_t id)
{
    TECHO_ASSIGN(Statement stmt, m_db.prepare(std::string(kSelect) + "WHERE id = ?"));
    stmt.bind(1, id);
    return requireFound(firstRow<domain::Consent>(stmt, readConsent), "consent");
}

Status ConsentRepository::revoke(std::int64_t id, domain::Timestamp at)
{
    TECHO_ASSIGN(
        Statement stmt, m_db.prepare("UPDATE consents SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"));
    Params params(stmt);
    params.add(at).add(id);
    TECHO_TRY(params.run());
    if (m_db.changes() > 0)
        return {};
    TECHO_TRY(get(id)); // NotFound, or already revoked: nothing to do
    return {};
}

Result<std::vector<domain::Consent>> ConsentRepository::listByProfile(std::int64_t profileId)
{
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare(std::string(kSelect)
            + "WHERE profile_id = ? ORDER BY granted_at DESC, "
              "id DESC"));
    stmt.bind(1, profileId);
    return collectRows<domain::Consent>(stmt, readConsent);
}

Result<std::vector<domain::Consent>> ConsentRepository::activeAt(std::int64_t profileId, domain::Timestamp at)
{
    TECHO_ASSIGN(std::vector<domain::Consent> consents, listByProfile(profileId));
    std::erase_if(consents, [at](const domain::Consent& c) { return !c.isActiveAt(at); });
    return consents;
}

} // namespace techo::vault
