#pragma once

#include "core/domain/ShareRecord.h"
#include "core/util/Result.h"

#include <cstdint>
#include <vector>

namespace techo::vault {

class Database;

// Typed access to share records and the items each one sent, always written and read together.
// Multi-row writes are atomic; see Savepoint.h for the transaction rule.
class ShareRepository final {
public:
    explicit ShareRepository(Database& db)
        : m_db(db)
    { }

    // Stores the record with its items and sets its id. A repeated item is ErrorCode::InvalidData.
    [[nodiscard]] Result<std::int64_t> insert(domain::ShareRecord& share);
    [[nodiscard]] Result<domain::ShareRecord> get(std::int64_t id);
    // Shares made under one consent, newest first.
    [[nodiscard]] Result<std::vector<domain::ShareRecord>> listByConsent(std::int64_t consentId);
    // The `limit` newest shares of the vault (limit > 0).
    [[nodiscard]] Result<std::vector<domain::ShareRecord>> listRecent(int limit);

private:
    [[nodiscard]] Status loadItems(std::vector<domain::ShareRecord>& shares);

    Database& m_db;
};

} // namespace techo::vault
