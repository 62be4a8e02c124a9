#include "core/vault/VaccinationRepository.h"

#include "core/vault/RowMapping.h"

namespace techo::vault {
namespace {

constexpr std::string_view kSelect
    = "SELECT id, profile_id, occurred_on, vaccine_name, vaccine_code, vaccine_code_system, target_disease, "
      "dose_number, lot_number, manufacturer, facility_id, municipality_code, site, status, source, "
      "source_record_id, fetched_at, import_run_id FROM vaccinations ";
// A profile's vaccinations in a date range. Parameters: profile id, first day, last day (inclusive).
constexpr std::string_view kRangeWhere = "WHERE profile_id = ? AND occurred_on BETWEEN ? AND ? ";

domain::Vaccination readVaccination(Row& row)
{
    domain::Vaccination v;
    v.id = row.int64();
    v.profileId = row.int64();
    v.occurredOn = row.date();
    v.vaccineName = row.text();
    v.vaccineCode = row.text();
    v.vaccineCodeSystem = row.optionalText();
    v.targetDisease = row.optionalText();
    v.doseNumber = row.optionalInteger();
    v.lotNumber = row.optionalText();
    v.manufacturer = row.optionalText();
    v.facilityId = row.optionalInt64();
    v.municipalityCode = row.optionalText();
    v.site = row.optionalText();
    v.status = row.enumValue<domain::VaccinationStatus>();
    v.provenance = readProvenance(row);
    return v;
}

// Binds the columns shared by INSERT and UPDATE, in the order profile_id … import_run_id.
void addFields(Params& params, const domain::Vaccination& v)
{
    params.add(v.profileId)
        .add(v.occurredOn)
        .add(v.vaccineName)
        .add(v.vaccineCode)
        .add(v.vaccineCodeSystem)
        .add(v.targetDisease)
        .add(v.doseNumber)
        .add(v.lotNumber)
        .add(v.manufacturer)
        .add(v.facilityId)
        .add(v.municipalityCode)
        .add(v.site)
        .add(v.status);
    addProvenance(params, v.provenance);
}

} // namespace

Result<std::int64_t> VaccinationRepository::insert(domain::Vaccination& vaccination)
{
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("INSERT INTO vaccinations (profile_id, occurred_on, vaccine_name, vaccine_code, "
                     "vaccine_code_system, target_disease, dose_number, lot_number, manufacturer, facility_id, "
                     "municipality_code, site, status, source, source_record_id, fetched_at, import_run_id) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    Params params(stmt);
    addFields(params, vaccination);
    TECHO_TRY(params.run());
    vaccination.id = m_db.lastInsertRowId();
    return vaccination.id;
}

Status VaccinationRepository::update(const domain::Vaccination& vaccination)
{
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("UPDATE vaccinations SET profile_id = ?, occurred_on = ?, vaccine_name = ?, vaccine_code = ?, "
                     "vaccine_code_system = ?, target_disease = ?, dose_number = ?, lot_number = ?, "
                     "manufacturer = ?, facility_id = ?, municipality_code = ?, site = ?, status = ?, source = ?, "
                     "source_record_id = ?, fetched_at = ?, import_run_id = ? WHERE id = ?"));
    Params params(stmt);
    addFields(params, vaccination);
    params.add(vaccination.id);
    TECHO_TRY(params.run());
    return requireChanged(m_db, "vaccination");
}

Result<domain::Vaccination> VaccinationRepository::get(std::int64_t id)
{
    TECHO_ASSIGN(Statement stmt, m_db.prepare(std::string(kSelect) + "WHERE id = ?"));
    stmt.bind(1, id);
    return requireFound(firstRow<domain::Vaccination>(stmt, readVaccination), "vaccination");
}

Result<std::optional<domain::Vaccination>> VaccinationRepository::findByNaturalKey(std::int64_t profileId,
    domain::Date occurredOn, std::string_view vaccineCode, std::string_view vaccineName, std::optional<int> doseNumber)
{
    // "IS" rather than "=" so that a NULL dose number matches a NULL dose number. Records the source identified
    // by its own id (historyKey) are never matched by their fields.
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare(std::string(kSelect)
            + "WHERE profile_id = ? AND occurred_on = ? AND vaccine_code = ? AND (vaccine_code <> '' OR "
              "vaccine_name = ?) AND dose_number IS ? AND source_record_id IS NULL ORDER BY id"));
    Params params(stmt);
    params.add(profileId).add(occurredOn).add(vaccineCode).add(vaccineName).add(doseNumber);
    TECHO_TRY(params.status());
    return firstRow<domain::Vaccination>(stmt, readVaccination);
}

Result<std::optional<domain::Vaccination>> VaccinationRepository::findBySourceRecordId(
    std::int64_t profileId, std::string_view source, std::string_view sourceRecordId)
{
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare(
            std::string(kSelect) + "WHERE profile_id = ? AND source = ? AND source_record_id = ? ORDER BY id"));
    Params params(stmt);
    params.add(profileId).add(source).add(sourceRecordId);
    TECHO_TRY(params.status());
    return firstRow<domain::Vaccination>(stmt, readVaccination);
}

Result<std::vector<domain::Vaccination>> VaccinationRepository::listByProfile(
    std::int64_t profileId, std::optional<domain::Date> from, std::optional<domain::Date> to)
{
    TECHO_ASSIGN(
        Statement stmt, m_db.prepare(std::string(kSelect) + std::string(kRangeWhere) + "ORDER BY occurred_on, id"));
    Params params(stmt);
    params.add(profileId).add(lowerBound(from)).add(upperBound(to));
    TECHO_TRY(params.status());
    return collectRows<domain::Vaccination>(stmt, readVaccination);
}

Result<RangeCount> VaccinationRepository::countByProfile(
    std::int64_t profileId, std::optional<domain::Date> from, std::optional<domain::Date> to)
{
    TECHO_ASSIGN(Statement stmt, m_db.prepare("SELECT count(*) FROM vaccinations " + std::string(kRangeWhere)));
    Params params(stmt);
    params.add(profileId).add(lowerBound(from)).add(upperBound(to));
    TECHO_TRY(params.status());
    TECHO_ASSIGN(const auto row, firstRow<RangeCount>(stmt, [](Row& r) { return RangeCount {r.int64(), 0}; }));
    return row.value_or(RangeCount {});
}

Status VaccinationRepository::remove(std::int64_t id)
{
    TECHO_ASSIGN(Statement stmt, m_db.prepare("DELETE FROM vaccinations WHERE id = ?"));
    stmt.bind(1, id);
    TECHO_TRY(stmt.run());
    return requireChanged(m_db, "vaccination");
}

} // namespace techo::vault
