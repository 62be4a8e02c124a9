#pragma once

#include "core/domain/AuditEvent.h"
#include "core/util/Result.h"

#include <cstdint>
#include <vector>

namespace techo::vault {

class Database;

// The audit log: append-only, read newest first. See Savepoint.h for the transaction rule.
class AuditRepository final {
public:
    explicit AuditRepository(Database& db)
        : m_db(db)
    { }

    // Stores the event and sets its id.
    [[nodiscard]] Result<std::int64_t> append(domain::AuditEvent& event);
    // The `limit` newest events (limit > 0); events at the same second come newest-appended first.
    [[nodiscard]] Result<std::vector<domain::AuditEvent>> listRecent(int limit);

private:
    Database& m_db;
};

} // namespace techo::vault
