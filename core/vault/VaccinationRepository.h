#pragma once

#include "core/domain/Vaccination.h"
#include "core/util/Result.h"
#include "core/vault/RangeCount.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace techo::vault {

class Database;

// Typed access to vaccinations. See Savepoint.h for the transaction rule.
class VaccinationRepository final {
public:
    explicit VaccinationRepository(Database& db)
        : m_db(db)
    { }

    // Stores a new vaccination and sets its id.
    [[nodiscard]] Result<std::int64_t> insert(domain::Vaccination& vaccination);
    [[nodiscard]] Status update(const domain::Vaccination& vaccination);
    [[nodiscard]] Result<domain::Vaccination> get(std::int64_t id);
    // The vaccination with this natural key among those without a source record id: (profile, day, vaccine
    // code — or the vaccine name when there is no code —, dose number). A missing doseNumber matches a stored NULL.
    [[nodiscard]] Result<std::optional<domain::Vaccination>> findByNaturalKey(std::int64_t profileId,
        domain::Date occurredOn, std::string_view vaccineCode, std::string_view vaccineName,
        std::optional<int> doseNumber);
    // The vaccination the source identifies by its own record id (PMH historyKey).
    [[nodiscard]] Result<std::optional<domain::Vaccination>> findBySourceRecordId(
        std::int64_t profileId, std::string_view source, std::string_view sourceRecordId);
    // Vaccinations of a profile in [from, to] (either bound may be open), oldest first.
    [[nodiscard]] Result<std::vector<domain::Vaccination>> listByProfile(std::int64_t profileId,
        std::optional<domain::Date> from = std::nullopt, std::optional<domain::Date> to = std::nullopt);
    // How many vaccinations listByProfile would return for the same range (RangeCount::records; no children): one
    // COUNT query with the same WHERE clause (the export's preview and progress total).
    [[nodiscard]] Result<RangeCount> countByProfile(std::int64_t profileId,
        std::optional<domain::Date> from = std::nullopt, std::optional<domain::Date> to = std::nullopt);
    [[nodiscard]] Status remove(std::int64_t id);

private:
    Database& m_db;
};

} // namespace techo::vault
