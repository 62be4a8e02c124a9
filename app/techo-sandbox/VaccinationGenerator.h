#pragma once

// 予防接種: a person's vaccination history (PMH) and its JSON rendering (see docs/sandbox-api.md).

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "Date.h"
#include "ReferenceData.h"

namespace techo::sandbox {

struct Person;

struct Vaccination {
    std::string historyKey;
    Date date {};
    const Vaccine* vaccine = nullptr;
    int dose = 1;
    std::string lot;
    const Institution* site = nullptr;
    std::string municipalityCode;
};

class VaccinationGenerator {
public:
    // Records dated in [windowStart, today) are returned; the stream is derived from (seed, person).
    VaccinationGenerator(const ReferenceData& ref, std::uint64_t seed, Date windowStart, Date today);

    // The person's vaccinations in the window, sorted by (date, historyKey).
    [[nodiscard]] std::vector<Vaccination> generate(const Person& p) const;

    // The PMH "data" object for one part; with injectInvalid, kInvalidPerResult broken records are
    // appended and `recordCount` grows by that many.
    [[nodiscard]] nlohmann::ordered_json render(
        const Person& p, const std::vector<const Vaccination*>& part, bool injectInvalid, int& recordCount) const;

private:
    const ReferenceData& m_ref;
    std::uint64_t m_seed;
    Date m_windowStart {}, m_today {};
};

} // namespace techo::sandbox
