#include "core/export/JsonExport.h"

#include <nlohmann/json.hpp>

namespace techo::exports {
namespace {

using Json = nlohmann::ordered_json;

template <typename T> Json opt(const std::optional<T>& value)
{
    return value ? Json(*value) : Json(nullptr);
}

template <domain::NamedEnum E> Json optEnum(const std::optional<E>& value)
{
    return value ? Json(std::string(toString(*value))) : Json(nullptr);
}

Json optDate(const std::optional<domain::Date>& value)
{
    return value ? Json(domain::formatDate(*value)) : Json(nullptr);
}

Json optTimestamp(const std::optional<domain::Timestamp>& value)
{
    return value ? Json(domain::formatTimestamp(*value)) : Json(nullptr);
}

Json optRef(std::string_view kind, const std::optional<std::int64_t>& id)
{
    return id ? Json(exportId(kind, *id)) : Json(nullptr);
}

Json provenanceJson(const domain::Provenance& p)
{
    return Json {{"source", p.source}, {"source_record_id", opt(p.sourceRecordId)},
        {"fetched_at", optTimestamp(p.fetchedAt)}, {"import_run", optRef("import-run", p.importRunId)}};
}

Json profileJson(const domain::Profile& p)
{
    return Json {{"id", exportId("profile", p.id)}, {"display_name", p.displayName}, {"local_name", opt(p.localName)},
        {"kana_name", opt(p.kanaName)}, {"birth_date", optDate(p.birthDate)}, {"sex", optEnum(p.sex)},
        {"relationship", toString(p.relationship)}, {"source", p.source}, {"source_person_id", opt(p.sourcePersonId)},
        {"created_at", domain::formatTimestamp(p.createdAt)}};
}

Json runJson(const domain::ImportRun& r)
{
    return Json {{"id", exportId("import-run", r.id)}, {"started_at", domain::formatTimestamp(r.startedAt)},
        {"finished_at", optTimestamp(r.finishedAt)}, {"source", r.source}, {"origin", r.origin},
        {"counts",
            {{"added", r.counts.added}, {"updated", r.counts.updated}, {"unchanged", r.counts.unchanged},
                {"rejected", r.counts.rejected}}}};
}

Json observationJson(const domain::Observation& o)
{
    return Json {{"id", exportId("observation", o.id)}, {"item_code", o.itemCode}, {"item_name", o.itemName},
        {"value_type", toString(o.valueType)}, {"value", opt(o.valueNum)}, {"comparator", optEnum(o.comparator)},
        {"unit", opt(o.unit)}, {"unit_as_sent", opt(o.unitAsSent)}, {"value_code", opt(o.valueCode)},
        {"value_code_system", opt(o.valueCodeSystem)}, {"value_label", opt(o.valueLabel)},
        {"value_text", opt(o.valueText)}, {"range_flag", optEnum(o.rangeFlag)}};
}

Json lineJson(const domain::MedicationLine& l)
{
    return Json {{"id", exportId("medication-line", l.id)}, {"rp_number", l.rpNumber}, {"line_number", l.lineNumber},
        {"drug_code", l.drugCode}, {"drug_code_system", toString(l.drugCodeSystem)}, {"drug_name", l.drugName},
        {"ingredient_name", opt(l.ingredientName)}, {"quantity", opt(l.quantity)}, {"unit", opt(l.unit)},
        {"usage_text", opt(l.usageText)}, {"special_instruction", opt(l.specialInstruction)}, {"days", opt(l.days)},
        {"dosage_form", opt(l.dosageForm)}, {"claims_category", opt(l.claimsCategory)}};
}

// Writes "[\n", the items one per line, "]" as one top-level member.
class ArrayWriter final {
public:
    ArrayWriter(ExportFile& out, std::string_view name)
        : m_out(out)
        , m_name(name)
    { }
    [[nodiscard]] Status begin() { return m_out.write(",\n\"" + std::string(m_name) + "\":["); }
    [[nodiscard]] Status add(const Json& item, std::string_view what)
    {
        std::string text;
        try {
            text = item.dump();
        } catch (const nlohmann::json::exception&) {
            return makeError(ErrorCode::InvalidData, std::string(what) + " holds text that is not valid UTF-8")
                .withKey("export.not_utf8")
                .with("record", std::string(what));
        }
        TECHO_TRY(m_out.write(m_first ? "\n" : ",\n"));
        m_first = false;
        ++m_count;
        return m_out.write(text);
    }
    [[nodiscard]] Status end() { return m_out.write(m_first ? "]" : "\n]"); }
    [[nodiscard]] std::int64_t count() const noexcept { return m_count; }

private:
    ExportFile& m_out;
    std::string_view m_name;
    bool m_first = true;
    std::int64_t m_count = 0;
};

} // namespace

std::string exportId(std::string_view kind, std::int64_t rowId)
{
    return std::string(kind) + "-" + std::to_string(rowId);
}

Result<std::map<std::string, std::int64_t>> writeJsonExport(
    ExportSource& source, const ExportRequest& request, ExportFile& out)
{
    const ExportSelection& selection = source.selection();
    std::map<std::string, std::int64_t> counts;
    Json categories = Json::array();
    for (const auto& [category, name] : domain::EnumNames<ExportCategory>::kValues)
        if (selection.categories.contains(category))
            categories.push_back(name);
    const Json head {{"format", kJsonFormatName}, {"format_version", kJsonFormatVersion},
        {"generator", request.generator}, {"exported_at", domain::formatTimestamp(request.now)},
        {"selection",
            {{"profile", optRef("profile", selection.profileId)}, {"from", optDate(selection.from)},
                {"to", optDate(selection.to)}, {"categories", categories}}}};
    std::string headText = head.dump();
    headText.pop_back(); // the closing brace: the arrays follow as further members
    TECHO_TRY(out.write(headText));

    ArrayWriter profiles(out, "profiles");
    TECHO_TRY(profiles.begin());
    for (const domain::Profile& p : source.profiles())
        TECHO_TRY(profiles.add(profileJson(p), exportId("profile", p.id)));
    TECHO_TRY(profiles.end());
    counts["profiles"] = profiles.count();

    ArrayWriter runs(out, "import_runs");
    TECHO_TRY(runs.begin());
    for (const domain::ImportRun& r : source.importRuns())
        TECHO_TRY(runs.add(runJson(r), exportId("import-run", r.id)));
    TECHO_TRY(runs.end());
    counts["import_runs"] = runs.count();

    // Institutions are asked for here so the list at the end holds exactly the ones the records name.
    const auto institutionRef = [&](const std::optional<std::int64_t>& id) -> Result<Json> {
        if (!id)
            return Json(nullptr);
        TECHO_TRY(source.institution(*id));
        return Json(exportId("institution", *id));
    };

    ArrayWriter checkups(out, "checkups");
    std::int64_t observations = 0;
    TECHO_TRY(checkups.begin());
    const auto visitCheckup = [&](const domain::Profile& p, const domain::Checkup& c) -> Status {
        Json items = Json::array();
        for (const domain::Observation& o : c.observations)
            items.push_back(observationJson(o));
        observations += static_cast<std::int64_t>(c.observations.size());
        TECHO_ASSIGN(Json facility, institutionRef(c.facilityId));
        return checkups.add(Json {{"id", exportId("checkup", c.id)}, {"profile", exportId("profile", p.id)},
                                {"performed_on", domain::formatDate(c.performedOn)}, {"kind", c.kind},
                                {"facility", std::move(facility)}, {"insurer_number", opt(c.insurerNumber)},
                                {"provenance", provenanceJson(c.provenance)}, {"observations", std::move(items)}},
            exportId("checkup", c.id));
    };
    TECHO_TRY(source.forEachCheckup(visitCheckup));
    TECHO_TRY(checkups.end());
    counts["checkups"] = checkups.count();
    counts["observations"] = observations;

    ArrayWriter dispensings(out, "dispensings");
    std::int64_t lines = 0;
    TECHO_TRY(dispensings.begin());
    const auto visitDispensing = [&](const domain::Profile& p, const domain::Dispensing& d) -> Status {
        Json items = Json::array();
        for (const domain::MedicationLine& l : d.lines)
            items.push_back(lineJson(l));
        lines += static_cast<std::int64_t>(d.lines.size());
        TECHO_ASSIGN(Json pharmacy, institutionRef(d.pharmacyId));
        TECHO_ASSIGN(Json prescriber, institutionRef(d.prescriberId));
        return dispensings.add(Json {{"id", exportId("dispensing", d.id)}, {"profile", exportId("profile", p.id)},
                                   {"kind", toString(d.kind)}, {"dispensed_on", domain::formatDate(d.dispensedOn)},
                                   {"prescribed_on", optDate(d.prescribedOn)}, {"pharmacy", std::move(pharmacy)},
                                   {"prescriber", std::move(prescriber)}, {"in_out", optEnum(d.inOut)},
                                   {"superseded_by", optRef("dispensing", d.supersededBy)},
                                   {"provenance", provenanceJson(d.provenance)}, {"lines", std::move(items)}},
            exportId("dispensing", d.id));
    };
    TECHO_TRY(source.forEachDispensing(visitDispensing));
    TECHO_TRY(dispensings.end());
    counts["dispensings"] = dispensings.count();
    counts["medication_lines"] = lines;

    ArrayWriter vaccinations(out, "vaccinations");
    TECHO_TRY(vaccinations.begin());
    const auto visitVaccination = [&](const domain::Profile& p, const domain::Vaccination& v) -> Status {
        TECHO_ASSIGN(Json facility, institutionRef(v.facilityId));
        return vaccinations.add(
            Json {{"id", exportId("vaccination", v.id)}, {"profile", exportId("profile", p.id)},
                {"occurred_on", domain::formatDate(v.occurredOn)}, {"vaccine_name", v.vaccineName},
                {"vaccine_code", v.vaccineCode}, {"vaccine_code_system", opt(v.vaccineCodeSystem)},
                {"target_disease", opt(v.targetDisease)}, {"dose_number", opt(v.doseNumber)},
                {"lot_number", opt(v.lotNumber)}, {"manufacturer", opt(v.manufacturer)},
                {"facility", std::move(facility)}, {"municipality_code", opt(v.municipalityCode)},
                {"site", opt(v.site)}, {"status", toString(v.status)}, {"provenance", provenanceJson(v.provenance)}},
            exportId("vaccination", v.id));
    };
    TECHO_TRY(source.forEachVaccination(visitVaccination));
    TECHO_TRY(vaccinations.end());
    counts["vaccinations"] = vaccinations.count();

    // Self-recorded measurements (home blood pressure, weight …) arrive with a later issue; the member is here
    // (empty) so that files of this version already have their place (docs/export-format.md).
    ArrayWriter measurements(out, "measurements");
    TECHO_TRY(measurements.begin());
    TECHO_TRY(measurements.end());
    counts["measurements"] = measurements.count();

    ArrayWriter institutions(out, "institutions");
    TECHO_TRY(institutions.begin());
    for (const domain::Provider& provider : source.institutionsSeen())
        TECHO_TRY(
            institutions.add(Json {{"id", exportId("institution", provider.id)}, {"kind", toString(provider.kind)},
                                 {"code", provider.code}, {"name", provider.name}},
                exportId("institution", provider.id)));
    TECHO_TRY(institutions.end());
    counts["institutions"] = institutions.count();

    Json countsJson = Json::object();
    for (const auto& [kind, n] : counts)
        countsJson[kind] = n;
    TECHO_TRY(out.write(",\n\"counts\":" + countsJson.dump() + "}\n"));
    return counts;
}

} // namespace techo::exports
