// 特定健診 (TKK): the checkup records and their results (observations).
#include "core/clinical/CheckupItems.h"
#include "core/clinical/CodeSystems.h"
#include "core/clinical/TextForms.h"
#include "core/clinical/Units.h"
#include "core/mynaportal/MappingFields.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace techo::mynaportal::detail {
namespace {

using domain::Comparator;

constexpr Reason kItemCodeForm {"item_code_form", "is not a 17-character item code"};
constexpr Reason kUnknownItem {"unknown_item", "is an unknown item code"};
constexpr Reason kDataType {"data_type", "must be PQ, CD, CO or ST"};
constexpr Reason kDataTypeMismatch {"data_type_mismatch", "does not match the item's data type"};
constexpr Reason kUnitNotAllowed {"unit_not_allowed", "is not a unit this item can have"};
constexpr Reason kImpossibleValue {"value_impossible", "is outside the possible range for this item"};
constexpr Reason kCodeSystemNotAllowed {"code_system_not_allowed", "is not a code system of this item"};
constexpr Reason kNotACode {"code_not_in_system", "is not a code of the item's code system"};
constexpr Reason kRangeFlag {"range_flag", "must be H or L"};
constexpr Reason kRepeatedItem {"duplicate_item", "repeats an item of this checkup"};

struct Quantity {
    double value = 0;
    std::optional<Comparator> comparator;
};

// "5.8", "<5", ">=500", "＜５", "≧500", "5以下", "500以上", "5未満", "500超" (after NFKC). One comparator at
// most, no sign, exponent or unit. nullopt when the text is none of these.
std::optional<Quantity> parseQuantity(std::string_view raw)
{
    const auto normalised = clinical::nfkc(raw);
    if (!normalised)
        return std::nullopt;
    std::string_view s = *normalised;
    const auto trim = [](std::string_view v) {
        while (!v.empty() && v.front() == ' ')
            v.remove_prefix(1);
        while (!v.empty() && v.back() == ' ')
            v.remove_suffix(1);
        return v;
    };
    s = trim(s);
    Quantity q;
    static constexpr std::array<std::pair<std::string_view, Comparator>, 10> kPrefixes = {{
        {"<=", Comparator::LessOrEqual},
        {">=", Comparator::GreaterOrEqual},
        {"=<", Comparator::LessOrEqual},
        {"=>", Comparator::GreaterOrEqual},
        {"≦", Comparator::LessOrEqual},
        {"≧", Comparator::GreaterOrEqual},
        {"≤", Comparator::LessOrEqual},
        {"≥", Comparator::GreaterOrEqual},
        {"<", Comparator::Less},
        {">", Comparator::Greater},
    }};
    static constexpr std::array<std::pair<std::string_view, Comparator>, 4> kSuffixes = {{
        {"以下", Comparator::LessOrEqual},
        {"以上", Comparator::GreaterOrEqual},
        {"未満", Comparator::Less},
        {"超", Comparator::Greater},
    }};
    for (const auto& [text, comparator] : kPrefixes) {
        if (s.starts_with(text)) {
            q.comparator = comparator;
            s = trim(s.substr(text.size()));
            break;
        }
    }
    if (!q.comparator) {
        for (const auto& [text, comparator] : kSuffixes) {
            if (s.ends_with(text)) {
                q.comparator = comparator;
                s = trim(s.substr(0, s.size() - text.size()));
                break;
            }
        }
    }
    const char* end = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(s.data(), end, q.value, std::chars_format::fixed);
    if (s.empty() || ec != std::errc() || ptr != end || !std::isfinite(q.value))
        return std::nullopt;
    return q;
}

// A DataValue that holds nothing (absent results of a form are sent as empty elements): not measured.
bool isEmptyValue(const json& item)
{
    const auto it = item.find("DataValue");
    if (it == item.end() || !it->is_string())
        return false;
    const auto normalised = clinical::nfkc(it->get_ref<const std::string&>());
    return normalised && normalised->find_first_not_of(' ') == std::string::npos;
}

enum class Outcome { Kept, NotMeasured, Rejected };

Outcome mapObservation(const json& item, const std::string& path, domain::Observation& o, FieldError& error)
{
    if (isEmptyValue(item))
        return Outcome::NotMeasured;
    Fields f(item, path);
    const auto code = f.text("ItemCode", true);
    const auto name = f.text("ItemName", true);
    const auto type = f.text("DataType", true);
    const clinical::CheckupItem* known = nullptr;
    if (code) {
        o.itemCode = *code; // for the rejection's childKey even when refused
        known = clinical::findCheckupItem(*code);
        if (code->size() != 17)
            f.fail("ItemCode", kItemCodeForm);
        else if (known == nullptr)
            f.fail("ItemCode", kUnknownItem);
    }
    std::optional<domain::ValueType> valueType;
    if (type) {
        valueType = fromString<domain::ValueType>(*type);
        if (!valueType)
            f.fail("DataType", kDataType);
        else if (known != nullptr && *valueType != known->type
            && !(known->type == domain::ValueType::CD && *valueType == domain::ValueType::CO))
            f.fail("DataType", kDataTypeMismatch);
    }
    if (!f.failed() && valueType && known != nullptr) {
        o.itemName = *name;
        o.valueType = *valueType;
        switch (*valueType) {
        case domain::ValueType::PQ: {
            std::optional<Quantity> quantity;
            const auto value = item.find("DataValue");
            if (value != item.end() && value->is_number()) {
                quantity = Quantity {value->get<double>(), std::nullopt};
            } else if (value != item.end() && !value->is_null() && !value->is_string()) {
                f.fail("DataValue", reason::kNotNumber); // a boolean or object: "not a number", not "must be a string"
            } else if (const auto raw = f.text("DataValue", true)) {
                quantity = parseQuantity(*raw);
                if (!quantity)
                    f.fail("DataValue", reason::kNotNumber);
            }
            if (quantity && !f.failed()) {
                o.valueNum = quantity->value;
                o.comparator = quantity->comparator;
                if (quantity->value < known->minPlausible || quantity->value > known->maxPlausible)
                    f.fail("DataValue", kImpossibleValue);
            }
            if (const auto unit = f.text("Unit", true)) {
                o.unitAsSent = unit;
                if (const auto canonical = clinical::canonicalUnit(*known, *unit))
                    o.unit = std::string(*canonical);
                else
                    f.fail("Unit", kUnitNotAllowed);
            }
            break;
        }
        case domain::ValueType::CD:
        case domain::ValueType::CO: {
            const auto value = f.code("DataValue", true); // a code may arrive as a JSON number
            const auto oid = f.text("Oid", false);
            const clinical::CodeSystem* system = nullptr;
            if (oid && !clinical::acceptsCodeSystem(*known, *oid)) {
                f.fail("Oid", kCodeSystemNotAllowed);
            } else {
                system = clinical::findCodeSystem(oid.value_or(std::string(known->codeSystem)));
                if (system == nullptr)
                    f.fail("Oid", kCodeSystemNotAllowed); // no table for it in this build: a code is never guessed
            }
            if (value && system != nullptr) {
                const auto resolved = clinical::resolveCode(*system, *value);
                if (!resolved)
                    f.fail("DataValue", kNotACode);
                o.valueCode = std::string(resolved.value_or(""));
                o.valueCodeSystem = std::string(system->oid);
                o.valueLabel = f.text("DataValueName", false);
                if (!o.valueLabel && resolved) {
                    const auto it = std::find_if(system->values.begin(), system->values.end(),
                        [&](const clinical::CodedValue& v) { return v.code == *resolved; });
                    o.valueLabel = std::string(it->label);
                }
            }
            break;
        }
        case domain::ValueType::ST:
            o.valueText = f.text("DataValue", true);
            break;
        }
        if (const auto flag = f.text("OutOfRangeFlag", false)) {
            o.rangeFlag = fromString<domain::RangeFlag>(*flag);
            if (!o.rangeFlag)
                f.fail("OutOfRangeFlag", kRangeFlag);
        }
    }
    if (f.failed()) {
        error = f.error();
        return Outcome::Rejected;
    }
    return Outcome::Kept;
}

domain::Rejection childRejection(const std::string& recordId, const FieldError& e, std::string childKey)
{
    domain::Rejection r = reject("observation", recordId, e);
    r.childKey = std::move(childKey);
    return r;
}

} // namespace

Status mapCheckups(const json& data, const std::string& path, const MappingOptions& options, domain::RecordBatch& batch)
{
    TECHO_ASSIGN(const Sections sections, xmlSections(data, path));
    // KanasName is the real element [C, OQSDrug]; the sandbox used to send KanaName.
    TECHO_TRY(mapPerson(*sections.header, sections.headerPath,
        {{"QualificationsInfo"}, {"Name"}, {"KanasName", "KanaName"}, {"Birthday"}, false,
            {"AdministrativeGenderCode"}},
        options, batch));
    const std::optional<domain::Date> birth = batch.person ? batch.person->birthDate : std::nullopt;
    Fields root(*sections.body, sections.bodyPath);
    const auto checkups = root.list({"SpecificHealthCheckupInfos"}, {"SpecificHealthCheckupInfo"});
    if (root.failed())
        return structural(root.error());
    batch.checkups.reserve(checkups->size());
    for (const Element& element : *checkups) {
        Fields f(*element.value, element.path);
        domain::CheckupRecord record;
        domain::Checkup& c = record.checkup;
        c.provenance.sourceRecordId = f.text("RecordId", false); // the sandbox's invention; real layouts have none
        const std::string recordId = c.provenance.sourceRecordId.value_or("");
        const auto performed = f.date("EffectiveTime", true);
        checkRecordDate(f, "EffectiveTime", performed, birth, options);
        c.kind = f.code({"CheckupKind"}, false).value_or(domain::checkup_kind::kSpecificHealthCheckup);
        c.insurerNumber = f.text("InsurerNumber", false);
        const auto facilityCode = f.text("InstitutionCode", false);
        const auto facilityName = f.text("InstitutionName", false);
        const auto items = f.list({"HealthCheckupResultAndQuestionInfos"}, {"HealthCheckupResultAndQuestionInfo"});
        if (f.failed() && f.error().wholeResponse)
            return structural(f.error());
        if (f.failed()) {
            batch.rejections.push_back(reject("checkup", recordId, f.error()));
            continue;
        }
        c.performedOn = *performed;
        if (facilityCode || facilityName)
            record.facility = domain::InstitutionRef {domain::ProviderKind::CheckupFacility, facilityCode.value_or(""),
                facilityName.value_or(facilityCode.value_or(""))};
        c.observations.reserve(items->size());
        for (const Element& item : *items) {
            domain::Observation o;
            FieldError error;
            const Outcome outcome = mapObservation(*item.value, item.path, o, error);
            if (outcome == Outcome::NotMeasured)
                continue;
            if (outcome == Outcome::Rejected) {
                record.rejectedObservations.push_back(childRejection(recordId, error, o.itemCode));
                continue;
            }
            const bool repeated = std::any_of(c.observations.begin(), c.observations.end(),
                [&](const domain::Observation& x) { return x.itemCode == o.itemCode; });
            if (repeated) {
                record.rejectedObservations.push_back(
                    childRejection(recordId, fieldError(at(item.path, "ItemCode"), kRepeatedItem), o.itemCode));
                continue;
            }
            c.observations.push_back(std::move(o));
        }
        if (!items->empty() && c.observations.empty()) {
            // Nothing measured or every result refused: an empty checkup would only mislead. Its refused results
            // are still reported, with the batch.
            for (auto& r : record.rejectedObservations)
                batch.rejections.push_back(std::move(r));
            continue;
        }
        batch.checkups.push_back(std::move(record));
    }
    return {};
}

} // namespace techo::mynaportal::detail
