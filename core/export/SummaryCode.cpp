#include "core/export/SummaryCode.h"

#include "core/clinical/ItemCatalog.h"
#include "core/query/HealthRecordQueries.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>

namespace techo::exports {
namespace {

// Ordered, so "fmt" and "v" come first and a person reading the raw text sees what it is.
using Json = nlohmann::ordered_json;

// The key items of the summary (issue 12: blood pressure, HbA1c or fasting glucose, LDL/HDL/TG, weight/BMI, eGFR,
// and 尿蛋白, the one qualitative item with a judgement value), most important first: what a clinic looks at first
// for the 生活習慣病 the 特定健診 screens for.
constexpr std::array<std::string_view, 14> kKeyItems = {"sbp", "dbp", "hba1c", "fpg", "casual_glucose", "ldl", "hdl",
    "tg_fasting", "tg_casual", "egfr", "urine_protein", "bmi", "weight", "waist"};

// Measured items only: 心電図/眼底 findings are free text of any length, 判定 and 問診 are not values a clinic
// takes in from a copy.
bool isCarried(const clinical::LogicalItem& item)
{
    using G = clinical::ItemGroup;
    switch (item.group) {
    case G::Body:
    case G::BloodPressure:
    case G::Lipids:
    case G::Liver:
    case G::Glucose:
    case G::Urine:
    case G::Kidney:
    case G::Anemia:
        return true;
    case G::Ecg:
    case G::Fundus:
    case G::Assessment:
    case G::Questionnaire:
        return false;
    }
    return false;
}

// Smaller is more important. Key items by kKeyItems; then items with a judgement value, then the rest, each in the
// official order.
int itemRank(const clinical::LogicalItem& item, int officialIndex)
{
    const auto key = std::find(kKeyItems.begin(), kKeyItems.end(), item.key);
    if (key != kKeyItems.end())
        return static_cast<int>(key - kKeyItems.begin());
    const bool judged = clinical::ruleFor(item).source != clinical::RuleSource::None;
    return (judged ? 0 : 1000) + officialIndex;
}

bool isKeyItem(const clinical::LogicalItem& item)
{
    return std::find(kKeyItems.begin(), kKeyItems.end(), item.key) != kKeyItems.end();
}

// A whole number without a fraction (164, not 164.0): the reader sees the same value in fewer bytes.
Json number(double value)
{
    if (std::trunc(value) == value && std::abs(value) < 1e15)
        return Json(static_cast<std::int64_t>(value));
    return Json(value);
}

std::string_view bandLetter(const clinical::Judgement& judgement)
{
    if (!judgement.band)
        return "";
    switch (*judgement.band) {
    case clinical::Band::Normal:
        return "N";
    case clinical::Band::Guidance:
        return "G";
    case clinical::Band::Referral:
        return "R";
    }
    return "";
}

// The code a row names. A blood pressure that is the mean of the 1st and 2nd readings has no JLAC10 code of its
// own: it is written with the item's その他 code (9A755/9A765), not with the 1st reading's code the point carries.
std::string rowCode(const clinical::ItemChange& change)
{
    if (change.latest.origin == clinical::PointOrigin::MeanOfReadings)
        for (const clinical::ItemVariant& variant : clinical::variantsOf(*change.item))
            if (variant.role == clinical::VariantRole::OtherReading)
                return std::string(variant.code);
    return change.latest.itemCode;
}

// [code, value, unit, comparator, judgement] (docs/export-format.md).
Json itemRow(const clinical::ItemChange& change)
{
    const clinical::TrendPoint& p = change.latest;
    Json value = nullptr;
    std::string unit;
    if (p.valueType == domain::ValueType::PQ) {
        // A JDS HbA1c keeps its own code and number; the judgement is that of its NGSP value (as the app shows).
        const std::optional<double> shown
            = p.origin == clinical::PointOrigin::ConvertedFromJds && p.valueAsSent ? p.valueAsSent : p.value;
        if (shown)
            value = number(*shown);
        unit = std::string(clinical::itemUnit(*change.item));
    } else if (p.code) {
        value = *p.code;
    } else if (p.text) {
        value = *p.text;
    }
    return Json::array({rowCode(change), std::move(value), std::move(unit),
        p.comparator ? std::string(toString(*p.comparator)) : std::string(), std::string(bandLetter(p.judgement))});
}

// [system, code, name, dose, unit, 用法, last dispensed].
Json medicineRow(const clinical::CurrentMedicine& medicine)
{
    const domain::MedicationLine& line = medicine.lastLine;
    return Json::array({std::string(toString(line.drugCodeSystem)), line.drugCode, line.drugName,
        line.quantity ? number(*line.quantity) : Json(nullptr), line.unit.value_or(""), line.usageText.value_or(""),
        domain::formatDate(medicine.lastDispensed)});
}

// The vaccine code systems Techo stores (core/mynaportal/VaccinationMapping.cpp), by a short name; another system
// is written as stored.
std::string vaccineSystemName(const std::optional<std::string>& system)
{
    if (!system || system->empty())
        return "";
    if (*system == "urn:oid:1.2.392.100495.20.2.75")
        return "hot13";
    if (*system == "urn:oid:1.2.392.200119.4.403.1")
        return "hot9";
    if (*system == "urn:oid:1.2.392.100495.20.1.73")
        return "yj";
    return *system;
}

// [date, name, system, code, dose number].
Json vaccinationRow(const domain::Vaccination& v)
{
    return Json::array({domain::formatDate(v.occurredOn), v.vaccineName, vaccineSystemName(v.vaccineCodeSystem),
        v.vaccineCode, v.doseNumber ? Json(*v.doseNumber) : Json(nullptr)});
}

Json optionalText(const std::optional<std::string>& text)
{
    return text ? Json(*text) : Json(nullptr);
}

// What is given up first when a payload is too long: the lowest tier, and within it the least important row.
enum class Tier { Vaccinations, OtherItems, KeyItems, Medicines };

struct Row {
    enum class Kind { Item, Medicine, Vaccination } kind;
    std::size_t index = 0; // into the content's list
    Tier tier = Tier::Vaccinations;
    int importance = 0; // within the tier: larger is kept longer
    bool kept = true;
};

} // namespace

Result<SummaryCode> fitSummaryCode(const SummaryCodeContent& content, std::size_t maxBytes)
{
    // Every row the content offers, and the order in which they are given up.
    std::vector<const clinical::ItemChange*> items;
    if (content.withCheckup && content.checkup)
        for (const clinical::ItemChange& change : content.checkup->items)
            if (change.item != nullptr && isCarried(*change.item))
                items.push_back(&change);
    std::vector<Row> rows;
    const auto officialIndex = [](const clinical::LogicalItem* item) {
        const auto all = clinical::logicalItems();
        return static_cast<int>(item - all.data());
    };
    // Vaccinations and medicines are newest first: the oldest (the last) is the least important.
    if (content.withVaccinations)
        for (std::size_t i = 0; i < content.vaccinations.size(); ++i)
            rows.push_back({Row::Kind::Vaccination, i, Tier::Vaccinations, -static_cast<int>(i)});
    for (std::size_t i = 0; i < items.size(); ++i) {
        const clinical::LogicalItem& item = *items[i]->item;
        rows.push_back({Row::Kind::Item, i, isKeyItem(item) ? Tier::KeyItems : Tier::OtherItems,
            -itemRank(item, officialIndex(&item))});
    }
    if (content.withMedicines)
        for (std::size_t i = 0; i < content.medicines.size(); ++i)
            rows.push_back({Row::Kind::Medicine, i, Tier::Medicines, -static_cast<int>(i)});
    std::vector<Row*> dropQueue;
    for (Row& row : rows)
        dropQueue.push_back(&row);
    std::stable_sort(dropQueue.begin(), dropQueue.end(), [](const Row* a, const Row* b) {
        return std::pair(a->tier, a->importance) < std::pair(b->tier, b->importance);
    });

    // Row texts are made once; the document is assembled from the kept ones until it fits.
    std::vector<Json> itemRows, medicineRows, vaccinationRows;
    for (const clinical::ItemChange* change : items)
        itemRows.push_back(itemRow(*change));
    for (const clinical::CurrentMedicine& m : content.medicines)
        medicineRows.push_back(medicineRow(m));
    for (const domain::Vaccination& v : content.vaccinations)
        vaccinationRows.push_back(vaccinationRow(v));

    SummaryCode code;
    std::size_t dropped = 0;
    for (;;) {
        SummaryCode counted;
        Json ck = nullptr, rx = Json::array(), vx = Json::array();
        if (content.checkup && content.withCheckup) {
            Json list = Json::array();
            for (const Row& row : rows)
                if (row.kind == Row::Kind::Item) {
                    if (row.kept) {
                        list.push_back(itemRows[row.index]);
                        ++counted.items;
                    } else {
                        ++counted.omittedItems;
                    }
                }
            ck = Json {{"date", domain::formatDate(content.checkup->date)}, {"items", std::move(list)}};
        }
        for (const Row& row : rows) {
            if (row.kind == Row::Kind::Medicine) {
                if (row.kept) {
                    rx.push_back(medicineRows[row.index]);
                    ++counted.medicines;
                } else {
                    ++counted.omittedMedicines;
                }
            } else if (row.kind == Row::Kind::Vaccination) {
                if (row.kept) {
                    vx.push_back(vaccinationRows[row.index]);
                    ++counted.vaccinations;
                } else {
                    ++counted.omittedVaccinations;
                }
            }
        }
        counted.truncated = dropped > 0;

        Json doc {{"fmt", kSummaryCodeFormat}, {"v", kSummaryCodeFormatVersion},
            {"made", domain::formatDate(content.madeOn)},
            {"pt",
                {{"name", content.person.displayName}, {"kana", optionalText(content.person.kanaName)},
                    {"birth",
                        content.person.birthDate ? Json(domain::formatDate(*content.person.birthDate)) : Json(nullptr)},
                    {"sex", content.person.sex ? Json(std::string(toString(*content.person.sex))) : Json(nullptr)}}}};
        if (content.withCheckup)
            doc["ck"] = std::move(ck);
        if (content.withMedicines)
            doc["rx"] = std::move(rx);
        if (content.withVaccinations)
            doc["vx"] = std::move(vx);
        doc["trunc"] = counted.truncated;
        if (counted.truncated)
            doc["omit"] = Json {
                {"ck", counted.omittedItems}, {"rx", counted.omittedMedicines}, {"vx", counted.omittedVaccinations}};
        try {
            counted.payload = doc.dump();
        } catch (const nlohmann::json::exception&) {
            return makeError(ErrorCode::InvalidData, "a record of the summary holds text that is not valid UTF-8");
        }
        if (counted.payload.size() <= maxBytes) {
            code = std::move(counted);
            break;
        }
        if (dropped == dropQueue.size())
            return makeError(ErrorCode::Usage, "the summary code's limit is too small for the person and the dates")
                .withKey("export.summary_code_too_small")
                .with("limit", std::to_string(maxBytes));
        dropQueue[dropped++]->kept = false;
    }
    return code;
}

Result<SummaryCode> buildSummaryCode(vault::Database& db, const SummaryCodeRequest& request)
{
    if (request.maxBytes == 0 || request.maxVaccinations <= 0)
        return makeError(ErrorCode::Usage, "the summary code's limits must be positive");
    if (!domain::isStorableDate(request.asOf))
        return makeError(ErrorCode::Usage, "the summary code's day is not a date");
    query::HealthRecordQueries records(db);
    SummaryCodeContent content;
    content.madeOn = request.asOf;
    TECHO_ASSIGN(content.person, records.profile(request.profileId));
    content.withCheckup = request.sections.latestCheckups || request.sections.trends;
    content.withMedicines = request.sections.medicines;
    content.withVaccinations = request.sections.vaccinations;

    if (content.withCheckup) {
        // The checkup table holds every judged point; the latest day on or before asOf is the summary's checkup
        // (latestCheckup() would give a checkup after a past asOf).
        TECHO_ASSIGN(const std::vector<clinical::TrendSeries> table, records.checkupTable(request.profileId));
        std::optional<domain::Date> latest;
        for (const clinical::TrendSeries& series : table)
            for (const clinical::TrendPoint& point : series.points)
                if (point.date <= request.asOf && (!request.from || *request.from <= point.date)
                    && (!latest || *latest < point.date))
                    latest = point.date;
        if (latest) {
            clinical::CheckupSummary summary;
            summary.date = *latest;
            for (const clinical::TrendSeries& series : table) // already in the official order
                for (const clinical::TrendPoint& point : series.points)
                    if (point.date == *latest)
                        summary.items.push_back({series.item, point, std::nullopt, std::nullopt});
            content.checkup = std::move(summary);
        }
    }
    if (content.withMedicines) {
        TECHO_ASSIGN(content.medicines, records.currentMedicines(request.profileId, request.asOf));
    }
    if (content.withVaccinations) {
        // Newest first, without entered-in-error; records dated after asOf and doses not given are not carried.
        TECHO_ASSIGN(const std::vector<domain::Vaccination> newest,
            records.latestVaccinations(request.profileId, std::numeric_limits<int>::max()));
        for (const domain::Vaccination& v : newest) {
            if (std::ssize(content.vaccinations) == request.maxVaccinations)
                break;
            if (v.occurredOn <= request.asOf && (!request.from || *request.from <= v.occurredOn)
                && v.status == domain::VaccinationStatus::Completed)
                content.vaccinations.push_back(v);
        }
    }
    return fitSummaryCode(content, request.maxBytes);
}

Result<std::string> summaryCodePayload(vault::Database& db, std::int64_t profileId, domain::Date asOf)
{
    SummaryCodeRequest request;
    request.profileId = profileId;
    request.asOf = asOf;
    TECHO_ASSIGN(SummaryCode code, buildSummaryCode(db, request));
    return std::move(code.payload);
}

} // namespace techo::exports
