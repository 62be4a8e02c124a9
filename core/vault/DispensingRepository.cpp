#include "core/vault/DispensingRepository.h"

#include "core/vault/RowMapping.h"
#include "core/vault/Savepoint.h"

namespace techo::vault {
namespace {

constexpr std::string_view kDispensingColumns
    = "SELECT d.id, d.profile_id, d.kind, d.dispensed_on, d.prescribed_on, d.pharmacy_id, d.prescriber_id, "
      "d.in_out, d.superseded_by, d.source, d.source_record_id, d.fetched_at, d.import_run_id FROM dispensings d ";
constexpr std::string_view kLineColumns
    = "SELECT m.id, m.dispensing_id, m.rp_number, m.line_number, m.drug_code, m.drug_code_system, m.drug_name, "
      "m.ingredient_name, m.quantity, m.unit, m.usage_text, m.special_instruction, m.days, m.dosage_form, "
      "m.claims_category FROM medication_lines m ";
constexpr std::string_view kLineOrder = "ORDER BY m.rp_number, m.line_number";
// A profile's dispensings in a date range. Parameters: profile id, first day, last day (inclusive).
constexpr std::string_view kRangeWhere = "WHERE d.profile_id = ? AND d.dispensed_on BETWEEN ? AND ? ";

domain::Dispensing readDispensing(Row& row)
{
    domain::Dispensing d;
    d.id = row.int64();
    d.profileId = row.int64();
    d.kind = row.enumValue<domain::DispensingKind>();
    d.dispensedOn = row.date();
    d.prescribedOn = row.optionalDate();
    d.pharmacyId = row.int64();
    d.prescriberId = row.optionalInt64();
    d.inOut = row.optionalEnum<domain::InOut>();
    d.supersededBy = row.optionalInt64();
    d.provenance = readProvenance(row);
    return d;
}

domain::MedicationLine readLine(Row& row)
{
    domain::MedicationLine m;
    m.id = row.int64();
    m.dispensingId = row.int64();
    m.rpNumber = row.integer();
    m.lineNumber = row.integer();
    m.drugCode = row.text();
    m.drugCodeSystem = row.enumValue<domain::DrugCodeSystem>();
    m.drugName = row.text();
    m.ingredientName = row.optionalText();
    m.quantity = row.optionalReal();
    m.unit = row.optionalText();
    m.usageText = row.optionalText();
    m.specialInstruction = row.optionalText();
    m.days = row.optionalInteger();
    m.dosageForm = row.optionalText();
    m.claimsCategory = row.optionalText();
    return m;
}

// Binds the dispensing's columns in the order profile_id … import_run_id.
void addDispensingFields(Params& params, const domain::Dispensing& d)
{
    params.add(d.profileId)
        .add(d.kind)
        .add(d.dispensedOn)
        .add(d.prescribedOn)
        .add(d.pharmacyId)
        .add(d.prescriberId)
        .add(d.inOut)
        .add(d.supersededBy);
    addProvenance(params, d.provenance);
}

void assignIds(
    std::int64_t dispensingId, std::vector<domain::MedicationLine>& lines, const std::vector<std::int64_t>& ids)
{
    for (std::size_t i = 0; i < lines.size(); ++i) {
        lines[i].id = ids[i];
        lines[i].dispensingId = dispensingId;
    }
}

} // namespace

Result<std::vector<std::int64_t>> DispensingRepository::insertLines(
    std::int64_t dispensingId, const std::vector<domain::MedicationLine>& lines)
{
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("INSERT INTO medication_lines (dispensing_id, rp_number, line_number, drug_code, "
                     "drug_code_system, drug_name, ingredient_name, quantity, unit, usage_text, special_instruction, "
                     "days, dosage_form, claims_category) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    std::vector<std::int64_t> ids;
    ids.reserve(lines.size());
    for (const domain::MedicationLine& m : lines) {
        Params params(stmt);
        params.add(dispensingId)
            .add(m.rpNumber)
            .add(m.lineNumber)
            .add(m.drugCode)
            .add(m.drugCodeSystem)
            .add(m.drugName)
            .add(m.ingredientName)
            .add(m.quantity)
            .add(m.unit)
            .add(m.usageText)
            .add(m.specialInstruction)
            .add(m.days)
            .add(m.dosageForm)
            .add(m.claimsCategory);
        TECHO_TRY(params.run());
        ids.push_back(m_db.lastInsertRowId());
    }
    return ids;
}

Result<std::int64_t> DispensingRepository::insert(domain::Dispensing& dispensing)
{
    // Older vaults may hold rows that only v2's identity tells apart, so the rule lives here, not in an index.
    TECHO_ASSIGN(const auto clash,
        findByNaturalKey(dispensing.profileId, dispensing.kind, dispensing.dispensedOn, dispensing.pharmacyId,
            dispensing.prescriberId));
    if (clash)
        return makeError(ErrorCode::InvalidData, "a dispensing with the same identity is already stored");
    TECHO_ASSIGN(Savepoint savepoint, Savepoint::begin(m_db));
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("INSERT INTO dispensings (profile_id, kind, dispensed_on, prescribed_on, pharmacy_id, "
                     "prescriber_id, in_out, superseded_by, source, source_record_id, fetched_at, import_run_id) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    Params params(stmt);
    addDispensingFields(params, dispensing);
    TECHO_TRY(params.run());
    const std::int64_t id = m_db.lastInsertRowId();
    TECHO_ASSIGN(const std::vector<std::int64_t> ids, insertLines(id, dispensing.lines));
    TECHO_TRY(savepoint.release());
    // Ids are handed out only once the write has stuck.
    dispensing.id = id;
    assignIds(id, dispensing.lines, ids);
    return id;
}

Status DispensingRepository::update(domain::Dispensing& dispensing)
{
    TECHO_ASSIGN(Savepoint savepoint, Savepoint::begin(m_db));
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("UPDATE dispensings SET profile_id = ?, kind = ?, dispensed_on = ?, prescribed_on = ?, "
                     "pharmacy_id = ?, prescriber_id = ?, in_out = ?, superseded_by = ?, source = ?, "
                     "source_record_id = ?, fetched_at = ?, import_run_id = ? WHERE id = ?"));
    Params params(stmt);
    addDispensingFields(params, dispensing);
    params.add(dispensing.id);
    TECHO_TRY(params.run());
    TECHO_TRY(requireChanged(m_db, "dispensing"));
    TECHO_TRY(mergeLines(dispensing.id, dispensing.lines));
    return savepoint.release();
}

Status DispensingRepository::setSupersededBy(std::int64_t id, std::optional<std::int64_t> supersededBy)
{
    TECHO_ASSIGN(Statement stmt, m_db.prepare("UPDATE dispensings SET superseded_by = ? WHERE id = ?"));
    Params params(stmt);
    params.add(supersededBy).add(id);
    TECHO_TRY(params.run());
    return requireChanged(m_db, "dispensing");
}

Status DispensingRepository::mergeLines(std::int64_t dispensingId, std::vector<domain::MedicationLine>& lines)
{
    TECHO_ASSIGN(Savepoint savepoint, Savepoint::begin(m_db));
    TECHO_ASSIGN(Statement find,
        m_db.prepare("SELECT id FROM medication_lines WHERE dispensing_id = ? AND rp_number = ? AND line_number = ?"));
    for (domain::MedicationLine& m : lines) {
        find.reset();
        find.bind(1, dispensingId).bind(2, std::int64_t {m.rpNumber}).bind(3, std::int64_t {m.lineNumber});
        TECHO_ASSIGN(const bool found, find.step());
        if (!found) {
            TECHO_ASSIGN(const std::vector<std::int64_t> ids, insertLines(dispensingId, {m}));
            m.id = ids.front();
            m.dispensingId = dispensingId;
            continue;
        }
        const std::int64_t id = find.int64(0);
        TECHO_ASSIGN(Statement update,
            m_db.prepare("UPDATE medication_lines SET drug_code = ?, drug_code_system = ?, drug_name = ?, "
                         "ingredient_name = ?, quantity = ?, unit = ?, usage_text = ?, special_instruction = ?, "
                         "days = ?, dosage_form = ?, claims_category = ? WHERE id = ?"));
        Params params(update);
        params.add(m.drugCode)
            .add(m.drugCodeSystem)
            .add(m.drugName)
            .add(m.ingredientName)
            .add(m.quantity)
            .add(m.unit)
            .add(m.usageText)
            .add(m.specialInstruction)
            .add(m.days)
            .add(m.dosageForm)
            .add(m.claimsCategory)
            .add(id);
        TECHO_TRY(params.run());
        m.id = id;
        m.dispensingId = dispensingId;
    }
    return savepoint.release();
}

Result<std::vector<domain::Dispensing>> DispensingRepository::listByVisit(
    std::int64_t profileId, domain::DispensingKind kind, domain::Date dispensedOn, std::int64_t pharmacyId)
{
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare(std::string(kDispensingColumns)
            + "WHERE d.profile_id = ? AND d.kind = ? AND d.dispensed_on = ? AND d.pharmacy_id = ? ORDER BY d.id"));
    Params params(stmt);
    params.add(profileId).add(kind).add(dispensedOn).add(pharmacyId);
    TECHO_TRY(params.status());
    return collectRows<domain::Dispensing>(stmt, readDispensing);
}

Status DispensingRepository::replaceLines(std::int64_t dispensingId, std::vector<domain::MedicationLine>& lines)
{
    TECHO_ASSIGN(Savepoint savepoint, Savepoint::begin(m_db));
    {
        TECHO_ASSIGN(Statement exists, m_db.prepare("SELECT 1 FROM dispensings WHERE id = ?"));
        exists.bind(1, dispensingId);
        TECHO_ASSIGN(const bool found, exists.step());
        if (!found)
            return makeError(ErrorCode::NotFound, "dispensing not found");
    }
    TECHO_ASSIGN(Statement clear, m_db.prepare("DELETE FROM medication_lines WHERE dispensing_id = ?"));
    clear.bind(1, dispensingId);
    TECHO_TRY(clear.run());
    TECHO_ASSIGN(const std::vector<std::int64_t> ids, insertLines(dispensingId, lines));
    TECHO_TRY(savepoint.release());
    assignIds(dispensingId, lines, ids);
    return {};
}

Result<domain::Dispensing> DispensingRepository::get(std::int64_t id)
{
    TECHO_ASSIGN(Statement stmt, m_db.prepare(std::string(kDispensingColumns) + "WHERE d.id = ?"));
    stmt.bind(1, id);
    TECHO_ASSIGN(
        domain::Dispensing dispensing, requireFound(firstRow<domain::Dispensing>(stmt, readDispensing), "dispensing"));
    TECHO_ASSIGN(Statement lines,
        m_db.prepare(std::string(kLineColumns) + "WHERE m.dispensing_id = ? " + std::string(kLineOrder)));
    lines.bind(1, id);
    TECHO_ASSIGN(dispensing.lines, collectRows<domain::MedicationLine>(lines, readLine));
    return dispensing;
}

Result<std::optional<domain::Dispensing>> DispensingRepository::findByNaturalKey(std::int64_t profileId,
    domain::DispensingKind kind, domain::Date dispensedOn, std::int64_t pharmacyId,
    std::optional<std::int64_t> prescriberId)
{
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare(std::string(kDispensingColumns)
            + "WHERE d.profile_id = ? AND d.kind = ? AND d.dispensed_on = ? AND d.pharmacy_id = ? "
              "AND d.prescriber_id IS ?"));
    Params params(stmt);
    params.add(profileId).add(kind).add(dispensedOn).add(pharmacyId).add(prescriberId);
    TECHO_TRY(params.status());
    TECHO_ASSIGN(std::optional<domain::Dispensing> found, firstRow<domain::Dispensing>(stmt, readDispensing));
    if (!found)
        return found;
    TECHO_ASSIGN(domain::Dispensing dispensing, get(found->id));
    return std::optional<domain::Dispensing> {std::move(dispensing)};
}

Result<std::vector<domain::Dispensing>> DispensingRepository::listByProfile(
    std::int64_t profileId, std::optional<domain::Date> from, std::optional<domain::Date> to)
{
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare(std::string(kDispensingColumns) + std::string(kRangeWhere) + "ORDER BY d.dispensed_on, d.id"));
    Params params(stmt);
    params.add(profileId).add(lowerBound(from)).add(upperBound(to));
    TECHO_TRY(params.status());
    TECHO_ASSIGN(std::vector<domain::Dispensing> dispensings, collectRows<domain::Dispensing>(stmt, readDispensing));
    if (dispensings.empty())
        return dispensings;

    // Two queries for any number of dispensings: the lines of the same range, matched by id.
    TECHO_ASSIGN(Statement lineStmt,
        m_db.prepare(std::string(kLineColumns) + "JOIN dispensings d ON d.id = m.dispensing_id "
            + std::string(kRangeWhere) + std::string(kLineOrder)));
    Params lineParams(lineStmt);
    lineParams.add(profileId).add(lowerBound(from)).add(upperBound(to));
    TECHO_ASSIGN(std::vector<domain::MedicationLine> lines, collectRows<domain::MedicationLine>(lineStmt, readLine));
    attachChildren(dispensings, std::move(lines), &domain::MedicationLine::dispensingId, &domain::Dispensing::lines);
    return dispensings;
}

Result<RangeCount> DispensingRepository::countByProfile(
    std::int64_t profileId, std::optional<domain::Date> from, std::optional<domain::Date> to)
{
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("SELECT count(DISTINCT d.id), count(m.id) FROM dispensings d LEFT JOIN medication_lines m ON "
                     "m.dispensing_id = d.id "
            + std::string(kRangeWhere)));
    Params params(stmt);
    params.add(profileId).add(lowerBound(from)).add(upperBound(to));
    TECHO_TRY(params.status());
    TECHO_ASSIGN(const auto row, firstRow<RangeCount>(stmt, [](Row& r) { return RangeCount {r.int64(), r.int64()}; }));
    return row.value_or(RangeCount {});
}

Status DispensingRepository::remove(std::int64_t id)
{
    TECHO_ASSIGN(Statement stmt, m_db.prepare("DELETE FROM dispensings WHERE id = ?"));
    stmt.bind(1, id);
    TECHO_TRY(stmt.run());
    return requireChanged(m_db, "dispensing");
}

} // namespace techo::vault
