#include "core/export/JsonImport.h"

#include "core/export/JsonExport.h"
#include "core/import/Importer.h"
#include "core/vault/Database.h"
#include "core/vault/ImportRunRepository.h"
#include "core/vault/ProfileRepository.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace techo::exports {
namespace {

using Json = nlohmann::json;

Error badField(const std::string& path, const std::string& what)
{
    // The path names the field; the message never quotes its value (it may be a health value).
    return makeError(ErrorCode::InvalidData, "this Techo export cannot be imported: " + path + " " + what)
        .withKey("export.bad_field")
        .with("path", path)
        .with("problem", what);
}

// Typed, path-naming access to the members of one JSON object of the file.
class Fields final {
public:
    Fields(const Json& object, std::string path)
        : m_object(object)
        , m_path(std::move(path))
    { }

    [[nodiscard]] const std::string& path() const noexcept { return m_path; }
    [[nodiscard]] std::string at(std::string_view key) const { return m_path + "." + std::string(key); }

    // Every member the export's JSON Schema lists as required (resources/export/techo-export.schema.json, the
    // object's "required"): present, null allowed where the schema allows it. The reads below then treat null and
    // absent alike. TestExport derives these lists from the schema and deletes each member in turn.
    [[nodiscard]] Status require(std::initializer_list<std::string_view> keys) const
    {
        for (const std::string_view key : keys)
            if (!m_object.contains(key))
                return badField(at(key), "is missing");
        return {};
    }
    [[nodiscard]] Result<const Json*> member(std::string_view key, bool required) const
    {
        const auto it = m_object.find(key);
        if (it == m_object.end() || it->is_null()) {
            if (required)
                return badField(at(key), "is missing");
            return static_cast<const Json*>(nullptr);
        }
        return &*it;
    }
    [[nodiscard]] Result<std::optional<std::string>> optText(std::string_view key) const
    {
        TECHO_ASSIGN(const Json* value, member(key, false));
        if (value == nullptr)
            return std::optional<std::string> {};
        if (!value->is_string())
            return badField(at(key), "is not a string");
        return std::optional<std::string> {value->get<std::string>()};
    }
    [[nodiscard]] Result<std::string> text(std::string_view key) const
    {
        TECHO_ASSIGN(const Json* value, member(key, true));
        if (!value->is_string())
            return badField(at(key), "is not a string");
        return value->get<std::string>();
    }
    [[nodiscard]] Result<std::optional<double>> optNumber(std::string_view key) const
    {
        TECHO_ASSIGN(const Json* value, member(key, false));
        if (value == nullptr)
            return std::optional<double> {};
        if (!value->is_number())
            return badField(at(key), "is not a number");
        return std::optional<double> {value->get<double>()};
    }
    [[nodiscard]] Result<std::optional<std::int64_t>> optInteger(std::string_view key) const
    {
        TECHO_ASSIGN(const Json* value, member(key, false));
        if (value == nullptr)
            return std::optional<std::int64_t> {};
        if (!value->is_number_integer())
            return badField(at(key), "is not an integer");
        return std::optional<std::int64_t> {value->get<std::int64_t>()};
    }
    [[nodiscard]] Result<std::int64_t> integer(std::string_view key) const
    {
        TECHO_ASSIGN(const std::optional<std::int64_t> value, optInteger(key));
        if (!value)
            return badField(at(key), "is missing");
        return *value;
    }
    [[nodiscard]] Result<std::optional<int>> optSmallInt(std::string_view key, int minimum) const
    {
        TECHO_ASSIGN(const std::optional<std::int64_t> value, optInteger(key));
        if (!value)
            return std::optional<int> {};
        if (*value < minimum || *value > std::numeric_limits<int>::max())
            return badField(at(key), "is out of range");
        return std::optional<int> {static_cast<int>(*value)};
    }
    [[nodiscard]] Result<std::optional<domain::Date>> optDate(std::string_view key) const
    {
        TECHO_ASSIGN(const std::optional<std::string> value, optText(key));
        if (!value)
            return std::optional<domain::Date> {};
        const auto date = domain::parseDate(*value);
        if (!date || !domain::isStorableDate(*date))
            return badField(at(key), "is not a date (YYYY-MM-DD)");
        return date;
    }
    [[nodiscard]] Result<domain::Date> date(std::string_view key) const
    {
        TECHO_ASSIGN(const std::optional<domain::Date> value, optDate(key));
        if (!value)
            return badField(at(key), "is missing");
        return *value;
    }
    [[nodiscard]] Result<std::optional<domain::Timestamp>> optTimestamp(std::string_view key) const
    {
        TECHO_ASSIGN(const std::optional<std::string> value, optText(key));
        if (!value)
            return std::optional<domain::Timestamp> {};
        const auto timestamp = domain::parseTimestamp(*value);
        if (!timestamp)
            return badField(at(key), "is not a UTC time (YYYY-MM-DDTHH:MM:SSZ)");
        return timestamp;
    }
    [[nodiscard]] Result<domain::Timestamp> timestamp(std::string_view key) const
    {
        TECHO_ASSIGN(const std::optional<domain::Timestamp> value, optTimestamp(key));
        if (!value)
            return badField(at(key), "is missing");
        return *value;
    }
    template <domain::NamedEnum E> [[nodiscard]] Result<std::optional<E>> optEnum(std::string_view key) const
    {
        TECHO_ASSIGN(const std::optional<std::string> value, optText(key));
        if (!value)
            return std::optional<E> {};
        const auto parsed = fromString<E>(*value);
        if (!parsed)
            return badField(at(key), "is not one of the allowed values");
        return parsed;
    }
    template <domain::NamedEnum E> [[nodiscard]] Result<E> enumValue(std::string_view key) const
    {
        TECHO_ASSIGN(const std::optional<E> value, optEnum<E>(key));
        if (!value)
            return badField(at(key), "is missing");
        return *value;
    }
    [[nodiscard]] Result<const Json*> array(std::string_view key, bool required = true) const
    {
        TECHO_ASSIGN(const Json* value, member(key, required));
        if (value != nullptr && !value->is_array())
            return badField(at(key), "is not an array");
        return value;
    }
    [[nodiscard]] Result<Fields> object(std::string_view key) const
    {
        TECHO_ASSIGN(const Json* value, member(key, true));
        if (!value->is_object())
            return badField(at(key), "is not an object");
        return Fields(*value, at(key));
    }

private:
    const Json& m_object;
    std::string m_path;
};

// Visits the objects of an array member: fn(Fields of element i).
template <typename Fn> Status forEachObject(const Fields& parent, std::string_view key, Fn fn, bool required = true)
{
    TECHO_ASSIGN(const Json* items, parent.array(key, required));
    if (items == nullptr)
        return {};
    for (std::size_t i = 0; i < items->size(); ++i) {
        const std::string path = parent.at(key) + "[" + std::to_string(i) + "]";
        if (!(*items)[i].is_object())
            return badField(path, "is not an object");
        TECHO_TRY(fn(Fields((*items)[i], path)));
    }
    return {};
}

struct ParsedProfile {
    domain::Profile profile;
    domain::RecordBatch batch;
};

// Everything the file says, checked, before anything is written.
struct ParsedExport {
    std::vector<std::pair<std::string, domain::ImportRun>> runs; // file id → run
    std::map<std::string, domain::InstitutionRef> institutions;
    std::vector<ParsedProfile> profiles;
    std::map<std::string, std::size_t> profileIndex;
};

class Parser final {
public:
    explicit Parser(ParsedExport& out)
        : m_out(out)
    { }

    Status run(const Fields& top)
    {
        TECHO_TRY(top.require({"format", "format_version", "generator", "exported_at", "selection", "profiles",
            "import_runs", "checkups", "dispensings", "vaccinations", "measurements", "institutions", "counts"}));
        // Not read (the records say it all), but part of what makes the file a complete export.
        TECHO_ASSIGN(const Fields selection, top.object("selection"));
        TECHO_TRY(selection.require({"profile", "from", "to", "categories"}));
        TECHO_ASSIGN(const Fields counts, top.object("counts"));
        TECHO_TRY(counts.require({"profiles", "import_runs", "checkups", "observations", "dispensings",
            "medication_lines", "vaccinations", "measurements", "institutions"}));
        TECHO_TRY(forEachObject(top, "institutions", [&](const Fields& f) { return institution(f); }));
        TECHO_TRY(forEachObject(top, "import_runs", [&](const Fields& f) { return importRun(f); }));
        TECHO_TRY(forEachObject(top, "profiles", [&](const Fields& f) { return profile(f); }));
        TECHO_TRY(forEachObject(top, "checkups", [&](const Fields& f) { return checkup(f); }));
        TECHO_TRY(forEachObject(top, "dispensings", [&](const Fields& f) { return dispensing(f); }));
        TECHO_TRY(forEachObject(top, "vaccinations", [&](const Fields& f) { return vaccination(f); }));
        TECHO_ASSIGN(const Json* measurements, top.array("measurements", false));
        if (measurements != nullptr && !measurements->empty())
            return badField(top.at("measurements"),
                "holds self-recorded measurements, which this version of Techo "
                "cannot store yet; nothing was imported");
        return {};
    }

private:
    Status uniqueId(const Fields& f, std::string& id)
    {
        TECHO_ASSIGN(id, f.text("id"));
        if (!m_ids.insert(id).second)
            return badField(f.at("id"), "repeats an id used before in the file");
        return {};
    }

    Status institution(const Fields& f)
    {
        TECHO_TRY(f.require({"id", "kind", "code", "name"}));
        std::string id;
        TECHO_TRY(uniqueId(f, id));
        domain::InstitutionRef ref;
        TECHO_ASSIGN(ref.kind, f.enumValue<domain::ProviderKind>("kind"));
        TECHO_ASSIGN(ref.code, f.text("code"));
        TECHO_ASSIGN(ref.name, f.text("name"));
        m_out.institutions.emplace(id, std::move(ref));
        return {};
    }

    Status importRun(const Fields& f)
    {
        TECHO_TRY(f.require({"id", "started_at", "finished_at", "source", "origin", "counts"}));
        std::string id;
        TECHO_TRY(uniqueId(f, id));
        domain::ImportRun run;
        TECHO_ASSIGN(run.startedAt, f.timestamp("started_at"));
        TECHO_ASSIGN(run.finishedAt, f.optTimestamp("finished_at"));
        TECHO_ASSIGN(run.source, f.text("source"));
        TECHO_ASSIGN(run.origin, f.text("origin"));
        TECHO_ASSIGN(const Fields counts, f.object("counts"));
        TECHO_TRY(counts.require({"added", "updated", "unchanged", "rejected"}));
        TECHO_ASSIGN(run.counts.added, counts.integer("added"));
        TECHO_ASSIGN(run.counts.updated, counts.integer("updated"));
        TECHO_ASSIGN(run.counts.unchanged, counts.integer("unchanged"));
        TECHO_ASSIGN(run.counts.rejected, counts.integer("rejected"));
        m_runIndex.emplace(id, static_cast<std::int64_t>(m_out.runs.size()));
        m_out.runs.emplace_back(id, std::move(run));
        return {};
    }

    Status profile(const Fields& f)
    {
        TECHO_TRY(f.require({"id", "display_name", "local_name", "kana_name", "birth_date", "sex", "relationship",
            "source", "source_person_id", "created_at"}));
        std::string id;
        TECHO_TRY(uniqueId(f, id));
        ParsedProfile parsed;
        domain::Profile& p = parsed.profile;
        TECHO_ASSIGN(p.displayName, f.text("display_name"));
        TECHO_ASSIGN(p.localName, f.optText("local_name"));
        TECHO_ASSIGN(p.kanaName, f.optText("kana_name"));
        TECHO_ASSIGN(p.birthDate, f.optDate("birth_date"));
        TECHO_ASSIGN(p.sex, f.optEnum<domain::Sex>("sex"));
        TECHO_ASSIGN(p.relationship, f.enumValue<domain::Relationship>("relationship"));
        TECHO_ASSIGN(p.source, f.text("source"));
        TECHO_ASSIGN(p.sourcePersonId, f.optText("source_person_id"));
        TECHO_ASSIGN(p.createdAt, f.timestamp("created_at"));
        if (p.sourcePersonId && p.sourcePersonId->empty())
            return badField(f.at("source_person_id"), "is empty");
        // One person, one profile of the file: their records then reach the importer in one batch.
        if (p.sourcePersonId && !m_persons.insert({p.source, *p.sourcePersonId}).second)
            return badField(f.at("source_person_id"), "repeats a person of another profile of the file");
        m_out.profileIndex.emplace(id, m_out.profiles.size());
        m_out.profiles.push_back(std::move(parsed));
        return {};
    }

    Result<domain::RecordBatch*> owner(const Fields& f)
    {
        TECHO_ASSIGN(const std::string ref, f.text("profile"));
        const auto it = m_out.profileIndex.find(ref);
        if (it == m_out.profileIndex.end())
            return badField(f.at("profile"), "names no profile of the file");
        return &m_out.profiles[it->second].batch;
    }

    Result<std::optional<domain::InstitutionRef>> institutionRef(const Fields& f, std::string_view key, bool required)
    {
        TECHO_ASSIGN(const std::optional<std::string> ref, f.optText(key));
        if (!ref) {
            if (required)
                return badField(f.at(key), "is missing");
            return std::optional<domain::InstitutionRef> {};
        }
        const auto it = m_out.institutions.find(*ref);
        if (it == m_out.institutions.end())
            return badField(f.at(key), "names no institution of the file");
        return std::optional<domain::InstitutionRef> {it->second};
    }

    Status provenance(const Fields& record, domain::Provenance& p)
    {
        TECHO_ASSIGN(const Fields f, record.object("provenance"));
        TECHO_TRY(f.require({"source", "source_record_id", "fetched_at", "import_run"}));
        TECHO_ASSIGN(p.source, f.text("source"));
        TECHO_ASSIGN(p.sourceRecordId, f.optText("source_record_id"));
        TECHO_ASSIGN(p.fetchedAt, f.optTimestamp("fetched_at"));
        TECHO_ASSIGN(const std::optional<std::string> run, f.optText("import_run"));
        p.importRunId.reset();
        if (run) {
            const auto it = m_runIndex.find(*run);
            if (it == m_runIndex.end())
                return badField(f.at("import_run"), "names no import run of the file");
            // The run's place in the file for now; importTechoExport replaces it with the vault's run id.
            p.importRunId = it->second;
        }
        return {};
    }

    Status checkup(const Fields& f)
    {
        TECHO_TRY(f.require(
            {"id", "profile", "performed_on", "kind", "facility", "insurer_number", "provenance", "observations"}));
        std::string id;
        TECHO_TRY(uniqueId(f, id));
        TECHO_ASSIGN(domain::RecordBatch * batch, owner(f));
        domain::CheckupRecord record;
        domain::Checkup& c = record.checkup;
        TECHO_ASSIGN(c.performedOn, f.date("performed_on"));
        TECHO_ASSIGN(c.kind, f.text("kind"));
        TECHO_ASSIGN(record.facility, institutionRef(f, "facility", false));
        TECHO_ASSIGN(c.insurerNumber, f.optText("insurer_number"));
        const auto readObservations = [&](const Fields& o) -> Status {
            TECHO_TRY(o.require({"id", "item_code", "item_name", "value_type", "value", "comparator", "unit",
                "unit_as_sent", "value_code", "value_code_system", "value_label", "value_text", "range_flag"}));
            std::string childId;
            TECHO_TRY(uniqueId(o, childId));
            domain::Observation obs;
            TECHO_ASSIGN(obs.itemCode, o.text("item_code"));
            if (obs.itemCode.size() != 17)
                return badField(o.at("item_code"), "is not a 17-character item code");
            TECHO_ASSIGN(obs.itemName, o.text("item_name"));
            TECHO_ASSIGN(obs.valueType, o.enumValue<domain::ValueType>("value_type"));
            TECHO_ASSIGN(obs.valueNum, o.optNumber("value"));
            if (obs.valueType == domain::ValueType::PQ && !obs.valueNum)
                return badField(o.at("value"), "is missing (a PQ value needs its number)");
            TECHO_ASSIGN(obs.comparator, o.optEnum<domain::Comparator>("comparator"));
            TECHO_ASSIGN(obs.unit, o.optText("unit"));
            TECHO_ASSIGN(obs.unitAsSent, o.optText("unit_as_sent"));
            TECHO_ASSIGN(obs.valueCode, o.optText("value_code"));
            TECHO_ASSIGN(obs.valueCodeSystem, o.optText("value_code_system"));
            TECHO_ASSIGN(obs.valueLabel, o.optText("value_label"));
            TECHO_ASSIGN(obs.valueText, o.optText("value_text"));
            TECHO_ASSIGN(obs.rangeFlag, o.optEnum<domain::RangeFlag>("range_flag"));
            c.observations.push_back(std::move(obs));
            return {};
        };
        TECHO_TRY(forEachObject(f, "observations", readObservations));
        batch->checkups.push_back(std::move(record));
        return provenance(f, batch->checkups.back().checkup.provenance);
    }

    Status dispensing(const Fields& f)
    {
        TECHO_TRY(f.require({"id", "profile", "kind", "dispensed_on", "prescribed_on", "pharmacy", "prescriber",
            "in_out", "superseded_by", "provenance", "lines"}));
        std::string id;
        TECHO_TRY(uniqueId(f, id));
        TECHO_ASSIGN(domain::RecordBatch * batch, owner(f));
        domain::DispensingRecord record;
        domain::Dispensing& d = record.dispensing;
        TECHO_ASSIGN(d.kind, f.enumValue<domain::DispensingKind>("kind"));
        TECHO_ASSIGN(d.dispensedOn, f.date("dispensed_on"));
        TECHO_ASSIGN(d.prescribedOn, f.optDate("prescribed_on"));
        TECHO_ASSIGN(const std::optional<domain::InstitutionRef> pharmacy, institutionRef(f, "pharmacy", true));
        record.pharmacy = *pharmacy;
        TECHO_ASSIGN(record.prescriber, institutionRef(f, "prescriber", false));
        TECHO_ASSIGN(d.inOut, f.optEnum<domain::InOut>("in_out"));
        // superseded_by is not read: the importer links a claims record to its 電子処方箋 record itself.
        const auto readLines = [&](const Fields& l) -> Status {
            TECHO_TRY(l.require({"id", "rp_number", "line_number", "drug_code", "drug_code_system", "drug_name",
                "ingredient_name", "quantity", "unit", "usage_text", "special_instruction", "days", "dosage_form",
                "claims_category"}));
            std::string childId;
            TECHO_TRY(uniqueId(l, childId));
            domain::MedicationLine line;
            TECHO_ASSIGN(const std::optional<int> rp, l.optSmallInt("rp_number", 0));
            TECHO_ASSIGN(const std::optional<int> number, l.optSmallInt("line_number", 0));
            if (!rp || !number)
                return badField(l.path(), "needs rp_number and line_number");
            line.rpNumber = *rp;
            line.lineNumber = *number;
            TECHO_ASSIGN(line.drugCode, l.text("drug_code"));
            TECHO_ASSIGN(line.drugCodeSystem, l.enumValue<domain::DrugCodeSystem>("drug_code_system"));
            TECHO_ASSIGN(line.drugName, l.text("drug_name"));
            TECHO_ASSIGN(line.ingredientName, l.optText("ingredient_name"));
            TECHO_ASSIGN(line.quantity, l.optNumber("quantity"));
            TECHO_ASSIGN(line.unit, l.optText("unit"));
            TECHO_ASSIGN(line.usageText, l.optText("usage_text"));
            TECHO_ASSIGN(line.specialInstruction, l.optText("special_instruction"));
            TECHO_ASSIGN(line.days, l.optSmallInt("days", 0));
            TECHO_ASSIGN(line.dosageForm, l.optText("dosage_form"));
            TECHO_ASSIGN(line.claimsCategory, l.optText("claims_category"));
            d.lines.push_back(std::move(line));
            return {};
        };
        TECHO_TRY(forEachObject(f, "lines", readLines));
        batch->dispensings.push_back(std::move(record));
        return provenance(f, batch->dispensings.back().dispensing.provenance);
    }

    Status vaccination(const Fields& f)
    {
        TECHO_TRY(f.require({"id", "profile", "occurred_on", "vaccine_name", "vaccine_code", "vaccine_code_system",
            "target_disease", "dose_number", "lot_number", "manufacturer", "facility", "municipality_code", "site",
            "status", "provenance"}));
        std::string id;
        TECHO_TRY(uniqueId(f, id));
        TECHO_ASSIGN(domain::RecordBatch * batch, owner(f));
        domain::VaccinationRecord record;
        domain::Vaccination& v = record.vaccination;
        TECHO_ASSIGN(v.occurredOn, f.date("occurred_on"));
        TECHO_ASSIGN(v.vaccineName, f.text("vaccine_name"));
        TECHO_ASSIGN(v.vaccineCode, f.text("vaccine_code"));
        TECHO_ASSIGN(v.vaccineCodeSystem, f.optText("vaccine_code_system"));
        TECHO_ASSIGN(v.targetDisease, f.optText("target_disease"));
        TECHO_ASSIGN(v.doseNumber, f.optSmallInt("dose_number", 1));
        TECHO_ASSIGN(v.lotNumber, f.optText("lot_number"));
        TECHO_ASSIGN(v.manufacturer, f.optText("manufacturer"));
        TECHO_ASSIGN(record.facility, institutionRef(f, "facility", false));
        TECHO_ASSIGN(v.municipalityCode, f.optText("municipality_code"));
        TECHO_ASSIGN(v.site, f.optText("site"));
        TECHO_ASSIGN(v.status, f.enumValue<domain::VaccinationStatus>("status"));
        batch->vaccinations.push_back(std::move(record));
        return provenance(f, batch->vaccinations.back().vaccination.provenance);
    }

private:
    ParsedExport& m_out;
    std::set<std::string> m_ids;
    std::map<std::string, std::int64_t> m_runIndex;
    std::set<std::pair<std::string, std::string>> m_persons; // (source, source person id)
};

} // namespace

bool looksLikeTechoExport(std::string_view body)
{
    std::size_t start = 0;
    if (body.starts_with("\xEF\xBB\xBF"))
        start = 3;
    while (start < body.size()
        && (body[start] == ' ' || body[start] == '\n' || body[start] == '\r' || body[start] == '\t'))
        ++start;
    if (start >= body.size() || body[start] != '{')
        return false;
    // Anywhere in the text, since a tool that rewrites the file may reorder its members; an escaped occurrence
    // (\"techo-export\" inside some text of an API result) does not count.
    const std::string quoted = "\"" + std::string(kJsonFormatName) + "\"";
    for (std::size_t at = body.find(quoted, start); at != std::string_view::npos; at = body.find(quoted, at + 1))
        if (body[at - 1] != '\\')
            return true;
    return false;
}

Result<import::ImportReport> importTechoExport(vault::Database& db, std::string_view body, const std::string& origin,
    const import::ProgressHandler& progress, const net::CancelToken* cancel, const import::ImportPolicy& policy)
{
    const Json doc = Json::parse(body, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return makeError(ErrorCode::InvalidData, "this file is not a valid Techo export (not a JSON object)")
            .withKey("export.not_json");
    const Fields top(doc, "$");
    TECHO_ASSIGN(const std::string format, top.text("format"));
    if (format != kJsonFormatName)
        return badField(top.at("format"), "is not \"techo-export\"");
    TECHO_ASSIGN(const std::int64_t version, top.integer("format_version"));
    if (version > kJsonFormatVersion)
        return makeError(ErrorCode::NewerFormat,
            "this export was written by a newer Techo (format version " + std::to_string(version)
                + "); update Techo to import it")
            .withKey("export.newer_format")
            .with("version", std::to_string(version));
    if (version < 1)
        return badField(top.at("format_version"), "is not a known version");

    ParsedExport parsed;
    Parser parser(parsed);
    TECHO_TRY(parser.run(top));
    const auto cancelled = [&]() -> Status {
        if (cancel != nullptr && cancel->isCancelled())
            return makeError(ErrorCode::Cancelled, "the import was cancelled; nothing was changed")
                .withKey("import.cancelled");
        return {};
    };
    TECHO_TRY(cancelled());

    import::ImportOptions options;
    options.source = "techo-export";
    options.origin = origin;
    options.policy = policy;
    options.keepRecordProvenance = true;
    TECHO_ASSIGN(auto importer, import::Importer::begin(db, options));

    // Import runs: the vault's own when it has them (same times, source, origin as exports write it — a file's name
    // only, exportedOrigin — and counts; each stored run stands
    // for one run of the file, as two runs can start in the same second), else recreated as they were.
    const auto runKey = [](const domain::ImportRun& run) {
        return domain::formatTimestamp(run.startedAt) + '|'
            + (run.finishedAt ? domain::formatTimestamp(*run.finishedAt) : std::string("-")) + '|' + run.source + '|'
            + exportedOrigin(run.origin) + '|' + std::to_string(run.counts.added) + '|'
            + std::to_string(run.counts.updated) + '|' + std::to_string(run.counts.unchanged) + '|'
            + std::to_string(run.counts.rejected);
    };
    vault::ImportRunRepository runs(db);
    TECHO_ASSIGN(std::vector<domain::ImportRun> storedRuns, runs.listRecent(std::numeric_limits<int>::max()));
    std::sort(storedRuns.begin(), storedRuns.end(),
        [](const domain::ImportRun& a, const domain::ImportRun& b) { return a.id < b.id; });
    std::multimap<std::string, std::int64_t> known;
    for (const domain::ImportRun& run : storedRuns)
        if (run.id != importer->report().importRunId)
            known.emplace(runKey(run), run.id);
    std::vector<std::int64_t> runIds; // by the run's place in the file
    for (const auto& [fileId, run] : parsed.runs) {
        if (const auto it = known.find(runKey(run)); it != known.end()) {
            runIds.push_back(it->second);
            known.erase(it);
            continue;
        }
        TECHO_ASSIGN(const domain::ImportRun created, runs.begin(run.source, run.origin, run.startedAt));
        if (run.finishedAt)
            TECHO_TRY(runs.finish(created.id, *run.finishedAt, run.counts));
        runIds.push_back(created.id);
    }
    const auto relink = [&](domain::Provenance& p) {
        if (p.importRunId)
            p.importRunId = runIds.at(static_cast<std::size_t>(*p.importRunId));
    };
    for (ParsedProfile& entry : parsed.profiles) {
        for (domain::CheckupRecord& r : entry.batch.checkups)
            relink(r.checkup.provenance);
        for (domain::DispensingRecord& r : entry.batch.dispensings)
            relink(r.dispensing.provenance);
        for (domain::VaccinationRecord& r : entry.batch.vaccinations)
            relink(r.vaccination.provenance);
    }

    vault::ProfileRepository profiles(db);
    TECHO_ASSIGN(const std::vector<domain::Profile> before, profiles.list());
    std::set<std::int64_t> existingIds;
    for (const domain::Profile& p : before)
        existingIds.insert(p.id);

    std::int64_t skipped = 0;
    std::int64_t records = 0;
    const int personCount = static_cast<int>(parsed.profiles.size());
    for (int index = 0; index < personCount; ++index) {
        ParsedProfile& entry = parsed.profiles[static_cast<std::size_t>(index)];
        const domain::Profile& p = entry.profile;
        const auto recordCount = static_cast<std::int64_t>(
            entry.batch.checkups.size() + entry.batch.dispensings.size() + entry.batch.vaccinations.size());
        std::optional<std::int64_t> profileId;
        if (p.sourcePersonId) {
            const domain::PersonInfo person {
                *p.sourcePersonId, p.displayName, p.kanaName, p.birthDate, p.sex, p.relationship};
            TECHO_ASSIGN(profileId, importer->profileFor(person, p.source));
            if (profileId && !existingIds.contains(*profileId)) {
                // New in this vault: it takes the file's creation time and the person's own name for it.
                TECHO_ASSIGN(domain::Profile created, profiles.get(*profileId));
                created.localName = p.localName;
                created.createdAt = p.createdAt;
                TECHO_TRY(profiles.update(created));
                existingIds.insert(*profileId);
            }
        } else {
            // A profile no source knows (made by hand): the same source, name and birth date is the same profile.
            TECHO_ASSIGN(const std::vector<domain::Profile> all, profiles.list());
            for (const domain::Profile& stored : all)
                if (stored.source == p.source && !stored.sourcePersonId && stored.displayName == p.displayName
                    && stored.birthDate == p.birthDate)
                    profileId = stored.id;
            if (!profileId) {
                domain::Profile created = p;
                created.id = 0;
                TECHO_ASSIGN(profileId, profiles.insert(created));
                existingIds.insert(*profileId);
            }
        }
        if (!profileId) {
            skipped += recordCount;
            continue;
        }
        records += recordCount;
        TECHO_TRY(importer->apply(*profileId, entry.batch));
        if (progress)
            progress({import::ImportStage::Write, index + 1, personCount, "techo-export", 1, 1, records});
        TECHO_TRY(cancelled());
    }
    if (progress)
        progress({import::ImportStage::Commit, personCount, personCount, "techo-export", 1, 1, records});
    TECHO_ASSIGN(import::ImportReport report, importer->commit());
    report.skippedRecords += skipped;
    return report;
}

} // namespace techo::exports
