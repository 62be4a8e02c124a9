#include "DispensingGenerator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "DataGenerator.h"
#include "Random.h"

namespace techo::sandbox {

using nlohmann::ordered_json;

namespace {

constexpr std::uint64_t kStreamDispensing = 3;
const Date kErxServiceStart = Date::fromYmd(2023, 1, 26); // 電子処方箋管理サービス運用開始

// Clinics and pharmacies open Monday to Saturday; Sunday visits move to Monday.
Date openDay(Date d)
{
    return d.weekday() == 0 ? d.plusDays(1) : d;
}

// Qua1 as the layouts write it: "3", "0.6", "1.5" (no trailing zeros).
std::string formatQuantity(double value)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", value);
    std::string out = buf;
    while (out.back() == '0')
        out.pop_back();
    if (out.back() == '.')
        out.pop_back();
    return out;
}

// Rounds a powder or syrup amount the way pharmacies weigh it: 0.1 g / 0.1 mL steps, at least 0.1.
double pharmacyRound(double amount)
{
    return std::max(0.1, std::round(amount * 10.0) / 10.0);
}

// A typical body weight for a child under 6 (kg), from the 乳幼児身体発育調査 curves' medians [R],
// scaled by the child's own factor.
double childWeightKg(int ageMonths, double factor)
{
    const double median = ageMonths < 12 ? 3.1 + 0.55 * ageMonths : 9.7 + 0.17 * static_cast<double>(ageMonths - 12);
    return median * factor;
}

std::string meTrIdClFor(const Drug& drug)
{
    if (drug.form == "屯服")
        return "22";
    if (drug.form == "外用")
        return "23";
    if (drug.form == "注射")
        return "31";
    return "21";
}

DrugLine makeLine(const Drug* drug, double qty, const std::string& usage, int days)
{
    DrugLine line;
    line.drug = drug;
    line.qty = qty;
    line.usage = usage;
    line.meTrIdCl = meTrIdClFor(*drug);
    line.times = line.meTrIdCl == "23" || line.meTrIdCl == "31" ? 1 : days;
    return line;
}

// The element names of one YZK branch (OQSDrug2's parser of real オン資 responses, Form1.cs [C]).
struct Branch {
    const char *org, *hCd, *hNm, *prHCd, *prHNm, *isOrg, *cl, *month, *dateInfs, *diDate, *prDate, *drugInfs, *drugC,
        *drugN, *ingreN, *qua1, *unit, *usageN, *spInst, *times, *usageCl;
};
const Branch kClaims {"DiOrg", "MeTrDiHCd", "MeTrDiHNm", "PrlsHCd", "PrlsHNm", "PrIsOrg", "InOut", "MeTrMonth",
    "DiDateInfs", "DiDate", "PrDate", "DrugInfs", "DrugC", "DrugN", "IngreN", "Qua1", "Unit", "UsageN", "SpInst",
    "Times", "MeTrIdCl"};
const Branch kDispensed {"CzDiOrg", "CzMeTrDiHCd", "CzMeTrDiHNm", "CzPrlsHCd", "CzPrlsHNm", "CzPrIsOrg", "CzPrCl",
    "CzDiMonth", "CzDiDateInfs", "CzDiDate", "CzPrDate", "CzDrugInfs", "CzDrugC", "CzDrugN", "CzIngreN", "CzQua1",
    "CzUnit", "CzUsageN", "CzSpInst", "CzTimes", "CzUsageCl"};
// 処方情報 has one date (ShPrDate) for both 調剤日 and 処方日 in OQSDrug2's mapping.
const Branch kPrescribed {"ShPrOrg", "ShMeTrDiHCd", "ShMeTrDiHNm", "ShPrHCd", "ShPrHNm", "ShPrIsOrg", "ShPrCl",
    "ShPrMonth", "ShPrDateInfs", "ShPrDate", nullptr, "ShDrugInfs", "ShDrugC", "ShDrugN", "ShIngreN", "ShQua1",
    "ShUnit", "ShUsageN", "ShSpInst", "ShTimes", "ShUsageCl"};

ordered_json drugLineJson(const Branch& b, const DrugLine& l, bool omitInvented)
{
    ordered_json out = ordered_json::object();
    if (!omitInvented) {
        out["RpNo"] = std::to_string(l.rpNo);
        out["LineNo"] = std::to_string(l.lineNo);
    }
    out[b.drugC] = l.drug->drugc;
    if (!omitInvented)
        out["YjCode"] = l.drug->yj;
    out[b.drugN] = l.drug->name;
    out[b.ingreN] = l.drug->ingredient;
    out[b.qua1] = formatQuantity(l.qty);
    out[b.unit] = l.drug->unit;
    out[b.usageN] = l.usage;
    out[b.spInst] = l.spInst;
    out[b.times] = std::to_string(l.times);
    out[b.usageCl] = l.meTrIdCl;
    return out;
}

// In the claims branch the name is the registered one; the 電子処方箋 branches spell some pharmacies
// differently (株式会社 prefix, half-width kana, full-width space), as real feeds do.
ordered_json monthInfJson(const Branch& b, const std::string& month, const Institution& dispenser,
    const Institution& prescriber, bool inHouse, bool erxSpelling)
{
    const std::string& name = erxSpelling && !dispenser.erxName.empty() ? dispenser.erxName : dispenser.name;
    return ordered_json {{b.org, inHouse ? "1" : "2"}, {b.hCd, dispenser.code}, {b.hNm, name},
        {b.prHCd, prescriber.code}, {b.prHNm, prescriber.name}, {b.isOrg, "1"}, {b.cl, inHouse ? "1" : "2"},
        {b.month, month}, {b.dateInfs, ordered_json::array()}};
}

} // namespace

DispensingGenerator::DispensingGenerator(const ReferenceData& ref, std::uint64_t seed, Date windowStart, Date today)
    : m_ref(ref)
    , m_seed(seed)
    , m_windowStart(windowStart)
    , m_today(today)
{ }

std::vector<Dispensing> DispensingGenerator::generate(const Person& p, const TreatmentHistory& treatment) const
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
    const double weightFactor = std::clamp(rng.normal(1.0, 0.1), 0.75, 1.3);
    const double adherence = rng.uniform(0.6, 1.0); // share of refills collected on time

    // Conditions the checkup simulation does not decide: constipation in old age (a powder in decimal
    // grams), and when GERD / insomnia / constipation / gout treatment stops; some diabetics start insulin.
    std::map<std::string, Date> onset = treatment.onset;
    std::map<std::string, Date> stop;
    if (rng.chance(0.18)) {
        const Date d = p.birth.plusYears(rng.range(65, 85)).plusDays(rng.range(0, 364));
        onset.emplace("constipation", d);
    }
    for (const auto& [condition, start] : onset) {
        const double stopChance = condition == "gerd" ? 0.8
            : condition == "insomnia"                 ? 0.4
            : condition == "constipation"             ? 0.3
            : condition == "hyperuricemia"            ? 0.15
                                                      : 0.0;
        if (rng.chance(stopChance))
            stop.emplace(condition, start.plusDays(rng.range(56, 720)));
    }
    const double mgoGrams = std::vector<double> {0.5, 1.0, 1.5, 2.0}[static_cast<std::size_t>(rng.range(0, 3))];
    std::optional<Date> insulinFrom;
    const auto diabetes = treatment.onset.find("diabetes");
    if (treatment.glucoseStep2 && rng.chance(0.35))
        insulinFrom = treatment.glucoseStep2->plusDays(rng.range(180, 1500));
    else if (diabetes != treatment.onset.end() && rng.chance(0.12))
        insulinFrom = diabetes->second.plusDays(rng.range(3 * 365, 10 * 365));

    struct Event {
        Date date;
        const Institution* pharmacy;
        const Institution* prescriber;
        std::vector<DrugLine> lines;
    };
    std::vector<Event> events;

    // Chronic refills: every active regimen is dispensed together at each visit. Refills are often
    // late (a gap with no medicine) and treatment of some conditions stops.
    std::vector<Date> starts;
    for (const auto& [condition, date] : onset)
        starts.push_back(date);
    std::sort(starts.begin(), starts.end());
    std::vector<Date> chronicVisits;
    if (!starts.empty()) {
        Date visit = starts.front();
        while (visit < m_today) {
            Event e {openDay(visit), rng.chance(0.9) ? home : second, primary, {}};
            for (const auto& [condition, start] : onset) {
                const auto stopped = stop.find(condition);
                if (start > visit || (stopped != stop.end() && stopped->second <= visit))
                    continue;
                if (condition == "constipation") {
                    e.lines.push_back(makeLine(&m_ref.drug("mgo_kenei"), mgoGrams, "1日3回毎食後", interval));
                    continue;
                }
                const ChronicRegimen& reg = m_ref.regimen(condition);
                std::vector<RegimenLine> lines = reg.lines;
                const bool step2 = (condition == "hypertension" && treatment.bpStep2 && *treatment.bpStep2 <= visit)
                    || (condition == "diabetes" && treatment.glucoseStep2 && *treatment.glucoseStep2 <= visit);
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
                if (condition == "diabetes" && insulinFrom && *insulinFrom <= visit) {
                    // 300単位 per kit at 8–14 単位 a day: kits for the interval, rounded up.
                    const int unitsPerDay = 8 + (p.index % 7);
                    DrugLine pen = makeLine(&m_ref.drug("innolet_n"),
                        std::ceil(static_cast<double>(unitsPerDay * interval) / 300.0), "1日1回朝食前　皮下注射",
                        interval);
                    pen.spInst = "1回" + std::to_string(unitsPerDay) + "単位";
                    e.lines.push_back(pen);
                }
            }
            if (!e.lines.empty()) {
                chronicVisits.push_back(e.date);
                events.push_back(std::move(e));
            }
            // Adherence: refills collected on time (±3 days), or late, leaving days without medicine.
            int late = rng.range(-3, 3);
            if (!rng.chance(adherence))
                late = rng.chance(0.7) ? rng.range(7, 30) : rng.range(31, 90);
            Date next = visit.plusDays(interval + late);
            for (Date o : starts)
                if (o > visit && o < next)
                    next = o;
            visit = next;
        }
    }

    // Acute courses: a few a year, more for children. Under 6, weight-based powders and syrups.
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
            const PediatricCourse& small = rng.pick(m_ref.pediatric);
            const std::vector<int>& months = ageThisYear < 6 ? small.months : course.months;
            const int month = months.empty()
                ? rng.range(1, 12)
                : months[static_cast<std::size_t>(rng.range(0, static_cast<int>(months.size()) - 1))];
            Date date = openDay(Date::fromYmd(year, month, rng.range(1, 28)));
            const bool sameDayAsRefill = !chronicVisits.empty() && ageThisYear >= 15 && rng.chance(0.25);
            if (date < p.birth.plusMonths(6))
                continue;
            const int age = p.birth.ageOn(date);
            const Institution* prescriber = age < 15 ? &m_ref.clinicOfKind("pediatric")
                : course.name == "sinusitis"         ? &m_ref.clinicOfKind("ent")
                : course.name == "back_pain"         ? &m_ref.clinicOfKind("ortho")
                                                     : primary;
            const Institution* pharmacy = rng.chance(0.6) ? home : &rng.pick(m_ref.pharmacies);
            if (sameDayAsRefill && prescriber != primary) {
                // After the regular visit, the same day at another clinic: both prescriptions are filled
                // at the home pharmacy that day.
                const auto near = std::lower_bound(chronicVisits.begin(), chronicVisits.end(), date);
                if (near != chronicVisits.end() && near->year() == year) {
                    date = *near;
                    pharmacy = home;
                }
            }
            Event e {date, pharmacy, prescriber, {}};
            const int ageMonths = (date.year() - p.birth.year()) * 12 + date.month() - p.birth.month()
                - (date.day() < p.birth.day() ? 1 : 0);
            if (age < 6) {
                if (ageMonths < small.minMonths)
                    continue;
                const double kg = childWeightKg(ageMonths, weightFactor);
                for (const auto& l : small.lines) {
                    if (kg < l.minWeightKg)
                        continue;
                    double qty = l.count;
                    if (l.mgPerKgDay > 0)
                        qty = pharmacyRound(kg * l.mgPerKgDay / l.drug->mgPerUnit);
                    else if (l.mgPerKgDose > 0)
                        qty = pharmacyRound(kg * l.mgPerKgDose / l.drug->mgPerUnit);
                    else if (l.gPerDay > 0)
                        qty = ageMonths < 12 ? l.gPerDayUnder1 : l.gPerDay;
                    DrugLine line = makeLine(l.drug, qty, l.usage, l.days);
                    if (l.drug->unit == "mL")
                        line.spInst = "冷所保存"; // free text, as pharmacies write it
                    e.lines.push_back(line);
                }
            } else {
                for (const auto& l : course.lines) {
                    const Drug* drug = (age < 15 && l.childDrug) ? l.childDrug : l.drug;
                    e.lines.push_back(makeLine(drug, l.qty, l.usage, l.days));
                }
            }
            if (!e.lines.empty())
                events.push_back(std::move(e));
        }
    }

    // The default family shows the case too: ten weeks ago P0001 saw his regular doctor (a cold) and the
    // ENT clinic (sinusitis) on one day and had both prescriptions filled at one pharmacy.
    if (p.index == 0) {
        const Date day = openDay(m_today.plusDays(-70));
        // A pharmacy the 電子処方箋 branches spell differently, so the family shows that case too.
        const Institution* pharmacy = home;
        for (const auto& candidate : m_ref.pharmacies)
            if (pharmacy->erxName.empty() && !candidate.erxName.empty())
                pharmacy = &candidate;
        for (const auto& course : m_ref.acute) {
            if (course.name != "cold" && course.name != "sinusitis")
                continue;
            Event e {day, pharmacy, course.name == "cold" ? primary : &m_ref.clinicOfKind("ent"), {}};
            for (const auto& l : course.lines)
                e.lines.push_back(makeLine(l.drug, l.qty, l.usage, l.days));
            events.push_back(std::move(e));
        }
    }

    // One dispensing per (pharmacy, date, prescriber): the same prescriber's courses merge; two
    // prescribers the same day at one pharmacy are two dispensings, as in real feeds.
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.date < b.date; });
    std::map<std::tuple<std::string, int, std::string>, std::size_t> byKey;
    std::vector<Event> merged;
    for (auto& e : events) {
        const auto key = std::make_tuple(e.pharmacy->code, e.date.days, e.prescriber->code);
        const auto it = byKey.find(key);
        if (it == byKey.end()) {
            byKey.emplace(key, merged.size());
            merged.push_back(std::move(e));
        } else {
            for (auto& l : e.lines)
                merged[it->second].lines.push_back(std::move(l));
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
        d.inHouse = e.prescriber->inHouse;
        d.pharmacy = d.inHouse ? e.prescriber : e.pharmacy;
        d.prescriber = e.prescriber;
        d.claims = e.date < claimsUntil();
        d.eRx = !d.inHouse && e.date >= erxFrom && e.date >= kErxServiceStart;
        d.prescription = d.eRx;
        // A 院内 dispensing of the last weeks is in no branch yet: its claim is not billed.
        d.recordId = p.id + "-YZK-" + d.pharmacy->code + "-" + e.date.compact() + "-" + d.prescriber->code;
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
            if (p.birth.ageOn(e.date) >= 75 && l.meTrIdCl == "21")
                l.spInst = "一包化";
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

std::vector<DispensingRecord> DispensingGenerator::records(const std::vector<Dispensing>& dispensings)
{
    using B = DispensingRecord::Branch;
    std::vector<DispensingRecord> out;
    for (const auto& d : dispensings) {
        if (d.claims)
            out.push_back({&d, B::Claims, d.date, d.recordId});
        if (d.eRx)
            out.push_back({&d, B::Dispensed, d.date, d.recordId + "-CZ"});
        if (d.prescription)
            out.push_back({&d, B::Prescribed, d.prescribed, d.recordId + "-SH"});
    }
    std::sort(out.begin(), out.end(), [](const DispensingRecord& a, const DispensingRecord& b) {
        return std::tie(a.date, a.id) < std::tie(b.date, b.id);
    });
    return out;
}

ordered_json DispensingGenerator::render(const Person& p, const std::vector<const DispensingRecord*>& part,
    const RenderOptions& options, int& recordCount) const
{
    const std::string gender = p.male ? "1" : "2";
    // Group this part's records by branch, then (month, dispenser, prescriber).
    using Key = std::tuple<std::string, std::string, std::string>;
    std::map<Key, ordered_json> claims, dispensed, prescribed;
    auto dateInf = [&options](const Branch& b, const DispensingRecord& r) {
        const Dispensing& d = *r.dispensing;
        ordered_json rec = ordered_json::object();
        if (!options.omitInvented)
            rec["RecordId"] = r.id;
        rec[b.diDate] = r.date.compact();
        if (b.prDate)
            rec[b.prDate] = d.prescribed.compact();
        ordered_json lines = ordered_json::array();
        for (const auto& l : d.lines)
            lines.push_back(drugLineJson(b, l, options.omitInvented));
        rec[b.drugInfs] = std::move(lines);
        return rec;
    };
    auto add = [&](std::map<Key, ordered_json>& branch, const Branch& b, const DispensingRecord& r,
                   const Institution& dispenser, bool erxSpelling) {
        const Dispensing& d = *r.dispensing;
        const Date date = r.date;
        const Key key {date.yearMonth(), dispenser.code, d.prescriber->code};
        auto it = branch.find(key);
        if (it == branch.end())
            it = branch
                     .emplace(key, monthInfJson(b, date.yearMonth(), dispenser, *d.prescriber, d.inHouse, erxSpelling))
                     .first;
        ordered_json rec = dateInf(b, r);
        if (&b == &kClaims && d.inHouse) {
            // 院内: the clinic's own claim also carries the visit's 診療行為 (再診料 [R]).
            rec["MeTrInfs"] = ordered_json::array({ordered_json {{"SinInfN", "再診料"}, {"SinInfCd", "112007410"},
                {"MeTrIdCl", "12"}, {"Qua1", "1"}, {"Times", "1"}, {"Unit", ""}}});
        }
        it->second[b.dateInfs].push_back(std::move(rec));
    };
    for (const DispensingRecord* r : part) {
        switch (r->branch) {
        case DispensingRecord::Branch::Claims:
            add(claims, kClaims, *r, *r->dispensing->pharmacy, false);
            break;
        case DispensingRecord::Branch::Dispensed:
            add(dispensed, kDispensed, *r, *r->dispensing->pharmacy, true);
            break;
        case DispensingRecord::Branch::Prescribed:
            add(prescribed, kPrescribed, *r, *r->dispensing->prescriber, true);
            break;
        }
    }
    auto toArray = [](std::map<Key, ordered_json>& branch) {
        ordered_json array = ordered_json::array();
        for (auto& [key, month] : branch)
            array.push_back(std::move(month));
        return array;
    };
    ordered_json claimsArray = toArray(claims), dispensedArray = toArray(dispensed),
                 prescribedArray = toArray(prescribed);
    if (options.injectInvalid) {
        // A pharmacy that appears nowhere else, so the injected dates collide with nothing.
        const Institution pharmacy {"1340999990", "（検証用）テスト薬局", "", "", false};
        ordered_json month
            = monthInfJson(kDispensed, m_today.plusDays(-1).yearMonth(), pharmacy, m_ref.clinics.front(), false, false);
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
            ordered_json rec = ordered_json::object();
            if (!options.omitInvented)
                rec["RecordId"] = p.id + "-YZK-INVALID-" + std::to_string(n);
            if (date)
                rec[kDispensed.diDate] = date->compact();
            rec[kDispensed.prDate] = m_today.plusDays(-4).compact();
            rec[kDispensed.drugInfs] = ordered_json::array({std::move(drugInf)});
            month[kDispensed.dateInfs].push_back(std::move(rec));
        };
        bad(1, std::nullopt, drugLineJson(kDispensed, line, options.omitInvented)); // missing CzDiDate
        ordered_json nonNumeric = drugLineJson(kDispensed, line, options.omitInvented);
        nonNumeric[kDispensed.qua1] = "abc";
        bad(2, m_today.plusDays(-1), std::move(nonNumeric)); // CzQua1 not a number
        ordered_json unknown = drugLineJson(kDispensed, line, options.omitInvented);
        unknown[kDispensed.drugC] = "12345";
        if (!options.omitInvented)
            unknown["YjCode"] = "UNKNOWN";
        bad(3, m_today.plusDays(-2), std::move(unknown)); // malformed CzDrugC (and YjCode)
        ordered_json badUnit = drugLineJson(kDispensed, line, options.omitInvented);
        badUnit[kDispensed.unit] = "mmHg";
        bad(4, m_today.plusDays(-3), std::move(badUnit)); // impossible unit for a tablet
        dispensedArray.push_back(std::move(month));
        recordCount += DataGenerator::kInvalidPerResult;
    }
    return ordered_json {{"ResultCode", "1"}, {"MessageContents", ""},
        {"QuaInf", {{"Name", p.name}, {"KanaName", p.kana}, {"Birth", p.birth.compact()}, {"AdmGendCode", gender}}},
        {"MeTrMonthInfs", std::move(claimsArray)}, {"CzDiInf", {{"CzDiMonthInfs", std::move(dispensedArray)}}},
        {"ShPrInf", {{"ShPrMonthInfs", std::move(prescribedArray)}}}};
}

} // namespace techo::sandbox
