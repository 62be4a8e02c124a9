#pragma once

#include "core/util/Result.h"

namespace techo::vault {

class Database;

// BEGIN IMMEDIATE on construction (through begin()), ROLLBACK on destruction unless committed.
class Transaction final {
public:
    [[nodiscard]] static Result<Transaction> begin(Database& db);
    // All-or-nothing: see Database::inBulkTransaction. For imports, where any failure aborts the run.
    [[nodiscard]] static Result<Transaction> beginBulk(Database& db);
    ~Transaction();
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    [[nodiscard]] Status commit();
    void rollback() noexcept;

private:
    explicit Transaction(Database* db)
        : m_db(db)
    { }
    Database* m_db = nullptr;
};

} // namespace techo::vault
