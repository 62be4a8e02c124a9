#pragma once

// 薬剤: a person's dispensings (YZK) and their JSON rendering (see docs/sandbox-api.md).

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "Date.h"
#include "ReferenceData.h"

namespace techo::sandbox {

struct Person;

struct DrugLine {
    int rpNo = 0, lineNo = 0;
    const Drug* drug = nullptr;
    int qty = 1;
    std::string usage;
    int times = 0;
    std::string spInst;
    std::string meTrIdCl; // 診療識別: 21 内服, 22 屯服, 23 外用
};

struct Dispensing {
    std::string recordId;
    Date date {}, prescribed {};
    const Institution* pharmacy = nullptr;
    const Institution* prescriber = nullptr;
    bool eRx = false; // in the 電子処方箋 branch (CzDiMonthInfs)
    std::vector<DrugLine> lines;
};

// What the health simulation decided about treatment: condition → start date, and when a second
// drug was added for hypertension / diabetes.
struct TreatmentHistory {
    std::map<std::string, Date> onset;
    std::optional<Date> bpStep2, glucoseStep2;
};

class DispensingGenerator {
public:
    DispensingGenerator(const ReferenceData& ref, std::uint64_t seed, Date windowStart, Date today);

    // The person's dispensings in [windowStart, today), sorted by (date, recordId).
    [[nodiscard]] std::vector<Dispensing> generate(const Person& p, const TreatmentHistory& treatment) const;

    // The YZK "data" object for one part; with injectInvalid, kInvalidPerResult broken records are
    // appended and `recordCount` grows by that many.
    [[nodiscard]] nlohmann::ordered_json render(
        const Person& p, const std::vector<const Dispensing*>& part, bool injectInvalid, int& recordCount) const;

private:
    const ReferenceData& m_ref;
    std::uint64_t m_seed;
    Date m_windowStart {}, m_today {};
};

} // namespace techo::sandbox
