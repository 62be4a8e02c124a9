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
    double qty = 1; // Qua1: 1日量 (内服), 1回量 (屯服), 全量 (外用, 注射) [I]
    std::string usage;
    int times = 0;
    std::string spInst;
    std::string meTrIdCl; // 診療識別: 21 内服, 22 屯服, 23 外用, 31 注射 [I]
};

// One dispensing: the drugs one prescription brought, on one day, at one pharmacy (or, 院内, at the
// prescribing clinic). Where it appears is decided by dates and institutions (docs/sandbox-api.md):
// the claims branch, the 電子処方箋 調剤 branch, or both; its prescription may also be in 処方情報.
struct Dispensing {
    std::string recordId;
    Date date {}, prescribed {};
    const Institution* pharmacy = nullptr; // the dispensing institution (the clinic itself when inHouse)
    const Institution* prescriber = nullptr;
    bool inHouse = false; // 院内処方: InOut 1, DiOrg 1
    bool claims = true; // in MeTrMonthInfs (レセプト由来)
    bool eRx = false; // in CzDiInf (電子処方箋 調剤情報)
    bool prescription = false; // its prescription is in ShPrInf (電子処方箋 処方情報)
    std::vector<DrugLine> lines;
};

// One top-level record of the YZK payload: a dispensing as it appears in one branch. Parts are cut
// from these, so a part never holds more than page-size top-level records.
struct DispensingRecord {
    enum class Branch { Claims, Dispensed, Prescribed };
    const Dispensing* dispensing = nullptr;
    Branch branch = Branch::Claims;
    Date date {}; // DiDate, CzDiDate or ShPrDate
    std::string id; // the (invented) RecordId
};

// How one part is rendered.
struct RenderOptions {
    bool injectInvalid = false; // append the kInvalidPerResult broken records (part 1 only)
    bool omitInvented = false; // leave out the record-level fields the real layouts do not have
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

    // Claims data arrives after the month is billed: dispensings before the first day of the month
    // before today's are in the claims branch [I].
    [[nodiscard]] Date claimsUntil() const { return Date::fromYmd(m_today.year(), m_today.month(), 1).plusMonths(-1); }

    // The person's dispensings in [windowStart, today), sorted by (date, recordId).
    [[nodiscard]] std::vector<Dispensing> generate(const Person& p, const TreatmentHistory& treatment) const;

    // Every appearance of the dispensings in the three branches, sorted by (date, id).
    [[nodiscard]] static std::vector<DispensingRecord> records(const std::vector<Dispensing>& dispensings);

    // The YZK "data" object for one part (shape: docs/sandbox-api.md); with options.injectInvalid,
    // kInvalidPerResult broken records are appended and `recordCount` grows by that many.
    [[nodiscard]] nlohmann::ordered_json render(const Person& p, const std::vector<const DispensingRecord*>& part,
        const RenderOptions& options, int& recordCount) const;

private:
    const ReferenceData& m_ref;
    std::uint64_t m_seed;
    Date m_windowStart {}, m_today {};
};

} // namespace techo::sandbox
