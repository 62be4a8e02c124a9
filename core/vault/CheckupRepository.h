#pragma once

#include "core/domain/Checkup.h"
#include "core/domain/SeriesPoint.h"
#include "core/util/Result.h"
#include "core/vault/RangeCount.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace techo::vault {

class Database;

// Typed access to checkups and their observations, which are always written and read together.
// Multi-row writes are atomic; see Savepoint.h for the transaction rule.
class CheckupRepository final {
public:
    explicit CheckupRepository(Database& db)
        : m_db(db)
    { }

    // Stores the checkup with its observations and sets their ids. A clash of the identity
    // (profile, performedOn, kind, facility) or a bad observation is ErrorCode::InvalidData and stores nothing.
    [[nodiscard]] Result<std::int64_t> insert(domain::Checkup& checkup);
    // Rewrites the checkup's own fields and merges checkup.observations in (see mergeObservations): an update
    // never deletes a stored value.
    [[nodiscard]] Status update(domain::Checkup& checkup);
    // Per item code: rewrites the stored observation in place (its id stays, so exports, shares and selections
    // that refer to it keep working) or adds a new one. Stored items absent from `observations` are kept.
    [[nodiscard]] Status mergeObservations(std::int64_t checkupId, std::vector<domain::Observation>& observations);
    // Replaces all observations of a stored checkup; sets their ids and checkupId.
    [[nodiscard]] Status replaceObservations(std::int64_t checkupId, std::vector<domain::Observation>& observations);
    [[nodiscard]] Result<domain::Checkup> get(std::int64_t id);
    // The checkup with this identity (docs/import.md), with its observations. facilityId nullopt matches NULL.
    [[nodiscard]] Result<std::optional<domain::Checkup>> findByNaturalKey(std::int64_t profileId,
        domain::Date performedOn, std::string_view kind, std::optional<std::int64_t> facilityId);
    // Checkups of a profile in [from, to] (either bound may be open), oldest first, with observations.
    [[nodiscard]] Result<std::vector<domain::Checkup>> listByProfile(std::int64_t profileId,
        std::optional<domain::Date> from = std::nullopt, std::optional<domain::Date> to = std::nullopt);
    // How many checkups (records) and observations (children) listByProfile would return for the same range: one
    // COUNT query with the same WHERE clause (the export's preview and progress total).
    [[nodiscard]] Result<RangeCount> countByProfile(std::int64_t profileId,
        std::optional<domain::Date> from = std::nullopt, std::optional<domain::Date> to = std::nullopt);
    // Every observation of one item code across the profile's checkups, oldest first. Method variants
    // of one logical item have different codes; merging them is the caller's (clinical/) job.
    [[nodiscard]] Result<std::vector<domain::SeriesPoint>> series(std::int64_t profileId, std::string_view itemCode);
    [[nodiscard]] Status remove(std::int64_t id);

private:
    [[nodiscard]] Result<std::vector<std::int64_t>> insertObservations(
        std::int64_t checkupId, const std::vector<domain::Observation>& observations);

    Database& m_db;
};

} // namespace techo::vault
