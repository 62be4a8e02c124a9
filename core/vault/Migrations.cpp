#include "core/vault/Migrations.h"

#include "core/vault/Database.h"
#include "core/vault/Transaction.h"

namespace techo::vault {

Status migrate(Database& db, std::span<const Migration> steps)
{
    TECHO_ASSIGN(const std::int64_t current, db.queryInt("PRAGMA user_version"));
    const int latest = steps.empty() ? 0 : steps.back().toVersion;
    if (current > latest)
        return makeError(ErrorCode::NewerFormat,
            "this vault's schema (version " + std::to_string(current)
                + ") is newer than this build of Techo understands (" + std::to_string(latest)
                + "); please update Techo");
    for (const Migration& step : steps) {
        if (step.toVersion <= current)
            continue;
        TECHO_ASSIGN(Transaction tx, Transaction::begin(db));
        if (Status applied = step.apply(db); !applied.ok())
            return makeError(applied.error().code,
                "schema migration to version " + std::to_string(step.toVersion)
                    + " failed: " + applied.error().message);
        TECHO_TRY(db.exec("PRAGMA user_version = " + std::to_string(step.toVersion)));
        TECHO_TRY(tx.commit());
    }
    return {};
}

} // namespace techo::vault
