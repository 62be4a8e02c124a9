#pragma once

// The sandbox's reference tables (resources/sandbox/*.json), loaded once at start-up.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "Date.h"

namespace techo::sandbox {

struct Threshold {
    std::string op; // ">=", "<=", "<", ">"
    std::optional<double> value, male, female;
    std::string code; // for coded items: the first code that meets the threshold
    [[nodiscard]] std::optional<double> limit(bool isMale) const
    {
        if (value)
            return value;
        return isMale ? male : female;
    }
};

struct CheckupItem {
    std::string key, code, name, type, unit, oid;
    std::map<std::string, std::string> values; // code → label for CD items
    double inputMin = 0, inputMax = 1e9;
    int decimals = 0;
    std::optional<Threshold> guidance, referral;
};

struct Drug {
    std::string key, name, ingredient, strength, unit, form, yj, drugc;
    double mgPerUnit = 0; // mg of active ingredient per g or mL (powders, syrups); 0 when not dosed by weight
};

struct RegimenLine {
    const Drug* drug = nullptr;
    const Drug* childDrug = nullptr;
    const Drug* replaces = nullptr;
    double qty = 1;
    int days = 0;
    std::string usage;
};

// A weight-based line of a course for small children: exactly one of the dose fields is set.
struct PediatricLine {
    const Drug* drug = nullptr;
    double mgPerKgDay = 0, mgPerKgDose = 0; // per kg of body weight
    double gPerDayUnder1 = 0, gPerDay = 0; // fixed daily amounts by age
    double count = 0; // a fixed number of units (tapes, suppositories)
    double minWeightKg = 0; // the line is left out below this weight
    int days = 0;
    std::string usage;
};

struct PediatricCourse {
    std::string name, label;
    std::vector<int> months;
    int minMonths = 0;
    std::vector<PediatricLine> lines;
};

struct ChronicRegimen {
    std::string condition, label;
    std::vector<RegimenLine> lines, step2;
    const Drug* genericFrom = nullptr;
    const Drug* genericTo = nullptr;
};

struct AcuteCourse {
    std::string name, label;
    std::vector<int> months;
    std::vector<RegimenLine> lines;
    bool adultOnly = false, childOnly = false;
};

struct Vaccine {
    std::string key, name, target, manufacturer, system, code;
    std::vector<std::string> lotPrefixes;
    int doseIntervalDays = 0; // the label's interval between the first two doses (0: not stated)
};

struct InfluenzaPolicy {
    std::vector<int> months;
    std::vector<const Vaccine*> vaccines;
    double uptakeChild = 0.6, uptakeAdult = 0.5, uptakeSenior = 0.7;
    int twoDosesUnderYears = 13, secondDoseIntervalDays = 28;
};

struct CovidCampaign {
    Date start {}, end {};
    int doses = 1, intervalDays = 21, minAge = 0, maxAge = 200;
    int minDaysSincePrevious = 0; // a booster's minimum interval after the person's previous dose
    double uptake = 0.5;
    std::vector<const Vaccine*> vaccines;
};

struct Institution {
    std::string code, name, kind;
    std::string erxName {}; // how the 電子処方箋 branches spell the name, when it differs
    bool inHouse = false; // a clinic that dispenses its own prescriptions (院内処方)
};

struct NamePair {
    std::string kanji, kana;
};

// Records point into these vectors, so the tables are movable but never copied.
struct ReferenceData {
    ReferenceData() = default;
    ReferenceData(const ReferenceData&) = delete;
    ReferenceData& operator=(const ReferenceData&) = delete;
    ReferenceData(ReferenceData&&) = default;
    ReferenceData& operator=(ReferenceData&&) = default;
    ~ReferenceData() = default;

    std::vector<CheckupItem> items;
    std::vector<Drug> drugs;
    std::vector<ChronicRegimen> chronic;
    std::vector<AcuteCourse> acute;
    std::vector<PediatricCourse> pediatric;
    std::vector<Vaccine> vaccines;
    InfluenzaPolicy influenza;
    std::vector<CovidCampaign> covid;
    std::vector<Institution> pharmacies, clinics, checkupFacilities, municipalities, insurers;
    std::vector<NamePair> familyNames, maleNames, femaleNames;
    std::string dir; // where the tables were read from (generators read their own tables there too)

    [[nodiscard]] const CheckupItem& item(const std::string& key) const;
    [[nodiscard]] const Drug& drug(const std::string& key) const;
    [[nodiscard]] const ChronicRegimen& regimen(const std::string& condition) const;
    [[nodiscard]] const Institution& clinicOfKind(const std::string& kind) const;

    // Reads the JSON tables from dir; throws std::runtime_error naming the file and the problem.
    static ReferenceData load(const std::string& dir);
};

} // namespace techo::sandbox
