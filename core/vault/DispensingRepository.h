#pragma once

#include "core/domain/Dispensing.h"
#include "core/util/Result.h"
#include "core/vault/RangeCount.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace techo::vault {

class Database;

// Typed access to dispensings and their medication lines, which are always written and read together.
// Multi-row writes are atomic; see Savepoint.h for the transaction rule.
class DispensingRepository final {
public:
    explicit DispensingRepository(Database& db)
        : m_db(db)
    { }

    // Stores the dispensing with its lines and sets their ids. A clash of the identity
    // (profile, kind, dispensedOn, pharmacy, prescriber) or a bad line is ErrorCode::InvalidData and stores nothing.
    [[nodiscard]] Result<std::int64_t> insert(domain::Dispensing& dispensing);
    // Rewrites the dispensing's own fields and merges dispensing.lines in (see mergeLines): an update never
    // deletes a stored line.
    [[nodiscard]] Status update(domain::Dispensing& dispensing);
    // Per (rpNumber, lineNumber): rewrites the stored line in place (its id stays) or adds a new one.
    // Stored lines absent from `lines` are kept.
    [[nodiscard]] Status mergeLines(std::int64_t dispensingId, std::vector<domain::MedicationLine>& lines);
    // The dispensings of one kind a profile had at one institution on one day, without their lines, by id.
    [[nodiscard]] Result<std::vector<domain::Dispensing>> listByVisit(
        std::int64_t profileId, domain::DispensingKind kind, domain::Date dispensedOn, std::int64_t pharmacyId);
    // Replaces all lines of a stored dispensing; sets their ids and dispensingId.
    // Marks a claims-based dispensing as replaced by the 電子処方箋 record of the same visit (or clears it).
    [[nodiscard]] Status setSupersededBy(std::int64_t id, std::optional<std::int64_t> supersededBy);
    [[nodiscard]] Status replaceLines(std::int64_t dispensingId, std::vector<domain::MedicationLine>& lines);
    [[nodiscard]] Result<domain::Dispensing> get(std::int64_t id);
    [[nodiscard]] Result<std::optional<domain::Dispensing>> findByNaturalKey(std::int64_t profileId,
        domain::DispensingKind kind, domain::Date dispensedOn, std::int64_t pharmacyId,
        std::optional<std::int64_t> prescriberId);
    // Dispensings of a profile in [from, to] (either bound may be open), oldest first, with lines.
    [[nodiscard]] Result<std::vector<domain::Dispensing>> listByProfile(std::int64_t profileId,
        std::optional<domain::Date> from = std::nullopt, std::optional<domain::Date> to = std::nullopt);
    // How many dispensings (records) and medication lines (children) listByProfile would return for the same range:
    // one COUNT query with the same WHERE clause (the export's preview and progress total).
    [[nodiscard]] Result<RangeCount> countByProfile(std::int64_t profileId,
        std::optional<domain::Date> from = std::nullopt, std::optional<domain::Date> to = std::nullopt);
    [[nodiscard]] Status remove(std::int64_t id);

private:
    [[nodiscard]] Result<std::vector<std::int64_t>> insertLines(
        std::int64_t dispensingId, const std::vector<domain::MedicationLine>& lines);

    Database& m_db;
};

} // namespace techo::vault
