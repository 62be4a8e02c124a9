#include "DataGenerator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "CheckupGenerator.h"
#include "Random.h"

namespace techo::sandbox {

using nlohmann::ordered_json;

std::optional<InfoKind> parseInfoKind(const std::string& text)
{
    if (text == "TKK")
        return InfoKind::Tkk;
    if (text == "YZK")
        return InfoKind::Yzk;
    if (text == "PMH_VAC")
        return InfoKind::PmhVac;
    return std::nullopt;
}

std::string infoKindName(InfoKind kind)
{
    switch (kind) {
    case InfoKind::Tkk:
        return "TKK";
    case InfoKind::Yzk:
        return "YZK";
    case InfoKind::PmhVac:
        return "PMH_VAC";
    }
    return "";
}

namespace {

// Streams 2 (health) and 0x10000 + year (checkups) belong to CheckupGenerator.cpp, 3 and 4 to the
// dispensing and vaccination generators.
constexpr std::uint64_t kStreamProfile = 1;
const char* const kFullWidthSpace = "\u3000";

std::string personId(int index)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "P%04d", index + 1);
    return buf;
}

} // namespace

DataGenerator::DataGenerator(const ReferenceData& ref, GeneratorConfig config)
    : m_ref(ref)
    , m_config(config)
    , m_today(Date::fromYmd(kTodayYear, kTodayMonth, kTodayDay))
    , m_windowStart(m_today.plusYears(-m_config.years))
    , m_checkups(ref, config.seed, m_today, m_windowStart)
    , m_dispensing(ref, config.seed, m_windowStart, m_today)
    , m_vaccination(ref, config.seed, m_windowStart, m_today)
{ }

DataGenerator::Timeline DataGenerator::simulate(const Person& p) const
{
    return m_checkups.simulate(p);
}

std::vector<Checkup> DataGenerator::checkups(const Person& p) const
{
    return m_checkups.checkups(p);
}

Person DataGenerator::person(int index) const
{
    Rng rng = Rng::derive(m_config.seed, static_cast<std::uint64_t>(index), kStreamProfile);
    Person p;
    p.index = index;
    p.id = personId(index);
    // The first three people are a family: self (~55), spouse (~52) and child (~12). The rest
    // are mostly adults of checkup age, with some younger people.
    int age = 0;
    if (index == 0) {
        age = 55;
        p.male = true;
        p.relationship = "self";
    } else if (index == 1) {
        age = 52;
        p.male = false;
        p.relationship = "family";
    } else if (index == 2) {
        age = 12;
        p.male = rng.chance(0.5);
        p.relationship = "family";
    } else {
        age = rng.chance(0.8) ? rng.range(35, 85) : rng.range(0, 34);
        p.male = rng.chance(0.5);
        p.relationship = "family";
    }
    // Born between Oct 2 and Sep 30 so that the age on "today" (Oct 1) is exactly `age`.
    const Date lastBirthday = m_today.plusYears(-age).plusDays(-1);
    p.birth = lastBirthday.plusDays(-rng.range(0, 360));
    // The family shares its family name (drawn from the seed alone).
    Rng familyRng = Rng::derive(m_config.seed, 0, kStreamProfile);
    const NamePair& family = index < 3 ? familyRng.pick(m_ref.familyNames) : rng.pick(m_ref.familyNames);
    const NamePair& given = p.male ? rng.pick(m_ref.maleNames) : rng.pick(m_ref.femaleNames);
    p.name = family.kanji + kFullWidthSpace + given.kanji;
    p.kana = family.kana + kFullWidthSpace + given.kana;
    p.municipality = index < 3 ? &familyRng.pick(m_ref.municipalities) : &rng.pick(m_ref.municipalities);
    p.insurer = index < 3 ? &familyRng.pick(m_ref.insurers) : &rng.pick(m_ref.insurers);
    return p;
}

// ---- 薬剤 ----------------------------------------------------------------------------------------

std::vector<Dispensing> DataGenerator::dispensings(const Person& p) const
{
    const Timeline t = simulate(p);
    return m_dispensing.generate(p, TreatmentHistory {t.onset, t.bpStep2, t.glucoseStep2});
}

// ---- 予防接種 ------------------------------------------------------------------------------------

std::vector<Vaccination> DataGenerator::vaccinations(const Person& p) const
{
    return m_vaccination.generate(p);
}

Counts DataGenerator::counts(int index) const
{
    const Person p = person(index);
    Counts c;
    c.profiles = 1;
    for (const auto& ck : checkups(p)) {
        ++c.checkups;
        c.observations += static_cast<long>(ck.observations.size());
    }
    c.vaccinations = static_cast<long>(vaccinations(p).size());
    for (const auto& d : dispensings(p)) {
        // Every record the YZK branches serve: claims, 調剤 (Cz) and 処方 (Sh); `prescriptions` is the Sh part.
        const long appearances = (d.claims ? 1 : 0) + (d.eRx ? 1 : 0) + (d.prescription ? 1 : 0);
        c.dispensings += appearances;
        c.medicationLines += appearances * static_cast<long>(d.lines.size());
        c.prescriptions += d.prescription ? 1 : 0;
    }
    return c;
}

// ---- JSON payloads -------------------------------------------------------------------------------

namespace {

template <typename Record, typename DateOf>
std::vector<const Record*> slice(const std::vector<Record>& records, const PageRequest& req, DateOf dateOf, Page& page)
{
    std::vector<const Record*> filtered;
    for (const auto& r : records) {
        const Date d = dateOf(r);
        if ((req.start && d < *req.start) || (req.end && d > *req.end))
            continue;
        filtered.push_back(&r);
    }
    const int size = std::max(1, req.pageSize);
    page.totalRecords = static_cast<int>(filtered.size());
    page.totalParts = std::max(1, (page.totalRecords + size - 1) / size);
    std::vector<const Record*> part;
    const int from = (req.part - 1) * size;
    for (int i = from; i < std::min(page.totalRecords, from + size); ++i)
        part.push_back(filtered[static_cast<std::size_t>(i)]);
    page.recordCount = static_cast<int>(part.size());
    return part;
}

ordered_json observationJson(const Observation& o)
{
    const CheckupItem& item = *o.item;
    return ordered_json {{"ItemCode", item.code}, {"ItemName", item.name}, {"DataType", item.type},
        {"DataValue", o.value}, {"Unit", item.type == "PQ" ? item.unit : ""}, {"Oid", item.oid},
        {"DataValueName", o.valueName}, {"OutOfRangeFlag", o.flag}};
}

// The record-level TKK fields the real layout does not have (docs/sandbox-api.md, "Field provenance").
const char* const kInventedTkkFields[] = {"RecordId", "CheckupKind", "InsurerNumber"};

// Real checkup facilities write 尿蛋白/尿糖 their own way: the code (1–5) of Oid 1.2.392.200119.6.2101, or
// its label as text, ASCII or full-width. A facility keeps one spelling per lab system (four years).
std::string qualitativeSpelling(const std::string& facilityCode, const std::string& code)
{
    static const std::vector<std::vector<std::string>> spellings {
        {"1", "2", "3", "4", "5"},
        {"(-)", "(±)", "(+)", "(2+)", "(3+)"},
        {"-", "+-", "1+", "2+", "3+"},
        {"－", "±", "＋", "２＋", "３＋"},
    };
    const auto& style = spellings[fnv1a(facilityCode) % spellings.size()];
    const int index = code.size() == 1 && code[0] >= '1' && code[0] <= '5' ? code[0] - '1' : -1;
    return index < 0 ? code : style[static_cast<std::size_t>(index)];
}

// Applies the parts of the real shape that do not depend on the checkup values: qualitative urine
// results as the facility spells them, and (omitInvented) no invented record-level fields.
void shapeTkk(ordered_json& data, bool omitInvented)
{
    for (auto& rec : data["SpecificHealthCheckupInfos"]) {
        const std::string date = rec.value("EffectiveTime", "0000");
        const std::string facility
            = rec.value("InstitutionCode", "") + "/" + std::to_string(std::atoi(date.substr(0, 4).c_str()) / 4);
        for (auto& item : rec["HealthCheckupResultAndQuestionInfos"]) {
            if (item.value("Oid", "") == "1.2.392.200119.6.2101" && item.contains("DataValue"))
                item["DataValue"] = qualitativeSpelling(facility, item["DataValue"].get<std::string>());
            if (omitInvented)
                item.erase("OutOfRangeFlag");
        }
        if (omitInvented)
            for (const char* field : kInventedTkkFields)
                rec.erase(field);
    }
}

} // namespace

Page DataGenerator::page(InfoKind kind, const Person& p, const PageRequest& req) const
{
    Page page;
    const std::string gender = p.male ? "1" : "2";
    switch (kind) {
    case InfoKind::Tkk: {
        const auto records = checkups(p);
        const auto part = slice(
            records, req, [](const Checkup& c) { return c.date; }, page);
        ordered_json infos = ordered_json::array();
        for (const Checkup* c : part) {
            ordered_json items = ordered_json::array();
            for (const auto& o : c->observations)
                items.push_back(observationJson(o));
            infos.push_back(ordered_json {{"RecordId", c->recordId}, {"EffectiveTime", c->date.compact()},
                {"CheckupKind", "10"}, {"InstitutionCode", c->facility->code}, {"InstitutionName", c->facility->name},
                {"InsurerNumber", c->insurerNumber}, {"HealthCheckupResultAndQuestionInfos", std::move(items)}});
        }
        if (req.injectInvalid && req.part == 1) {
            const Institution& facility = m_ref.checkupFacilities.front();
            auto bad = [&](int n, std::optional<Date> date, ordered_json item) {
                ordered_json rec {{"RecordId", p.id + "-TKK-INVALID-" + std::to_string(n)}};
                if (date)
                    rec["EffectiveTime"] = date->compact();
                rec["CheckupKind"] = "10";
                rec["InstitutionCode"] = facility.code;
                rec["InstitutionName"] = facility.name;
                rec["InsurerNumber"] = p.insurer->code;
                rec["HealthCheckupResultAndQuestionInfos"] = ordered_json::array({std::move(item)});
                infos.push_back(std::move(rec));
            };
            const CheckupItem& height = m_ref.item("height");
            const CheckupItem& weight = m_ref.item("weight");
            Observation ok {&height, "170.0", {}, {}};
            bad(1, std::nullopt, observationJson(ok)); // missing EffectiveTime
            Observation nonNumeric {&weight, "abc", {}, {}};
            bad(2, m_today.plusDays(-1), observationJson(nonNumeric)); // PQ value "abc"
            ordered_json unknown = observationJson(ok);
            unknown["ItemCode"] = "9Z999000000000001";
            unknown["ItemName"] = "未定義項目";
            unknown["Unit"] = "mg/dL";
            unknown["DataValue"] = "1.0";
            bad(3, m_today.plusDays(-2), std::move(unknown)); // unknown JLAC10 code
            ordered_json badUnit = observationJson(ok);
            badUnit["Unit"] = "mmHg";
            bad(4, m_today.plusDays(-3), std::move(badUnit)); // 身長 in mmHg
            page.recordCount += kInvalidPerResult;
        }
        page.data = ordered_json {{"ResultCode", "1"}, {"MessageContents", ""},
            {"QualificationsInfo",
                {{"Name", p.name}, {"KanasName", p.kana}, {"Birthday", p.birth.compact()},
                    {"AdministrativeGenderCode", gender}}},
            {"SpecificHealthCheckupInfos", std::move(infos)}};
        shapeTkk(page.data, req.omitInvented);
        break;
    }
    case InfoKind::Yzk: {
        const auto all = dispensings(p);
        const auto records = DispensingGenerator::records(all);
        const auto part = slice(
            records, req, [](const DispensingRecord& r) { return r.date; }, page);
        page.data = m_dispensing.render(
            p, part, RenderOptions {req.injectInvalid && req.part == 1, req.omitInvented}, page.recordCount);
        break;
    }
    case InfoKind::PmhVac: {
        const auto records = vaccinations(p);
        const auto part = slice(
            records, req, [](const Vaccination& v) { return v.date; }, page);
        page.data = m_vaccination.render(p, part, req.injectInvalid && req.part == 1, page.recordCount);
        break;
    }
    }
    return page;
}

} // namespace techo::sandbox
