#pragma once

// Deterministic synthetic people and their records. Every person is generated on demand from
// (seed, person index) alone, so nothing is held in memory and any person/kind/part can be built
// quickly even for --persons 1000 --years 40.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "CheckupGenerator.h"
#include "Date.h"
#include "DispensingGenerator.h"
#include "ReferenceData.h"
#include "VaccinationGenerator.h"

namespace techo::sandbox {

enum class InfoKind { Tkk, Yzk, PmhVac };
std::optional<InfoKind> parseInfoKind(const std::string& text);
std::string infoKindName(InfoKind kind);

struct GeneratorConfig {
    std::uint64_t seed = 1;
    int persons = 3;
    int years = 10;
};

struct Person {
    int index = 0;
    std::string id; // P0001…
    std::string name, kana; // 姓　名 with a full-width space
    Date birth {};
    bool male = true;
    std::string relationship; // "self" | "family"
    const Institution* municipality = nullptr;
    const Institution* insurer = nullptr;
};

struct Counts {
    // dispensings / medicationLines: DiDateInfs and DrugInfs of the claims and 電子処方箋 調剤 branches
    // (a dispensing in both counts twice); prescriptions: ShPrDateInfs of 処方情報.
    long profiles = 0, checkups = 0, observations = 0, vaccinations = 0, dispensings = 0, medicationLines = 0,
         prescriptions = 0;
    Counts& operator+=(const Counts& o)
    {
        profiles += o.profiles;
        checkups += o.checkups;
        observations += o.observations;
        vaccinations += o.vaccinations;
        dispensings += o.dispensings;
        medicationLines += o.medicationLines;
        prescriptions += o.prescriptions;
        return *this;
    }
};

struct Observation {
    const CheckupItem* item = nullptr;
    std::string value, valueName, flag;
};

struct Checkup {
    std::string recordId;
    Date date {};
    const Institution* facility = nullptr;
    std::string insurerNumber;
    std::vector<Observation> observations;
};

struct PageRequest {
    std::optional<Date> start, end; // inclusive filter on the record's date
    int part = 1;
    int pageSize = 200;
    bool injectInvalid = false; // the invalid-records fault (part 1 only)
    bool omitInvented = false; // leave out the record-level fields the real layouts do not have
};

struct Page {
    nlohmann::ordered_json data;
    int totalParts = 1;
    int recordCount = 0; // top-level records in this part, injected invalid ones included
    int totalRecords = 0; // valid records over all parts
};

class DataGenerator {
public:
    // The generator's fixed "today": data dates are in [today − years, today).
    static constexpr int kTodayYear = 2026, kTodayMonth = 10, kTodayDay = 1;
    // Dispensings on or after today − 100 days are in the 電子処方箋 branch.
    static constexpr int kErxWindowDays = 100;
    static constexpr int kInvalidPerResult = 4;

    DataGenerator(const ReferenceData& ref, GeneratorConfig config);

    [[nodiscard]] int personCount() const { return m_config.persons; }
    [[nodiscard]] Date today() const { return m_today; }
    [[nodiscard]] Date windowStart() const { return m_windowStart; }

    [[nodiscard]] Person person(int index) const;
    [[nodiscard]] std::vector<Checkup> checkups(const Person& p) const;
    [[nodiscard]] std::vector<Dispensing> dispensings(const Person& p) const;
    [[nodiscard]] std::vector<Vaccination> vaccinations(const Person& p) const;
    [[nodiscard]] Counts counts(int index) const;

    // Builds the "data" object of one result part (see docs/sandbox-api.md).
    [[nodiscard]] Page page(InfoKind kind, const Person& p, const PageRequest& request) const;

private:
    using Timeline = HealthTimeline;
    [[nodiscard]] Timeline simulate(const Person& p) const;
    [[nodiscard]] bool inWindow(Date d) const { return d >= m_windowStart && d < m_today; }

    const ReferenceData& m_ref;
    GeneratorConfig m_config;
    Date m_today {}, m_windowStart {};
    CheckupGenerator m_checkups;
    DispensingGenerator m_dispensing;
    VaccinationGenerator m_vaccination;
};

} // namespace techo::sandbox
