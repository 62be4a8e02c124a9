#pragma once

// The health simulation behind the sandbox's 特定健診 records: one person's yearly values, insurance,
// attendance and treatment onsets (the onsets are also read by the dispensing generator), and the
// checkup records built from them. Deterministic: everything derives from (seed, person index).
// The model and its sources: docs/sandbox-realism.md.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "CheckupNorms.h"
#include "Date.h"
#include "ReferenceData.h"

namespace techo::sandbox {

struct Person;
struct Checkup;

// One person's simulated health, one entry a year from age 20 to the generator's today.
struct HealthTimeline {
    struct Year {
        Date date {}; // the year's (possible) checkup date
        int age = 0;
        bool attends = false; // takes the year's 特定健診 (ages 40–74, FY2008 on)
        std::string insurerNumber; // 8-digit 健保 number while employed (or a dependant), 6-digit 国保 after
        const Institution* facility = nullptr;
        bool onBp = false, onGlucose = false, onLipid = false, onUricAcid = false, smoker = false;
        double height = 0, weight = 0, bmi = 0, waist = 0, sbp = 0, dbp = 0, hba1c = 0, fpg = 0, tg = 0, hdl = 0,
               ldl = 0, ast = 0, alt = 0, ggt = 0, creatinine = 0, egfr = 0, uricAcid = 0, hb = 0;
        std::string urineProtein, urineSugar; // CD codes 1–5 (− ± + ++ +++)
    };
    std::vector<Year> years;
    std::map<std::string, Date> onset; // condition → start of treatment
    std::optional<Date> bpStep2, glucoseStep2;
};

class CheckupGenerator {
public:
    // 特定健診 started in FY2008; HbA1c is reported as NGSP (JLAC10 3D046…) from FY2013 and as JDS (3D045…)
    // before; 随時中性脂肪 exists from FY2024 (第4期), 随時血糖 is accepted from FY2018 (第3期) [R].
    static constexpr int kFirstFiscalYear = 2008, kNgspFiscalYear = 2013, kCasualTgFiscalYear = 2024,
                         kCasualGlucoseFiscalYear = 2018;

    // today / windowStart: records are generated for dates in [windowStart, today). Reads the national
    // figures (checkup_norms.json) from ref.dir; throws std::runtime_error if they are missing or malformed.
    CheckupGenerator(const ReferenceData& ref, std::uint64_t seed, Date today, Date windowStart);

    [[nodiscard]] HealthTimeline simulate(const Person& p) const;
    // The person's 特定健診 records (ages 40–74, attended years, FY2008 on) inside the window, oldest first.
    [[nodiscard]] std::vector<Checkup> checkups(const Person& p) const;
    // The same from a timeline simulate(p) returned (saves simulating twice).
    [[nodiscard]] std::vector<Checkup> checkups(const Person& p, const HealthTimeline& t) const;
    [[nodiscard]] const CheckupNorms& norms() const { return m_norms; }
    // The 健診機関 a checkup can come from (the tables' three plus a generated pool).
    [[nodiscard]] const std::vector<Institution>& facilities() const { return m_facilities; }

    // April–March fiscal year of a date.
    [[nodiscard]] static int fiscalYear(Date d) { return d.month() >= 4 ? d.year() : d.year() - 1; }

private:
    [[nodiscard]] bool inWindow(Date d) const { return d >= m_windowStart && d < m_today; }

    const ReferenceData& m_ref;
    std::uint64_t m_seed;
    Date m_today {}, m_windowStart {};
    CheckupNorms m_norms;
    std::size_t m_centreCount = 0; // set by facilityPool() while m_facilities is built, so declared first
    std::vector<Institution> m_facilities; // [0, m_centreCount): 健診センター; the rest: local clinics
};

} // namespace techo::sandbox
