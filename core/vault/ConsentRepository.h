#pragma once

#include "core/domain/Consent.h"
#include "core/util/Result.h"

#include <cstdint>
#include <vector>

namespace techo::vault {

class Database;

// Typed access to consents. A consent's terms never change once granted; it can only be revoked.
// See Savepoint.h for the transaction rule.
class ConsentRepository final {
public:
    explicit ConsentRepository(Database& db)
        : m_db(db)
    { }

    // Stores a new consent and sets its id. An empty category set is ErrorCode::InvalidData.
    [[nodiscard]] Result<std::int64_t> insert(domain::Consent& consent);
    [[nodiscard]] Result<domain::Consent> get(std::int64_t id);
    // Revokes from `at` on. Revoking a revoked consent succeeds and keeps the first revocation time.
    [[nodiscard]] Status revoke(std::int64_t id, domain::Timestamp at);
    // All consents of a profile, newest grant first.
    [[nodiscard]] Result<std::vector<domain::Consent>> listByProfile(std::int64_t profileId);
    // Those of listByProfile for which Consent::isActiveAt(at) holds (one definition of "active").
    [[nodiscard]] Result<std::vector<domain::Consent>> activeAt(std::int64_t profileId, domain::Timestamp at);

private:
    Database& m_db;
};

} // namespace techo::vault
