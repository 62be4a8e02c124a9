#pragma once

// Measures a generated population's 特定健診 values against the national figures of
// resources/sandbox/checkup_norms.json: per item, sex and 5-year band the mean and the shares beyond the
// 保健指導判定値 / 受診勧奨判定値, plus the timeline's era rules, weekdays and participation. Used by
// TestCheckupRealism (assertions) and techo-sandbox-realism (the table in docs/sandbox-realism.md).

#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "CheckupGenerator.h"
#include "DataGenerator.h"

namespace techo::sandbox::realism {

struct Cell {
    long n = 0, guidance = 0, referral = 0, severe = 0;
    double sum = 0;
    [[nodiscard]] double mean() const { return n ? sum / static_cast<double>(n) : 0; }
    [[nodiscard]] double guidanceShare() const
    {
        return n ? 100.0 * static_cast<double>(guidance) / static_cast<double>(n) : 0;
    }
    [[nodiscard]] double severeShare() const
    {
        return n ? 100.0 * static_cast<double>(severe) / static_cast<double>(n) : 0;
    }
    [[nodiscard]] double referralShare() const
    {
        return n ? 100.0 * static_cast<double>(referral) / static_cast<double>(n) : 0;
    }
};

struct Measurement {
    // item key → [sex][band]
    std::map<std::string, std::array<std::array<Cell, kBandCount>, 2>> cells;
    long checkups = 0, eligibleYears = 0, attendedYears = 0;
    long beforeFy2008 = 0, ngspBeforeFy2013 = 0, jdsFromFy2013 = 0, casualTgBeforeFy2024 = 0;
    long jdsBeforeFy2013 = 0, casualTgFromFy2024 = 0, kokuhoRecords = 0;
    long treatedBp = 0, treatedBpAt140 = 0, treatedGlucose = 0, treatedGlucoseAbove7 = 0;
    long dbpNotBelowSbp = 0, bmiMismatch = 0, egfrMismatch = 0;
    long insurerChanges = 0, personsWithCheckups = 0, personsExaminedEveryYear = 0;
    std::array<long, 7> weekdays {};
    std::map<std::string, long> facilities;
    std::map<std::string, long> urineCodes;
    std::map<std::string, std::map<double, long>> histograms; // PQ item key → value → records
};

// Generates `persons` people (seed, 40 years back from the generator's today) and measures them.
inline Measurement measure(const ReferenceData& ref, std::uint64_t seed, int persons)
{
    GeneratorConfig config;
    config.seed = seed;
    config.persons = persons;
    config.years = 40;
    const DataGenerator generator(ref, config);
    const CheckupGenerator checkupGenerator(ref, seed, generator.today(), generator.windowStart());
    const CheckupNorms& norms = checkupGenerator.norms();
    Measurement m;
    static const std::map<std::string, std::string> itemOfCode = [&] {
        std::map<std::string, std::string> map;
        for (const auto& item : ref.items)
            map[item.code] = item.key;
        return map;
    }();
    for (int i = 0; i < persons; ++i) {
        const Person p = generator.person(i);
        const int sex = p.male ? kMale : kFemale;
        const HealthTimeline timeline = checkupGenerator.simulate(p);
        for (const auto& y : timeline.years) {
            if (y.age >= 40 && y.age <= 74 && CheckupGenerator::fiscalYear(y.date) >= 2008
                && y.date >= generator.windowStart() && y.date < generator.today()) {
                ++m.eligibleYears;
                m.attendedYears += y.attends ? 1 : 0;
            }
        }
        const auto records = checkupGenerator.checkups(p, timeline);
        if (!records.empty())
            ++m.personsWithCheckups;
        std::string lastInsurer;
        for (const Checkup& c : records) {
            ++m.checkups;
            const int fy = CheckupGenerator::fiscalYear(c.date);
            const int band = CheckupNorms::bandOf(p.birth.ageOn(c.date));
            m.beforeFy2008 += fy < 2008 ? 1 : 0;
            ++m.weekdays[static_cast<std::size_t>(c.date.weekday())];
            ++m.facilities[c.facility->code];
            if (!lastInsurer.empty() && lastInsurer != c.insurerNumber)
                ++m.insurerChanges;
            lastInsurer = c.insurerNumber;
            std::map<std::string, double> v;
            std::map<std::string, std::string> codes;
            for (const auto& o : c.observations) {
                const std::string& key = o.item->key;
                if (o.item->type == "PQ")
                    v[key] = std::stod(o.value);
                else
                    codes[key] = o.value;
            }
            m.ngspBeforeFy2013 += (v.count("hba1c") && fy < 2013) ? 1 : 0;
            m.jdsFromFy2013 += (v.count("hba1c_jds") && fy >= 2013) ? 1 : 0;
            m.casualTgBeforeFy2024 += (v.count("tg_casual") && fy < 2024) ? 1 : 0;
            m.jdsBeforeFy2013 += (v.count("hba1c_jds") && fy < 2013) ? 1 : 0;
            m.casualTgFromFy2024 += (v.count("tg_casual") && fy >= 2024) ? 1 : 0;
            m.kokuhoRecords += c.insurerNumber.size() == 6 ? 1 : 0;
            for (const auto& [key, value] : v)
                ++m.histograms[key][value];
            m.dbpNotBelowSbp += v.at("dbp") >= v.at("sbp") ? 1 : 0;
            const double h = v.at("height") / 100;
            m.bmiMismatch += std::abs(v.at("weight") / (h * h) - v.at("bmi")) > 0.051 ? 1 : 0;
            if (v.count("egfr")) {
                const double expected = 194 * std::pow(v.at("creatinine"), -1.094)
                    * std::pow(static_cast<double>(p.birth.ageOn(c.date)), -0.287) * (p.male ? 1.0 : 0.739);
                m.egfrMismatch += std::abs(expected - v.at("egfr")) > 0.051 ? 1 : 0;
            }
            if (codes.at("med_bp") == "1") {
                ++m.treatedBp;
                m.treatedBpAt140 += v.at("sbp") >= 140 ? 1 : 0;
            }
            if (codes.at("med_glucose") == "1" && v.count("hba1c")) {
                ++m.treatedGlucose;
                m.treatedGlucoseAbove7 += v.at("hba1c") > 7.0 ? 1 : 0;
            }
            ++m.urineCodes["urine_protein:" + codes.at("urine_protein")];
            ++m.urineCodes["urine_sugar:" + codes.at("urine_sugar")];
            if (band < 0)
                continue;
            // The measured item for each norm: fasting TG / FPG only, NGSP HbA1c only.
            static const std::map<std::string, std::string> source {{"tg", "tg_fasting"}};
            for (const ItemNorm& item : norms.items) {
                const auto it = source.find(item.key);
                const std::string key = it == source.end() ? item.key : it->second;
                double value = 0;
                if (item.kind == "coded") {
                    if (!codes.count(key))
                        continue;
                    value = std::stod(codes.at(key));
                } else {
                    if (!v.count(key))
                        continue;
                    if (key == "tg_fasting" && codes.at("fasting_state") != "1")
                        continue;
                    value = v.at(key);
                }
                Cell& cell = m.cells[item.key][static_cast<std::size_t>(sex)][static_cast<std::size_t>(band)];
                ++cell.n;
                cell.sum += value;
                cell.guidance += item.beyondGuidance(sex, value) ? 1 : 0;
                cell.referral += item.beyondReferral(sex, value) ? 1 : 0;
                cell.severe += item.beyondSevere(sex, value) ? 1 : 0;
            }
        }
        if (!records.empty()) {
            long eligible = 0;
            for (const auto& y : timeline.years)
                eligible += (y.age >= 40 && y.age <= 74 && CheckupGenerator::fiscalYear(y.date) >= 2008
                                && y.date >= generator.windowStart() && y.date < generator.today())
                    ? 1
                    : 0;
            m.personsExaminedEveryYear += static_cast<long>(records.size()) == eligible ? 1 : 0;
        }
    }
    return m;
}

// Age-standardised aggregate of one sex: the band figures weighted by the national band weights.
struct Aggregate {
    double mean = 0, guidance = 0, referral = 0, severe = 0;
};
inline Aggregate standardise(const CheckupNorms& norms, const std::array<Cell, kBandCount>& bands)
{
    Aggregate a;
    for (std::size_t b = 0; b < kBandCount; ++b) {
        a.mean += norms.bandWeights[b] * bands[b].mean();
        a.guidance += norms.bandWeights[b] * bands[b].guidanceShare();
        a.referral += norms.bandWeights[b] * bands[b].referralShare();
        a.severe += norms.bandWeights[b] * bands[b].severeShare();
    }
    return a;
}

// The produced figures next to the national ones, as Markdown: one table per sex, a row per item and figure,
// a column per band and the age-standardised 40–74 aggregate ("produced / national").
inline std::string markdownTable(const CheckupNorms& norms, const Measurement& m)
{
    std::string out;
    char buf[64];
    auto cell = [&](double got, std::optional<double> want, int decimals) {
        if (!want)
            std::snprintf(buf, sizeof buf, " %.*f / – |", decimals, got);
        else
            std::snprintf(buf, sizeof buf, " %.*f / %.*f |", decimals, got, decimals, *want);
        out += buf;
    };
    for (int sex : {kMale, kFemale}) {
        out += sex == kMale ? "\n#### Men\n\n| item | figure |" : "\n#### Women\n\n| item | figure |";
        for (const auto& band : norms.bandNames)
            out += " " + band + " |";
        out += " 40-74 (std.) |\n|---|---|";
        for (int b = 0; b <= kBandCount; ++b)
            out += "---|";
        out += "\n";
        for (const ItemNorm& item : norms.items) {
            const auto it = m.cells.find(item.key);
            if (it == m.cells.end())
                continue;
            const auto& cells = it->second[static_cast<std::size_t>(sex)];
            const Aggregate agg = standardise(norms, cells);
            const auto& want = item.bands[static_cast<std::size_t>(sex)];
            const auto& wantAgg = item.aggregate[static_cast<std::size_t>(sex)];
            const int decimals = item.step < 1 ? 1 : 0;
            if (item.kind != "coded") {
                out += "| " + item.label + " | mean |";
                for (std::size_t b = 0; b < kBandCount; ++b)
                    cell(cells[b].mean(), want[b].mean, decimals + 1);
                cell(agg.mean, wantAgg.mean, decimals + 1);
                out += "\n";
            }
            out += "| " + item.label + " | % guidance |";
            for (std::size_t b = 0; b < kBandCount; ++b)
                cell(cells[b].guidanceShare(), want[b].guidance, 1);
            cell(agg.guidance, wantAgg.guidance, 1);
            out += "\n";
            if (item.hasReferral) {
                out += "| " + item.label + " | % referral |";
                for (std::size_t b = 0; b < kBandCount; ++b)
                    cell(cells[b].referralShare(), want[b].referral, 1);
                cell(agg.referral, wantAgg.referral, 1);
                out += "\n";
            }
            if (item.severeAt) {
                out += "| " + item.label + " | % severe |";
                for (std::size_t b = 0; b < kBandCount; ++b)
                    cell(cells[b].severeShare(), want[b].severe, 2);
                cell(agg.severe, wantAgg.severe, 2);
                out += "\n";
            }
        }
    }
    return out;
}

} // namespace techo::sandbox::realism
