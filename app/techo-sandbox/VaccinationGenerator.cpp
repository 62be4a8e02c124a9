#include "VaccinationGenerator.h"

#include <algorithm>
#include <tuple>

#include "DataGenerator.h"
#include "Random.h"

namespace techo::sandbox {

using nlohmann::ordered_json;

namespace {

constexpr std::uint64_t kStreamVaccination = 4;

// Moves a weekend date to the following Monday (clinics are weekday events here).
Date weekday(Date d)
{
    if (d.weekday() == 6)
        return d.plusDays(2);
    if (d.weekday() == 0)
        return d.plusDays(1);
    return d;
}

} // namespace

VaccinationGenerator::VaccinationGenerator(const ReferenceData& ref, std::uint64_t seed, Date windowStart, Date today)
    : m_ref(ref)
    , m_seed(seed)
    , m_windowStart(windowStart)
    , m_today(today)
{ }

std::vector<Vaccination> VaccinationGenerator::generate(const Person& p) const
{
    Rng rng = Rng::derive(m_seed, static_cast<std::uint64_t>(p.index), kStreamVaccination);
    const bool hesitant = rng.chance(0.15);
    std::vector<Vaccination> all;
    auto lot = [&rng](const Vaccine& v) {
        const std::string& prefix = rng.pick(v.lotPrefixes);
        const int digits = std::max(2, 6 - static_cast<int>(prefix.size()));
        std::string out = prefix;
        for (int i = 0; i < digits; ++i)
            out += static_cast<char>('0' + rng.range(0, 9));
        return out;
    };
    auto add = [&](const Vaccine& v, Date date, int dose) {
        const int age = p.birth.ageOn(date);
        Vaccination x;
        x.date = date;
        x.vaccine = &v;
        x.dose = dose;
        x.lot = lot(v);
        x.site = age < 15 ? &m_ref.clinicOfKind("pediatric") : &m_ref.clinicOfKind("internal");
        x.municipalityCode = p.municipality->code;
        x.historyKey = p.id + "-VAC-" + date.compact() + "-" + v.code + "-" + std::to_string(dose);
        all.push_back(std::move(x));
    };

    for (const auto& entry : m_ref.schedule) {
        if (!entry.sex.empty() && entry.sex != (p.male ? "male" : "female"))
            continue;
        int dose = 0;
        for (int months : entry.monthsOfAge) {
            const Date date = weekday(p.birth.plusMonths(months).plusDays(rng.range(0, 25)));
            const bool missed = rng.chance(hesitant ? 0.3 : 0.04);
            if (date < entry.from || date > entry.until || missed)
                continue;
            add(*entry.vaccine, date, ++dose);
        }
    }
    const InfluenzaPolicy& flu = m_ref.influenza;
    for (int year = p.birth.year(); year <= m_today.year(); ++year) {
        const Date season = Date::fromYmd(year, 10, 1);
        if (season < p.birth.plusMonths(6))
            continue;
        const int age = p.birth.ageOn(season);
        const double uptake = age < 15 ? flu.uptakeChild : (age >= 65 ? flu.uptakeSenior : flu.uptakeAdult);
        const bool takes = rng.chance(uptake * (hesitant ? 0.2 : 1.0));
        const Vaccine& v = *rng.pick(flu.vaccines);
        const int month = flu.months[static_cast<std::size_t>(rng.range(0, static_cast<int>(flu.months.size()) - 1))];
        const Date date = weekday(Date::fromYmd(year, month, rng.range(1, month == 12 ? 10 : 28)));
        if (!takes)
            continue;
        add(v, date, 1);
        if (age < flu.twoDosesUnderYears)
            add(v, weekday(date.plusDays(flu.secondDoseIntervalDays)), 2);
    }
    int covidDose = 0;
    for (const auto& camp : m_ref.covid) {
        const int age = p.birth.ageOn(camp.start);
        const bool takes = rng.chance(camp.uptake * (hesitant ? 0.2 : 1.0));
        const Vaccine& v = *rng.pick(camp.vaccines);
        const Date date = weekday(camp.start.plusDays(rng.range(0, std::max(0, camp.end.days - camp.start.days))));
        if (age < camp.minAge || age > camp.maxAge || !takes)
            continue;
        add(v, date, ++covidDose);
        for (int i = 1; i < camp.doses; ++i)
            add(v, weekday(date.plusDays(camp.intervalDays * i)), ++covidDose);
    }

    std::vector<Vaccination> out;
    for (auto& v : all)
        if (v.date >= m_windowStart && v.date < m_today)
            out.push_back(std::move(v));
    std::sort(out.begin(), out.end(), [](const Vaccination& a, const Vaccination& b) {
        return std::tie(a.date, a.historyKey) < std::tie(b.date, b.historyKey);
    });
    return out;
}

ordered_json VaccinationGenerator::render(
    const Person& p, const std::vector<const Vaccination*>& part, bool injectInvalid, int& recordCount) const
{
    auto vacJson = [](const Vaccination& v) {
        return ordered_json {{"historyKey", v.historyKey}, {"vaccinationDate", v.date.iso()},
            {"vaccineName", v.vaccine->name},
            {"vaccineCode", {{"system", v.vaccine->system}, {"code", v.vaccine->code}}},
            {"targetDisease", v.vaccine->target}, {"doseNumber", v.dose}, {"lotNumber", v.lot},
            {"manufacturer", v.vaccine->manufacturer}, {"medicalInstitutionCode", v.site->code},
            {"medicalInstitutionName", v.site->name}, {"municipalityCode", v.municipalityCode}, {"isDeleted", false}};
    };
    ordered_json list = ordered_json::array();
    for (const Vaccination* v : part)
        list.push_back(vacJson(*v));
    if (injectInvalid) {
        Vaccination base;
        base.vaccine = m_ref.influenza.vaccines.front();
        base.site = &m_ref.clinicOfKind("internal");
        base.municipalityCode = p.municipality->code;
        base.lot = "XX0000";
        auto bad = [&](int n, Date date) {
            base.date = date;
            base.historyKey = p.id + "-VAC-INVALID-" + std::to_string(n);
            return vacJson(base);
        };
        ordered_json missing = bad(1, m_today.plusDays(-1));
        missing.erase("vaccinationDate");
        list.push_back(std::move(missing)); // missing vaccinationDate
        ordered_json nonNumeric = bad(2, m_today.plusDays(-2));
        nonNumeric["doseNumber"] = "first";
        list.push_back(std::move(nonNumeric)); // doseNumber not a number
        ordered_json unknown = bad(3, m_today.plusDays(-3));
        unknown["vaccineCode"] = {{"system", "urn:example:unknown"}, {"code", "X-0000"}};
        list.push_back(std::move(unknown)); // unknown code system
        ordered_json impossible = bad(4, m_today.plusDays(-4));
        impossible["vaccinationDate"] = "2026-02-30";
        list.push_back(std::move(impossible)); // impossible calendar date
        recordCount += DataGenerator::kInvalidPerResult;
    }
    return ordered_json {{"basicInfo",
                             {{"name", p.name}, {"nameKana", p.kana}, {"dateOfBirth", p.birth.iso()},
                                 {"sex", p.male ? "male" : "female"}}},
        {"immunizations", std::move(list)}};
}

} // namespace techo::sandbox
