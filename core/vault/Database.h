#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/util/Result.h"
#include "core/vault/Statement.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct sqlite3;

namespace techo::vault {

// One SQLCipher connection (RAII over sqlite3*). Opening keys it with a raw 256-bit key, refuses to
// run if encryption is not active, and sets the connection rules every vault relies on.
class Database final {
public:
    Database() = default;
    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // path is a vault file (header + SQLCipher pages). createIfMissing is for Vault::create only.
    [[nodiscard]] static Result<Database> open(
        const std::string& path, const crypto::SecretBytes& key, bool createIfMissing);

    // A private scratch database for work that must not sit in memory nor in plaintext on disk (an import's
    // fetched responses): a new file in `directory` (the vault's, so it lands on the same disk), removed from
    // the directory right after it is opened — nothing to clean up after a crash — and encrypted by SQLCipher
    // under a random key that exists only in this process. cacheKiB bounds the memory it may use.
    // (Not SQLite's "" temporary database: Debian's SQLCipher is built with SQLITE_TEMP_STORE=2, which keeps
    // those wholly in memory.)
    [[nodiscard]] static Result<Database> openScratch(int cacheKiB, const std::string& directory);
    // The file this connection has open as its main database ("" for none).
    [[nodiscard]] std::string fileName() const;

    [[nodiscard]] Status exec(std::string_view sql);
    [[nodiscard]] Result<Statement> prepare(std::string_view sql);
    [[nodiscard]] Result<std::int64_t> queryInt(std::string_view sql);
    [[nodiscard]] std::int64_t lastInsertRowId() const noexcept;
    [[nodiscard]] int changes() const noexcept;
    [[nodiscard]] bool isOpen() const noexcept { return m_db != nullptr; }
    void close() noexcept;

    // Maps the connection's last error onto Techo's codes, prefixed with what was being done.
    [[nodiscard]] Error lastError(std::string_view context) const;
    [[nodiscard]] sqlite3* handle() const noexcept { return m_db; }

    // Inside a bulk transaction (Transaction::beginBulk) all writes form one all-or-nothing unit:
    // repositories skip their savepoints — with SQLCipher each savepoint re-encrypts every page it
    // touches into a sub-journal, which tripled import time — and a write that fails marks the
    // transaction so it can only roll back.
    [[nodiscard]] bool inBulkTransaction() const noexcept { return m_bulk; }
    [[nodiscard]] bool bulkTransactionFailed() const noexcept { return m_bulkFailed; }
    void markBulkFailure() noexcept { m_bulkFailed = true; }

private:
    explicit Database(sqlite3* db);
    sqlite3* m_db = nullptr;
    std::shared_ptr<StatementCache> m_cache;
    bool m_bulk = false;
    bool m_bulkFailed = false;
    friend class Transaction;
};

// Maps a SQLite result code to an Error (disk full → Io, corrupt → Damaged, …).
[[nodiscard]] Error sqliteError(int rc, std::string_view context, std::string_view detail);

} // namespace techo::vault
