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
};

struct RegimenLine {
    const Drug* drug = nullptr;
    const Drug* childDrug = nullptr;
    const Drug* replaces = nullptr;
    int qty = 1;
    int days = 0;
    std::string usage;
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
};

struct ScheduleEntry {
    const Vaccine* vaccine = nullptr;
    std::vector<int> monthsOfAge;
    Date from {}, until {1000000};
    std::string sex; // "", "male", "female"
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
    double uptake = 0.5;
    std::vector<const Vaccine*> vaccines;
};

struct Institution {
    std::string code, name, kind;
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
    std::vector<Vaccine> vaccines;
    std::vector<ScheduleEntry> schedule;
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
