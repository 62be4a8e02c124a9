#include "core/export/JsonExport.h"

#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <cmath>

namespace techo::exports {
namespace {

using Json = nlohmann::ordered_json;

// One JSON object written member by member into a string, without building a document tree (a tree per record was
// most of the export's time on large vaults). Text goes through nlohmann/json's serializer, which escapes it and
// refuses invalid UTF-8 (type_error, caught by the caller); numbers through std::to_chars (shortest text that reads
// back as the same double); members in the order written.
class ObjectWriter final {
public:
    explicit ObjectWriter(std::string& out)
        : m_out(out)
    {
        m_out += '{';
    }
    ObjectWriter& text(std::string_view key, std::string_view value)
    {
        name(key);
        m_out += Json(value).dump();
        return *this;
    }
    ObjectWriter& optText(std::string_view key, const std::optional<std::string>& value)
    {
        return value ? text(key, *value) : null(key);
    }
    ObjectWriter& date(std::string_view key, const std::optional<domain::Date>& value)
    {
        return value ? text(key, domain::formatDate(*value)) : null(key);
    }
    ObjectWriter& timestamp(std::string_view key, const std::optional<domain::Timestamp>& value)
    {
        return value ? text(key, domain::formatTimestamp(*value)) : null(key);
    }
    template <domain::NamedEnum E> ObjectWriter& enumValue(std::string_view key, const std::optional<E>& value)
    {
        return value ? text(key, toString(*value)) : null(key);
    }
    ObjectWriter& ref(std::string_view key, std::string_view kind, const std::optional<std::int64_t>& id)
    {
        return id ? text(key, exportId(kind, *id)) : null(key);
    }
    ObjectWriter& integer(std::string_view key, std::int64_t value)
    {
        name(key);
        m_out += std::to_string(value);
        return *this;
    }
    ObjectWriter& integer(std::string_view key, const std::optional<int>& value)
    {
        return value ? integer(key, static_cast<std::int64_t>(*value)) : null(key);
    }
    ObjectWriter& number(std::string_view key, const std::optional<double>& value)
    {
        if (!value || !std::isfinite(*value))
            return null(key);
        name(key);
        std::array<char, 32> buffer {};
        const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), *value);
        m_out.append(buffer.data(), result.ptr);
        return *this;
    }
    ObjectWriter& null(std::string_view key)
    {
        name(key);
        m_out += "null";
        return *this;
    }
    // A member whose value the caller writes next (an object or an array).
    ObjectWriter& open(std::string_view key)
    {
        name(key);
        return *this;
    }
    void close() { m_out += '}'; }

private:
    void name(std::string_view key)
    {
        if (!m_first)
            m_out += ',';
        m_first = false;
        m_out += '"';
        m_out += key; // member names are ASCII literals of this file
        m_out += "\":";
    }

    std::string& m_out;
    bool m_first = true;
};

void writeProvenance(std::string& out, const domain::Provenance& p)
{
    ObjectWriter(out)
        .text("source", p.source)
        .optText("source_record_id", p.sourceRecordId)
        .timestamp("fetched_at", p.fetchedAt)
        .ref("import_run", "import-run", p.importRunId)
        .close();
}

void writeProfile(std::string& out, const domain::Profile& p)
{
    ObjectWriter(out)
        .text("id", exportId("profile", p.id))
        .text("display_name", p.displayName)
        .optText("local_name", p.localName)
        .optText("kana_name", p.kanaName)
        .date("birth_date", p.birthDate)
        .enumValue("sex", p.sex)
        .text("relationship", toString(p.relationship))
        .text("source", p.source)
        .optText("source_person_id", p.sourcePersonId)
        .text("created_at", domain::formatTimestamp(p.createdAt))
        .close();
}

void writeRun(std::string& out, const domain::ImportRun& r)
{
    ObjectWriter run(out);
    run.text("id", exportId("import-run", r.id))
        .text("started_at", domain::formatTimestamp(r.startedAt))
        .timestamp("finished_at", r.finishedAt)
        .text("source", r.source)
        .text("origin", exportedOrigin(r.origin))
        .open("counts");
    ObjectWriter(out)
        .integer("added", r.counts.added)
        .integer("updated", r.counts.updated)
        .integer("unchanged", r.counts.unchanged)
        .integer("rejected", r.counts.rejected)
        .close();
    run.close();
}

void writeObservation(std::string& out, const domain::Observation& o)
{
    ObjectWriter(out)
        .text("id", exportId("observation", o.id))
        .text("item_code", o.itemCode)
        .text("item_name", o.itemName)
        .text("value_type", toString(o.valueType))
        .number("value", o.valueNum)
        .enumValue("comparator", o.comparator)
        .optText("unit", o.unit)
        .optText("unit_as_sent", o.unitAsSent)
        .optText("value_code", o.valueCode)
        .optText("value_code_system", o.valueCodeSystem)
        .optText("value_label", o.valueLabel)
        .optText("value_text", o.valueText)
        .enumValue("range_flag", o.rangeFlag)
        .close();
}

void writeLine(std::string& out, const domain::MedicationLine& l)
{
    ObjectWriter(out)
        .text("id", exportId("medication-line", l.id))
        .integer("rp_number", l.rpNumber)
        .integer("line_number", l.lineNumber)
        .text("drug_code", l.drugCode)
        .text("drug_code_system", toString(l.drugCodeSystem))
        .text("drug_name", l.drugName)
        .optText("ingredient_name", l.ingredientName)
        .number("quantity", l.quantity)
        .optText("unit", l.unit)
        .optText("usage_text", l.usageText)
        .optText("special_instruction", l.specialInstruction)
        .integer("days", l.days)
        .optText("dosage_form", l.dosageForm)
        .optText("claims_category", l.claimsCategory)
        .close();
}

// Writes children as a JSON array: "[a,b,…]".
template <typename T, typename Write> void writeArray(std::string& out, const std::vector<T>& items, Write write)
{
    out += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += ',';
        write(out, items[i]);
    }
    out += ']';
}

// Writes "[\n", the items one per line, "]" as one top-level member.
class ArrayWriter final {
public:
    ArrayWriter(ExportFile& out, std::string_view name)
        : m_out(out)
        , m_name(name)
    { }
    [[nodiscard]] Status begin() { return m_out.write(",\n\"" + std::string(m_name) + "\":["); }
    // write(std::string&) appends the item; `what` names it in an error.
    template <typename Write> [[nodiscard]] Status add(Write write, std::string_view what)
    {
        m_line.assign(m_first ? "\n" : ",\n");
        try {
            write(m_line);
        } catch (const nlohmann::json::exception&) {
            return makeError(ErrorCode::InvalidData, std::string(what) + " holds text that is not valid UTF-8")
                .withKey("export.not_utf8")
                .with("record", std::string(what));
        }
        m_first = false;
        ++m_count;
        return m_out.write(m_line);
    }
    [[nodiscard]] Status end() { return m_out.write(m_first ? "]" : "\n]"); }
    [[nodiscard]] std::int64_t count() const noexcept { return m_count; }

private:
    ExportFile& m_out;
    std::string_view m_name;
    std::string m_line; // reused: one record's text
    bool m_first = true;
    std::int64_t m_count = 0;
};

} // namespace

std::string exportId(std::string_view kind, std::int64_t rowId)
{
    return std::string(kind) + "-" + std::to_string(rowId);
}

std::string exportedOrigin(std::string_view origin)
{
    static constexpr std::string_view kFile = "file:";
    if (!origin.starts_with(kFile))
        return std::string(origin);
    const std::size_t slash = origin.rfind('/');
    return std::string(kFile)
        + std::string(slash == std::string_view::npos ? origin.substr(kFile.size()) : origin.substr(slash + 1));
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
            {{"profile", selection.profileId ? Json(exportId("profile", *selection.profileId)) : Json(nullptr)},
                {"from", selection.from ? Json(domain::formatDate(*selection.from)) : Json(nullptr)},
                {"to", selection.to ? Json(domain::formatDate(*selection.to)) : Json(nullptr)},
                {"categories", categories}}}};
    std::string headText;
    try {
        headText = head.dump();
    } catch (const nlohmann::json::exception&) {
        return makeError(ErrorCode::InvalidData, "the generator name is not valid UTF-8");
    }
    headText.pop_back(); // the closing brace: the arrays follow as further members
    TECHO_TRY(out.write(headText));

    ArrayWriter profiles(out, "profiles");
    TECHO_TRY(profiles.begin());
    for (const domain::Profile& p : source.profiles())
        TECHO_TRY(profiles.add([&](std::string& o) { writeProfile(o, p); }, exportId("profile", p.id)));
    TECHO_TRY(profiles.end());
    counts["profiles"] = profiles.count();

    ArrayWriter runs(out, "import_runs");
    TECHO_TRY(runs.begin());
    for (const domain::ImportRun& r : source.importRuns())
        TECHO_TRY(runs.add([&](std::string& o) { writeRun(o, r); }, exportId("import-run", r.id)));
    TECHO_TRY(runs.end());
    counts["import_runs"] = runs.count();

    // Institutions are asked for here so the list at the end holds exactly the ones the records name.
    const auto institutionSeen = [&](const std::optional<std::int64_t>& id) -> Status {
        if (!id)
            return {};
        TECHO_TRY(source.institution(*id));
        return {};
    };

    ArrayWriter checkups(out, "checkups");
    std::int64_t observations = 0;
    TECHO_TRY(checkups.begin());
    const auto visitCheckup = [&](const domain::Profile& p, const domain::Checkup& c) -> Status {
        observations += static_cast<std::int64_t>(c.observations.size());
        TECHO_TRY(institutionSeen(c.facilityId));
        const auto write = [&](std::string& o) {
            ObjectWriter checkup(o);
            checkup.text("id", exportId("checkup", c.id))
                .text("profile", exportId("profile", p.id))
                .text("performed_on", domain::formatDate(c.performedOn))
                .text("kind", c.kind)
                .ref("facility", "institution", c.facilityId)
                .optText("insurer_number", c.insurerNumber)
                .open("provenance");
            writeProvenance(o, c.provenance);
            checkup.open("observations");
            writeArray(o, c.observations, writeObservation);
            checkup.close();
        };
        return checkups.add(write, exportId("checkup", c.id));
    };
    TECHO_TRY(source.forEachCheckup(visitCheckup));
    TECHO_TRY(checkups.end());
    counts["checkups"] = checkups.count();
    counts["observations"] = observations;

    ArrayWriter dispensings(out, "dispensings");
    std::int64_t lines = 0;
    TECHO_TRY(dispensings.begin());
    const auto visitDispensing = [&](const domain::Profile& p, const domain::Dispensing& d) -> Status {
        lines += static_cast<std::int64_t>(d.lines.size());
        TECHO_TRY(institutionSeen(d.pharmacyId));
        TECHO_TRY(institutionSeen(d.prescriberId));
        const auto write = [&](std::string& o) {
            ObjectWriter dispensing(o);
            dispensing.text("id", exportId("dispensing", d.id))
                .text("profile", exportId("profile", p.id))
                .text("kind", toString(d.kind))
                .text("dispensed_on", domain::formatDate(d.dispensedOn))
                .date("prescribed_on", d.prescribedOn)
                .ref("pharmacy", "institution", d.pharmacyId)
                .ref("prescriber", "institution", d.prescriberId)
                .enumValue("in_out", d.inOut)
                .ref("superseded_by", "dispensing", d.supersededBy)
                .open("provenance");
            writeProvenance(o, d.provenance);
            dispensing.open("lines");
            writeArray(o, d.lines, writeLine);
            dispensing.close();
        };
        return dispensings.add(write, exportId("dispensing", d.id));
    };
    TECHO_TRY(source.forEachDispensing(visitDispensing));
    TECHO_TRY(dispensings.end());
    counts["dispensings"] = dispensings.count();
    counts["medication_lines"] = lines;

    ArrayWriter vaccinations(out, "vaccinations");
    TECHO_TRY(vaccinations.begin());
    const auto visitVaccination = [&](const domain::Profile& p, const domain::Vaccination& v) -> Status {
        TECHO_TRY(institutionSeen(v.facilityId));
        const auto write = [&](std::string& o) {
            ObjectWriter vaccination(o);
            vaccination.text("id", exportId("vaccination", v.id))
                .text("profile", exportId("profile", p.id))
                .text("occurred_on", domain::formatDate(v.occurredOn))
                .text("vaccine_name", v.vaccineName)
                .text("vaccine_code", v.vaccineCode)
                .optText("vaccine_code_system", v.vaccineCodeSystem)
                .optText("target_disease", v.targetDisease)
                .integer("dose_number", v.doseNumber)
                .optText("lot_number", v.lotNumber)
                .optText("manufacturer", v.manufacturer)
                .ref("facility", "institution", v.facilityId)
                .optText("municipality_code", v.municipalityCode)
                .optText("site", v.site)
                .text("status", toString(v.status))
                .open("provenance");
            writeProvenance(o, v.provenance);
            vaccination.close();
        };
        return vaccinations.add(write, exportId("vaccination", v.id));
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
    for (const domain::Provider& provider : source.institutionsSeen()) {
        const auto write = [&](std::string& o) {
            ObjectWriter(o)
                .text("id", exportId("institution", provider.id))
                .text("kind", toString(provider.kind))
                .text("code", provider.code)
                .text("name", provider.name)
                .close();
        };
        TECHO_TRY(institutions.add(write, exportId("institution", provider.id)));
    }
    TECHO_TRY(institutions.end());
    counts["institutions"] = institutions.count();

    Json countsJson = Json::object();
    for (const auto& [kind, n] : counts)
        countsJson[kind] = n;
    TECHO_TRY(out.write(",\n\"counts\":" + countsJson.dump() + "}\n"));
    return counts;
}

} // namespace techo::exports
