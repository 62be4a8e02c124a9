#include "core/vault/ImportRunRepository.h"

#include "core/vault/RowMapping.h"

namespace techo::vault {
namespace {

constexpr std::string_view kSelect = "SELECT id, started_at, finished_at, source, origin, added, updated, unchanged, "
                                     "rejected FROM import_runs ";

domain::ImportRun readRun(Row& row)
{
    domain::ImportRun r;
    r.id = row.int64();
    r.startedAt = row.timestamp();
    r.finishedAt = row.optionalTimestamp();
    r.source = row.text();
    r.origin = row.text();
    r.counts.added = row.int64();
    r.counts.updated = row.int64();
    r.counts.unchanged = row.int64();
    r.counts.rejected = row.int64();
    return r;
}

} // namespace

Result<domain::ImportRun> ImportRunRepository::begin(
    std::string_view source, std::string_view origin, domain::Timestamp startedAt)
{
    TECHO_ASSIGN(Statement stmt, m_db.prepare("INSERT INTO import_runs (started_at, source, origin) VALUES (?, ?, ?)"));
    Params params(stmt);
    params.add(startedAt).add(source).add(origin);
    TECHO_TRY(params.run());
    domain::ImportRun run;
    run.id = m_db.lastInsertRowId();
    run.startedAt = startedAt;
    run.source = std::string(source);
    run.origin = std::string(origin);
    return run;
}

Status ImportRunRepository::finish(std::int64_t id, domain::Timestamp finishedAt, const domain::ImportCounts& counts)
{
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("UPDATE import_runs SET finished_at = ?, added = ?, updated = ?, unchanged = ?, rejected = ? "
                     "WHERE id = ?"));
    Params params(stmt);
    params.add(finishedAt).add(counts.added).add(counts.updated).add(counts.unchanged).add(counts.rejected).add(id);
    TECHO_TRY(params.run());
    return requireChanged(m_db, "import run");
}

Result<domain::ImportRun> ImportRunRepository::get(std::int64_t id)
{
    TECHO_ASSIGN(Statement stmt, m_db.prepare(std::string(kSelect) + "WHERE id = ?"));
    stmt.bind(1, id);
    return requireFound(firstRow<domain::ImportRun>(stmt, readRun), "import run");
}

Result<std::vector<domain::ImportRun>> ImportRunRepository::listRecent(int limit)
{
    if (limit <= 0)
        return makeError(ErrorCode::Usage, "the number of import runs to list must be positive");
    TECHO_ASSIGN(Statement stmt, m_db.prepare(std::string(kSelect) + "ORDER BY started_at DESC, id DESC LIMIT ?"));
    stmt.bind(1, limit);
    return collectRows<domain::ImportRun>(stmt, readRun);
}

} // namespace techo::vault
