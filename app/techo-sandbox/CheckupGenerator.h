#pragma once

// The health simulation behind the sandbox's 特定健診 records: one person's yearly values and
// treatment onsets (also read by the dispensing generator), and the checkup records built from them.
// Deterministic: everything derives from (seed, person index).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "Date.h"
#include "ReferenceData.h"

namespace techo::sandbox {

struct Person;
struct Checkup;

// One person's simulated health, one entry a year from age 20 to the generator's today.
struct HealthTimeline {
    struct Year {
        Date date {};
        int age = 0;
        const Institution* facility = nullptr;
        bool onBp = false, onGlucose = false, onLipid = false, onUricAcid = false, smoker = false;
        double height = 0, weight = 0, bmi = 0, waist = 0, sbp = 0, dbp = 0, hba1c = 0, fpg = 0, tg = 0, hdl = 0,
               ldl = 0, ast = 0, alt = 0, ggt = 0, creatinine = 0, egfr = 0, uricAcid = 0, hb = 0;
    };
    std::vector<Year> years;
    std::map<std::string, Date> onset; // condition → start of treatment
    std::optional<Date> bpStep2, glucoseStep2;
    const Institution* facility = nullptr;
};

class CheckupGenerator {
public:
    // today / windowStart: records are generated for dates in [windowStart, today).
    CheckupGenerator(const ReferenceData& ref, std::uint64_t seed, Date today, Date windowStart);

    [[nodiscard]] HealthTimeline simulate(const Person& p) const;
    // The person's 特定健診 records (ages 40–74) inside the window, oldest first.
    [[nodiscard]] std::vector<Checkup> checkups(const Person& p) const;

private:
    [[nodiscard]] bool inWindow(Date d) const { return d >= m_windowStart && d < m_today; }

    const ReferenceData& m_ref;
    std::uint64_t m_seed;
    Date m_today {}, m_windowStart {};
};

} // namespace techo::sandbox
