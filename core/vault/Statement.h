#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/util/Result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace techo::vault {

class Database;
class StatementCache;

// A prepared statement (RAII over sqlite3_stmt). bind() calls chain; a bind failure is remembered and
// reported by the next step(). Parameters are 1-based, columns 0-based, as in SQLite.
class Statement final {
public:
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bindNull(int index);
    // Binds without copying, so the secret never lands in SQLite's heap; it must outlive step().
    Statement& bindSecret(int index, const crypto::SecretBytes& secret);
    template <typename T> Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    // true: a row is available; false: done.
    [[nodiscard]] Result<bool> step();
    // For statements that return no rows.
    [[nodiscard]] Status run();
    void reset() noexcept;

    [[nodiscard]] int columnCount() const;
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::int64_t int64(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] std::optional<std::string> optionalText(int column) const;
    [[nodiscard]] std::optional<double> optionalReal(int column) const;
    [[nodiscard]] std::optional<std::int64_t> optionalInt64(int column) const;

private:
    friend class Database;
    Statement(sqlite3* db, sqlite3_stmt* stmt, std::weak_ptr<StatementCache> cache)
        : m_db(db)
        , m_stmt(stmt)
        , m_cache(std::move(cache))
    { }
    void release() noexcept;
    void noteBindResult(int rc, int index);

    sqlite3* m_db = nullptr; // not owned; the connection outlives its statements
    sqlite3_stmt* m_stmt = nullptr;
    // Finished statements go back to their connection's cache, so repositories can prepare freely.
    std::weak_ptr<StatementCache> m_cache;
    int m_bindError = 0;
};

} // namespace techo::vault
