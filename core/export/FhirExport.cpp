#include "core/export/FhirExport.h"

#include "core/clinical/ItemCatalog.h"
#include "core/clinical/Judgement.h"
#include "core/clinical/MedicationSupply.h"
#include "core/export/JsonExport.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <set>
#include <uuid/uuid.h>

namespace techo::exports {
namespace {

using Json = nlohmann::ordered_json;

// Code systems. JP Core's own (category) and HL7's (interpretation, units, participant types); the drug and vaccine
// OIDs are those of shared/research/mynaportal.md (b3, b4), which JP Core's aliases name as the same systems.
constexpr std::string_view kCategorySystem = "http://jpfhir.jp/fhir/core/CodeSystem/JP_SimpleObservationCategory_CS";
constexpr std::string_view kInterpretationSystem = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
constexpr std::string_view kUcum = "http://unitsofmeasure.org";
constexpr std::string_view kYjSystem = "urn:oid:1.2.392.100495.20.1.73";
constexpr std::string_view kReceiptDrugSystem
    = "urn:oid:1.2.392.100495.20.2.74"; // レセプト電算処理システム医薬品コード
constexpr std::string_view kHot13System = "urn:oid:1.2.392.200119.4.402.1";
constexpr std::string_view kHot9System = "urn:oid:1.2.392.200119.4.403.1";
constexpr std::string_view kRpNumberSystem = "http://jpfhir.jp/fhir/core/mhlw/IdSystem/Medication-RPGroupNumber";
constexpr std::string_view kOrderInRpSystem = "http://jpfhir.jp/fhir/core/mhlw/IdSystem/MedicationAdministrationIndex";
constexpr std::string_view kMedicalInstitutionSystem
    = "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no";
constexpr std::string_view kInsurerSystem = "http://jpfhir.jp/fhir/core/mhlw/IdSystem/InsurerNumber";
constexpr std::string_view kNameRepresentation = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation";
constexpr std::string_view kAdmitCategorySystem = "http://terminology.hl7.org/CodeSystem/v2-0482";
constexpr std::string_view kParticipantTypeSystem = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
constexpr std::string_view kDataAbsentSystem = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

constexpr char kSep = '\x1f'; // between the parts of an identity: never in a stored text of the parts

std::string joinIdentity(std::initializer_list<std::string_view> parts)
{
    std::string out;
    for (const std::string_view part : parts) {
        out += part;
        out += kSep;
    }
    return out;
}

Json meta(std::string_view profile)
{
    return Json {{"profile", Json::array({profile})}};
}

Json reference(const std::string& id)
{
    return Json {{"reference", "urn:uuid:" + id}};
}

// FHIR strings may not be empty: members are set only for texts that hold something.
void setText(Json& object, const char* key, const std::optional<std::string>& value)
{
    if (value && !value->empty())
        object[key] = *value;
}

Json number(double value)
{
    // Whole numbers as integers (FHIR decimals keep their written precision; "168" rather than "168.0").
    if (std::isfinite(value) && std::floor(value) == value && std::fabs(value) < 1e15)
        return Json(static_cast<std::int64_t>(value));
    return Json(value);
}

// The identity of a profile (docs/import.md): the source and its person id; a profile made by hand has none, and
// is the one with its name and birth date (as JsonImport finds it).
std::string profileIdentity(const domain::Profile& p)
{
    if (p.sourcePersonId)
        return joinIdentity({p.source, *p.sourcePersonId});
    return joinIdentity({p.source, "", p.displayName, p.birthDate ? domain::formatDate(*p.birthDate) : ""});
}

// The family and given name of a name written "family given": split on its one space (U+0020 or the full-width
// U+3000 the source may use). Nothing when there is no space or more than one, or a part would be empty: a name
// Techo cannot split for sure keeps its text only.
std::optional<std::pair<std::string, std::string>> splitName(std::string_view name)
{
    static constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80"; // U+3000 in UTF-8
    std::optional<std::pair<std::size_t, std::size_t>> space; // position and length of the one space
    for (std::size_t i = 0; i < name.size();) {
        std::size_t length = 0;
        if (name[i] == ' ')
            length = 1;
        else if (name.substr(i).starts_with(kIdeographicSpace))
            length = kIdeographicSpace.size();
        if (length == 0) {
            ++i;
            continue;
        }
        if (space)
            return std::nullopt;
        space = std::pair {i, length};
        i += length;
    }
    if (!space || space->first == 0 || space->first + space->second == name.size())
        return std::nullopt;
    return std::pair {
        std::string(name.substr(0, space->first)), std::string(name.substr(space->first + space->second))};
}

// A JP_Patient HumanName (JP Core JP_HumanName: iso21090-EN-representation IDE for the kanji name, SYL for the kana
// one; use official). When splitName can tell family and given apart: both, and the text joined by a half-width
// space, which JP Core requires of text ("半角スペースで統一する (SHALL)", JP_HumanName notes); else the text as the
// source wrote it, alone.
Json humanName(const std::string& text, std::string_view representation)
{
    Json name {{"extension", Json::array({{{"url", kNameRepresentation}, {"valueCode", representation}}})},
        {"use", "official"}, {"text", text}};
    if (const auto parts = splitName(text)) {
        name["text"] = parts->first + ' ' + parts->second;
        name["family"] = parts->first;
        name["given"] = Json::array({parts->second});
    }
    return name;
}

std::string institutionIdentity(const domain::Provider& provider)
{
    return provider.code.empty() ? joinIdentity({toString(provider.kind), "", provider.name})
                                 : joinIdentity({toString(provider.kind), provider.code});
}

// The interpretation coding of a judgement: N inside every band; H or L (by the side of the threshold that was
// met) in 保健指導判定値 or 受診勧奨判定値, A for a coded value; the band's own Japanese name as text. Nothing when
// the value is not judged (no rule, unknown item …): a missing interpretation is never "normal".
std::optional<Json> interpretation(const clinical::Judgement& judgement)
{
    if (!judgement.band)
        return std::nullopt;
    std::string code = "N";
    std::string display = "Normal";
    std::string text = "基準範囲内";
    if (*judgement.band != clinical::Band::Normal) {
        const auto& threshold = *judgement.band == clinical::Band::Referral && judgement.referral ? judgement.referral
                                                                                                  : judgement.guidance;
        if (!threshold) {
            code = "A";
            display = "Abnormal";
        } else if (threshold->direction == clinical::Direction::AtLeast
            || threshold->direction == clinical::Direction::Above) {
            code = "H";
            display = "High";
        } else {
            code = "L";
            display = "Low";
        }
        text = *judgement.band == clinical::Band::Referral ? "受診勧奨判定値" : "保健指導判定値";
    }
    return Json {{"coding", Json::array({{{"system", kInterpretationSystem}, {"code", code}, {"display", display}}})},
        {"text", text}};
}

// The judgement the app shows for one observation: the item's rule (clinical::ruleFor) for the person's sex; a
// JDS HbA1c is judged as its NGSP value, as the trend does.
clinical::Judgement judge(const domain::Observation& o, std::optional<domain::Sex> sex)
{
    clinical::Judgement none;
    none.notJudged = clinical::NotJudged::UnknownItem;
    const auto variant = clinical::variantOf(o.itemCode);
    if (!variant || variant->item == nullptr)
        return none;
    const clinical::JudgementRule rule = clinical::ruleFor(*variant->item);
    switch (o.valueType) {
    case domain::ValueType::PQ: {
        if (!o.valueNum)
            return none;
        const double value
            = variant->role == clinical::VariantRole::JdsHbA1c ? clinical::convertJdsToNgsp(*o.valueNum) : *o.valueNum;
        return clinical::judgeQuantity(rule, value, o.comparator, sex);
    }
    case domain::ValueType::CD:
    case domain::ValueType::CO: {
        if (!o.valueCode)
            return none;
        std::optional<std::string_view> system;
        if (o.valueCodeSystem)
            system = *o.valueCodeSystem;
        return clinical::judgeCode(rule, *o.valueCode, system);
    }
    case domain::ValueType::ST:
        break;
    }
    return none;
}

struct ObservationKind {
    std::string_view profile;
    std::string_view category;
};

// Which JP Core Observation profile an item belongs to: 血圧 → vital signs; 身長・体重・BMI・腹囲・内臓脂肪面積 →
// body measurement; specimen tests (JLAC10 analyte codes, which start with a digit 1–8) → lab result; the rest
// (心電図, 眼底, 判定, 問診, codes 9…) → JP_Observation_Common, category exam (findings) or survey (問診).
ObservationKind observationKind(const domain::Observation& o)
{
    const auto variant = clinical::variantOf(o.itemCode);
    if (variant && variant->item != nullptr) {
        switch (variant->item->group) {
        case clinical::ItemGroup::BloodPressure:
            return {fhir_profile::kVitalSigns, "vital-signs"};
        case clinical::ItemGroup::Body:
            return {fhir_profile::kBodyMeasurement, "body-measurement"};
        case clinical::ItemGroup::Questionnaire:
            return {fhir_profile::kObservationCommon, "survey"};
        case clinical::ItemGroup::Ecg:
        case clinical::ItemGroup::Fundus:
        case clinical::ItemGroup::Assessment:
            return {fhir_profile::kObservationCommon, "exam"};
        default:
            break;
        }
    }
    if (!o.itemCode.empty() && o.itemCode[0] >= '1' && o.itemCode[0] <= '8')
        return {fhir_profile::kLabResult, "laboratory"};
    return {fhir_profile::kObservationCommon, "exam"};
}

// JP_Observation_LabResult requires a specimen. The JLAC10 code names the material (characters 10–12); the
// export has no Specimen resource, so the reference carries the material as its display.
Json specimenOf(const std::string& itemCode)
{
    const std::string material = itemCode.size() >= 12 ? itemCode.substr(9, 3) : std::string();
    std::string display;
    if (material == "001")
        display = "尿";
    else if (material == "019")
        display = "全血";
    else if (material == "022")
        display = "血漿";
    else if (material == "023")
        display = "血清";
    else
        display = "材料不明";
    if (!material.empty())
        display += "（JLAC10 材料コード " + material + "）";
    return Json {{"display", display}};
}

std::string codeSystemUri(const std::string& system)
{
    if (system.starts_with("urn:") || system.starts_with("http:") || system.starts_with("https:"))
        return system;
    return "urn:oid:" + system;
}

// Collects resources and writes them one entry per line.
class EntryWriter final {
public:
    explicit EntryWriter(ExportFile& out)
        : m_out(out)
    { }
    [[nodiscard]] Status add(const std::string& id, Json resource, std::string_view what)
    {
        Json entry {{"fullUrl", "urn:uuid:" + id}, {"resource", std::move(resource)}};
        m_line.assign(m_first ? ",\"entry\":[\n" : ",\n");
        try {
            m_line += entry.dump();
        } catch (const nlohmann::json::exception&) {
            return makeError(ErrorCode::InvalidData, std::string(what) + " holds text that is not valid UTF-8")
                .withKey("export.not_utf8")
                .with("record", std::string(what));
        }
        m_first = false;
        return m_out.write(m_line);
    }
    // Closes the entry array (FHIR JSON has no empty arrays: a bundle without entries has no member "entry").
    [[nodiscard]] Status finish() { return m_out.write(m_first ? "}\n" : "\n]}\n"); }

private:
    ExportFile& m_out;
    std::string m_line;
    bool m_first = true;
};

class FhirWriter final {
public:
    FhirWriter(ExportSource& source, ExportFile& out, domain::Timestamp now)
        : m_now(now)
        , m_source(source)
        , m_entries(out)
    {
        for (const domain::Profile& p : source.profiles())
            m_patients.emplace(p.id, Patient {profileIdentity(p), fhirId("patient", profileIdentity(p))});
        for (const char* kind : {"patients", "observations", "immunizations", "medication_dispenses",
                 "medication_requests", "organizations", "provenances", "dispensings_not_mapped"})
            m_counts[kind] = 0;
    }

    [[nodiscard]] Status run()
    {
        for (const domain::Profile& p : m_source.profiles())
            TECHO_TRY(writePatient(p));
        TECHO_TRY(m_source.forEachCheckup(
            [&](const domain::Profile& p, const domain::Checkup& c) { return writeCheckup(p, c); }));
        TECHO_TRY(m_source.forEachDispensing(
            [&](const domain::Profile& p, const domain::Dispensing& d) { return writeDispensing(p, d); }));
        TECHO_TRY(m_source.forEachVaccination(
            [&](const domain::Profile& p, const domain::Vaccination& v) { return writeVaccination(p, v); }));
        for (const domain::Provider& provider : m_source.institutionsSeen())
            TECHO_TRY(writeOrganization(provider));
        for (const std::string& name : m_sources)
            TECHO_TRY(writeSourceOrganization(name));
        return m_entries.finish();
    }

    // Resources written by kind (see writeFhirExport); every kind present, 0 when none.
    [[nodiscard]] const std::map<std::string, std::int64_t>& counts() const noexcept { return m_counts; }

private:
    struct Patient {
        std::string identity;
        std::string id;
    };

    Result<std::string> institutionIdentityOf(std::int64_t rowId)
    {
        TECHO_ASSIGN(const domain::Provider provider, m_source.institution(rowId));
        return institutionIdentity(provider);
    }

    Status writePatient(const domain::Profile& p)
    {
        const Patient& patient = m_patients.at(p.id);
        Json names = Json::array();
        if (!p.displayName.empty())
            names.push_back(humanName(p.displayName, "IDE"));
        if (p.kanaName && !p.kanaName->empty())
            names.push_back(humanName(*p.kanaName, "SYL"));
        if (p.localName && !p.localName->empty())
            names.push_back({{"use", "usual"}, {"text", *p.localName}});
        // JP_Patient requires an identifier (1..*, value 1..1). Techo holds no 被保険者番号 or hospital patient number:
        // the person's stable export id as a URI identifier (RFC 3986 urn:uuid), which also lets a receiver match
        // later exports to this person.
        Json r {{"resourceType", "Patient"}, {"id", patient.id}, {"meta", meta(fhir_profile::kPatient)},
            {"identifier", Json::array({{{"system", "urn:ietf:rfc:3986"}, {"value", "urn:uuid:" + patient.id}}})}};
        if (!names.empty())
            r["name"] = std::move(names);
        if (p.sex)
            r["gender"] = toString(*p.sex);
        if (p.birthDate)
            r["birthDate"] = domain::formatDate(*p.birthDate);
        ++m_counts["patients"];
        return m_entries.add(patient.id, std::move(r), exportId("profile", p.id));
    }

    Status writeCheckup(const domain::Profile& p, const domain::Checkup& c)
    {
        const Patient& patient = m_patients.at(p.id);
        std::string facilityIdentity;
        std::optional<std::string> performer;
        if (c.facilityId) {
            TECHO_ASSIGN(facilityIdentity, institutionIdentityOf(*c.facilityId));
            performer = fhirId("organization", facilityIdentity);
        }
        const std::string checkupIdentity
            = joinIdentity({patient.identity, domain::formatDate(c.performedOn), c.kind, facilityIdentity});
        Json targets = Json::array();
        for (const domain::Observation& o : c.observations) {
            const std::string id = fhirId("observation", joinIdentity({checkupIdentity, o.itemCode}));
            const ObservationKind kind = observationKind(o);
            Json r {{"resourceType", "Observation"}, {"id", id}, {"meta", meta(kind.profile)}, {"status", "final"},
                {"category",
                    Json::array({{{"coding", Json::array({{{"system", kCategorySystem}, {"code", kind.category}}})}}})},
                {"code",
                    {{"coding",
                         Json::array({{{"system", kJlac10System}, {"code", o.itemCode}, {"display", o.itemName}}})},
                        {"text", o.itemName}}},
                {"subject", reference(patient.id)}, {"effectiveDateTime", domain::formatDate(c.performedOn)}};
            if (o.itemName.empty()) {
                r["code"]["coding"][0].erase("display");
                r["code"]["text"] = o.itemCode;
            }
            if (performer)
                r["performer"] = Json::array({reference(*performer)});
            bool hasValue = false;
            if (o.valueType == domain::ValueType::PQ && o.valueNum) {
                Json q {{"value", number(*o.valueNum)}};
                if (o.comparator)
                    q["comparator"] = toString(*o.comparator);
                const std::optional<std::string>& unit = o.unit ? o.unit : o.unitAsSent;
                if (unit && !unit->empty()) {
                    q["unit"] = *unit;
                    if (o.unit)
                        if (const auto ucum = ucumCode(*o.unit)) {
                            q["system"] = kUcum;
                            q["code"] = *ucum;
                        }
                }
                r["valueQuantity"] = std::move(q);
                hasValue = true;
            } else if ((o.valueType == domain::ValueType::CD || o.valueType == domain::ValueType::CO)
                && (o.valueCode || o.valueLabel)) {
                Json valueConcept = Json::object();
                if (o.valueCode && !o.valueCode->empty()) {
                    Json coding {{"code", *o.valueCode}};
                    if (o.valueCodeSystem && !o.valueCodeSystem->empty())
                        coding = Json {{"system", codeSystemUri(*o.valueCodeSystem)}, {"code", *o.valueCode}};
                    setText(coding, "display", o.valueLabel);
                    valueConcept["coding"] = Json::array({std::move(coding)});
                }
                setText(valueConcept, "text", o.valueLabel ? o.valueLabel : o.valueText);
                if (!valueConcept.empty()) {
                    r["valueCodeableConcept"] = std::move(valueConcept);
                    hasValue = true;
                }
            } else if (o.valueText && !o.valueText->empty()) {
                r["valueString"] = *o.valueText;
                hasValue = true;
            }
            if (!hasValue)
                r["dataAbsentReason"]
                    = {{"coding", Json::array({{{"system", kDataAbsentSystem}, {"code", "unknown"}}})}};
            if (auto coded = interpretation(judge(o, p.sex)))
                r["interpretation"] = Json::array({std::move(*coded)});
            if (o.rangeFlag)
                r["note"] = Json::array({{{"text",
                    *o.rangeFlag == domain::RangeFlag::High ? "測定範囲の上限を超える値" : "測定範囲の下限未満の値"}}});
            if (kind.profile == fhir_profile::kLabResult)
                r["specimen"] = specimenOf(o.itemCode);
            targets.push_back(reference(id));
            ++m_counts["observations"];
            TECHO_TRY(m_entries.add(id, std::move(r), exportId("observation", o.id)));
        }
        return writeProvenance(joinIdentity({"checkup", checkupIdentity}), c.provenance, patient, std::move(targets),
            exportId("checkup", c.id));
    }

    // The drug of a line: its code in the system the source named, the name as display and text.
    static Json medicationConcept(const domain::MedicationLine& l)
    {
        Json medication = Json::object();
        if (!l.drugCode.empty()) {
            std::string_view system;
            switch (l.drugCodeSystem) {
            case domain::DrugCodeSystem::Yj:
                system = kYjSystem;
                break;
            case domain::DrugCodeSystem::Receipt:
                system = kReceiptDrugSystem;
                break;
            case domain::DrugCodeSystem::Hot:
                system = l.drugCode.size() == 9 ? kHot9System : kHot13System;
                break;
            case domain::DrugCodeSystem::None:
                break;
            }
            Json coding {{"code", l.drugCode}};
            if (!system.empty())
                coding = Json {{"system", system}, {"code", l.drugCode}};
            if (!l.drugName.empty())
                coding["display"] = l.drugName;
            medication["coding"] = Json::array({std::move(coding)});
        }
        medication["text"] = l.drugName.empty() ? l.drugCode : l.drugName;
        return medication;
    }

    // A Quantity in the line's unit (text only: Techo has no MERIT-9 unit codes).
    static Json lineQuantity(const domain::MedicationLine& l, double value)
    {
        Json q {{"value", number(value)}};
        if (l.unit && !l.unit->empty())
            q["unit"] = *l.unit;
        return q;
    }

    static Json days(int value) { return Json {{"value", value}, {"unit", "日"}, {"system", kUcum}, {"code", "d"}}; }

    // 用法 and the dose. 用量 is a daily dose for 内服, one dose for 屯服, the whole amount for 外用 (mynaportal.md b3,
    // clinical::supplyKindOf); so 内服 gives the dose per 1 日, 屯服 is as-needed with its one dose. Empty when the
    // line says nothing of either.
    static Json dosageInstruction(const domain::MedicationLine& l, clinical::SupplyKind supply)
    {
        Json dosage = Json::object();
        setText(dosage, "text", l.usageText);
        setText(dosage, "patientInstruction", l.specialInstruction);
        if (supply == clinical::SupplyKind::AsNeeded)
            dosage["asNeededBoolean"] = true;
        if (l.quantity && supply == clinical::SupplyKind::Daily)
            dosage["doseAndRate"] = Json::array(
                {{{"rateRatio", {{"numerator", lineQuantity(l, *l.quantity)}, {"denominator", days(1)}}}}});
        else if (l.quantity && supply == clinical::SupplyKind::AsNeeded)
            dosage["doseAndRate"] = Json::array({{{"doseQuantity", lineQuantity(l, *l.quantity)}}});
        return dosage;
    }

    // The RP number and the line's order in it (JP Core's rpNumber and orderInRp identifier slices).
    static Json rpIdentifiers(const domain::MedicationLine& l)
    {
        return Json::array({{{"system", kRpNumberSystem}, {"value", std::to_string(l.rpNumber)}},
            {{"system", kOrderInRpSystem}, {"value", std::to_string(l.lineNumber)}}});
    }

    static Json inOutCategory(domain::InOut inOut)
    {
        return Json {{"coding",
            Json::array(
                {{{"system", kAdmitCategorySystem}, {"code", inOut == domain::InOut::Inpatient ? "I" : "O"}}})}};
    }

    Status writeDispensing(const domain::Profile& p, const domain::Dispensing& d)
    {
        const bool prescription = d.kind == domain::DispensingKind::ERxPrescription;
        if (!prescription && !clinical::countsAsDispensed(d)) {
            ++m_counts["dispensings_not_mapped"];
            return {};
        }
        const Patient& patient = m_patients.at(p.id);
        TECHO_ASSIGN(const std::string pharmacy, institutionIdentityOf(d.pharmacyId));
        std::string prescriber;
        if (d.prescriberId) {
            TECHO_ASSIGN(prescriber, institutionIdentityOf(*d.prescriberId));
        }
        const std::string identity = joinIdentity(
            {patient.identity, toString(d.kind), domain::formatDate(d.dispensedOn), pharmacy, prescriber});
        Json targets = Json::array();
        for (const domain::MedicationLine& l : d.lines) {
            const std::string lineIdentity
                = joinIdentity({identity, std::to_string(l.rpNumber), std::to_string(l.lineNumber)});
            const clinical::SupplyKind supply = clinical::supplyKindOf(l);
            Json dosage = dosageInstruction(l, supply);
            std::string id;
            Json r;
            if (prescription) {
                // 電子処方箋 処方情報: what a doctor prescribed (JP_MedicationRequest), not what was handed over.
                id = fhirId("medication-request", lineIdentity);
                r = Json {{"resourceType", "MedicationRequest"}, {"id", id},
                    {"meta", meta(fhir_profile::kMedicationRequest)}, {"identifier", rpIdentifiers(l)},
                    // Whether it was dispensed, is still taken or was stopped, the record does not say.
                    {"status", "unknown"}, {"intent", "order"}};
                if (d.inOut)
                    r["category"] = Json::array({inOutCategory(*d.inOut)});
                r["medicationCodeableConcept"] = medicationConcept(l);
                r["subject"] = reference(patient.id);
                // JP Core asks for the time to the second; the record holds the day only (a valid dateTime).
                r["authoredOn"] = domain::formatDate(d.prescribedOn ? *d.prescribedOn : d.dispensedOn);
                if (!prescriber.empty())
                    r["requester"] = reference(fhirId("organization", prescriber));
                if (!dosage.empty())
                    r["dosageInstruction"] = Json::array({std::move(dosage)});
                Json dispense = Json::object();
                if (supply == clinical::SupplyKind::Daily && l.days && *l.days > 0)
                    dispense["expectedSupplyDuration"] = days(*l.days);
                // The pharmacy the record names, when it is not the prescriber itself.
                if (pharmacy != prescriber)
                    dispense["performer"] = reference(fhirId("organization", pharmacy));
                if (!dispense.empty())
                    r["dispenseRequest"] = std::move(dispense);
                ++m_counts["medication_requests"];
            } else {
                id = fhirId("medication-dispense", lineIdentity);
                r = Json {{"resourceType", "MedicationDispense"}, {"id", id},
                    {"meta", meta(fhir_profile::kMedicationDispense)}, {"identifier", rpIdentifiers(l)},
                    {"status", "completed"}};
                if (d.inOut)
                    r["category"] = inOutCategory(*d.inOut);
                r["medicationCodeableConcept"] = medicationConcept(l);
                r["subject"] = reference(patient.id);
                r["performer"] = Json::array({{{"actor", reference(fhirId("organization", pharmacy))}}});
                // The whole amount handed over (JP Core: quantity 1..1): 用量 × 調剤数量 for 内服 (a daily dose × days)
                // and 屯服 (one dose × 回数), 用量 itself for 外用.
                if (l.quantity) {
                    if (supply == clinical::SupplyKind::Topical)
                        r["quantity"] = lineQuantity(l, *l.quantity);
                    else if (l.days && *l.days > 0)
                        // Rounded to 6 decimals: 0.1 g × 3 is 0.3, not 0.30000000000000004.
                        r["quantity"] = lineQuantity(l, std::round(*l.quantity * *l.days * 1e6) / 1e6);
                }
                // 調剤数量 is days only for 内服 (回分 for 屯服).
                if (supply == clinical::SupplyKind::Daily && l.days && *l.days > 0)
                    r["daysSupply"] = days(*l.days);
                r["whenHandedOver"] = domain::formatDate(d.dispensedOn);
                if (!dosage.empty())
                    r["dosageInstruction"] = Json::array({std::move(dosage)});
                ++m_counts["medication_dispenses"];
            }
            targets.push_back(reference(id));
            TECHO_TRY(m_entries.add(id, std::move(r), exportId("medication-line", l.id)));
        }
        return writeProvenance(joinIdentity({"dispensing", identity}), d.provenance, patient, std::move(targets),
            exportId("dispensing", d.id));
    }

    Status writeVaccination(const domain::Profile& p, const domain::Vaccination& v)
    {
        const Patient& patient = m_patients.at(p.id);
        // PMH's historyKey is the record's identity where the source gives one (docs/import.md).
        const std::string identity = v.provenance.sourceRecordId
            ? joinIdentity({v.provenance.source, *v.provenance.sourceRecordId})
            : joinIdentity({patient.identity, domain::formatDate(v.occurredOn),
                v.vaccineCode.empty() ? v.vaccineName : v.vaccineCode,
                v.doseNumber ? std::to_string(*v.doseNumber) : std::string()});
        const std::string id = fhirId("immunization", identity);
        Json vaccine = Json::object();
        if (!v.vaccineCode.empty()) {
            Json coding {{"code", v.vaccineCode}};
            if (v.vaccineCodeSystem && !v.vaccineCodeSystem->empty())
                coding = Json {{"system", codeSystemUri(*v.vaccineCodeSystem)}, {"code", v.vaccineCode}};
            if (!v.vaccineName.empty())
                coding["display"] = v.vaccineName;
            vaccine["coding"] = Json::array({std::move(coding)});
        }
        vaccine["text"] = v.vaccineName.empty() ? v.vaccineCode : v.vaccineName;
        Json r {{"resourceType", "Immunization"}, {"id", id}, {"meta", meta(fhir_profile::kImmunization)},
            {"status", toString(v.status)}, {"vaccineCode", std::move(vaccine)}, {"patient", reference(patient.id)},
            {"occurrenceDateTime", domain::formatDate(v.occurredOn)}};
        if (v.provenance.source == "manual")
            r["primarySource"] = false;
        setText(r, "lotNumber", v.lotNumber);
        if (v.manufacturer && !v.manufacturer->empty())
            r["manufacturer"] = {{"display", *v.manufacturer}};
        if (v.site && !v.site->empty())
            r["site"] = {{"text", *v.site}};
        if (v.facilityId) {
            TECHO_ASSIGN(const std::string facility, institutionIdentityOf(*v.facilityId));
            r["performer"] = Json::array({{{"actor", reference(fhirId("organization", facility))}}});
        }
        // protocolApplied needs a dose number (R4 doseNumber[x] 1..1).
        if (v.doseNumber && *v.doseNumber > 0) {
            Json protocol = Json::object();
            if (v.targetDisease && !v.targetDisease->empty())
                protocol["targetDisease"] = Json::array({{{"text", *v.targetDisease}}});
            protocol["doseNumberPositiveInt"] = *v.doseNumber;
            r["protocolApplied"] = Json::array({std::move(protocol)});
        }
        ++m_counts["immunizations"];
        TECHO_TRY(m_entries.add(id, std::move(r), exportId("vaccination", v.id)));
        return writeProvenance(joinIdentity({"vaccination", identity}), v.provenance, patient,
            Json::array({reference(id)}), exportId("vaccination", v.id));
    }

    // Where a record came from: the source (an Organization standing for it, or the person for a self-recorded
    // record) as author, the source's own record id as the entity, recorded = when Techo fetched it.
    Status writeProvenance(const std::string& identity, const domain::Provenance& provenance, const Patient& patient,
        Json targets, const std::string& what)
    {
        if (targets.empty())
            return {};
        const std::string id = fhirId("provenance", identity);
        const bool manual = provenance.source == "manual";
        if (!manual)
            m_sources.insert(provenance.source);
        Json agent {
            {"type",
                {{"coding",
                    Json::array({{{"system", kParticipantTypeSystem}, {"code", manual ? "enterer" : "author"}}})}}},
            {"who", reference(manual ? patient.id : fhirId("source", provenance.source))}};
        Json r {{"resourceType", "Provenance"}, {"id", id}, {"meta", meta(fhir_profile::kProvenance)},
            {"target", std::move(targets)}};
        // recorded (1..1): when Techo fetched the record; a record without that time (self-recorded) has the time
        // of its import run, else of this export.
        std::optional<domain::Timestamp> recorded = provenance.fetchedAt;
        if (!recorded && provenance.importRunId)
            for (const domain::ImportRun& run : m_source.importRuns())
                if (run.id == *provenance.importRunId)
                    recorded = run.finishedAt ? *run.finishedAt : run.startedAt;
        r["recorded"] = domain::formatTimestamp(recorded ? *recorded : m_now);
        r["agent"] = Json::array({std::move(agent)});
        if (provenance.sourceRecordId && !provenance.sourceRecordId->empty())
            r["entity"] = Json::array({{{"role", "source"},
                {"what", {{"identifier", {{"value", *provenance.sourceRecordId}}}, {"display", provenance.source}}}}});
        ++m_counts["provenances"];
        return m_entries.add(id, std::move(r), what);
    }

    Status writeOrganization(const domain::Provider& provider)
    {
        const std::string id = fhirId("organization", institutionIdentity(provider));
        Json r {{"resourceType", "Organization"}, {"id", id}, {"meta", meta(fhir_profile::kOrganization)}};
        if (!provider.code.empty()) {
            std::optional<std::string_view> system;
            if (provider.kind == domain::ProviderKind::Insurer)
                system = kInsurerSystem;
            else if (provider.kind == domain::ProviderKind::MedicalInstitution
                || provider.kind == domain::ProviderKind::Pharmacy
                || provider.kind == domain::ProviderKind::CheckupFacility)
                system = kMedicalInstitutionSystem;
            Json identifier {{"value", provider.code}};
            if (system)
                identifier = Json {{"system", *system}, {"value", provider.code}};
            r["identifier"] = Json::array({std::move(identifier)});
        }
        r["active"] = true;
        r["name"] = provider.name.empty() ? provider.code : provider.name;
        ++m_counts["organizations"];
        return m_entries.add(id, std::move(r), exportId("institution", provider.id));
    }

    Status writeSourceOrganization(const std::string& name)
    {
        const std::string id = fhirId("source", name);
        Json r {{"resourceType", "Organization"}, {"id", id}, {"meta", meta(fhir_profile::kOrganization)},
            {"active", true}, {"name", name == "mynaportal" ? std::string("マイナポータル（自己情報取得API）") : name}};
        ++m_counts["organizations"];
        return m_entries.add(id, std::move(r), "source " + name);
    }

    domain::Timestamp m_now;
    ExportSource& m_source;
    EntryWriter m_entries;
    std::map<std::int64_t, Patient> m_patients;
    std::set<std::string> m_sources; // data sources the records name (an Organization each)
    std::map<std::string, std::int64_t> m_counts;
};

} // namespace

std::string fhirId(std::string_view kind, std::string_view identity)
{
    // RFC 4122 §4.3 through libuuid (util-linux): SHA-1 over the namespace and the name, version 5, variant 10xx.
    static const std::array<unsigned char, 16> kNamespace = [] {
        std::array<unsigned char, 16> bytes {};
        const std::string text(kFhirIdNamespace);
        // A constant in the right form: uuid_parse cannot fail on it (test_fhir_export checks known ids against
        // Python's uuid.uuid5 with the same namespace, so a typo in it would show).
        [[maybe_unused]] const int parsed = uuid_parse(text.c_str(), bytes.data());
        return bytes;
    }();
    std::string name(kind);
    name += kSep;
    name += identity;
    uuid_t id {};
    uuid_generate_sha1(id, kNamespace.data(), name.data(), name.size());
    std::array<char, 37> text {};
    uuid_unparse_lower(id, text.data());
    return std::string(text.data(), 36);
}

std::optional<std::string_view> ucumCode(std::string_view canonicalUnit)
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kCodes = {{
        {"cm", "cm"},
        {"kg", "kg"},
        {"kg/m2", "kg/m2"},
        {"cm2", "cm2"},
        {"mmHg", "mm[Hg]"},
        {"mg/dL", "mg/dL"},
        {"g/dL", "g/dL"},
        {"U/L", "U/L"},
        {"%", "%"},
        {"10^4/uL", "10*4/uL"},
        {"mL/min/1.73m2", "mL/min/{1.73_m2}"},
    }};
    for (const auto& [unit, code] : kCodes)
        if (unit == canonicalUnit)
            return code;
    return std::nullopt;
}

Result<std::map<std::string, std::int64_t>> writeFhirExport(
    ExportSource& source, const ExportRequest& request, ExportFile& out)
{
    const Json head {{"resourceType", "Bundle"}, {"meta", meta(fhir_profile::kBundle)}, {"type", "collection"},
        {"timestamp", domain::formatTimestamp(request.now)}};
    std::string text = head.dump();
    text.pop_back(); // the closing brace: the entries follow
    TECHO_TRY(out.write(text));
    FhirWriter writer(source, out, request.now);
    TECHO_TRY(writer.run());
    return writer.counts();
}

} // namespace techo::exports
