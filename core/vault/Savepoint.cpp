#include "core/vault/Savepoint.h"

#include "core/vault/Database.h"

#include <utility>

namespace techo::vault {

// One fixed name is enough: SQLite resolves a savepoint name to the innermost one, so nesting works.
Result<Savepoint> Savepoint::begin(Database& db)
{
    if (db.inBulkTransaction())
        return Savepoint(&db, true);
    TECHO_TRY(db.exec("SAVEPOINT techo_write"));
    return Savepoint(&db, false);
}

Savepoint::~Savepoint()
{
    rollback();
}

Savepoint::Savepoint(Savepoint&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_bulk(other.m_bulk)
{ }

Status Savepoint::release()
{
    if (m_db == nullptr)
        return makeError(ErrorCode::Internal, "savepoint already finished");
    // Outside a transaction RELEASE is the commit and can fail (disk full); the destructor then undoes.
    if (!m_bulk)
        TECHO_TRY(m_db->exec("RELEASE techo_write"));
    m_db = nullptr;
    return {};
}

void Savepoint::rollback() noexcept
{
    if (m_db != nullptr && m_bulk) {
        m_db->markBulkFailure();
    } else if (m_db != nullptr && m_db->isOpen()) {
        // ROLLBACK TO keeps the savepoint open; RELEASE then removes it (and ends the transaction it
        // started, if it started one), leaving an enclosing transaction as it was before begin().
        (void)m_db->exec("ROLLBACK TO techo_write");
        (void)m_db->exec("RELEASE techo_write");
    }
    m_db = nullptr;
}

} // namespace techo::vault
