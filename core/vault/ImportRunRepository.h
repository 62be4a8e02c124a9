#pragma once

#include "core/domain/ImportRun.h"
#include "core/util/Result.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace techo::vault {

class Database;

// Typed access to import runs. See Savepoint.h for the transaction rule.
class ImportRunRepository final {
public:
    explicit ImportRunRepository(Database& db)
        : m_db(db)
    { }

    // Records the start of a run (counts zero, not finished) and returns it with its id.
    [[nodiscard]] Result<domain::ImportRun> begin(
        std::string_view source, std::string_view origin, domain::Timestamp startedAt);
    // Records the end of a run with its final counts.
    [[nodiscard]] Status finish(std::int64_t id, domain::Timestamp finishedAt, const domain::ImportCounts& counts);
    [[nodiscard]] Result<domain::ImportRun> get(std::int64_t id);
    // The `limit` most recently started runs (limit > 0).
    [[nodiscard]] Result<std::vector<domain::ImportRun>> listRecent(int limit);

private:
    Database& m_db;
};

} // namespace techo::vault
