#pragma once

// 予防接種: a person's vaccination history (PMH) and its JSON rendering (see docs/sandbox-api.md).
//
// Routine (定期) vaccinations follow the rules of the 定期接種実施要領 / 予防接種実施規則: every dose
// respects its series' minimum interval and age window, products change by era (四種混合 → 五種混合
// from 2024-04 with the dose number continuing), MR 2期 falls in the year before school, missed doses
// are caught up while the window is open, and several vaccines are given at one infant visit. Adults get
// 高齢者肺炎球菌, 風しん第5期 and 帯状疱疹 (from FY2025), influenza and the COVID-19 campaigns. A few
// records are corrected by the municipality: the original stays with isDeleted=true next to the
// corrected record (its own historyKey).

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "Date.h"
#include "ReferenceData.h"

namespace techo::sandbox {

struct Person;

struct Vaccination {
    std::string historyKey; // opaque, unique per record (a correction gets a new one)
    Date date {};
    const Vaccine* vaccine = nullptr;
    std::string target; // 対象疾病 when it differs from the product's (MR for 風しん第5期)
    int dose = 1;
    std::string lot;
    const Institution* site = nullptr;
    std::string municipalityCode;
    bool coded = true; // false: transcribed from a paper 予防接種台帳 without a vaccine code
    bool deleted = false; // an original that a correction replaced
    std::string modificationSeg = "1"; // 1 registered, 2 corrected record, 3 deleted original [I]
};

class VaccinationGenerator {
public:
    // Records dated in [windowStart, today) are returned; the stream is derived from (seed, person).
    // Throws std::runtime_error when a vaccine the schedule names is missing from the tables.
    VaccinationGenerator(const ReferenceData& ref, std::uint64_t seed, Date windowStart, Date today);

    // The person's vaccinations in the window, deleted originals included, sorted by (date, historyKey).
    [[nodiscard]] std::vector<Vaccination> generate(const Person& p) const;

    // The PMH "data" object for one part; with injectInvalid, kInvalidPerResult broken records are
    // appended and `recordCount` grows by that many. (PMH has no invented fields to omit.)
    [[nodiscard]] nlohmann::ordered_json render(
        const Person& p, const std::vector<const Vaccination*>& part, bool injectInvalid, int& recordCount) const;

    // The fiscal year's 1 April on which a child born on `birth` enters elementary school (学校教育法
    // 第17条: the April after the 6th birthday; a child born on 1 April enters with the year before).
    [[nodiscard]] static Date schoolEntry(Date birth);

private:
    [[nodiscard]] const Vaccine& vaccine(const std::string& key) const;

    const ReferenceData& m_ref;
    std::uint64_t m_seed;
    Date m_windowStart {}, m_today {};
};

} // namespace techo::sandbox
