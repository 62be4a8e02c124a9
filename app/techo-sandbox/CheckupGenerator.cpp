#include "CheckupGenerator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "DataGenerator.h"
#include "Random.h"

namespace techo::sandbox {

namespace {

constexpr std::uint64_t kStreamHealth = 2;
constexpr std::uint64_t kStreamCheckupBase = 0x10000;

std::string formatNumber(double value, int decimals)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

double roundTo(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
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

bool meets(const Threshold& t, double value, bool male)
{
    const auto limit = t.limit(male);
    if (!limit)
        return false;
    if (t.op == ">=")
        return value >= *limit;
    if (t.op == ">")
        return value > *limit;
    if (t.op == "<=")
        return value <= *limit;
    if (t.op == "<")
        return value < *limit;
    return false;
}

} // namespace

CheckupGenerator::CheckupGenerator(const ReferenceData& ref, std::uint64_t seed, Date today, Date windowStart)
    : m_ref(ref)
    , m_seed(seed)
    , m_today(today)
    , m_windowStart(windowStart)
{ }

// ---- health simulation ------------------------------------------------------------------------

HealthTimeline CheckupGenerator::simulate(const Person& p) const
{
    Rng rng = Rng::derive(m_seed, static_cast<std::uint64_t>(p.index), kStreamHealth);
    HealthTimeline t;
    const bool male = p.male;
    // Person-level traits (values "at 40") and trends.
    const double height = male ? rng.normal(170.5, 5.8) : rng.normal(157.5, 5.3);
    const double bmi40 = std::clamp(male ? rng.normal(23.6, 2.8) : rng.normal(22.0, 2.9), 17.0, 36.0);
    const double bmiSlope = rng.normal(0.04, 0.06);
    const double sbpBase = male ? rng.normal(120, 9) : rng.normal(113, 9);
    const double hba1cBase = rng.normal(5.35, 0.22);
    const double hba1cSlope = std::max(0.0, rng.normal(0.012, 0.015));
    const double tgLog = rng.normal(male ? 4.6 : 4.35, 0.3);
    const double hdlBase = male ? rng.normal(56, 9) : rng.normal(67, 10);
    const double ldlBase = rng.normal(118, 22);
    const double altBase = rng.normal(16, 4);
    const bool drinker = rng.chance(male ? 0.45 : 0.15);
    const double ggtLog = rng.normal(male ? 3.3 : 2.9, 0.3) + (drinker ? rng.uniform(0.2, 1.4) : 0.0);
    const double creat0 = male ? rng.normal(0.86, 0.09) : rng.normal(0.63, 0.07);
    const double ua0 = male ? rng.normal(6.0, 0.9) : rng.normal(4.5, 0.7);
    const double hb0 = male ? rng.normal(14.8, 0.8) : rng.normal(13.0, 0.8);
    bool smoker = rng.chance(male ? 0.3 : 0.1);
    const int quitAge = smoker && rng.chance(0.4) ? rng.range(35, 65) : 200;
    const int checkupMonth = rng.range(5, 11);
    const int checkupDay = rng.range(1, 28);
    t.facility = &rng.pick(m_ref.checkupFacilities);
    const Institution* secondFacility = &rng.pick(m_ref.checkupFacilities);
    const int facilityChangeAge = rng.range(45, 70);

    auto active = [&t](const std::string& condition, Date on) {
        auto it = t.onset.find(condition);
        return it != t.onset.end() && it->second <= on;
    };

    for (int year = p.birth.year() + 20; year <= m_today.year(); ++year) {
        Date date = weekday(Date::fromYmd(year, checkupMonth, checkupDay).plusDays(rng.range(-10, 10)));
        const int age = p.birth.ageOn(date);
        if (age < 20)
            continue;
        const double off = age - 40;
        HealthTimeline::Year y;
        y.date = date;
        y.age = age;
        y.onBp = active("hypertension", date);
        y.onGlucose = active("diabetes", date);
        y.onLipid = active("dyslipidemia", date);
        y.onUricAcid = active("hyperuricemia", date);
        if (age >= quitAge)
            smoker = false;
        y.smoker = smoker;
        y.height = roundTo(height - (age > 60 ? 0.1 * (age - 60) : 0.0), 1);
        const double bmiRaw = std::clamp(bmi40 + bmiSlope * off + rng.normal(0, 0.35), 15.5, 42.0);
        const double h = y.height / 100.0;
        y.weight = roundTo(bmiRaw * h * h, 1);
        y.bmi = roundTo(y.weight / (h * h), 1);
        y.waist = roundTo(y.bmi * 3.55 + (male ? 1.5 : -1.0) + rng.normal(0, 2.0), 1);
        const bool bpStep2 = t.bpStep2 && *t.bpStep2 <= date;
        y.sbp = std::round(
            sbpBase + 0.55 * off + 1.6 * (y.bmi - 22) + rng.normal(0, 6) - (y.onBp ? 14 : 0) - (bpStep2 ? 8 : 0));
        y.dbp = std::round(0.55 * y.sbp + 10 + rng.normal(0, 4));
        const bool glucoseStep2 = t.glucoseStep2 && *t.glucoseStep2 <= date;
        y.hba1c = roundTo(hba1cBase + hba1cSlope * std::max(0.0, off) + 0.05 * (y.bmi - 22) + rng.normal(0, 0.12)
                - (y.onGlucose ? 0.7 : 0.0) - (glucoseStep2 ? 0.4 : 0.0),
            1);
        y.fpg = std::round(21 * y.hba1c - 20 + rng.normal(0, 5));
        y.tg = std::round(std::exp(tgLog + rng.normal(0, 0.25)) * (1 + 0.05 * (y.bmi - 22)) * (drinker ? 1.15 : 1.0));
        y.hdl = std::round(std::max(22.0, hdlBase - 1.0 * (y.bmi - 22) - 0.04 * (y.tg - 100) + rng.normal(0, 4)));
        y.ldl = std::round(
            (ldlBase + (!male && age > 50 ? 15 : 0) + 0.3 * off + rng.normal(0, 10)) * (y.onLipid ? 0.62 : 1.0));
        y.alt = std::round(std::max(5.0, altBase + 2.2 * (y.bmi - 22) + rng.normal(0, 5)));
        y.ast = std::round(std::max(8.0, 0.6 * y.alt + 9 + rng.normal(0, 3) + (drinker ? 4 : 0)));
        y.ggt = std::round(std::exp(ggtLog + rng.normal(0, 0.2)) * (1 + 0.03 * (y.bmi - 22)));
        y.creatinine = roundTo(std::max(0.35, creat0 + 0.004 * off + rng.normal(0, 0.04)), 2);
        y.egfr = roundTo(
            194 * std::pow(y.creatinine, -1.094) * std::pow(static_cast<double>(age), -0.287) * (male ? 1.0 : 0.739),
            1);
        y.uricAcid = roundTo(ua0 + 0.12 * (y.bmi - 22) + rng.normal(0, 0.4) - (y.onUricAcid ? 2.2 : 0.0), 1);
        y.hb = roundTo(hb0 - 0.01 * off + rng.normal(0, 0.3), 1);

        // Diagnoses follow the values; treatment starts a few weeks after the checkup.
        if (age >= 30) {
            const Date start = date.plusDays(rng.range(14, 90));
            auto begin = [&t, start](const std::string& condition) { t.onset.emplace(condition, start); };
            if (!t.onset.count("hypertension") && (y.sbp >= 150 || (y.sbp >= 140 && rng.chance(0.35))))
                begin("hypertension");
            else if (y.onBp && !t.bpStep2 && y.sbp >= 140)
                t.bpStep2 = start;
            if (!t.onset.count("dyslipidemia") && (y.ldl >= 170 || (y.ldl >= 150 && rng.chance(0.3))))
                begin("dyslipidemia");
            if (!t.onset.count("diabetes") && y.hba1c >= 6.8)
                begin("diabetes");
            else if (y.onGlucose && !t.glucoseStep2 && y.hba1c >= 7.0)
                t.glucoseStep2 = start;
            if (!t.onset.count("hyperuricemia") && y.uricAcid >= 8.5 && rng.chance(0.5))
                begin("hyperuricemia");
            if (!t.onset.count("gerd") && rng.chance(age >= 40 ? 0.01 : 0.004))
                begin("gerd");
            if (!t.onset.count("insomnia") && rng.chance(age >= 50 ? 0.008 : 0.002))
                begin("insomnia");
            if (!t.onset.count("cv_prevention") && t.onset.count("hypertension") && t.onset.count("diabetes")
                && age >= 60)
                begin("cv_prevention");
        }
        if (age >= facilityChangeAge)
            t.facility = secondFacility;
        y.facility = t.facility;
        t.years.push_back(y);
    }
    return t;
}

// ---- 特定健診 -----------------------------------------------------------------------------------

std::vector<Checkup> CheckupGenerator::checkups(const Person& p) const
{
    std::vector<Checkup> out;
    const HealthTimeline t = simulate(p);
    for (const auto& y : t.years) {
        if (y.age < 40 || y.age > 74 || !inWindow(y.date))
            continue;
        Rng rng = Rng::derive(m_seed, static_cast<std::uint64_t>(p.index),
            kStreamCheckupBase + static_cast<std::uint64_t>(y.date.year()));
        Checkup c;
        c.date = y.date;
        c.recordId = p.id + "-TKK-" + y.date.compact() + "-10";
        c.facility = y.facility;
        c.insurerNumber = p.insurer->code;
        auto add = [&c](const CheckupItem& item, std::string value, std::string valueName = {}) {
            c.observations.push_back({&item, std::move(value), std::move(valueName), {}});
        };
        auto pq = [&](const char* key, double value) {
            const CheckupItem& item = m_ref.item(key);
            std::string flag;
            if (value > item.inputMax) {
                value = item.inputMax;
                flag = "H";
            } else if (value < item.inputMin) {
                value = item.inputMin;
                flag = "L";
            }
            c.observations.push_back({&item, formatNumber(value, item.decimals), {}, flag});
        };
        auto cd = [&](const char* key, const std::string& code) {
            const CheckupItem& item = m_ref.item(key);
            const auto it = item.values.find(code);
            add(item, code, it == item.values.end() ? std::string() : it->second);
        };
        const bool fasting = rng.chance(0.85);
        pq("height", y.height);
        pq("weight", y.weight);
        pq("bmi", y.bmi);
        pq("waist", y.waist);
        pq("sbp", y.sbp);
        pq("dbp", y.dbp);
        cd("fasting_state", fasting ? "1" : (rng.chance(0.7) ? "2" : "3"));
        if (fasting) {
            pq("tg_fasting", y.tg);
        } else {
            pq("tg_casual", std::round(y.tg * 1.25));
        }
        pq("hdl", y.hdl);
        pq("ldl", y.ldl);
        pq("ast", y.ast);
        pq("alt", y.alt);
        pq("ggt", y.ggt);
        if (fasting) {
            pq("fpg", y.fpg);
        } else {
            pq("casual_glucose", std::round(y.fpg + rng.uniform(10, 40)));
        }
        pq("hba1c", y.hba1c);
        std::string sugar = "1";
        if (y.hba1c >= 8.0)
            sugar = rng.chance(0.6) ? "4" : "3";
        else if (y.hba1c >= 7.0)
            sugar = rng.chance(0.5) ? "3" : "2";
        cd("urine_sugar", sugar);
        double proteinRisk = 0.05 + (y.sbp >= 140 ? 0.08 : 0.0) + (y.hba1c >= 6.5 ? 0.08 : 0.0);
        const double roll = rng.uniform();
        cd("urine_protein", roll < proteinRisk * 0.3 ? "3" : (roll < proteinRisk ? "2" : "1"));
        if (rng.chance(0.6)) {
            pq("hb", y.hb);
            pq("ht", roundTo(y.hb * 3.0 + rng.normal(0, 0.8), 1));
            pq("rbc", std::round(y.hb * 32 + rng.normal(0, 12)));
        }
        if (rng.chance(0.8)) {
            pq("creatinine", y.creatinine);
            pq("egfr", y.egfr);
        }
        if (rng.chance(0.7))
            pq("uric_acid", y.uricAcid);
        cd("med_bp", y.onBp ? "1" : "2");
        cd("med_glucose", y.onGlucose ? "1" : "2");
        cd("med_lipid", y.onLipid ? "1" : "2");
        cd("smoking", y.smoker ? "1" : "2");

        // メタボ判定 (2008 criteria) and 階層化 (display only, simplified).
        const bool waistHigh = y.waist >= (p.male ? 85 : 90);
        const bool riskBp = y.sbp >= 130 || y.dbp >= 85 || y.onBp;
        const bool riskGlucose = y.fpg >= 110 || y.hba1c >= 6.0 || y.onGlucose;
        const bool riskLipid = y.tg >= 150 || y.hdl < 40 || y.onLipid;
        const int risks = int(riskBp) + int(riskGlucose) + int(riskLipid);
        cd("metabo", waistHigh ? (risks >= 2 ? "1" : (risks == 1 ? "2" : "3")) : "3");
        std::string level = "3";
        if (!y.onBp && !y.onGlucose && !y.onLipid) {
            const int r2 = int(y.fpg >= 100 || y.hba1c >= 5.6) + int(y.tg >= 150 || y.hdl < 40)
                + int(y.sbp >= 130 || y.dbp >= 85);
            const int withSmoke = r2 + (r2 > 0 && y.smoker ? 1 : 0);
            if (waistHigh)
                level = withSmoke >= 2 ? "1" : (withSmoke == 1 ? "2" : "3");
            else if (y.bmi >= 25)
                level = withSmoke >= 3 ? "1" : (withSmoke >= 1 ? "2" : "3");
            if (level == "1" && y.age >= 65)
                level = "2";
        }
        cd("guidance_level", level);

        // 医師の判断: list the areas at or over the 受診勧奨判定値, else those over 保健指導判定値.
        std::vector<std::string> referral, guidance;
        for (const auto& obs : c.observations) {
            const CheckupItem& item = *obs.item;
            if (item.type != "PQ")
                continue;
            const double v = std::stod(obs.value);
            if (item.referral && meets(*item.referral, v, p.male))
                referral.push_back(item.name);
            else if (item.guidance && meets(*item.guidance, v, p.male))
                guidance.push_back(item.name);
        }
        std::string opinion;
        if (!referral.empty()) {
            opinion = "要医療（";
            for (std::size_t i = 0; i < referral.size(); ++i)
                opinion += (i ? "、" : "") + referral[i];
            opinion += "）";
        } else if (!guidance.empty()) {
            opinion = "要経過観察（";
            for (std::size_t i = 0; i < guidance.size(); ++i)
                opinion += (i ? "、" : "") + guidance[i];
            opinion += "）";
        } else {
            opinion = "異常なし";
        }
        add(m_ref.item("doctor_opinion"), opinion);
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace techo::sandbox
