#pragma once

#include "core/util/Result.h"

namespace techo::vault {

class Database;

// The transaction rule of the repositories:
//   Repositories never BEGIN or COMMIT. A write that touches several rows (a checkup and its
//   observations, a dispensing and its lines, a share and its items) runs inside a Savepoint, which
//   makes that one write all-or-nothing wherever it happens:
//   - with no transaction open, the savepoint is the transaction: release() commits the write;
//   - inside the caller's Transaction it nests: a failed write is undone alone and the caller's
//     transaction stays usable (the importer can reject one record and go on), while durability is
//     decided only by the caller's commit() or rollback().
//   So callers that need several writes to succeed or fail together (an import run, a share) own a
//   Transaction; everything else can call a repository directly.
class Savepoint final {
public:
    [[nodiscard]] static Result<Savepoint> begin(Database& db);
    // Undoes everything since begin() unless released.
    ~Savepoint();
    Savepoint(Savepoint&& other) noexcept;
    Savepoint& operator=(Savepoint&&) = delete;
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;

    [[nodiscard]] Status release();

private:
    Savepoint(Database* db, bool bulk)
        : m_db(db)
        , m_bulk(bulk)
    { }
    void rollback() noexcept;
    Database* m_db = nullptr;
    bool m_bulk = false; // inside a bulk transaction: no SQL savepoint; failure poisons the transaction
};

} // namespace techo::vault
