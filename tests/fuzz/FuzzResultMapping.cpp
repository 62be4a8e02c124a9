// libFuzzer target for the strict mapping of the API's result bodies. Any input must come back as a value or
// an Error: no crash, leak, exception or undefined behaviour (ASan + UBSan), and a mapped part must hold only
// what the vault and the import report can take.
#include "core/domain/Dates.h"
#include "core/mynaportal/ResultMapping.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

using techo::mynaportal::InfoKind;
using techo::mynaportal::ResultPart;

void require(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_result_mapping: invariant violated: %s\n", what);
        std::abort();
    }
}

void checkRejection(const techo::domain::Rejection& r, bool child)
{
    require(r.jsonPath.starts_with("$.medicalInsuranceInfoProvisionInfo.data."), "rejection path inside data");
    require(!r.reason.empty() && !r.recordKind.empty(), "rejection has a kind and a reason");
    require(!r.reasonKey.empty() && !r.params.empty() && r.params.front().first == "field",
        "rejection has a reason key and names its field");
    if (child)
        require(r.recordKind == "observation" || r.recordKind == "medication_line", "a child rejection is a child's");
}

void checkPart(const ResultPart& part)
{
    require(part.partNumber >= 1 && part.partNumber <= part.totalParts, "1 <= partNumber <= totalParts");
    const auto& batch = part.batch;
    require(!batch.sourcePersonId.empty(), "a part names its person");
    if (part.kind != InfoKind::Checkups)
        require(batch.checkups.empty(), "checkups only from TKK");
    if (part.kind != InfoKind::Dispensings)
        require(batch.dispensings.empty(), "dispensings only from YZK");
    if (part.kind != InfoKind::Vaccinations)
        require(batch.vaccinations.empty(), "vaccinations only from PMH_VAC");
    if (batch.person && batch.person->birthDate)
        require(techo::domain::isStorableDate(*batch.person->birthDate), "storable birth date");
    for (const auto& record : batch.checkups) {
        const auto& c = record.checkup;
        require(techo::domain::isStorableDate(c.performedOn), "storable checkup date");
        for (const auto& o : c.observations) {
            require(o.itemCode.size() == 17, "17-character item code");
            if (o.valueType == techo::domain::ValueType::PQ)
                require(o.valueNum.has_value() && o.unit.has_value() && o.unitAsSent.has_value(),
                    "PQ observation has a value, its canonical unit and the unit as sent");
            else
                require(!o.comparator && !o.unit, "only PQ observations have a comparator or a unit");
            if (o.valueType == techo::domain::ValueType::CD || o.valueType == techo::domain::ValueType::CO)
                require(o.valueCode.has_value() && !o.valueCode->empty() && o.valueCodeSystem.has_value(),
                    "a coded observation has a code of a named system");
        }
        for (const auto& r : record.rejectedObservations)
            checkRejection(r, true);
    }
    for (const auto& record : batch.dispensings) {
        const auto& d = record.dispensing;
        require(techo::domain::isStorableDate(d.dispensedOn), "storable dispensing date");
        require(!d.lines.empty(), "a kept dispensing has lines");
        for (const auto& line : d.lines) {
            require(line.rpNumber >= 1 && line.lineNumber >= 1, "positive RP and line numbers");
            require(line.quantity.has_value() && *line.quantity > 0, "positive quantity");
            require(!line.days || *line.days >= 0, "non-negative days");
        }
        for (const auto& r : record.rejectedLines)
            checkRejection(r, true);
    }
    for (const auto& record : batch.vaccinations) {
        require(techo::domain::isStorableDate(record.vaccination.occurredOn), "storable vaccination date");
        require(!record.vaccination.doseNumber || *record.vaccination.doseNumber >= 1, "positive dose number");
    }
    for (const auto& r : batch.rejections)
        checkRejection(r, false);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const auto any = techo::mynaportal::parseResultPart(body);
    if (any.ok())
        checkPart(any.value());
    else
        require(!any.error().message.empty(), "an error says what is wrong");
    for (const InfoKind kind : {InfoKind::Checkups, InfoKind::Dispensings, InfoKind::Vaccinations}) {
        const auto expected = techo::mynaportal::parseResultPart(body, kind);
        // Naming the expected kind changes nothing but whether a different kind is refused.
        require(expected.ok() == (any.ok() && any.value().kind == kind), "expected kind only filters");
        if (expected.ok()) {
            checkPart(expected.value());
            require(expected.value().batch.rejections.size() == any.value().batch.rejections.size(),
                "same rejections with or without the expected kind");
        }
    }
    return 0;
}
