#include "DispensingGenerator.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "DataGenerator.h"
#include "Random.h"

namespace techo::sandbox {

using nlohmann::ordered_json;

namespace {

constexpr std::uint64_t kStreamDispensing = 3;

// Moves a weekend date to the following Monday (clinics are weekday events here).
Date weekday(Date d)
{
    if (d.weekday() == 6)
        return d.plusDays(2);
    if (d.weekday() == 0)
        return d.plusDays(1);
    return d;
}

ordered_json drugLineJson(const DrugLine& l)
{
    return ordered_json {{"RpNo", std::to_string(l.rpNo)}, {"LineNo", std::to_string(l.lineNo)},
        {"DrugC", l.drug->drugc}, {"YjCode", l.drug->yj}, {"DrugN", l.drug->name}, {"IngreN", l.drug->ingredient},
        {"Qua1", std::to_string(l.qty)}, {"Unit", l.drug->unit}, {"UsageN", l.usage}, {"SpInst", l.spInst},
        {"Times", std::to_string(l.times)}, {"MeTrIdCl", l.meTrIdCl}};
}

ordered_json monthInfJson(const std::string& month, const Institution& pharmacy, const Institution& prescriber)
{
    return ordered_json {{"MeTrMonth", month}, {"MeTrDiHCd", pharmacy.code}, {"MeTrDiHNm", pharmacy.name},
        {"PrlsHCd", prescriber.code}, {"PrlsHNm", prescriber.name}, {"InOut", "2"},
        {"DiDateInfs", ordered_json::array()}};
}

} // namespace

DispensingGenerator::DispensingGenerator(const ReferenceData& ref, std::uint64_t seed, Date windowStart, Date today)
    : m_ref(ref)
    , m_seed(seed)
    , m_windowStart(windowStart)
    , m_today(today)
{ }

std::vector<Dispensing> DispensingGenerator::generate(const Person& p, const TreatmentHistory& t) const
{
    Rng rng = Rng::derive(m_seed, static_cast<std::uint64_t>(p.index), kStreamDispensing);
    const Institution* home = &rng.pick(m_ref.pharmacies);
    const Institution* second = &rng.pick(m_ref.pharmacies);
    const Institution* primary = rng.chance(0.8) ? &m_ref.clinicOfKind("internal") : &m_ref.clinicOfKind("hospital");
    const std::vector<int> intervals {28, 30, 56, 60, 84, 90};
    const int interval = intervals[static_cast<std::size_t>(rng.range(p.birth.ageOn(m_today) >= 65 ? 2 : 0, 5))];
    const bool prefersGeneric = rng.chance(0.6);
    const Date genericSwitch = Date::fromYmd(rng.range(2016, 2022), rng.range(1, 12), 1);
    const bool hayFever = rng.chance(0.4);

    struct Event {
        Date date;
        const Institution* pharmacy;
        const Institution* prescriber;
        std::vector<DrugLine> lines;
    };
    std::vector<Event> events;

    auto makeLine = [](const Drug* drug, int qty, const std::string& usage, int days) {
        DrugLine line;
        line.drug = drug;
        line.qty = qty;
        line.usage = usage;
        if (drug->form == "屯服") {
            line.meTrIdCl = "22";
            line.times = days;
        } else if (drug->form == "外用") {
            line.meTrIdCl = "23";
            line.times = 1;
        } else {
            line.meTrIdCl = "21";
            line.times = days;
        }
        return line;
    };

    // Chronic refills: every active regimen is dispensed together at each visit.
    std::vector<Date> onsets;
    for (const auto& [condition, date] : t.onset)
        onsets.push_back(date);
    std::sort(onsets.begin(), onsets.end());
    if (!onsets.empty()) {
        Date visit = onsets.front();
        while (visit < m_today) {
            Event e {weekday(visit), rng.chance(0.9) ? home : second, primary, {}};
            for (const auto& [condition, start] : t.onset) {
                if (start > visit)
                    continue;
                const ChronicRegimen& reg = m_ref.regimen(condition);
                std::vector<RegimenLine> lines = reg.lines;
                const bool step2 = (condition == "hypertension" && t.bpStep2 && *t.bpStep2 <= visit)
                    || (condition == "diabetes" && t.glucoseStep2 && *t.glucoseStep2 <= visit);
                if (step2) {
                    for (const auto& extra : reg.step2) {
                        if (extra.replaces) {
                            for (auto& l : lines)
                                if (l.drug == extra.replaces)
                                    l = extra;
                        } else {
                            lines.push_back(extra);
                        }
                    }
                }
                for (const auto& l : lines) {
                    const Drug* drug = l.drug;
                    if (reg.genericFrom == drug && prefersGeneric && visit >= genericSwitch)
                        drug = reg.genericTo;
                    e.lines.push_back(makeLine(drug, l.qty, l.usage, interval));
                }
            }
            if (!e.lines.empty())
                events.push_back(std::move(e));
            Date next = visit.plusDays(interval + rng.range(-3, 3));
            for (Date o : onsets)
                if (o > visit && o < next)
                    next = o;
            visit = next;
        }
    }

    // Acute courses: a few a year, more for children.
    for (int year = p.birth.year(); year <= m_today.year(); ++year) {
        const int ageThisYear = year - p.birth.year();
        const int n = ageThisYear < 15 ? rng.range(2, 5) : rng.range(0, 3);
        for (int i = 0; i < n; ++i) {
            std::vector<const AcuteCourse*> eligible;
            for (const auto& course : m_ref.acute) {
                if ((course.adultOnly && ageThisYear < 15) || (course.childOnly && ageThisYear >= 15))
                    continue;
                if (course.name == "hay_fever" && !hayFever)
                    continue;
                eligible.push_back(&course);
            }
            const AcuteCourse& course = *rng.pick(eligible);
            const int month = course.months.empty()
                ? rng.range(1, 12)
                : course.months[static_cast<std::size_t>(rng.range(0, static_cast<int>(course.months.size()) - 1))];
            const Date date = weekday(Date::fromYmd(year, month, rng.range(1, 28)));
            if (date < p.birth.plusMonths(6))
                continue;
            const int age = p.birth.ageOn(date);
            const Institution* prescriber = age < 15 ? &m_ref.clinicOfKind("pediatric")
                : course.name == "sinusitis"         ? &m_ref.clinicOfKind("ent")
                : course.name == "back_pain"         ? &m_ref.clinicOfKind("ortho")
                                                     : primary;
            Event e {date, rng.chance(0.6) ? home : &rng.pick(m_ref.pharmacies), prescriber, {}};
            for (const auto& l : course.lines) {
                const Drug* drug = (age < 15 && l.childDrug) ? l.childDrug : l.drug;
                e.lines.push_back(makeLine(drug, l.qty, l.usage, l.days));
            }
            events.push_back(std::move(e));
        }
    }

    // At most one dispensing per (pharmacy, date): same prescriber merges, otherwise the later
    // event moves to the next day.
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.date < b.date; });
    std::map<std::pair<std::string, int>, std::size_t> byKey;
    std::vector<Event> merged;
    for (auto& e : events) {
        for (;;) {
            auto it = byKey.find({e.pharmacy->code, e.date.days});
            if (it == byKey.end()) {
                byKey.emplace(std::make_pair(e.pharmacy->code, e.date.days), merged.size());
                merged.push_back(std::move(e));
                break;
            }
            Event& existing = merged[it->second];
            if (existing.prescriber == e.prescriber) {
                for (auto& l : e.lines)
                    existing.lines.push_back(std::move(l));
                break;
            }
            e.date = e.date.plusDays(1);
        }
    }

    std::vector<Dispensing> out;
    const Date erxFrom = m_today.plusDays(-DataGenerator::kErxWindowDays);
    for (auto& e : merged) {
        if (e.date < m_windowStart || e.date >= m_today)
            continue;
        Dispensing d;
        d.date = e.date;
        d.prescribed = rng.chance(0.85) ? e.date : e.date.plusDays(-rng.range(1, 3));
        d.pharmacy = e.pharmacy;
        d.prescriber = e.prescriber;
        d.eRx = e.date >= erxFrom;
        d.recordId = p.id + "-YZK-" + e.pharmacy->code + "-" + e.date.compact();
        // RPs: lines sharing usage, days and 診療識別 form one RP; a drug appears once per dispensing.
        std::vector<std::tuple<std::string, int, std::string>> rpKeys;
        std::set<const Drug*> seen;
        for (auto& l : e.lines) {
            if (!seen.insert(l.drug).second)
                continue;
            const auto key = std::make_tuple(l.usage, l.times, l.meTrIdCl);
            auto pos = std::find(rpKeys.begin(), rpKeys.end(), key);
            if (pos == rpKeys.end()) {
                rpKeys.push_back(key);
                pos = rpKeys.end() - 1;
            }
            l.rpNo = static_cast<int>(pos - rpKeys.begin()) + 1;
            l.spInst = p.birth.ageOn(e.date) >= 75 && l.meTrIdCl == "21" ? "一包化" : "";
            d.lines.push_back(std::move(l));
        }
        std::stable_sort(
            d.lines.begin(), d.lines.end(), [](const DrugLine& a, const DrugLine& b) { return a.rpNo < b.rpNo; });
        int lastRp = 0, lineNo = 0;
        for (auto& l : d.lines) {
            lineNo = l.rpNo == lastRp ? lineNo + 1 : 1;
            lastRp = l.rpNo;
            l.lineNo = lineNo;
        }
        out.push_back(std::move(d));
    }
    std::sort(out.begin(), out.end(), [](const Dispensing& a, const Dispensing& b) {
        return std::tie(a.date, a.recordId) < std::tie(b.date, b.recordId);
    });
    return out;
}

ordered_json DispensingGenerator::render(
    const Person& p, const std::vector<const Dispensing*>& part, bool injectInvalid, int& recordCount) const
{
    const std::string gender = p.male ? "1" : "2";
    // Group this part's dispensings by branch, then (month, pharmacy, prescriber).
    using Key = std::tuple<std::string, std::string, std::string>;
    std::map<Key, ordered_json> claims, erx;
    for (const Dispensing* d : part) {
        auto& branch = d->eRx ? erx : claims;
        const Key key {d->date.yearMonth(), d->pharmacy->code, d->prescriber->code};
        auto it = branch.find(key);
        if (it == branch.end())
            it = branch.emplace(key, monthInfJson(d->date.yearMonth(), *d->pharmacy, *d->prescriber)).first;
        ordered_json lines = ordered_json::array();
        for (const auto& l : d->lines)
            lines.push_back(drugLineJson(l));
        it->second["DiDateInfs"].push_back(ordered_json {{"RecordId", d->recordId}, {"DiDate", d->date.compact()},
            {"PrDate", d->prescribed.compact()}, {"DrugInfs", std::move(lines)}});
    }
    ordered_json claimsArray = ordered_json::array(), erxArray = ordered_json::array();
    for (auto& [key, month] : claims)
        claimsArray.push_back(std::move(month));
    for (auto& [key, month] : erx)
        erxArray.push_back(std::move(month));
    if (injectInvalid) {
        // A pharmacy that appears nowhere else, so the injected dates collide with nothing.
        const Institution pharmacy {"1340999990", "（検証用）テスト薬局", ""};
        ordered_json month = monthInfJson(m_today.plusDays(-1).yearMonth(), pharmacy, m_ref.clinics.front());
        const Drug& drug = m_ref.drug("loxonin60");
        DrugLine line;
        line.rpNo = 1;
        line.lineNo = 1;
        line.drug = &drug;
        line.qty = 3;
        line.usage = "1日3回毎食後";
        line.times = 5;
        line.meTrIdCl = "21";
        auto bad = [&](int n, std::optional<Date> date, ordered_json drugInf) {
            ordered_json rec {{"RecordId", p.id + "-YZK-INVALID-" + std::to_string(n)}};
            if (date)
                rec["DiDate"] = date->compact();
            rec["PrDate"] = m_today.plusDays(-4).compact();
            rec["DrugInfs"] = ordered_json::array({std::move(drugInf)});
            month["DiDateInfs"].push_back(std::move(rec));
        };
        bad(1, std::nullopt, drugLineJson(line)); // missing DiDate
        ordered_json nonNumeric = drugLineJson(line);
        nonNumeric["Qua1"] = "abc";
        bad(2, m_today.plusDays(-1), std::move(nonNumeric)); // Qua1 not a number
        ordered_json unknown = drugLineJson(line);
        unknown["DrugC"] = "12345";
        unknown["YjCode"] = "UNKNOWN";
        bad(3, m_today.plusDays(-2), std::move(unknown)); // malformed DrugC / YjCode
        ordered_json badUnit = drugLineJson(line);
        badUnit["Unit"] = "mmHg";
        bad(4, m_today.plusDays(-3), std::move(badUnit)); // impossible unit for a tablet
        erxArray.push_back(std::move(month));
        recordCount += DataGenerator::kInvalidPerResult;
    }
    return ordered_json {
        {"QuaInf", {{"Name", p.name}, {"KanaName", p.kana}, {"Birth", p.birth.compact()}, {"AdmGendCode", gender}}},
        {"MeTrMonthInfs", std::move(claimsArray)}, {"CzDiMonthInfs", std::move(erxArray)}};
}

} // namespace techo::sandbox
