#include "core/vault/AuditRepository.h"

#include "core/vault/RowMapping.h"

namespace techo::vault {

Result<std::int64_t> AuditRepository::append(domain::AuditEvent& event)
{
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("INSERT INTO audit_events (occurred_at, action, subject_kind, subject_id, detail) "
                     "VALUES (?, ?, ?, ?, ?)"));
    Params params(stmt);
    params.add(event.occurredAt).add(event.action).add(event.subjectKind).add(event.subjectId).add(event.detail);
    TECHO_TRY(params.run());
    event.id = m_db.lastInsertRowId();
    return event.id;
}

Result<std::vector<domain::AuditEvent>> AuditRepository::listRecent(int limit)
{
    if (limit <= 0)
        return makeError(ErrorCode::Usage, "the number of audit events to list must be positive");
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("SELECT id, occurred_at, action, subject_kind, subject_id, detail FROM audit_events "
                     "ORDER BY occurred_at DESC, id DESC LIMIT ?"));
    stmt.bind(1, limit);
    return collectRows<domain::AuditEvent>(stmt, [](Row& row) {
        domain::AuditEvent e;
        e.id = row.int64();
        e.occurredAt = row.timestamp();
        e.action = row.text();
        e.subjectKind = row.optionalText();
        e.subjectId = row.optionalInt64();
        e.detail = row.optionalText();
        return e;
    });
}

} // namespace techo::vault
