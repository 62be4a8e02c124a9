#include "core/vault/ShareRepository.h"

#include "core/vault/RowMapping.h"
#include "core/vault/Savepoint.h"

#include <unordered_map>

namespace techo::vault {
namespace {

constexpr std::string_view kSelect = "SELECT id, consent_id, provider_id, shared_at, status, package_sha256, "
                                     "record_count, detail FROM share_records ";
constexpr std::string_view kNewestFirst = "ORDER BY shared_at DESC, id DESC";

domain::ShareRecord readShare(Row& row)
{
    domain::ShareRecord s;
    s.id = row.int64();
    s.consentId = row.int64();
    s.providerId = row.int64();
    s.sharedAt = row.timestamp();
    s.status = row.enumValue<domain::ShareStatus>();
    s.packageSha256 = row.optionalText();
    s.recordCount = row.int64();
    s.detail = row.optionalText();
    return s;
}

} // namespace

Result<std::int64_t> ShareRepository::insert(domain::ShareRecord& share)
{
    TECHO_ASSIGN(Savepoint savepoint, Savepoint::begin(m_db));
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("INSERT INTO share_records (consent_id, provider_id, shared_at, status, package_sha256, "
                     "record_count, detail) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    Params params(stmt);
    params.add(share.consentId)
        .add(share.providerId)
        .add(share.sharedAt)
        .add(share.status)
        .add(share.packageSha256)
        .add(share.recordCount)
        .add(share.detail);
    TECHO_TRY(params.run());
    const std::int64_t id = m_db.lastInsertRowId();

    TECHO_ASSIGN(
        Statement item, m_db.prepare("INSERT INTO share_items (share_id, record_kind, record_id) VALUES (?, ?, ?)"));
    for (const domain::ShareItem& i : share.items) {
        Params itemParams(item);
        itemParams.add(id).add(i.category).add(i.recordId);
        TECHO_TRY(itemParams.run());
    }
    TECHO_TRY(savepoint.release());
    share.id = id;
    return id;
}

Result<domain::ShareRecord> ShareRepository::get(std::int64_t id)
{
    TECHO_ASSIGN(Statement stmt, m_db.prepare(std::string(kSelect) + "WHERE id = ?"));
    stmt.bind(1, id);
    TECHO_ASSIGN(domain::ShareRecord share, requireFound(firstRow<domain::ShareRecord>(stmt, readShare), "share"));
    std::vector<domain::ShareRecord> one;
    one.push_back(std::move(share));
    TECHO_TRY(loadItems(one));
    return std::move(one.front());
}

Result<std::vector<domain::ShareRecord>> ShareRepository::listByConsent(std::int64_t consentId)
{
    TECHO_ASSIGN(
        Statement stmt, m_db.prepare(std::string(kSelect) + "WHERE consent_id = ? " + std::string(kNewestFirst)));
    stmt.bind(1, consentId);
    TECHO_ASSIGN(std::vector<domain::ShareRecord> shares, collectRows<domain::ShareRecord>(stmt, readShare));
    TECHO_TRY(loadItems(shares));
    return shares;
}

Result<std::vector<domain::ShareRecord>> ShareRepository::listRecent(int limit)
{
    if (limit <= 0)
        return makeError(ErrorCode::Usage, "the number of shares to list must be positive");
    TECHO_ASSIGN(Statement stmt, m_db.prepare(std::string(kSelect) + std::string(kNewestFirst) + " LIMIT ?"));
    stmt.bind(1, limit);
    TECHO_ASSIGN(std::vector<domain::ShareRecord> shares, collectRows<domain::ShareRecord>(stmt, readShare));
    TECHO_TRY(loadItems(shares));
    return shares;
}

// One query per share; shares are listed a screenful at a time, so this stays small.
Status ShareRepository::loadItems(std::vector<domain::ShareRecord>& shares)
{
    if (shares.empty())
        return {};
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("SELECT record_kind, record_id FROM share_items WHERE share_id = ? ORDER BY record_kind, "
                     "record_id"));
    for (domain::ShareRecord& share : shares) {
        stmt.bind(1, share.id);
        TECHO_ASSIGN(share.items, collectRows<domain::ShareItem>(stmt, [](Row& row) {
            domain::ShareItem item;
            item.category = row.enumValue<domain::RecordCategory>();
            item.recordId = row.int64();
            return item;
        }));
        stmt.reset();
    }
    return {};
}

} // namespace techo::vault
