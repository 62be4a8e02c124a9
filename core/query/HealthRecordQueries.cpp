#include "core/query/HealthRecordQueries.h"

#include "core/vault/CheckupRepository.h"
#include "core/vault/ClinicalQueries.h"
#include "core/vault/DispensingRepository.h"
#include "core/vault/ImportRunRepository.h"
#include "core/vault/ProfileRepository.h"
#include "core/vault/ProviderRepository.h"
#include "core/vault/VaccinationRepository.h"
#include "core/vault/Vault.h"

#include <algorithm>

namespace techo::query {

HealthRecordQueries::HealthRecordQueries(vault::Vault& vault, domain::Clock clock, clinical::MedicationRules rules)
    : HealthRecordQueries(vault.database(), std::move(clock), rules)
{ }

Status HealthRecordQueries::requireOpen() const
{
    if (!m_db.isOpen())
        return makeError(ErrorCode::Usage, "the vault is locked").withKey("query.vault_locked");
    return {};
}

Result<domain::Profile> HealthRecordQueries::profile(std::int64_t profileId)
{
    TECHO_TRY(requireOpen());
    return vault::ProfileRepository(m_db).get(profileId);
}

Result<std::vector<domain::Profile>> HealthRecordQueries::profiles()
{
    TECHO_TRY(requireOpen());
    return vault::ProfileRepository(m_db).list();
}

Result<std::optional<clinical::CheckupSummary>> HealthRecordQueries::latestCheckup(std::int64_t profileId)
{
    TECHO_ASSIGN(const domain::Profile person, profile(profileId));
    TECHO_ASSIGN(const std::vector<domain::Date> days, vault::ClinicalQueries(m_db).recentCheckupDays(profileId, 2));
    if (days.empty())
        return std::optional<clinical::CheckupSummary> {};
    TECHO_ASSIGN(const std::vector<domain::Checkup> checkups,
        vault::CheckupRepository(m_db).listByProfile(profileId, days.back(), days.front()));
    return clinical::summarizeLatestCheckup(checkups, person.sex);
}

Result<clinical::TrendSeries> HealthRecordQueries::series(std::int64_t profileId, std::string_view logicalKey)
{
    const clinical::LogicalItem* item = clinical::findLogicalItem(logicalKey);
    if (item == nullptr)
        return makeError(ErrorCode::Usage, "unknown checkup item")
            .withKey("query.unknown_item")
            .with("item", std::string(logicalKey));
    TECHO_ASSIGN(const domain::Profile person, profile(profileId));
    // The profile's checkups with all their results: two indexed queries whose cost follows this person's
    // records, not the vault's (a per-code query would scan every family member's values of that code).
    TECHO_ASSIGN(const std::vector<domain::Checkup> checkups, vault::CheckupRepository(m_db).listByProfile(profileId));
    return clinical::buildSeries(checkups, *item, person.sex);
}

Result<std::vector<clinical::TrendSeries>> HealthRecordQueries::checkupTable(std::int64_t profileId)
{
    TECHO_ASSIGN(const domain::Profile person, profile(profileId));
    TECHO_ASSIGN(const std::vector<domain::Checkup> checkups, vault::CheckupRepository(m_db).listByProfile(profileId));
    return clinical::buildAllSeries(checkups, person.sex);
}

Result<std::vector<clinical::CurrentMedicine>> HealthRecordQueries::currentMedicines(
    std::int64_t profileId, std::optional<domain::Date> day)
{
    TECHO_TRY(profile(profileId));
    const domain::Date on = day.value_or(m_clock.todayInJapan());
    TECHO_ASSIGN(const std::vector<domain::Dispensing> dispensings,
        vault::DispensingRepository(m_db).listByProfile(profileId, std::nullopt, on));
    return clinical::currentMedicines(dispensings, on, m_rules);
}

Result<std::vector<clinical::DuplicateFinding>> HealthRecordQueries::duplicateMedications(
    std::int64_t profileId, std::optional<domain::Date> activeOn)
{
    TECHO_TRY(profile(profileId));
    TECHO_ASSIGN(
        const std::vector<domain::Dispensing> dispensings, vault::DispensingRepository(m_db).listByProfile(profileId));
    // Institutions compare by 医療機関等コード: a clinic's own dispensing (院内処方, stored as the pharmacy)
    // and its prescriptions are one institution.
    std::vector<std::int64_t> ids;
    for (const domain::Dispensing& d : dispensings) {
        ids.push_back(d.pharmacyId);
        if (d.prescriberId)
            ids.push_back(*d.prescriberId);
    }
    TECHO_ASSIGN(const auto known, providers(ids));
    std::map<std::int64_t, std::string> codes;
    for (const auto& [id, provider] : known)
        codes.emplace(id, provider.code);
    const clinical::InstitutionIdentity identity = clinical::identityByInstitutionCode(std::move(codes));
    std::vector<clinical::DuplicateFinding> findings
        = clinical::findDuplicateMedications(dispensings, m_rules, identity);
    if (activeOn)
        std::erase_if(findings, [&](const clinical::DuplicateFinding& f) {
            return *activeOn < f.overlapFrom || f.overlapUntil < *activeOn;
        });
    return findings;
}

Result<std::vector<domain::Vaccination>> HealthRecordQueries::latestVaccinations(std::int64_t profileId, int limit)
{
    if (limit <= 0)
        return makeError(ErrorCode::Usage, "the number of vaccinations must be positive");
    TECHO_TRY(profile(profileId));
    TECHO_ASSIGN(std::vector<domain::Vaccination> all, vault::VaccinationRepository(m_db).listByProfile(profileId));
    std::vector<domain::Vaccination> out;
    for (auto it = all.rbegin(); it != all.rend() && std::ssize(out) < limit; ++it)
        if (it->status != domain::VaccinationStatus::EnteredInError)
            out.push_back(std::move(*it));
    return out;
}

Result<std::optional<domain::ImportRun>> HealthRecordQueries::lastImport()
{
    TECHO_TRY(requireOpen());
    // A run row without finishedAt never finished (it is written in the import's own transaction).
    TECHO_ASSIGN(const std::vector<domain::ImportRun> runs, vault::ImportRunRepository(m_db).listRecent(16));
    for (const domain::ImportRun& run : runs)
        if (run.finishedAt)
            return std::optional<domain::ImportRun> {run};
    return std::optional<domain::ImportRun> {};
}

Result<std::map<std::int64_t, domain::Provider>> HealthRecordQueries::providers(std::span<const std::int64_t> ids)
{
    TECHO_TRY(requireOpen());
    vault::ProviderRepository repository(m_db);
    std::map<std::int64_t, domain::Provider> out;
    for (const std::int64_t id : ids) {
        if (out.contains(id))
            continue;
        auto provider = repository.get(id);
        if (provider.ok())
            out.emplace(id, std::move(provider).value());
        else if (provider.error().code != ErrorCode::NotFound)
            return std::move(provider).error();
    }
    return out;
}

} // namespace techo::query
