#include "core/import/StagingArea.h"

namespace techo::import {
namespace {

constexpr int kScratchCacheKiB = 8 * 1024; // beyond this the scratch file takes the (encrypted) pages

} // namespace

Result<StagingArea> StagingArea::open(const std::string& directory)
{
    TECHO_ASSIGN(vault::Database db, vault::Database::openScratch(kScratchCacheKiB, directory));
    TECHO_TRY(db.exec("CREATE TABLE staged (seq INTEGER PRIMARY KEY, person_index INTEGER NOT NULL, "
                      "info_kind TEXT NOT NULL, part INTEGER NOT NULL, body BLOB NOT NULL)"));
    return StagingArea(std::move(db));
}

Status StagingArea::add(int personIndex, std::string_view infoKind, int part, std::string_view body)
{
    TECHO_ASSIGN(vault::Statement stmt,
        m_db.prepare("INSERT INTO staged (person_index, info_kind, part, body) VALUES (?, ?, ?, ?)"));
    stmt.bind(1, personIndex).bind(2, infoKind).bind(3, part).bind(4, body);
    TECHO_TRY(stmt.run());
    ++m_count;
    m_bytes += static_cast<std::int64_t>(body.size());
    return {};
}

Status StagingArea::forEach(const std::function<Status(Entry&)>& visit)
{
    // One row at a time by sequence number, so only one body is ever held.
    for (std::int64_t seq = 1; seq <= m_count; ++seq) {
        TECHO_ASSIGN(vault::Statement stmt,
            m_db.prepare("SELECT person_index, info_kind, part, body FROM staged WHERE seq = ?"));
        stmt.bind(1, seq);
        TECHO_ASSIGN(const bool found, stmt.step());
        if (!found)
            return makeError(ErrorCode::Internal, "a staged response went missing");
        Entry entry {static_cast<int>(stmt.int64(0)), stmt.text(1), static_cast<int>(stmt.int64(2)), stmt.text(3)};
        stmt.reset();
        TECHO_TRY(visit(entry));
    }
    return {};
}

} // namespace techo::import
