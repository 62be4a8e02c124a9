#include "core/vault/Migrations.h"

#include "core/vault/Database.h"
#include "core/vault/Statement.h"
#include "core/vault/Transaction.h"

namespace techo::vault {

namespace {

Status applySteps(Database& db, std::span<const Migration> steps, std::int64_t current)
{
    for (const Migration& step : steps) {
        if (step.toVersion <= current)
            continue;
        TECHO_ASSIGN(Transaction tx, Transaction::begin(db));
        if (Status applied = step.apply(db); !applied.ok())
            return makeError(applied.error().code,
                "schema migration to version " + std::to_string(step.toVersion)
                    + " failed: " + applied.error().message);
        // (pragma table-valued functions arrived in SQLite 3.16; the pragma itself lists one row per breach)
        TECHO_ASSIGN(Statement check, db.prepare("PRAGMA foreign_key_check"));
        TECHO_ASSIGN(const bool broken, check.step());
        if (broken)
            return makeError(ErrorCode::Damaged,
                "schema migration to version " + std::to_string(step.toVersion)
                    + " found broken references; the vault was left as it was");
        TECHO_TRY(db.exec("PRAGMA user_version = " + std::to_string(step.toVersion)));
        TECHO_TRY(tx.commit());
    }
    return {};
}

} // namespace

Status migrate(Database& db, std::span<const Migration> steps)
{
    TECHO_ASSIGN(const std::int64_t current, db.queryInt("PRAGMA user_version"));
    const int latest = steps.empty() ? 0 : steps.back().toVersion;
    if (current > latest)
        return makeError(ErrorCode::NewerFormat,
            "this vault's schema (version " + std::to_string(current)
                + ") is newer than this build of Techo understands (" + std::to_string(latest)
                + "); please update Techo");
    if (current == latest)
        return {};
    // SQLite's recipe for changing a table's constraints: foreign keys off (outside any transaction, where
    // the pragma takes effect), rebuild, check every reference before commit, foreign keys on again.
    TECHO_TRY(db.exec("PRAGMA foreign_keys = OFF"));
    Status result = applySteps(db, steps, current);
    TECHO_TRY(db.exec("PRAGMA foreign_keys = ON"));
    return result;
}

} // namespace techo::vault
