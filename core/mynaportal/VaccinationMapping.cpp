// 予防接種 (PMH): vaccinations, in PMH's camelCase JSON.
#include "core/mynaportal/MappingFields.h"

#include <algorithm>

namespace techo::mynaportal::detail {
namespace {

constexpr Reason kVaccineCodeSystem {"vaccine_code_system", "is not a known vaccine code system"};

// HOT13, HOT9 and YJ (JP Core Immunization), and the sandbox's own code list for vaccines without one.
bool isVaccineCodeSystem(std::string_view system)
{
    static constexpr std::string_view kSystems[] = {
        "urn:oid:1.2.392.100495.20.2.75", // HOT13
        "urn:oid:1.2.392.200119.4.403.1", // HOT9
        "urn:oid:1.2.392.100495.20.1.73", // YJ
        "urn:techo:sandbox:vaccine",
    };
    return std::find(std::begin(kSystems), std::end(kSystems), system) != std::end(kSystems);
}

} // namespace

Status mapVaccinations(
    const json& data, const std::string& path, const MappingOptions& options, domain::RecordBatch& batch)
{
    // basicFiveInfo is PMH's published shape [C]; its address is not read (Techo stores no address).
    TECHO_TRY(mapPerson(data, path,
        {{"basicFiveInfo", "basicInfo"}, {"name"}, {"nameKana"}, {"dateOfBirth"}, true, {"sex"}}, options, batch));
    const std::optional<domain::Date> birth = batch.person ? batch.person->birthDate : std::nullopt;
    Fields root(data, path);
    const auto list = root.list({"immunizations"}, {});
    if (root.failed())
        return structural(root.error());
    for (const Element& element : *list) {
        Fields f(*element.value, element.path);
        domain::VaccinationRecord record;
        domain::Vaccination& v = record.vaccination;
        v.provenance.sourceRecordId = f.text("historyKey", false);
        const std::string recordId = v.provenance.sourceRecordId.value_or("");
        const auto occurred = f.date("vaccinationDate", true, true);
        checkRecordDate(f, "vaccinationDate", occurred, birth, options);
        v.vaccineName = f.text("vaccineName", true).value_or("");
        if (const json* code = f.object("vaccineCode", false)) {
            Fields cf(*code, at(f.path(), "vaccineCode"));
            v.vaccineCode = cf.text("code", false).value_or("");
            v.vaccineCodeSystem = cf.text("system", false);
            if (v.vaccineCodeSystem && !isVaccineCodeSystem(*v.vaccineCodeSystem))
                cf.fail("system", kVaccineCodeSystem);
            if (cf.failed())
                f.fail(cf.error());
        }
        v.targetDisease = f.text("targetDisease", false);
        v.doseNumber = f.integer("doseNumber", false, 1);
        v.lotNumber = f.text("lotNumber", false);
        v.manufacturer = f.text("manufacturer", false);
        v.municipalityCode = f.text("municipalityCode", false);
        // modificationSeg (PMH's 異動区分 [C name]; its code values are not public): read for its form only.
        // Deletion is isDeleted; a correction arrives as a new historyKey.
        (void)f.code({"modificationSeg"}, false);
        const auto facilityCode = f.text("medicalInstitutionCode", false);
        const auto facilityName = f.text("medicalInstitutionName", false);
        if (f.boolean("isDeleted").value_or(false))
            v.status = domain::VaccinationStatus::EnteredInError;
        if (f.failed()) {
            batch.rejections.push_back(reject("vaccination", recordId, f.error()));
            continue;
        }
        v.occurredOn = *occurred;
        if (facilityCode || facilityName)
            record.facility = domain::InstitutionRef {domain::ProviderKind::MedicalInstitution,
                facilityCode.value_or(""), facilityName.value_or(facilityCode.value_or(""))};
        batch.vaccinations.push_back(std::move(record));
    }
    return {};
}

} // namespace techo::mynaportal::detail
