#include "core/mynaportal/ResultMapping.h"

#include "core/clinical/CheckupItems.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace techo::mynaportal {
namespace {

using domain::Rejection;
using nlohmann::json;

// A field problem: where (JSON path) and what. Reasons describe the defect, never quote health values.
struct FieldError {
    std::string path;
    std::string reason;
};

std::string at(const std::string& path, std::string_view key)
{
    return path + "." + std::string(key);
}

std::string at(const std::string& path, std::size_t index)
{
    return path + "[" + std::to_string(index) + "]";
}

// Field readers: each returns the value or records the first error and returns nullopt.
class Fields {
public:
    Fields(const json& object, std::string path)
        : m_object(object)
        , m_path(std::move(path))
    { }

    [[nodiscard]] bool failed() const { return m_error.has_value(); }
    [[nodiscard]] const FieldError& error() const { return *m_error; }
    [[nodiscard]] const std::string& path() const { return m_path; }

    std::optional<std::string> text(std::string_view key, bool required)
    {
        const json* value = find(key);
        if (value == nullptr || value->is_null()
            || (value->is_string() && value->get_ref<const std::string&>().empty())) {
            if (required)
                fail(key, "is missing");
            return std::nullopt;
        }
        if (!value->is_string()) {
            fail(key, "must be a string");
            return std::nullopt;
        }
        return value->get<std::string>();
    }

    // 'YYYYMMDD' (the XML layouts' form) or, with dashes, 'YYYY-MM-DD' (PMH JSON).
    std::optional<domain::Date> date(std::string_view key, bool required, bool dashed = false)
    {
        const auto raw = text(key, required);
        if (!raw)
            return std::nullopt;
        std::string iso = *raw;
        if (!dashed) {
            if (raw->size() != 8 || raw->find_first_not_of("0123456789") != std::string::npos) {
                fail(key, "is not a date of the form YYYYMMDD");
                return std::nullopt;
            }
            iso = raw->substr(0, 4) + "-" + raw->substr(4, 2) + "-" + raw->substr(6, 2);
        }
        auto parsed = domain::parseDate(iso);
        if (!parsed) {
            fail(key, dashed ? "is not a valid date of the form YYYY-MM-DD" : "is not a valid calendar date");
            return std::nullopt;
        }
        return parsed;
    }

    // Decimal numbers arrive as strings in these layouts ("5.8"); JSON numbers are accepted too.
    std::optional<double> decimal(std::string_view key, bool required)
    {
        const json* value = find(key);
        if (value != nullptr && value->is_number()) {
            const double d = value->get<double>();
            if (std::isfinite(d))
                return d;
        }
        if (value != nullptr && !value->is_null() && !value->is_string()) {
            fail(key, "is not a number"); // not "must be a string": a JSON number is fine too
            return std::nullopt;
        }
        const auto raw = text(key, required);
        if (!raw)
            return std::nullopt;
        double out = 0;
        const char* begin = raw->data();
        const char* end = raw->data() + raw->size();
        const auto [ptr, ec] = std::from_chars(begin, end, out, std::chars_format::fixed);
        if (ec != std::errc() || ptr != end || !std::isfinite(out)) {
            fail(key, "is not a number");
            return std::nullopt;
        }
        return out;
    }

    std::optional<int> integer(std::string_view key, bool required, int minimum)
    {
        const json* value = find(key);
        long long out = 0;
        if (value != nullptr && value->is_number_integer()) {
            out = value->get<long long>();
        } else if (value != nullptr && !value->is_null() && !value->is_string()) {
            fail(key, "is not a whole number"); // 1.5, true, {} …: not "must be a string", a JSON integer is fine
            return std::nullopt;
        } else {
            const auto raw = text(key, required);
            if (!raw)
                return std::nullopt;
            const auto [ptr, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), out);
            if (ec != std::errc() || ptr != raw->data() + raw->size()) {
                fail(key, "is not a whole number");
                return std::nullopt;
            }
        }
        if (out < minimum || out > 1'000'000) {
            fail(key, "is out of range");
            return std::nullopt;
        }
        return static_cast<int>(out);
    }

    std::optional<bool> boolean(std::string_view key)
    {
        const json* value = find(key);
        if (value == nullptr || value->is_null())
            return std::nullopt;
        if (!value->is_boolean()) {
            fail(key, "must be true or false");
            return std::nullopt;
        }
        return value->get<bool>();
    }

    // An array member; a missing one is empty, anything else is a structural error.
    const json* array(std::string_view key)
    {
        const json* value = find(key);
        if (value == nullptr || value->is_null())
            return nullptr;
        if (!value->is_array()) {
            fail(key, "must be an array");
            return nullptr;
        }
        return value;
    }

    const json* object(std::string_view key, bool required)
    {
        const json* value = find(key);
        if (value == nullptr || value->is_null()) {
            if (required)
                fail(key, "is missing");
            return nullptr;
        }
        if (!value->is_object()) {
            fail(key, "must be an object");
            return nullptr;
        }
        return value;
    }

    void fail(std::string_view key, std::string reason)
    {
        if (!m_error)
            m_error = FieldError {at(m_path, key), std::move(reason)};
    }

    // Adopts the error of a nested object's Fields, whose path already names the exact field.
    void fail(const FieldError& nested)
    {
        if (!m_error)
            m_error = nested;
    }

private:
    const json* find(std::string_view key) const
    {
        const auto it = m_object.find(key);
        return it == m_object.end() ? nullptr : &*it;
    }

    const json& m_object;
    std::string m_path;
    std::optional<FieldError> m_error;
};

Error structural(const FieldError& e)
{
    return makeError(ErrorCode::InvalidData, "the response is not in the expected form: " + e.path + " " + e.reason);
}

Rejection reject(std::string kind, std::string id, std::string path, std::string reason)
{
    Rejection r;
    r.recordKind = std::move(kind);
    r.sourceRecordId = std::move(id);
    r.jsonPath = std::move(path);
    r.reason = std::move(reason);
    return r;
}

Rejection reject(std::string kind, std::string id, const FieldError& e)
{
    return reject(std::move(kind), std::move(id), e.path, e.reason);
}

// Every element of an array must be an object; otherwise the whole response is malformed.
Status requireObjects(const json& array, const std::string& path)
{
    for (std::size_t i = 0; i < array.size(); ++i)
        if (!array[i].is_object())
            return structural({at(path, i), "must be an object"});
    return {};
}

std::optional<domain::Sex> sexFromCode(const std::optional<std::string>& code)
{
    if (!code)
        return std::nullopt;
    if (*code == "1" || *code == "male")
        return domain::Sex::Male;
    if (*code == "2" || *code == "female")
        return domain::Sex::Female;
    return domain::Sex::Unknown;
}

// The person header each layout carries under its own element names.
struct PersonKeys {
    std::string_view object;
    std::string_view name;
    std::string_view kana;
    std::string_view birth;
    bool dashedBirth;
    std::string_view sex;
};

Status mapPerson(Fields& root, const std::string& path, const PersonKeys& keys, domain::RecordBatch& batch)
{
    const json* header = root.object(keys.object, false);
    if (root.failed())
        return structural(root.error());
    if (header == nullptr)
        return {};
    Fields p(*header, at(path, keys.object));
    domain::PersonInfo person;
    person.name = p.text(keys.name, false).value_or("");
    person.kana = p.text(keys.kana, false);
    person.birthDate = p.date(keys.birth, false, keys.dashedBirth);
    person.sex = sexFromCode(p.text(keys.sex, false));
    if (p.failed())
        return structural(p.error());
    batch.person = std::move(person);
    return {};
}

// ---- 特定健診 (TKK) ----

std::optional<domain::Observation> mapObservation(
    const json& item, const std::string& path, const std::string& recordId, std::vector<Rejection>& rejections)
{
    Fields f(item, path);
    domain::Observation o;
    const auto code = f.text("ItemCode", true);
    const auto name = f.text("ItemName", true);
    const auto type = f.text("DataType", true);
    const clinical::CheckupItem* known = nullptr;
    if (code) {
        known = clinical::findCheckupItem(*code);
        if (code->size() != 17)
            f.fail("ItemCode", "is not a 17-character item code");
        else if (known == nullptr)
            f.fail("ItemCode", "is an unknown item code");
    }
    std::optional<domain::ValueType> valueType;
    if (type) {
        valueType = fromString<domain::ValueType>(*type);
        if (!valueType)
            f.fail("DataType", "must be PQ, CD, CO or ST");
        else if (known != nullptr && *valueType != known->type
            && !(known->type == domain::ValueType::CD && *valueType == domain::ValueType::CO))
            f.fail("DataType", "does not match the item's data type");
    }
    if (!f.failed() && valueType) {
        o.itemCode = *code;
        o.itemName = *name;
        o.valueType = *valueType;
        switch (*valueType) {
        case domain::ValueType::PQ: {
            o.valueNum = f.decimal("DataValue", true);
            o.unit = f.text("Unit", true);
            if (o.unit && known != nullptr && !clinical::isAcceptedUnit(*known, *o.unit))
                f.fail("Unit", "is not a unit this item can have");
            if (o.valueNum && known != nullptr
                && (*o.valueNum < known->minPlausible || *o.valueNum > known->maxPlausible))
                f.fail("DataValue", "is outside the possible range for this item");
            break;
        }
        case domain::ValueType::CD:
        case domain::ValueType::CO:
            o.valueCode = f.text("DataValue", true);
            o.valueCodeSystem = f.text("Oid", false);
            o.valueLabel = f.text("DataValueName", false);
            break;
        case domain::ValueType::ST:
            o.valueText = f.text("DataValue", true);
            break;
        }
        if (const auto flag = f.text("OutOfRangeFlag", false)) {
            o.rangeFlag = fromString<domain::RangeFlag>(*flag);
            if (!o.rangeFlag)
                f.fail("OutOfRangeFlag", "must be H or L");
        }
    }
    if (f.failed()) {
        rejections.push_back(reject("observation", recordId, f.error()));
        return std::nullopt;
    }
    return o;
}

Status mapCheckups(const json& data, const std::string& path, domain::RecordBatch& batch)
{
    Fields root(data, path);
    TECHO_TRY(mapPerson(
        root, path, {"QualificationsInfo", "Name", "KanaName", "Birthday", false, "AdministrativeGenderCode"}, batch));
    const json* checkups = root.array("SpecificHealthCheckupInfos");
    if (root.failed())
        return structural(root.error());
    if (checkups == nullptr)
        return {};
    const std::string listPath = at(path, "SpecificHealthCheckupInfos");
    TECHO_TRY(requireObjects(*checkups, listPath));
    batch.checkups.reserve(checkups->size());
    for (std::size_t i = 0; i < checkups->size(); ++i) {
        const std::string recordPath = at(listPath, i);
        Fields f((*checkups)[i], recordPath);
        domain::CheckupRecord record;
        domain::Checkup& c = record.checkup;
        c.provenance.sourceRecordId = f.text("RecordId", false);
        const std::string recordId = c.provenance.sourceRecordId.value_or("");
        const auto performed = f.date("EffectiveTime", true);
        c.kind = f.text("CheckupKind", false).value_or(domain::checkup_kind::kSpecificHealthCheckup);
        c.insurerNumber = f.text("InsurerNumber", false);
        const auto facilityCode = f.text("InstitutionCode", false);
        const auto facilityName = f.text("InstitutionName", false);
        const json* items = f.array("HealthCheckupResultAndQuestionInfos");
        if (f.failed()) {
            batch.rejections.push_back(reject("checkup", recordId, f.error()));
            continue;
        }
        c.performedOn = *performed;
        if (facilityCode || facilityName)
            record.facility = domain::InstitutionRef {domain::ProviderKind::CheckupFacility, facilityCode.value_or(""),
                facilityName.value_or(facilityCode.value_or(""))};
        if (items != nullptr) {
            const std::string itemsPath = at(recordPath, "HealthCheckupResultAndQuestionInfos");
            TECHO_TRY(requireObjects(*items, itemsPath));
            c.observations.reserve(items->size());
            for (std::size_t k = 0; k < items->size(); ++k) {
                // A rejected result stays with its checkup, keyed by its item code, so that the importer can
                // tell whether the vault already holds a valid value for it.
                const std::size_t rejectedBefore = record.rejectedObservations.size();
                auto o = mapObservation((*items)[k], at(itemsPath, k), recordId, record.rejectedObservations);
                if (!o) {
                    const auto code = (*items)[k].find("ItemCode");
                    for (std::size_t r = rejectedBefore; r < record.rejectedObservations.size(); ++r)
                        if (code != (*items)[k].end() && code->is_string())
                            record.rejectedObservations[r].childKey = code->get<std::string>();
                    continue;
                }
                const bool duplicate = std::any_of(c.observations.begin(), c.observations.end(),
                    [&](const domain::Observation& x) { return x.itemCode == o->itemCode; });
                if (duplicate) {
                    record.rejectedObservations.push_back(reject(
                        "observation", recordId, at(at(itemsPath, k), "ItemCode"), "repeats an item of this checkup"));
                    record.rejectedObservations.back().childKey = o->itemCode;
                    continue;
                }
                c.observations.push_back(std::move(*o));
            }
        }
        if (items != nullptr && !items->empty() && c.observations.empty()) {
            // Every result was rejected; an empty checkup would only mislead. The rejections are still listed.
            for (Rejection& r : record.rejectedObservations)
                batch.rejections.push_back(std::move(r));
            continue;
        }
        batch.checkups.push_back(std::move(record));
    }
    return {};
}

// ---- 薬剤 (YZK) ----

// Units a dispensed quantity can be counted in (the 薬価基準 units and their common spellings).
bool isDispensingUnit(std::string_view unit)
{
    static constexpr std::string_view kUnits[] = {
        "錠",
        "カプセル",
        "包",
        "g",
        "mg",
        "μg",
        "mL",
        "ml",
        "L",
        "枚",
        "本",
        "個",
        "瓶",
        "袋",
        "管",
        "キット",
        "筒",
        "滴",
        "回",
        "単位",
        "枚入",
        "シート",
        "ブリスター",
        "容器",
        "バイアル",
        "アンプル",
        "kit",
        "T",
        "C",
    };
    return std::find(std::begin(kUnits), std::end(kUnits), unit) != std::end(kUnits);
}

std::optional<domain::MedicationLine> mapDrug(
    const json& drug, const std::string& path, const std::string& recordId, std::vector<Rejection>& rejections)
{
    Fields f(drug, path);
    domain::MedicationLine line;
    line.rpNumber = f.integer("RpNo", true, 1).value_or(1);
    line.lineNumber = f.integer("LineNo", true, 1).value_or(1);
    const auto receiptCode = f.text("DrugC", false);
    const auto yjCode = f.text("YjCode", false);
    if (yjCode && (yjCode->size() != 12))
        f.fail("YjCode", "is not a 12-character YJ code");
    if (receiptCode && (receiptCode->size() != 9 || receiptCode->find_first_not_of("0123456789") != std::string::npos))
        f.fail("DrugC", "is not a 9-digit receipt drug code");
    // The YJ code is what FHIR JP Core and most drug references key on; keep it when the source has one.
    if (yjCode) {
        line.drugCode = *yjCode;
        line.drugCodeSystem = domain::DrugCodeSystem::Yj;
    } else if (receiptCode) {
        line.drugCode = *receiptCode;
        line.drugCodeSystem = domain::DrugCodeSystem::Receipt;
    }
    line.drugName = f.text("DrugN", true).value_or("");
    line.ingredientName = f.text("IngreN", false);
    line.quantity = f.decimal("Qua1", true);
    if (line.quantity && *line.quantity <= 0)
        f.fail("Qua1", "must be greater than zero");
    line.unit = f.text("Unit", true);
    if (line.unit && !isDispensingUnit(*line.unit))
        f.fail("Unit", "is not a unit a medicine is dispensed in");
    line.usageText = f.text("UsageN", false);
    line.specialInstruction = f.text("SpInst", false);
    line.days = f.integer("Times", false, 0);
    line.claimsCategory = f.text("MeTrIdCl", false);
    if (f.failed()) {
        rejections.push_back(reject("medication_line", recordId, f.error()));
        return std::nullopt;
    }
    return line;
}

Status mapDispensingBranch(
    const json& months, const std::string& path, domain::DispensingKind kind, domain::RecordBatch& batch)
{
    TECHO_TRY(requireObjects(months, path));
    for (std::size_t m = 0; m < months.size(); ++m) {
        const std::string monthPath = at(path, m);
        Fields mf(months[m], monthPath);
        const auto pharmacyCode = mf.text("MeTrDiHCd", false);
        const auto pharmacyName = mf.text("MeTrDiHNm", false);
        const auto prescriberCode = mf.text("PrlsHCd", false);
        const auto prescriberName = mf.text("PrlsHNm", false);
        const auto inOut = mf.text("InOut", false);
        const json* days = mf.array("DiDateInfs");
        if (mf.failed())
            return structural(mf.error());
        if (days == nullptr)
            continue;
        const std::string daysPath = at(monthPath, "DiDateInfs");
        TECHO_TRY(requireObjects(*days, daysPath));
        for (std::size_t d = 0; d < days->size(); ++d) {
            const std::string dayPath = at(daysPath, d);
            Fields f((*days)[d], dayPath);
            domain::DispensingRecord record;
            domain::Dispensing& disp = record.dispensing;
            disp.kind = kind;
            disp.provenance.sourceRecordId = f.text("RecordId", false);
            const std::string recordId = disp.provenance.sourceRecordId.value_or("");
            const auto dispensed = f.date("DiDate", true);
            disp.prescribedOn = f.date("PrDate", false);
            const json* drugs = f.array("DrugInfs");
            if (!f.failed() && (drugs == nullptr || drugs->empty()))
                f.fail("DrugInfs", "is empty");
            if (f.failed()) {
                batch.rejections.push_back(reject("dispensing", recordId, f.error()));
                continue;
            }
            if (!pharmacyCode && !pharmacyName) {
                // The institution is a field of the month, not of the day: the path names where it is missing.
                batch.rejections.push_back(reject(
                    "dispensing", recordId, at(monthPath, "MeTrDiHCd"), "is missing (the dispensing institution)"));
                continue;
            }
            disp.dispensedOn = *dispensed;
            if (inOut == "1")
                disp.inOut = domain::InOut::Inpatient;
            else if (inOut == "2")
                disp.inOut = domain::InOut::Outpatient;
            record.pharmacy = domain::InstitutionRef {domain::ProviderKind::Pharmacy, pharmacyCode.value_or(""),
                pharmacyName.value_or(pharmacyCode.value_or(""))};
            if (prescriberCode || prescriberName)
                record.prescriber = domain::InstitutionRef {domain::ProviderKind::MedicalInstitution,
                    prescriberCode.value_or(""), prescriberName.value_or(prescriberCode.value_or(""))};
            const std::string drugsPath = at(dayPath, "DrugInfs");
            TECHO_TRY(requireObjects(*drugs, drugsPath));
            for (std::size_t k = 0; k < drugs->size(); ++k) {
                auto line = mapDrug((*drugs)[k], at(drugsPath, k), recordId, batch.rejections);
                if (!line)
                    continue;
                const bool duplicate = std::any_of(disp.lines.begin(), disp.lines.end(),
                    [&](const auto& x) { return x.rpNumber == line->rpNumber && x.lineNumber == line->lineNumber; });
                if (duplicate) {
                    batch.rejections.push_back(reject("medication_line", recordId, at(at(drugsPath, k), "LineNo"),
                        "repeats a line of this dispensing"));
                    continue;
                }
                disp.lines.push_back(std::move(*line));
            }
            if (disp.lines.empty())
                continue; // every line was rejected (and listed); nothing left to keep
            batch.dispensings.push_back(std::move(record));
        }
    }
    return {};
}

Status mapDispensings(const json& data, const std::string& path, domain::RecordBatch& batch)
{
    Fields root(data, path);
    TECHO_TRY(mapPerson(root, path, {"QuaInf", "Name", "KanaName", "Birth", false, "AdmGendCode"}, batch));
    const std::pair<std::string_view, domain::DispensingKind> branches[] = {
        {"MeTrMonthInfs", domain::DispensingKind::Claims},
        {"CzDiMonthInfs", domain::DispensingKind::ERxDispensing},
        {"ShPrMonthInfs", domain::DispensingKind::ERxPrescription},
    };
    for (const auto& [key, kind] : branches) {
        const json* months = root.array(key);
        if (root.failed())
            return structural(root.error());
        if (months != nullptr)
            TECHO_TRY(mapDispensingBranch(*months, at(path, key), kind, batch));
    }
    return {};
}

// ---- 予防接種 (PMH) ----

// HOT13, HOT9 and YJ (JP Core Immunization), and the sandbox's own code list for vaccines without one.
bool isVaccineCodeSystem(std::string_view system)
{
    static constexpr std::string_view kSystems[] = {
        "urn:oid:1.2.392.100495.20.2.75", // HOT13
        "urn:oid:1.2.392.200119.4.403.1", // HOT9
        "urn:oid:1.2.392.100495.20.1.73", // YJ
        "urn:techo:sandbox:vaccine",
    };
    return std::find(std::begin(kSystems), std::end(kSystems), system) != std::end(kSystems);
}

Status mapVaccinations(const json& data, const std::string& path, domain::RecordBatch& batch)
{
    Fields root(data, path);
    TECHO_TRY(mapPerson(root, path, {"basicInfo", "name", "nameKana", "dateOfBirth", true, "sex"}, batch));
    const json* list = root.array("immunizations");
    if (root.failed())
        return structural(root.error());
    if (list == nullptr)
        return {};
    const std::string listPath = at(path, "immunizations");
    TECHO_TRY(requireObjects(*list, listPath));
    for (std::size_t i = 0; i < list->size(); ++i) {
        Fields f((*list)[i], at(listPath, i));
        domain::VaccinationRecord record;
        domain::Vaccination& v = record.vaccination;
        v.provenance.sourceRecordId = f.text("historyKey", false);
        const std::string recordId = v.provenance.sourceRecordId.value_or("");
        const auto occurred = f.date("vaccinationDate", true, true);
        v.vaccineName = f.text("vaccineName", true).value_or("");
        if (const json* code = f.object("vaccineCode", false)) {
            Fields cf(*code, at(f.path(), "vaccineCode"));
            v.vaccineCode = cf.text("code", false).value_or("");
            v.vaccineCodeSystem = cf.text("system", false);
            if (v.vaccineCodeSystem && !isVaccineCodeSystem(*v.vaccineCodeSystem))
                cf.fail("system", "is not a known vaccine code system");
            if (cf.failed())
                f.fail(cf.error());
        }
        v.targetDisease = f.text("targetDisease", false);
        v.doseNumber = f.integer("doseNumber", false, 1);
        v.lotNumber = f.text("lotNumber", false);
        v.manufacturer = f.text("manufacturer", false);
        v.municipalityCode = f.text("municipalityCode", false);
        const auto facilityCode = f.text("medicalInstitutionCode", false);
        const auto facilityName = f.text("medicalInstitutionName", false);
        if (f.boolean("isDeleted").value_or(false))
            v.status = domain::VaccinationStatus::EnteredInError;
        if (f.failed()) {
            batch.rejections.push_back(reject("vaccination", recordId, f.error()));
            continue;
        }
        v.occurredOn = *occurred;
        if (facilityCode || facilityName)
            record.facility = domain::InstitutionRef {domain::ProviderKind::MedicalInstitution,
                facilityCode.value_or(""), facilityName.value_or(facilityCode.value_or(""))};
        batch.vaccinations.push_back(std::move(record));
    }
    return {};
}

} // namespace

std::string_view infoKindCode(InfoKind kind) noexcept
{
    switch (kind) {
    case InfoKind::Checkups:
        return "TKK";
    case InfoKind::Dispensings:
        return "YZK";
    case InfoKind::Vaccinations:
        return "PMH_VAC";
    }
    return "";
}

Result<ResultPart> parseResultPart(std::string_view body, std::optional<InfoKind> expected)
{
    json root = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded())
        return makeError(ErrorCode::InvalidData, "the response is not valid JSON (it may have been cut off)");
    if (!root.is_object())
        return structural({"$", "must be an object"});

    Fields top(root, "$");
    const json* header = top.object("commonHeader", true);
    if (top.failed())
        return structural(top.error());
    Fields h(*header, "$.commonHeader");
    const auto errorCode = h.text("errorCode", false);
    if (h.failed())
        return structural(h.error());
    if (errorCode) {
        const auto message = Fields(*header, "$.commonHeader").text("errorMessage", false);
        return makeError(ErrorCode::Network,
            "the API refused the request (" + *errorCode + ")" + (message ? ": " + *message : std::string()));
    }

    const json* info = top.object("medicalInsuranceInfoProvisionInfo", true);
    if (top.failed())
        return structural(top.error());
    const std::string infoPath = "$.medicalInsuranceInfoProvisionInfo";
    Fields f(*info, infoPath);
    ResultPart part;
    const auto kindCode = f.text("infoKind", true);
    part.batch.sourcePersonId = f.text("personId", true).value_or("");
    part.partNumber = f.integer("partNumber", false, 1).value_or(1);
    part.totalParts = f.integer("totalParts", false, 1).value_or(1);
    const json* data = f.object("data", true);
    if (f.failed())
        return structural(f.error());
    if (part.partNumber > part.totalParts)
        return structural({at(infoPath, "partNumber"), "is larger than totalParts"});
    if (*kindCode == "TKK")
        part.kind = InfoKind::Checkups;
    else if (*kindCode == "YZK")
        part.kind = InfoKind::Dispensings;
    else if (*kindCode == "PMH_VAC")
        part.kind = InfoKind::Vaccinations;
    else
        return structural({at(infoPath, "infoKind"), "is not TKK, YZK or PMH_VAC"});
    if (expected && *expected != part.kind)
        return structural({at(infoPath, "infoKind"), "is not the kind that was requested"});

    const std::string dataPath = at(infoPath, "data");
    switch (part.kind) {
    case InfoKind::Checkups:
        TECHO_TRY(mapCheckups(*data, dataPath, part.batch));
        break;
    case InfoKind::Dispensings:
        TECHO_TRY(mapDispensings(*data, dataPath, part.batch));
        break;
    case InfoKind::Vaccinations:
        TECHO_TRY(mapVaccinations(*data, dataPath, part.batch));
        break;
    }
    return part;
}

} // namespace techo::mynaportal
