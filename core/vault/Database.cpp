#include "core/vault/Database.h"

#include "core/vault/HeaderVfs.h"
#include "core/vault/Statement.h"
#include "core/vault/Transaction.h"
#include "core/vault/VaultHeader.h"

#include <sodium.h>
#include <sqlite3.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>
#include <unordered_map>
#include <utility>
#include <vector>

namespace techo::vault {

Error sqliteError(int rc, std::string_view context, std::string_view detail)
{
    std::string message(context);
    if (!detail.empty()) {
        message += ": ";
        message += detail;
    }
    switch (rc & 0xFF) {
    case SQLITE_FULL:
        return makeError(ErrorCode::Io, std::string(context) + ": the disk is full");
    case SQLITE_IOERR:
        if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_TRUNCATE
            || rc == SQLITE_IOERR_DIR_FSYNC)
            return makeError(ErrorCode::Io,
                std::string(context) + ": writing to the disk failed (is it full, or the file too large?)");
        return makeError(ErrorCode::Io, message);
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return makeError(ErrorCode::Io, message);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return makeError(ErrorCode::Damaged, message);
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
        return makeError(ErrorCode::InvalidData, message);
    case SQLITE_NOMEM:
        return makeError(ErrorCode::Io, std::string(context) + ": out of memory");
    default:
        return makeError(ErrorCode::Internal, message);
    }
}

// Idle prepared statements of one connection, keyed by their SQL. Preparing is a measurable share of
// bulk imports; reusing statements keeps repositories simple (they just call prepare()).
class StatementCache final {
public:
    explicit StatementCache(sqlite3* db)
        : m_db(db)
    { }
    ~StatementCache() { clear(); }
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;

    sqlite3_stmt* take(std::string_view sql)
    {
        const auto it = m_idle.find(sql);
        if (it == m_idle.end() || it->second.empty())
            return nullptr;
        sqlite3_stmt* stmt = it->second.back();
        it->second.pop_back();
        return stmt;
    }
    void give(sqlite3_stmt* stmt)
    {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        const std::string_view sql = sqlite3_sql(stmt);
        auto it = m_idle.find(sql);
        if (it == m_idle.end())
            it = m_idle.emplace(std::string(sql), std::vector<sqlite3_stmt*>()).first;
        if (it->second.size() >= kMaxIdlePerSql) {
            sqlite3_finalize(stmt);
            return;
        }
        it->second.push_back(stmt);
    }
    void clear() noexcept
    {
        for (auto& [sql, stmts] : m_idle)
            for (sqlite3_stmt* stmt : stmts)
                sqlite3_finalize(stmt);
        m_idle.clear();
    }

private:
    static constexpr std::size_t kMaxIdlePerSql = 4;
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>()(text); }
    };
    sqlite3* m_db;
    std::unordered_map<std::string, std::vector<sqlite3_stmt*>, Hash, std::equal_to<>> m_idle;
};

Database::Database(sqlite3* db)
    : m_db(db)
    , m_cache(std::make_shared<StatementCache>(db))
{ }

Database::~Database()
{
    close();
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_cache(std::move(other.m_cache))
{ }

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_cache = std::move(other.m_cache);
    }
    return *this;
}

void Database::close() noexcept
{
    if (m_cache)
        m_cache->clear();
    m_cache.reset(); // statements still alive finalize themselves and do not come back
    if (m_db != nullptr)
        sqlite3_close_v2(m_db);
    m_db = nullptr;
}

Result<Database> Database::open(const std::string& path, const crypto::SecretBytes& key, bool createIfMissing)
{
    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (createIfMissing ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, headerVfsName());
    Database db(raw); // owns the handle even when opening failed
    if (rc != SQLITE_OK)
        return sqliteError(rc, "cannot open the vault", raw ? sqlite3_errmsg(raw) : "");
    sqlite3_extended_result_codes(raw, 1);
    // Another Techo process (the app while the CLI imports) may hold the write lock for a moment.
    sqlite3_busy_timeout(raw, 5000);

    const crypto::SecretBytes rawKey = crypto::sqlcipherRawKey(key);
    if (sqlite3_key(raw, rawKey.data(), static_cast<int>(rawKey.size())) != SQLITE_OK)
        return db.lastError("cannot key the vault");

    // An empty cipher_version means SQLCipher is not the library answering: encryption would be
    // silently off. Refuse before a single page is read or written.
    {
        TECHO_ASSIGN(Statement version, db.prepare("PRAGMA cipher_version"));
        TECHO_ASSIGN(bool hasRow, version.step());
        if (!hasRow || version.text(0).empty())
            return makeError(ErrorCode::Internal, "SQLCipher is not active; refusing to use an unencrypted database");
    }
    TECHO_TRY(db.exec("PRAGMA cipher_page_size = " + std::to_string(VaultHeader::kCipherPageSize)));
    // The first read is where a wrong key shows (SQLITE_NOTADB); callers map it with the key check.
    TECHO_TRY(db.exec("SELECT count(*) FROM sqlite_master"));
    // Rollback journal with full sync: every commit is durable and the vault is always one
    // self-contained file at rest (WAL would keep committed data in a side file). See docs/vault-format.md.
    TECHO_TRY(db.exec("PRAGMA journal_mode = DELETE"));
    TECHO_TRY(db.exec("PRAGMA synchronous = FULL"));
    TECHO_TRY(db.exec("PRAGMA foreign_keys = ON"));
    TECHO_TRY(db.exec("PRAGMA secure_delete = ON"));
    TECHO_TRY(db.exec("PRAGMA temp_store = MEMORY"));
    return db;
}

Result<Database> Database::openScratch(int cacheKiB, const std::string& directory)
{
    std::string path = (directory.empty() ? std::string(".") : directory) + "/.techo-staging-XXXXXX";
    const int fd = ::mkstemp(path.data());
    if (fd < 0)
        return makeError(ErrorCode::Io, "cannot create a scratch file in " + directory + ": " + std::strerror(errno));
    ::close(fd);
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    ::unlink(path.c_str()); // the open handle keeps the file alive; no name is left behind
    Database db(raw);
    if (rc != SQLITE_OK)
        return sqliteError(rc, "cannot open a scratch database", raw ? sqlite3_errmsg(raw) : "");
    sqlite3_extended_result_codes(raw, 1);
    crypto::SecretBytes key(32);
    randombytes_buf(key.data(), key.size());
    const crypto::SecretBytes rawKey = crypto::sqlcipherRawKey(key);
    if (sqlite3_key(raw, rawKey.data(), static_cast<int>(rawKey.size())) != SQLITE_OK)
        return db.lastError("cannot key the scratch database");
    {
        TECHO_ASSIGN(Statement version, db.prepare("PRAGMA cipher_version"));
        TECHO_ASSIGN(bool hasRow, version.step());
        if (!hasRow || version.text(0).empty())
            return makeError(ErrorCode::Internal, "SQLCipher is not active; refusing to use an unencrypted database");
    }
    TECHO_TRY(db.exec("PRAGMA cache_size = -" + std::to_string(cacheKiB)));
    // Nothing here needs to survive a crash: no journal, no syncs.
    TECHO_TRY(db.exec("PRAGMA journal_mode = OFF"));
    TECHO_TRY(db.exec("PRAGMA synchronous = OFF"));
    TECHO_TRY(db.exec("PRAGMA temp_store = MEMORY"));
    return db;
}

std::string Database::fileName() const
{
    const char* name = m_db != nullptr ? sqlite3_db_filename(m_db, "main") : nullptr;
    return name != nullptr ? std::string(name) : std::string();
}

Status Database::exec(std::string_view sql)
{
    const std::string text(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string detail = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        return sqliteError(rc, "database error", detail);
    }
    return {};
}

Result<Statement> Database::prepare(std::string_view sql)
{
    if (m_cache) {
        if (sqlite3_stmt* cached = m_cache->take(sql))
            return Statement(m_db, cached, m_cache);
    }
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return lastError("cannot prepare a statement");
    }
    return Statement(m_db, stmt, m_cache);
}

Result<std::int64_t> Database::queryInt(std::string_view sql)
{
    TECHO_ASSIGN(Statement stmt, prepare(sql));
    TECHO_ASSIGN(bool hasRow, stmt.step());
    if (!hasRow)
        return makeError(ErrorCode::Internal, "query returned no row");
    return stmt.int64(0);
}

std::int64_t Database::lastInsertRowId() const noexcept
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const noexcept
{
    return sqlite3_changes(m_db);
}

Error Database::lastError(std::string_view context) const
{
    if (m_db == nullptr)
        return makeError(ErrorCode::Internal, std::string(context) + ": the vault is closed");
    return sqliteError(sqlite3_extended_errcode(m_db), context, sqlite3_errmsg(m_db));
}

// ---- Statement ----

Statement::~Statement()
{
    release();
}

void Statement::release() noexcept
{
    if (m_stmt == nullptr)
        return;
    if (auto cache = m_cache.lock())
        cache->give(m_stmt);
    else
        sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
}

Statement::Statement(Statement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_cache(std::move(other.m_cache))
    , m_bindError(std::exchange(other.m_bindError, 0))
{ }

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        release();
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_cache = std::move(other.m_cache);
        m_bindError = std::exchange(other.m_bindError, 0);
    }
    return *this;
}

void Statement::noteBindResult(int rc, int /*index*/)
{
    if (rc != SQLITE_OK && m_bindError == 0)
        m_bindError = rc;
}

Statement& Statement::bind(int index, std::int64_t value)
{
    noteBindResult(sqlite3_bind_int64(m_stmt, index, value), index);
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    noteBindResult(sqlite3_bind_double(m_stmt, index, value), index);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text)
{
    noteBindResult(
        sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT), index);
    return *this;
}

Statement& Statement::bindSecret(int index, const crypto::SecretBytes& secret)
{
    noteBindResult(
        sqlite3_bind_blob(m_stmt, index, secret.data(), static_cast<int>(secret.size()), SQLITE_STATIC), index);
    return *this;
}

Statement& Statement::bindNull(int index)
{
    noteBindResult(sqlite3_bind_null(m_stmt, index), index);
    return *this;
}

Result<bool> Statement::step()
{
    if (m_bindError != 0)
        return sqliteError(m_bindError, "cannot bind a parameter", sqlite3_errstr(m_bindError));
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return sqliteError(sqlite3_extended_errcode(m_db), "database error", sqlite3_errmsg(m_db));
}

Status Statement::run()
{
    TECHO_ASSIGN(bool row, step());
    (void)row;
    reset();
    return {};
}

void Statement::reset() noexcept
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bindError = 0;
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::text(int column) const
{
    const auto* p = sqlite3_column_text(m_stmt, column);
    const int n = sqlite3_column_bytes(m_stmt, column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}

std::optional<std::string> Statement::optionalText(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

std::optional<double> Statement::optionalReal(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return real(column);
}

std::optional<std::int64_t> Statement::optionalInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

// ---- Transaction ----

Result<Transaction> Transaction::begin(Database& db)
{
    TECHO_TRY(db.exec("BEGIN IMMEDIATE"));
    return Transaction(&db);
}

Result<Transaction> Transaction::beginBulk(Database& db)
{
    TECHO_ASSIGN(Transaction tx, begin(db));
    db.m_bulk = true;
    db.m_bulkFailed = false;
    return tx;
}

Transaction::~Transaction()
{
    rollback();
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
{ }

Status Transaction::commit()
{
    if (m_db == nullptr)
        return makeError(ErrorCode::Internal, "transaction already finished");
    if (m_db->m_bulkFailed) {
        rollback();
        return makeError(ErrorCode::Internal, "a write inside the transaction failed; nothing was committed");
    }
    Status status = m_db->exec("COMMIT");
    if (!status.ok()) {
        rollback();
        return status;
    }
    m_db->m_bulk = false;
    m_db = nullptr;
    return {};
}

void Transaction::rollback() noexcept
{
    if (m_db != nullptr) {
        if (m_db->isOpen())
            (void)m_db->exec("ROLLBACK");
        m_db->m_bulk = false;
        m_db->m_bulkFailed = false;
    }
    m_db = nullptr;
}

} // namespace techo::vault
