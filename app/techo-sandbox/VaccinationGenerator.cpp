#include "VaccinationGenerator.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <stdexcept>
#include <tuple>

#include "DataGenerator.h"
#include "Random.h"

namespace techo::sandbox {

using nlohmann::ordered_json;

namespace {

constexpr std::uint64_t kStreamVaccination = 4;
const Date kFarFuture = Date::fromYmd(2200, 1, 1);

// Vaccination clinics open Monday to Saturday and close over 年末年始 (29 Dec – 3 Jan).
Date clinicDay(Date d)
{
    if (d.weekday() == 0)
        d = d.plusDays(1);
    if ((d.month() == 12 && d.day() >= 29) || (d.month() == 1 && d.day() <= 3))
        d = Date::fromYmd(d.month() == 12 ? d.year() + 1 : d.year(), 1, 4);
    if (d.weekday() == 0)
        d = d.plusDays(1);
    return d;
}

// An age as 生後 months, or as days (週齢: ロタ 6週 = 42 days), the way the 実施規則 states windows.
struct Age {
    int months = 0, days = 0;
    [[nodiscard]] bool set() const { return months != 0 || days != 0; }
};

// The day the age is reached. 生後N月に至った日 is the day before the birth date's day N months later
// (民法第143条; the last day of that month when it has no such day): born 15 Aug, 3 months on 14 Nov.
// A window "生後N月に至るまで" therefore ends the day before that.
Date at(Date birth, Age a)
{
    return a.months > 0 ? birth.plusMonths(a.months).plusDays(a.days - 1) : birth.plusDays(a.days);
}

// One dose of a routine series. A dose is given on [birth + minAge, birth + maxAge) and no earlier than
// its minimum interval after the previous given dose of the series; a dose whose window can no longer be
// met is skipped (the 実施要領's "それを超えた場合は行わない"). "N日以上の間隔" counts the days between the
// two doses, so the next dose is on day last + N + 1 at the earliest (27日以上: four weeks later).
struct Slot {
    Age minAge, maxAge;
    int minGapDays = 0; // after the previous given dose
    int minGapMonths = 0; // after the previous given dose, in calendar months ("6月以上")
    int minFromFirstDays = 0; // after the first dose (B型肝炎 3回目: 139日以上)
    Age recAge; // recommended age; unset: the recommended gap below
    int recGapLo = 0, recGapHi = 0; // recommended days after the previous dose
    Age prevBefore; // given only when the previous dose came before this age (小児肺炎球菌 初回3回目)
    bool preschool = false; // MR 2期: the year before school entry instead of an age window
};

struct Era {
    const char* vaccine;
    Date from, until; // inclusive
};

enum class Kind { Inactivated, LiveInjected, LiveOther };

struct Series {
    const char* key;
    std::vector<Era> eras;
    std::vector<Slot> slots;
    Kind kind = Kind::Inactivated;
    Date bornFrom {}; // the cohort the routine programme covers (B型肝炎: born on or after 2016-04-01)
};

Date ymd(int y, int m, int d)
{
    return Date::fromYmd(y, m, d);
}

// The childhood 定期接種 series. Sources (each [R], the municipal summaries of the 定期接種実施要領 that
// they match are cited in docs/sandbox-api.md): minimum intervals and age windows per dose, product eras.
const std::vector<Series>& childSeries()
{
    static const std::vector<Series> series = [] {
        std::vector<Series> s;
        const Date none {};
        // B型肝炎: 1歳に至るまで; 2回目 27日以上, 3回目 1回目から139日以上. Routine from 2016-10-01 for
        // children born on or after 2016-04-01.
        s.push_back({"hepb", {{"hepb", ymd(2016, 10, 1), kFarFuture}},
            {{{}, {12, 0}, 0, 0, 0, {2, 0}, 0, 0, {}, false}, {{}, {12, 0}, 27, 0, 0, {}, 27, 35, {}, false},
                {{}, {12, 0}, 27, 0, 139, {7, 0}, 0, 0, {}, false}},
            Kind::Inactivated, ymd(2016, 4, 1)});
        // ロタ (1価, 2回): 1回目 生後6週から14週6日まで, 2回目 27日以上あけて 24週まで. From 2020-10-01 for
        // children born on or after 2020-08-01.
        s.push_back({"rota", {{"rota", ymd(2020, 10, 1), kFarFuture}},
            {{{0, 42}, {0, 105}, 0, 0, 0, {2, 0}, 0, 0, {}, false}, {{}, {0, 168}, 27, 0, 0, {}, 27, 35, {}, false}},
            Kind::LiveOther, ymd(2020, 8, 1)});
        // ヒブ: 生後2月から60月まで; 初回3回 27日以上, 初回は生後12月まで; 追加 初回終了後7月以上.
        s.push_back({"hib", {{"hib", ymd(2013, 4, 1), kFarFuture}},
            {{{2, 0}, {60, 0}, 0, 0, 0, {2, 0}, 0, 0, {}, false}, {{}, {12, 0}, 27, 0, 0, {}, 27, 35, {}, false},
                {{}, {12, 0}, 27, 0, 0, {}, 27, 35, {}, false}, {{}, {60, 0}, 0, 7, 0, {}, 215, 300, {}, false}},
            Kind::Inactivated, none});
        // 小児肺炎球菌: 初回3回 27日以上, 2・3回目は生後24月まで, 3回目は2回目が生後12月までのときだけ;
        // 追加 初回終了後60日以上かつ生後12月以降 (標準12–15月). 13価 → 15価 (2024-04) → 20価 (2024-10).
        s.push_back({"pcv",
            {{"pcv13", ymd(2013, 11, 1), ymd(2024, 3, 31)}, {"pcv15", ymd(2024, 4, 1), ymd(2024, 9, 30)},
                {"pcv20", ymd(2024, 10, 1), kFarFuture}},
            {{{2, 0}, {60, 0}, 0, 0, 0, {2, 0}, 0, 0, {}, false}, {{}, {24, 0}, 27, 0, 0, {}, 27, 35, {}, false},
                {{}, {24, 0}, 27, 0, 0, {}, 27, 35, {12, 0}, false},
                {{12, 0}, {60, 0}, 60, 0, 0, {12, 0}, 0, 0, {}, false}},
            Kind::Inactivated, none});
        // ジフテリア・百日せき・破傷風(・ポリオ)(・ヒブ) 1期: 生後2月(2023-03までは3月)から90月まで;
        // 初回3回 20日以上; 追加 初回終了後6月以上 (標準12–18月). 三種 → 四種 (2012-11) → 五種 (2024-04),
        // the dose number continuing across products.
        s.push_back({"dtp",
            {{"dpt", ymd(1981, 10, 1), ymd(2012, 10, 31)}, {"dpt_ipv", ymd(2012, 11, 1), ymd(2025, 6, 30)},
                {"dpt_ipv_hib", ymd(2024, 4, 1), kFarFuture}},
            {{{2, 0}, {90, 0}, 0, 0, 0, {2, 0}, 0, 0, {}, false}, {{}, {90, 0}, 20, 0, 0, {}, 27, 35, {}, false},
                {{}, {90, 0}, 20, 0, 0, {}, 27, 35, {}, false}, {{}, {90, 0}, 0, 6, 0, {}, 365, 540, {}, false}},
            Kind::Inactivated, none});
        // 経口生ポリオ (until 2012-08): 2回, 41日以上.
        s.push_back({"opv", {{"opv", ymd(1961, 1, 1), ymd(2012, 8, 31)}},
            {{{3, 0}, {90, 0}, 0, 0, 0, {4, 0}, 0, 0, {}, false}, {{}, {90, 0}, 41, 0, 0, {}, 150, 200, {}, false}},
            Kind::LiveOther, none});
        // BCG: 1歳に至るまで (標準 生後5–8月).
        s.push_back({"bcg", {{"bcg", ymd(2005, 4, 1), kFarFuture}}, {{{}, {12, 0}, 0, 0, 0, {5, 0}, 0, 0, {}, false}},
            Kind::LiveOther, none});
        // MR: 1期 生後12–24月; 2期 小学校就学前の1年間.
        s.push_back({"mr", {{"mr", ymd(2006, 4, 1), kFarFuture}},
            {{{12, 0}, {24, 0}, 0, 0, 0, {12, 0}, 0, 0, {}, false}, {{}, {}, 0, 0, 0, {}, 0, 0, {}, true}},
            Kind::LiveInjected, none});
        // 水痘: 生後12–36月, 2回 3月以上 (標準6–12月).
        s.push_back({"varicella", {{"varicella", ymd(2014, 10, 1), kFarFuture}},
            {{{12, 0}, {36, 0}, 0, 0, 0, {12, 0}, 0, 0, {}, false}, {{}, {36, 0}, 0, 3, 0, {}, 183, 365, {}, false}},
            Kind::LiveInjected, none});
        // 日本脳炎: 1期 生後6–90月 (初回2回 6日以上, 追加 初回終了後6月以上), 2期 9–13歳.
        s.push_back({"je", {{"je", ymd(2009, 6, 1), kFarFuture}},
            {{{6, 0}, {90, 0}, 0, 0, 0, {36, 0}, 0, 0, {}, false}, {{}, {90, 0}, 6, 0, 0, {}, 7, 28, {}, false},
                {{}, {90, 0}, 0, 6, 0, {}, 365, 400, {}, false},
                {{108, 0}, {156, 0}, 6, 0, 0, {108, 0}, 0, 0, {}, false}},
            Kind::Inactivated, none});
        // 二種混合 (DT) 2期: 11–13歳.
        s.push_back({"dt", {{"dt", ymd(1968, 1, 1), kFarFuture}},
            {{{132, 0}, {156, 0}, 0, 0, 0, {132, 0}, 0, 0, {}, false}}, Kind::Inactivated, none});
        return s;
    }();
    return series;
}

struct SeriesState {
    const Series* series = nullptr;
    std::size_t slot = 0;
    int given = 0;
    Date first {}, last {};
    std::optional<Date> due;
    bool done = false;
};

struct Requirement {
    Date lo, hi; // allowed on [lo, hi)
};

} // namespace

Date VaccinationGenerator::schoolEntry(Date birth)
{
    const bool earlyBorn = birth.month() < 4 || (birth.month() == 4 && birth.day() == 1);
    return Date::fromYmd(birth.year() + (earlyBorn ? 6 : 7), 4, 1);
}

VaccinationGenerator::VaccinationGenerator(const ReferenceData& ref, std::uint64_t seed, Date windowStart, Date today)
    : m_ref(ref)
    , m_seed(seed)
    , m_windowStart(windowStart)
    , m_today(today)
{
    for (const auto& s : childSeries())
        for (const auto& era : s.eras)
            (void)vaccine(era.vaccine);
    for (const char* key : {"hpv4", "hpv9", "ppsv23", "mr", "varicella", "shingrix"})
        (void)vaccine(key);
}

const Vaccine& VaccinationGenerator::vaccine(const std::string& key) const
{
    for (const auto& v : m_ref.vaccines)
        if (v.key == key)
            return v;
    throw std::runtime_error("vaccine missing from sandbox tables: " + key);
}

std::vector<Vaccination> VaccinationGenerator::generate(const Person& p) const
{
    Rng rng = Rng::derive(m_seed, static_cast<std::uint64_t>(p.index), kStreamVaccination);
    const bool hesitant = rng.chance(0.12);
    const double missRate = hesitant ? 0.3 : 0.05;
    std::vector<Vaccination> all;
    auto lot = [&rng](const Vaccine& v) {
        const std::string& prefix = rng.pick(v.lotPrefixes);
        const int digits = std::max(2, 6 - static_cast<int>(prefix.size()));
        std::string out = prefix;
        for (int i = 0; i < digits; ++i)
            out += static_cast<char>('0' + rng.range(0, 9));
        return out;
    };
    auto key = [&p](const std::string& series, int dose, Date date, int revision) {
        char buf[48];
        std::snprintf(buf, sizeof buf, "%s-%016llx", p.municipality->code.c_str(),
            static_cast<unsigned long long>(fnv1a(p.id + "|" + series + "|" + std::to_string(dose) + "|"
                + date.compact() + "|" + std::to_string(revision))));
        return std::string(buf);
    };
    auto add = [&](const std::string& series, const Vaccine& v, Date date, int dose, const std::string& target = {}) {
        const int age = p.birth.ageOn(date);
        Vaccination x;
        x.date = date;
        x.vaccine = &v;
        x.target = target;
        x.dose = dose;
        x.lot = lot(v);
        x.site = age < 15 ? &m_ref.clinicOfKind("pediatric") : &m_ref.clinicOfKind("internal");
        x.municipalityCode = p.municipality->code;
        x.historyKey = key(series, dose, date, 0);
        all.push_back(std::move(x));
    };

    // ---- childhood series: one visit gives every dose that is due (同時接種) -------------------------
    std::vector<SeriesState> states;
    for (const auto& s : childSeries())
        if (p.birth >= s.bornFrom) {
            SeriesState st;
            st.series = &s;
            states.push_back(st);
        }
    auto stateOf = [&states](const char* k) -> SeriesState* {
        for (auto& st : states)
            if (std::string(st.series->key) == k)
                return &st;
        return nullptr;
    };
    const Date entry = schoolEntry(p.birth);
    std::map<std::pair<int, int>, int> visitGaps;
    const Date lateStart = hesitant && rng.chance(0.5) ? p.birth.plusMonths(rng.range(4, 10)) : p.birth;
    // The next dose of a series: its window, skipping doses whose window is gone.
    auto requirement = [&](SeriesState& st) -> std::optional<Requirement> {
        while (!st.done && st.slot < st.series->slots.size()) {
            const Slot& sl = st.series->slots[st.slot];
            const bool skipPrev = sl.prevBefore.set() && st.given > 0 && st.last >= at(p.birth, sl.prevBefore);
            Date lo = at(p.birth, sl.minAge);
            Date hi = sl.maxAge.set() ? at(p.birth, sl.maxAge) : kFarFuture;
            if (sl.preschool) {
                lo = entry.plusYears(-1);
                hi = entry;
            }
            if (st.given > 0) {
                lo = std::max({lo, st.last.plusDays(sl.minGapDays + 1), st.last.plusMonths(sl.minGapMonths)});
                if (sl.minFromFirstDays > 0)
                    lo = std::max(lo, st.first.plusDays(sl.minFromFirstDays + 1));
            }
            // 四種混合 started at 生後3月 until 2023-03 (生後2月 since 2023-04-01).
            if (std::string(st.series->key) == "dtp" && st.slot == 0)
                lo = std::max(
                    lo, std::min(at(p.birth, {3, 0}), std::max(at(p.birth, {2, 0}), Date::fromYmd(2023, 4, 1))));
            if (st.given == 0 && st.slot > 0) { // the first dose's window passed: the series never starts
                st.done = true;
                return std::nullopt;
            }
            lo = std::max(lo, st.series->eras.front().from);
            hi = std::min(hi, st.series->eras.back().until.plusDays(1));
            if (!st.due) {
                Date due;
                if (sl.preschool)
                    due = lo.plusDays(rng.chance(0.75) ? rng.range(0, 90) : rng.range(90, 330));
                else if (sl.recAge.set())
                    due = at(p.birth, sl.recAge).plusDays(rng.range(0, 20));
                else {
                    // Series given together stay together: one recommended gap per (visit, kind of gap).
                    const auto gapKey = std::make_pair(st.last.days, sl.recGapLo);
                    auto gap = visitGaps.find(gapKey);
                    if (gap == visitGaps.end())
                        gap = visitGaps.emplace(gapKey, rng.range(sl.recGapLo, std::max(sl.recGapLo, sl.recGapHi)))
                                  .first;
                    due = st.last.plusDays(gap->second);
                }
                if (st.given == 0 && lateStart > p.birth)
                    due = std::max(due, lateStart);
                if (due < lo) // became routine after the recommended age: caught up when it did
                    due = lo.plusDays(rng.range(0, 60));
                st.due = due;
            }
            if (skipPrev || lo >= hi || *st.due >= hi) {
                ++st.slot;
                st.due.reset();
                continue;
            }
            return Requirement {lo, hi};
        }
        st.done = true;
        return std::nullopt;
    };
    // Cross-series rules: two different 注射生ワクチン 27日以上 apart (unless on the same day); before
    // 2020-10-01 any vaccine 27日以上 after a live one and 6日以上 after an inactivated one.
    std::vector<std::pair<Date, Kind>> history;
    auto crossEarliest = [&history](Date v, Kind kind) {
        Date lo = v;
        for (const auto& [d, k] : history) {
            if (d >= v)
                continue;
            int gap = 0;
            if (kind == Kind::LiveInjected && k == Kind::LiveInjected)
                gap = 27;
            if (v < Date::fromYmd(2020, 10, 1))
                gap = std::max(gap, k == Kind::Inactivated ? 6 : 27);
            if (gap > 0 && v.days - d.days <= gap)
                lo = std::max(lo, d.plusDays(gap + 1));
        }
        return lo;
    };
    for (int guard = 0; guard < 400; ++guard) {
        std::optional<Date> visit;
        for (auto& st : states)
            if (requirement(st) && (!visit || *st.due < *visit))
                visit = *st.due;
        if (!visit || *visit >= m_today)
            break;
        const Date v = clinicDay(*visit);
        bool gaveAny = false;
        bool movedAny = false;
        for (auto& st : states) {
            const auto req = requirement(st);
            if (!req || *st.due > v.plusDays(14))
                continue;
            if (v < req->lo || v >= req->hi) {
                st.due = std::max(req->lo, v.plusDays(1));
                movedAny = true;
                continue;
            }
            const Date cross = crossEarliest(v, st.series->kind);
            if (cross > v) {
                st.due = cross;
                movedAny = true;
                continue;
            }
            if (rng.chance(missRate)) { // missed: caught up at a later visit while the window is open
                st.due = v.plusDays(rng.range(21, 120));
                movedAny = true;
                continue;
            }
            // 四種混合 → 五種混合: from 2024-04 a new start, or a child whose ヒブ and 四種 counts are equal,
            // switches to 五種; after 四種 left the market (2025-07) everyone does. ヒブ is then covered.
            const Series& s = *st.series;
            std::string product;
            for (const auto& era : s.eras)
                if (v >= era.from && v <= era.until) {
                    product = era.vaccine;
                    break;
                }
            if (std::string(s.key) == "dtp" && v >= Date::fromYmd(2024, 4, 1)) {
                SeriesState* hib = stateOf("hib");
                const bool newStart = st.given == 0 && (!hib || hib->given == 0);
                const bool aligned = hib && !hib->done && hib->given == st.given;
                if (newStart || aligned || v > Date::fromYmd(2025, 6, 30)) {
                    // The 五種 dose is also the next ヒブ dose: ヒブ's own interval must be met too.
                    const auto hibReq = hib && !hib->done && hib->given > 0 ? requirement(*hib) : std::nullopt;
                    if (hibReq && v < hibReq->lo) {
                        st.due = hibReq->lo;
                        movedAny = true;
                        continue;
                    }
                    product = "dpt_ipv_hib";
                    if (hib) {
                        hib->done = true;
                        hib->due.reset();
                    }
                }
            }
            if (std::string(s.key) == "hib" && v >= Date::fromYmd(2024, 4, 1)) {
                SeriesState* dtp = stateOf("dtp");
                if (dtp && !dtp->done && (dtp->given == 0 || dtp->given == st.given)) {
                    // given as 五種混合 with the next dtp dose
                    st.due = std::max(dtp->due.value_or(v), v.plusDays(1));
                    movedAny = true;
                    continue;
                }
            }
            ++st.given;
            if (st.given == 1)
                st.first = v;
            st.last = v;
            ++st.slot;
            st.due.reset();
            add(s.key, vaccine(product), v, st.given);
            history.emplace_back(v, s.kind);
            gaveAny = true;
        }
        if (!gaveAny && !movedAny)
            for (auto& st : states) // nothing was due within reach: let the earliest series move on
                if (st.due && *st.due <= v)
                    st.due = v.plusDays(1);
    }

    // ---- HPV (girls): 小6–高1; 2価/4価 before 2023-04, 9価 after; キャッチアップ 2022-04 – 2025-03 -------
    if (!p.male && !hesitant) {
        auto hpvSeries = [&](Date start, const std::string& series) {
            const bool nine = start >= Date::fromYmd(2023, 4, 1);
            const Vaccine& v = vaccine(nine ? "hpv9" : "hpv4");
            Date d = clinicDay(start);
            add(series, v, d, 1);
            if (nine && p.birth.ageOn(d) < 15) { // 2回: 5月以上 (標準6月)
                add(series, v, clinicDay(d.plusMonths(rng.range(5, 7))), 2);
                return;
            }
            const Date second = clinicDay(d.plusMonths(rng.range(1, 2)).plusDays(rng.range(0, 10))); // 1月以上
            add(series, v, second, 2);
            add(series, v, clinicDay(second.plusMonths(rng.range(3, 4)).plusDays(rng.range(0, 20))), 3); // 3月以上
        };
        const Date from = entry.plusYears(5); // 小学6年 (12歳となる日の属する年度の初日)
        const Date until = entry.plusYears(10); // 高校1年相当の年度末まで
        const Date start = from.plusDays(rng.range(0, std::max(0, until.plusMonths(-8).days - from.days)));
        const double uptake = start < Date::fromYmd(2013, 4, 1) ? 0.0
            : start < Date::fromYmd(2013, 6, 14)                ? 0.5
            : start < Date::fromYmd(2022, 4, 1)                 ? 0.01
                                                                : 0.4;
        const bool catchUpCohort = p.birth >= Date::fromYmd(1997, 4, 2) && p.birth <= Date::fromYmd(2008, 4, 1);
        if (rng.chance(uptake))
            hpvSeries(start, "hpv");
        else if (catchUpCohort && rng.chance(0.12))
            hpvSeries(Date::fromYmd(2022, 4, 1).plusDays(rng.range(0, 900)), "hpv-catchup");
    }

    // ---- adult routine programmes ------------------------------------------------------------------
    auto fiscalYearOf = [](Date d) { return d.month() >= 4 ? d.year() : d.year() - 1; };
    auto inFiscalYear = [&rng](int fy) { return clinicDay(Date::fromYmd(fy, 4, 1).plusDays(rng.range(0, 350))); };
    // 高齢者肺炎球菌 (B類, from 2014-10): the fiscal year in which the person turns 65.
    {
        const int fy = fiscalYearOf(p.birth.plusYears(65));
        const Date d = inFiscalYear(fy);
        if (rng.chance(hesitant ? 0.05 : 0.35) && d >= Date::fromYmd(2014, 10, 1))
            add("ppsv23", vaccine("ppsv23"), d, 1);
    }
    // 風しん第5期: men born 1962-04-02 – 1979-04-01, 2019-04 – 2025-03, after an antibody test with a
    // low titre (about a quarter of those tested).
    if (p.male && p.birth >= Date::fromYmd(1962, 4, 2) && p.birth <= Date::fromYmd(1979, 4, 1)) {
        const bool tested = rng.chance(0.35);
        const bool low = rng.chance(0.3);
        const Date d = clinicDay(Date::fromYmd(2019, 4, 1).plusDays(rng.range(0, 2150)));
        if (tested && low && d <= Date::fromYmd(2025, 3, 31))
            add("rubella5", vaccine("mr"), d, 1, "風しん");
    }
    // 帯状疱疹 (B類, from FY2025): the year one turns 65, plus 70, 75 … 100 during FY2025–2029 and everyone
    // over 100 in FY2025. 生ワクチン 1回, or シングリックス 2回 2月以上 apart.
    for (int fy = 2025; fy <= fiscalYearOf(m_today); ++fy) {
        const int age = p.birth.ageOn(Date::fromYmd(fy + 1, 3, 31));
        const bool eligible
            = age == 65 || (fy <= 2029 && age >= 70 && age <= 100 && age % 5 == 0) || (fy == 2025 && age > 100);
        if (!eligible || !rng.chance(hesitant ? 0.03 : 0.22))
            continue;
        const Date d = inFiscalYear(fy);
        if (rng.chance(0.45)) {
            add("zoster", vaccine("varicella"), d, 1, "帯状疱疹");
        } else {
            add("zoster", vaccine("shingrix"), d, 1, "帯状疱疹");
            add("zoster", vaccine("shingrix"), clinicDay(d.plusMonths(2).plusDays(rng.range(0, 60))), 2, "帯状疱疹");
        }
        break;
    }

    // ---- influenza: two doses 2–4 weeks apart under 13 (label) -------------------------------------
    std::map<int, Date> fluByYear;
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
        const Date date = clinicDay(Date::fromYmd(year, month, rng.range(1, month == 12 ? 10 : 28)));
        if (!takes)
            continue;
        add("flu" + std::to_string(year), v, date, 1);
        fluByYear[year] = date;
        if (age < flu.twoDosesUnderYears)
            add("flu" + std::to_string(year), v,
                clinicDay(date.plusDays(rng.range(14, std::max(14, flu.secondDoseIntervalDays)))), 2);
    }

    // ---- COVID-19: the second dose at the label's interval (コミナティ 3週, スパイクバックス 4週) ---------
    int covidDose = 0;
    std::optional<Date> lastCovid;
    for (const auto& camp : m_ref.covid) {
        const int age = p.birth.ageOn(camp.start);
        const bool takes = rng.chance(camp.uptake * (hesitant ? 0.2 : 1.0));
        const Vaccine& v = *rng.pick(camp.vaccines);
        Date date = clinicDay(camp.start.plusDays(rng.range(0, std::max(0, camp.end.days - camp.start.days))));
        const bool withFlu = rng.chance(0.3);
        if (age < camp.minAge || age > camp.maxAge || !takes)
            continue;
        if (lastCovid && date < lastCovid->plusDays(camp.minDaysSincePrevious))
            date = clinicDay(lastCovid->plusDays(camp.minDaysSincePrevious + rng.range(0, 20)));
        // 同時接種 with the season's influenza vaccine (allowed since 2022).
        const auto fluDate = fluByYear.find(camp.start.year());
        if (withFlu && camp.start >= Date::fromYmd(2022, 9, 1) && fluDate != fluByYear.end()
            && fluDate->second >= camp.start && fluDate->second <= camp.end
            && (!lastCovid || fluDate->second >= lastCovid->plusDays(camp.minDaysSincePrevious)))
            date = fluDate->second;
        if (date > camp.end.plusDays(30))
            continue;
        add("covid", v, date, ++covidDose);
        lastCovid = date;
        for (int i = 1; i < camp.doses; ++i) {
            const int interval = v.doseIntervalDays > 0 ? v.doseIntervalDays : camp.intervalDays;
            lastCovid = clinicDay(lastCovid->plusDays(interval + rng.range(0, 7)));
            add("covid", v, *lastCovid, ++covidDose);
        }
    }

    // ---- the window, then the municipality's corrections ------------------------------------------
    // Some municipalities transcribed their paper 予防接種台帳: records before FY2018 carry no code.
    const bool paperLedger = rng.chance(0.3);
    std::vector<Vaccination> out;
    for (auto& v : all) {
        if (v.date < m_windowStart || v.date >= m_today)
            continue;
        v.coded = !(paperLedger && v.date < Date::fromYmd(2018, 4, 1));
        out.push_back(std::move(v));
    }
    const std::size_t original = out.size();
    for (std::size_t i = 0; i < original; ++i) {
        // The default family shows one: the spouse's (P0002) latest record was corrected.
        const bool familyExample = p.index == 1 && i + 1 == original;
        if (!rng.chance(0.025) && !familyExample)
            continue;
        Vaccination wrong = out[i];
        wrong.deleted = true;
        wrong.modificationSeg = "3";
        const int what = rng.range(0, 99);
        if (what < 60) { // a mistyped lot number
            char& c = wrong.lot.back();
            c = static_cast<char>('0' + (c - '0' + 1 + rng.range(0, 8)) % 10);
        } else if (what < 85) { // the date of the 予診票 instead of the vaccination
            wrong.date = wrong.date.plusDays(-rng.range(1, 3));
        } else { // a wrong dose number
            wrong.dose += 1;
        }
        Vaccination& corrected = out[i];
        corrected.modificationSeg = "2";
        corrected.historyKey = key(corrected.historyKey, corrected.dose, corrected.date, 1);
        out.push_back(std::move(wrong));
    }
    std::sort(out.begin(), out.end(), [](const Vaccination& a, const Vaccination& b) {
        return std::tie(a.date, a.historyKey) < std::tie(b.date, b.historyKey);
    });
    return out;
}

ordered_json VaccinationGenerator::render(
    const Person& p, const std::vector<const Vaccination*>& part, bool injectInvalid, int& recordCount) const
{
    auto vacJson = [](const Vaccination& v) {
        ordered_json out {{"historyKey", v.historyKey}, {"modificationSeg", v.modificationSeg},
            {"isDeleted", v.deleted}, {"vaccinationDate", v.date.iso()}, {"vaccineName", v.vaccine->name}};
        if (v.coded)
            out["vaccineCode"] = {{"system", v.vaccine->system}, {"code", v.vaccine->code}};
        out.update(ordered_json {{"targetDisease", v.target.empty() ? v.vaccine->target : v.target},
            {"doseNumber", v.dose}, {"lotNumber", v.lot}, {"manufacturer", v.vaccine->manufacturer},
            {"medicalInstitutionCode", v.site->code}, {"medicalInstitutionName", v.site->name},
            {"municipalityCode", v.municipalityCode}});
        return out;
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
    // 基本5情報: the address is fictional (a made-up 丁目 in the person's real municipality).
    const std::string address = "東京都" + p.municipality->name + "架空町" + std::to_string(1 + p.index % 5) + "丁目"
        + std::to_string(1 + p.index % 30) + "番" + std::to_string(1 + p.index % 9) + "号";
    return ordered_json {{"basicFiveInfo",
                             {{"name", p.name}, {"nameKana", p.kana}, {"address", address},
                                 {"dateOfBirth", p.birth.iso()}, {"sex", p.male ? "male" : "female"}}},
        {"immunizations", std::move(list)}};
}

} // namespace techo::sandbox
