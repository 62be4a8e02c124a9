#pragma once

#include "core/clinical/CurrentMedicines.h"
#include "core/clinical/DuplicateMedication.h"
#include "core/clinical/TrendSeries.h"
#include "core/domain/Clock.h"
#include "core/domain/ImportRun.h"
#include "core/domain/Profile.h"
#include "core/domain/Provider.h"
#include "core/domain/Vaccination.h"
#include "core/util/Result.h"

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace techo::vault {
class Database;
class Vault;
} // namespace techo::vault

namespace techo::query {

// The read side the desktop app (and later the PDF and FHIR exports) calls: domain values in, domain values
// out, never a Database&, a statement or SQL. Each call reads the open vault through the repositories and
// hands the rows to the pure functions of core/clinical. Errors: NotFound for an unknown profile, Usage for
// an unknown logical item or a bad limit, Usage when the vault is locked, and the vault's own errors.
// Not thread-safe: one object per thread that owns the vault connection.
class HealthRecordQueries final {
public:
    // `clock` decides "today" (in Japan) for current medicines; `rules` the medication estimates.
    explicit HealthRecordQueries(vault::Vault& vault, domain::Clock clock = {}, clinical::MedicationRules rules = {});
    // The same over a bare connection: what core's exports hold (exportRecords gets a Database&). The connection
    // must outlive this object.
    explicit HealthRecordQueries(vault::Database& db, domain::Clock clock = {}, clinical::MedicationRules rules = {})
        : m_db(db)
        , m_clock(std::move(clock))
        , m_rules(rules)
    { }

    // Every profile, in creation order (the profile switcher).
    [[nodiscard]] Result<std::vector<domain::Profile>> profiles();
    // The latest checkup day with every item judged for the profile's sex and the change since the checkup
    // day before it (summarizeLatestCheckup); nullopt when the profile has no checkup. Reads two days only.
    [[nodiscard]] Result<std::optional<clinical::CheckupSummary>> latestCheckup(std::int64_t profileId);
    // One logical item's trend (buildSeries), e.g. "hba1c": every method variant, JDS converted.
    [[nodiscard]] Result<clinical::TrendSeries> series(std::int64_t profileId, std::string_view logicalKey);
    // The year-by-item table: every item with a value, in the official order (buildAllSeries).
    [[nodiscard]] Result<std::vector<clinical::TrendSeries>> checkupTable(std::int64_t profileId);
    // Medicines current on `day` (default: today in Japan by the clock), see clinical::currentMedicines.
    [[nodiscard]] Result<std::vector<clinical::CurrentMedicine>> currentMedicines(
        std::int64_t profileId, std::optional<domain::Date> day = std::nullopt);
    // Duplicate medication findings (clinical::findDuplicateMedications, institutions compared by their
    // 医療機関等コード). With `activeOn`, only findings whose overlap includes that day.
    [[nodiscard]] Result<std::vector<clinical::DuplicateFinding>> duplicateMedications(
        std::int64_t profileId, std::optional<domain::Date> activeOn = std::nullopt);
    // The `limit` most recent vaccinations (limit > 0), newest first, without entered-in-error ones.
    [[nodiscard]] Result<std::vector<domain::Vaccination>> latestVaccinations(std::int64_t profileId, int limit);
    // The most recent finished import run (when, from where, counts); nullopt when none finished yet.
    [[nodiscard]] Result<std::optional<domain::ImportRun>> lastImport();
    // The providers with these ids (checkup facilities, pharmacies, prescribers), for names in the views.
    // Unknown ids are left out.
    [[nodiscard]] Result<std::map<std::int64_t, domain::Provider>> providers(std::span<const std::int64_t> ids);

    // One profile (NotFound when there is none).
    [[nodiscard]] Result<domain::Profile> profile(std::int64_t profileId);

private:
    [[nodiscard]] Status requireOpen() const;

    vault::Database& m_db; // the vault's own connection (locking the vault closes it)
    domain::Clock m_clock;
    clinical::MedicationRules m_rules;
};

} // namespace techo::query
