#include "core/vault/CheckupRepository.h"

#include "core/vault/RowMapping.h"
#include "core/vault/Savepoint.h"

namespace techo::vault {
namespace {

constexpr std::string_view kCheckupColumns
    = "SELECT c.id, c.profile_id, c.performed_on, c.checkup_kind, c.facility_id, c.insurer_number, c.source, "
      "c.source_record_id, c.fetched_at, c.import_run_id FROM checkups c ";
constexpr std::string_view kObservationColumns
    = "o.id, o.checkup_id, o.item_code, o.item_name, o.value_type, o.value_num, o.unit, o.value_code, "
      "o.value_code_system, o.value_label, o.value_text, o.range_flag, o.comparator, o.unit_as_sent ";
// A profile's checkups in a date range. Parameters: profile id, first day, last day (inclusive).
constexpr std::string_view kRangeWhere = "WHERE c.profile_id = ? AND c.performed_on BETWEEN ? AND ? ";

domain::Checkup readCheckup(Row& row)
{
    domain::Checkup c;
    c.id = row.int64();
    c.profileId = row.int64();
    c.performedOn = row.date();
    c.kind = row.text();
    c.facilityId = row.optionalInt64();
    c.insurerNumber = row.optionalText();
    c.provenance = readProvenance(row);
    return c;
}

domain::Observation readObservation(Row& row)
{
    domain::Observation o;
    o.id = row.int64();
    o.checkupId = row.int64();
    o.itemCode = row.text();
    o.itemName = row.text();
    o.valueType = row.enumValue<domain::ValueType>();
    o.valueNum = row.optionalReal();
    o.unit = row.optionalText();
    o.valueCode = row.optionalText();
    o.valueCodeSystem = row.optionalText();
    o.valueLabel = row.optionalText();
    o.valueText = row.optionalText();
    o.rangeFlag = row.optionalEnum<domain::RangeFlag>();
    o.comparator = row.optionalEnum<domain::Comparator>();
    o.unitAsSent = row.optionalText();
    return o;
}

// Binds the checkup's columns in the order profile_id … import_run_id.
void addCheckupFields(Params& params, const domain::Checkup& c)
{
    params.add(c.profileId).add(c.performedOn).add(c.kind).add(c.facilityId).add(c.insurerNumber);
    addProvenance(params, c.provenance);
}

void assignIds(
    std::int64_t checkupId, std::vector<domain::Observation>& observations, const std::vector<std::int64_t>& ids)
{
    for (std::size_t i = 0; i < observations.size(); ++i) {
        observations[i].id = ids[i];
        observations[i].checkupId = checkupId;
    }
}

} // namespace

Result<std::vector<std::int64_t>> CheckupRepository::insertObservations(
    std::int64_t checkupId, const std::vector<domain::Observation>& observations)
{
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("INSERT INTO observations (checkup_id, item_code, item_name, value_type, value_num, unit, "
                     "value_code, value_code_system, value_label, value_text, range_flag, comparator, unit_as_sent) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    std::vector<std::int64_t> ids;
    ids.reserve(observations.size());
    for (const domain::Observation& o : observations) {
        Params params(stmt);
        params.add(checkupId)
            .add(o.itemCode)
            .add(o.itemName)
            .add(o.valueType)
            .add(o.valueNum)
            .add(o.unit)
            .add(o.valueCode)
            .add(o.valueCodeSystem)
            .add(o.valueLabel)
            .add(o.valueText)
            .add(o.rangeFlag)
            .add(o.comparator)
            .add(o.unitAsSent);
        TECHO_TRY(params.run());
        ids.push_back(m_db.lastInsertRowId());
    }
    return ids;
}

Result<std::int64_t> CheckupRepository::insert(domain::Checkup& checkup)
{
    TECHO_ASSIGN(Savepoint savepoint, Savepoint::begin(m_db));
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("INSERT INTO checkups (profile_id, performed_on, checkup_kind, facility_id, insurer_number, "
                     "source, source_record_id, fetched_at, import_run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    Params params(stmt);
    addCheckupFields(params, checkup);
    TECHO_TRY(params.run());
    const std::int64_t id = m_db.lastInsertRowId();
    TECHO_ASSIGN(const std::vector<std::int64_t> ids, insertObservations(id, checkup.observations));
    TECHO_TRY(savepoint.release());
    // Ids are handed out only once the write has stuck.
    checkup.id = id;
    assignIds(id, checkup.observations, ids);
    return id;
}

Status CheckupRepository::update(domain::Checkup& checkup)
{
    TECHO_ASSIGN(Savepoint savepoint, Savepoint::begin(m_db));
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("UPDATE checkups SET profile_id = ?, performed_on = ?, checkup_kind = ?, facility_id = ?, "
                     "insurer_number = ?, source = ?, source_record_id = ?, fetched_at = ?, import_run_id = ? "
                     "WHERE id = ?"));
    Params params(stmt);
    addCheckupFields(params, checkup);
    params.add(checkup.id);
    TECHO_TRY(params.run());
    TECHO_TRY(requireChanged(m_db, "checkup"));
    TECHO_TRY(mergeObservations(checkup.id, checkup.observations));
    return savepoint.release();
}

Status CheckupRepository::mergeObservations(std::int64_t checkupId, std::vector<domain::Observation>& observations)
{
    TECHO_ASSIGN(Savepoint savepoint, Savepoint::begin(m_db));
    TECHO_ASSIGN(Statement find, m_db.prepare("SELECT id FROM observations WHERE checkup_id = ? AND item_code = ?"));
    for (domain::Observation& o : observations) {
        find.reset();
        find.bind(1, checkupId).bind(2, o.itemCode);
        TECHO_ASSIGN(const bool found, find.step());
        if (!found) {
            TECHO_ASSIGN(const std::vector<std::int64_t> ids, insertObservations(checkupId, {o}));
            o.id = ids.front();
            o.checkupId = checkupId;
            continue;
        }
        const std::int64_t id = find.int64(0);
        TECHO_ASSIGN(Statement update,
            m_db.prepare("UPDATE observations SET item_name = ?, value_type = ?, value_num = ?, unit = ?, "
                         "value_code = ?, value_code_system = ?, value_label = ?, value_text = ?, range_flag = ?, "
                         "comparator = ?, unit_as_sent = ? WHERE id = ?"));
        Params params(update);
        params.add(o.itemName)
            .add(o.valueType)
            .add(o.valueNum)
            .add(o.unit)
            .add(o.valueCode)
            .add(o.valueCodeSystem)
            .add(o.valueLabel)
            .add(o.valueText)
            .add(o.rangeFlag)
            .add(o.comparator)
            .add(o.unitAsSent)
            .add(id);
        TECHO_TRY(params.run());
        o.id = id;
        o.checkupId = checkupId;
    }
    return savepoint.release();
}

Status CheckupRepository::replaceObservations(std::int64_t checkupId, std::vector<domain::Observation>& observations)
{
    TECHO_ASSIGN(Savepoint savepoint, Savepoint::begin(m_db));
    {
        TECHO_ASSIGN(Statement exists, m_db.prepare("SELECT 1 FROM checkups WHERE id = ?"));
        exists.bind(1, checkupId);
        TECHO_ASSIGN(const bool found, exists.step());
        if (!found)
            return makeError(ErrorCode::NotFound, "checkup not found");
    }
    TECHO_ASSIGN(Statement clear, m_db.prepare("DELETE FROM observations WHERE checkup_id = ?"));
    clear.bind(1, checkupId);
    TECHO_TRY(clear.run());
    TECHO_ASSIGN(const std::vector<std::int64_t> ids, insertObservations(checkupId, observations));
    TECHO_TRY(savepoint.release());
    assignIds(checkupId, observations, ids);
    return {};
}

Result<domain::Checkup> CheckupRepository::get(std::int64_t id)
{
    TECHO_ASSIGN(Statement stmt, m_db.prepare(std::string(kCheckupColumns) + "WHERE c.id = ?"));
    stmt.bind(1, id);
    TECHO_ASSIGN(domain::Checkup checkup, requireFound(firstRow<domain::Checkup>(stmt, readCheckup), "checkup"));
    TECHO_ASSIGN(Statement obs,
        m_db.prepare("SELECT " + std::string(kObservationColumns)
            + "FROM observations o WHERE o.checkup_id = ? "
              "ORDER BY o.id"));
    obs.bind(1, id);
    TECHO_ASSIGN(checkup.observations, collectRows<domain::Observation>(obs, readObservation));
    return checkup;
}

Result<std::optional<domain::Checkup>> CheckupRepository::findByNaturalKey(
    std::int64_t profileId, domain::Date performedOn, std::string_view kind, std::optional<std::int64_t> facilityId)
{
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare(std::string(kCheckupColumns)
            + "WHERE c.profile_id = ? AND c.performed_on = ? AND c.checkup_kind = ? AND c.facility_id IS ?"));
    Params params(stmt);
    params.add(profileId).add(performedOn).add(kind).add(facilityId);
    TECHO_TRY(params.status());
    TECHO_ASSIGN(std::optional<domain::Checkup> found, firstRow<domain::Checkup>(stmt, readCheckup));
    if (!found)
        return found;
    TECHO_ASSIGN(domain::Checkup checkup, get(found->id));
    return std::optional<domain::Checkup> {std::move(checkup)};
}

Result<std::vector<domain::Checkup>> CheckupRepository::listByProfile(
    std::int64_t profileId, std::optional<domain::Date> from, std::optional<domain::Date> to)
{
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare(std::string(kCheckupColumns) + std::string(kRangeWhere) + "ORDER BY c.performed_on, c.id"));
    Params params(stmt);
    params.add(profileId).add(lowerBound(from)).add(upperBound(to));
    TECHO_TRY(params.status());
    TECHO_ASSIGN(std::vector<domain::Checkup> checkups, collectRows<domain::Checkup>(stmt, readCheckup));
    if (checkups.empty())
        return checkups;

    // Two queries for any number of checkups: the observations of the same range, matched by id.
    TECHO_ASSIGN(Statement obsStmt,
        m_db.prepare("SELECT " + std::string(kObservationColumns) + "FROM observations o JOIN checkups c ON c.id = "
            + "o.checkup_id " + std::string(kRangeWhere) + "ORDER BY o.id"));
    Params obsParams(obsStmt);
    obsParams.add(profileId).add(lowerBound(from)).add(upperBound(to));
    TECHO_ASSIGN(
        std::vector<domain::Observation> observations, collectRows<domain::Observation>(obsStmt, readObservation));
    attachChildren(checkups, std::move(observations), &domain::Observation::checkupId, &domain::Checkup::observations);
    return checkups;
}

Result<RangeCount> CheckupRepository::countByProfile(
    std::int64_t profileId, std::optional<domain::Date> from, std::optional<domain::Date> to)
{
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("SELECT count(DISTINCT c.id), count(o.id) FROM checkups c LEFT JOIN observations o ON "
                     "o.checkup_id = c.id "
            + std::string(kRangeWhere)));
    Params params(stmt);
    params.add(profileId).add(lowerBound(from)).add(upperBound(to));
    TECHO_TRY(params.status());
    TECHO_ASSIGN(const auto row, firstRow<RangeCount>(stmt, [](Row& r) { return RangeCount {r.int64(), r.int64()}; }));
    return row.value_or(RangeCount {});
}

Result<std::vector<domain::SeriesPoint>> CheckupRepository::series(std::int64_t profileId, std::string_view itemCode)
{
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("SELECT c.id, c.performed_on, " + std::string(kObservationColumns)
            + "FROM observations o JOIN checkups c ON c.id = o.checkup_id "
              "WHERE c.profile_id = ? AND o.item_code = ? ORDER BY c.performed_on, c.id"));
    stmt.bind(1, profileId).bind(2, itemCode);
    return collectRows<domain::SeriesPoint>(stmt, [](Row& row) {
        domain::SeriesPoint point;
        point.checkupId = row.int64();
        point.performedOn = row.date();
        point.observation = readObservation(row);
        return point;
    });
}

Status CheckupRepository::remove(std::int64_t id)
{
    TECHO_ASSIGN(Statement stmt, m_db.prepare("DELETE FROM checkups WHERE id = ?"));
    stmt.bind(1, id);
    TECHO_TRY(stmt.run());
    return requireChanged(m_db, "checkup");
}

} // namespace techo::vault
