#include "ReferenceData.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>

namespace techo::sandbox {
namespace {

using nlohmann::json;

json readJson(const std::string& dir, const std::string& name)
{
    const std::string path = dir + "/" + name;
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot open " + path);
    try {
        return json::parse(in);
    } catch (const json::exception& e) {
        throw std::runtime_error(path + ": " + e.what());
    }
}

Date parseIso(const std::string& text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        throw std::runtime_error("bad date in sandbox tables: " + text);
    const auto date = Date::parseCompact(text.substr(0, 4) + text.substr(5, 2) + text.substr(8, 2));
    if (!date)
        throw std::runtime_error("bad date in sandbox tables: " + text);
    return *date;
}

std::optional<Threshold> parseThreshold(const json& item, const char* name)
{
    if (!item.contains(name))
        return std::nullopt;
    const json& t = item.at(name);
    Threshold th;
    th.op = t.at("op").get<std::string>();
    if (t.contains("value"))
        th.value = t.at("value").get<double>();
    if (t.contains("male"))
        th.male = t.at("male").get<double>();
    if (t.contains("female"))
        th.female = t.at("female").get<double>();
    th.code = t.value("code", "");
    return th;
}

std::vector<NamePair> parseNames(const json& list)
{
    std::vector<NamePair> out;
    for (const auto& pair : list)
        out.push_back({pair.at(0).get<std::string>(), pair.at(1).get<std::string>()});
    return out;
}

std::vector<Institution> parseInstitutions(const json& list, const char* codeKey)
{
    std::vector<Institution> out;
    for (const auto& entry : list)
        out.push_back({entry.at(codeKey).get<std::string>(), entry.at("name").get<std::string>(),
            entry.value("kind", ""), entry.value("erx_name", ""), entry.value("in_house", false)});
    return out;
}

} // namespace

const CheckupItem& ReferenceData::item(const std::string& key) const
{
    for (const auto& it : items)
        if (it.key == key)
            return it;
    throw std::runtime_error("checkup item missing from tables: " + key);
}

const Drug& ReferenceData::drug(const std::string& key) const
{
    for (const auto& d : drugs)
        if (d.key == key)
            return d;
    throw std::runtime_error("drug missing from tables: " + key);
}

const ChronicRegimen& ReferenceData::regimen(const std::string& condition) const
{
    for (const auto& r : chronic)
        if (r.condition == condition)
            return r;
    throw std::runtime_error("regimen missing from tables: " + condition);
}

const Institution& ReferenceData::clinicOfKind(const std::string& kind) const
{
    for (const auto& c : clinics)
        if (c.kind == kind)
            return c;
    return clinics.front();
}

ReferenceData ReferenceData::load(const std::string& dir)
{
    ReferenceData ref;
    ref.dir = dir;
    try {
        const json items = readJson(dir, "checkup_items.json");
        for (const auto& it : items.at("items")) {
            CheckupItem ci;
            ci.key = it.at("key").get<std::string>();
            ci.code = it.at("code").get<std::string>();
            ci.name = it.at("name").get<std::string>();
            ci.type = it.at("type").get<std::string>();
            ci.unit = it.value("unit", "");
            ci.oid = it.value("oid", "");
            if (it.contains("values"))
                ci.values = it.at("values").get<std::map<std::string, std::string>>();
            if (it.contains("input_range")) {
                ci.inputMin = it.at("input_range").at(0).get<double>();
                ci.inputMax = it.at("input_range").at(1).get<double>();
            }
            ci.decimals = it.value("decimals", 0);
            ci.guidance = parseThreshold(it, "guidance");
            ci.referral = parseThreshold(it, "referral");
            ref.items.push_back(std::move(ci));
        }

        const json drugs = readJson(dir, "drugs.json");
        for (const auto& d : drugs.at("drugs")) {
            ref.drugs.push_back({d.at("key").get<std::string>(), d.at("name").get<std::string>(),
                d.at("ingredient").get<std::string>(), d.at("strength").get<std::string>(),
                d.at("unit").get<std::string>(), d.at("form").get<std::string>(), d.at("yj").get<std::string>(),
                d.at("drugc").get<std::string>(), d.value("mg_per_unit", 0.0)});
        }
        auto lines = [&ref](const json& list) {
            std::vector<RegimenLine> out;
            for (const auto& l : list) {
                RegimenLine line;
                line.drug = &ref.drug(l.at("drug").get<std::string>());
                if (l.contains("child_drug"))
                    line.childDrug = &ref.drug(l.at("child_drug").get<std::string>());
                if (l.contains("replaces"))
                    line.replaces = &ref.drug(l.at("replaces").get<std::string>());
                line.qty = l.at("qty").get<double>();
                line.days = l.value("days", 0);
                line.usage = l.at("usage").get<std::string>();
                out.push_back(line);
            }
            return out;
        };
        // ref.drugs is complete before any pointer into it is taken.
        for (const auto& r : drugs.at("chronic_regimens")) {
            ChronicRegimen reg;
            reg.condition = r.at("condition").get<std::string>();
            reg.label = r.at("label").get<std::string>();
            reg.lines = lines(r.at("lines"));
            if (r.contains("step2"))
                reg.step2 = lines(r.at("step2"));
            if (r.contains("generic_switch")) {
                reg.genericFrom = &ref.drug(r.at("generic_switch").at("from").get<std::string>());
                reg.genericTo = &ref.drug(r.at("generic_switch").at("to").get<std::string>());
            }
            ref.chronic.push_back(std::move(reg));
        }
        for (const auto& c : drugs.at("acute_courses")) {
            AcuteCourse course;
            course.name = c.at("name").get<std::string>();
            course.label = c.at("label").get<std::string>();
            course.months = c.at("months").get<std::vector<int>>();
            course.lines = lines(c.at("lines"));
            course.adultOnly = c.value("adult_only", false);
            course.childOnly = c.value("child_only", false);
            ref.acute.push_back(std::move(course));
        }
        for (const auto& c : drugs.at("pediatric_courses")) {
            PediatricCourse course;
            course.name = c.at("name").get<std::string>();
            course.label = c.at("label").get<std::string>();
            course.months = c.at("months").get<std::vector<int>>();
            course.minMonths = c.value("min_months", 0);
            for (const auto& l : c.at("lines")) {
                PediatricLine line;
                line.drug = &ref.drug(l.at("drug").get<std::string>());
                line.mgPerKgDay = l.value("mg_per_kg_day", 0.0);
                line.mgPerKgDose = l.value("mg_per_kg_dose", 0.0);
                line.gPerDayUnder1 = l.value("g_per_day_under1", 0.0);
                line.gPerDay = l.value("g_per_day", 0.0);
                line.count = l.value("count", 0.0);
                line.minWeightKg = l.value("min_weight_kg", 0.0);
                line.days = l.at("days").get<int>();
                line.usage = l.at("usage").get<std::string>();
                if ((line.mgPerKgDay > 0 || line.mgPerKgDose > 0) && line.drug->mgPerUnit <= 0)
                    throw std::runtime_error(
                        "drugs.json: " + line.drug->key + " is dosed by weight but has no mg_per_unit");
                course.lines.push_back(line);
            }
            ref.pediatric.push_back(std::move(course));
        }

        const json vac = readJson(dir, "vaccines.json");
        const json& systems = vac.at("code_systems");
        for (const auto& v : vac.at("vaccines")) {
            ref.vaccines.push_back({v.at("key").get<std::string>(), v.at("name").get<std::string>(),
                v.at("target").get<std::string>(), v.at("manufacturer").get<std::string>(),
                systems.at(v.at("system").get<std::string>()).get<std::string>(), v.at("code").get<std::string>(),
                v.at("lot_prefixes").get<std::vector<std::string>>(), v.value("dose_interval_days", 0)});
        }
        auto vaccine = [&ref](const std::string& key) -> const Vaccine* {
            for (const auto& v : ref.vaccines)
                if (v.key == key)
                    return &v;
            throw std::runtime_error("vaccine missing from tables: " + key);
        };
        const json& flu = vac.at("influenza");
        ref.influenza.months = flu.at("months").get<std::vector<int>>();
        for (const auto& key : flu.at("vaccines"))
            ref.influenza.vaccines.push_back(vaccine(key.get<std::string>()));
        ref.influenza.uptakeChild = flu.at("uptake").at("child").get<double>();
        ref.influenza.uptakeAdult = flu.at("uptake").at("adult").get<double>();
        ref.influenza.uptakeSenior = flu.at("uptake").at("senior").get<double>();
        ref.influenza.twoDosesUnderYears = flu.at("two_doses_under_years").get<int>();
        ref.influenza.secondDoseIntervalDays = flu.at("second_dose_interval_days").get<int>();
        for (const auto& c : vac.at("covid_campaigns")) {
            CovidCampaign camp;
            camp.start = parseIso(c.at("start").get<std::string>());
            camp.end = parseIso(c.at("end").get<std::string>());
            camp.doses = c.at("doses").get<int>();
            camp.intervalDays = c.value("interval_days", 21);
            camp.minAge = c.value("min_age_years", 0);
            camp.maxAge = c.value("max_age_years", 200);
            camp.minDaysSincePrevious = c.value("min_days_since_previous", 0);
            camp.uptake = c.at("uptake").get<double>();
            for (const auto& key : c.at("vaccines"))
                camp.vaccines.push_back(vaccine(key.get<std::string>()));
            ref.covid.push_back(std::move(camp));
        }

        const json fac = readJson(dir, "facilities.json");
        ref.pharmacies = parseInstitutions(fac.at("pharmacies"), "code");
        ref.clinics = parseInstitutions(fac.at("clinics"), "code");
        ref.checkupFacilities = parseInstitutions(fac.at("checkup_facilities"), "code");
        ref.municipalities = parseInstitutions(fac.at("municipalities"), "code");
        ref.insurers = parseInstitutions(fac.at("insurers"), "number");

        const json names = readJson(dir, "names.json");
        ref.familyNames = parseNames(names.at("family"));
        ref.maleNames = parseNames(names.at("male"));
        ref.femaleNames = parseNames(names.at("female"));
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error("sandbox tables in " + dir + ": " + e.what());
    }
    if (ref.items.empty() || ref.drugs.empty() || ref.vaccines.empty() || ref.pharmacies.empty() || ref.clinics.empty()
        || ref.checkupFacilities.empty() || ref.municipalities.empty() || ref.insurers.empty()
        || ref.familyNames.empty() || ref.maleNames.empty() || ref.femaleNames.empty())
        throw std::runtime_error("sandbox tables in " + dir + " are incomplete");
    return ref;
}

} // namespace techo::sandbox
