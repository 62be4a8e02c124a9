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

// Stream 2 (health) and 0x10000 + year (checkups) belong to CheckupGenerator.cpp.
constexpr std::uint64_t kStreamProfile = 1, kStreamDispensing = 3, kStreamVaccination = 4;
const char* const kFullWidthSpace = "\u3000";

std::string personId(int index)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "P%04d", index + 1);
    return buf;
}

// Moves a weekend date to the following Monday (checkups and clinics are weekday events here).
Date weekday(Date d)
{
    if (d.weekday() == 6)
        return d.plusDays(2);
    if (d.weekday() == 0)
        return d.plusDays(1);
    return d;
}

} // namespace

DataGenerator::DataGenerator(const ReferenceData& ref, GeneratorConfig config)
    : m_ref(ref)
    , m_config(config)
    , m_today(Date::fromYmd(kTodayYear, kTodayMonth, kTodayDay))
    , m_windowStart(m_today.plusYears(-m_config.years))
    , m_checkups(ref, config.seed, m_today, m_windowStart)
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
    Rng rng = Rng::derive(m_config.seed, static_cast<std::uint64_t>(p.index), kStreamDispensing);
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
    const Date erxFrom = m_today.plusDays(-kErxWindowDays);
    for (auto& e : merged) {
        if (!inWindow(e.date))
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

// ---- 予防接種 ------------------------------------------------------------------------------------

std::vector<Vaccination> DataGenerator::vaccinations(const Person& p) const
{
    Rng rng = Rng::derive(m_config.seed, static_cast<std::uint64_t>(p.index), kStreamVaccination);
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
        if (inWindow(v.date))
            out.push_back(std::move(v));
    std::sort(out.begin(), out.end(), [](const Vaccination& a, const Vaccination& b) {
        return std::tie(a.date, a.historyKey) < std::tie(b.date, b.historyKey);
    });
    return out;
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
        ++c.dispensings;
        c.medicationLines += static_cast<long>(d.lines.size());
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
        page.data = ordered_json {{"QualificationsInfo",
                                      {{"Name", p.name}, {"KanaName", p.kana}, {"Birthday", p.birth.compact()},
                                          {"AdministrativeGenderCode", gender}}},
            {"SpecificHealthCheckupInfos", std::move(infos)}};
        break;
    }
    case InfoKind::Yzk: {
        const auto records = dispensings(p);
        const auto part = slice(
            records, req, [](const Dispensing& d) { return d.date; }, page);
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
        if (req.injectInvalid && req.part == 1) {
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
            page.recordCount += kInvalidPerResult;
        }
        page.data = ordered_json {
            {"QuaInf", {{"Name", p.name}, {"KanaName", p.kana}, {"Birth", p.birth.compact()}, {"AdmGendCode", gender}}},
            {"MeTrMonthInfs", std::move(claimsArray)}, {"CzDiMonthInfs", std::move(erxArray)}};
        break;
    }
    case InfoKind::PmhVac: {
        const auto records = vaccinations(p);
        const auto part = slice(
            records, req, [](const Vaccination& v) { return v.date; }, page);
        auto vacJson = [](const Vaccination& v) {
            return ordered_json {{"historyKey", v.historyKey}, {"vaccinationDate", v.date.iso()},
                {"vaccineName", v.vaccine->name},
                {"vaccineCode", {{"system", v.vaccine->system}, {"code", v.vaccine->code}}},
                {"targetDisease", v.vaccine->target}, {"doseNumber", v.dose}, {"lotNumber", v.lot},
                {"manufacturer", v.vaccine->manufacturer}, {"medicalInstitutionCode", v.site->code},
                {"medicalInstitutionName", v.site->name}, {"municipalityCode", v.municipalityCode},
                {"isDeleted", false}};
        };
        ordered_json list = ordered_json::array();
        for (const Vaccination* v : part)
            list.push_back(vacJson(*v));
        if (req.injectInvalid && req.part == 1) {
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
            page.recordCount += kInvalidPerResult;
        }
        page.data = ordered_json {{"basicInfo",
                                      {{"name", p.name}, {"nameKana", p.kana}, {"dateOfBirth", p.birth.iso()},
                                          {"sex", p.male ? "male" : "female"}}},
            {"immunizations", std::move(list)}};
        break;
    }
    }
    return page;
}

} // namespace techo::sandbox
