#pragma once

#include "core/domain/Checkup.h"
#include "core/domain/Dispensing.h"
#include "core/domain/Profile.h"
#include "core/domain/Provider.h"
#include "core/domain/Vaccination.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace techo::domain {

// What a source says about the person the records belong to.
struct PersonInfo {
    std::string sourcePersonId;
    std::string name;
    std::optional<std::string> kana;
    std::optional<Date> birthDate;
    std::optional<Sex> sex;
    Relationship relationship = Relationship::Self;
};

// An institution named by a record; the importer turns it into a Provider row.
struct InstitutionRef {
    ProviderKind kind = ProviderKind::MedicalInstitution;
    std::string code;
    std::string name;
};

// A record (or part of one) that failed validation: skipped, and listed in the import report.
// jsonPath and reason name the field and the problem; they never quote the health value itself.
// reasonKey + params are the same reason in structured form, for translation (e.g. "unit_not_allowed",
// {"field": "Unit"}); reason is its English text.
struct Rejection {
    std::string recordKind; // "checkup", "observation", "dispensing", "medication_line", "vaccination"
    std::string sourceRecordId;
    std::string jsonPath;
    std::string reason;
    std::string reasonKey;
    std::vector<std::pair<std::string, std::string>> params;
    // For a rejected child: its key within the parent (observation: the item code; medication line: "rp/line").
    std::string childKey;
    // Set by the importer: the vault already held a valid value for this child, and it was kept.
    bool storedValueKept = false;
};

struct CheckupRecord {
    Checkup checkup; // profileId and facilityId are set by the importer
    std::optional<InstitutionRef> facility;
    std::vector<Rejection> rejectedObservations; // children the mapping refused (childKey = item code)
};

struct DispensingRecord {
    Dispensing dispensing; // profileId, pharmacyId and prescriberId are set by the importer
    InstitutionRef pharmacy;
    std::optional<InstitutionRef> prescriber;
    std::vector<Rejection> rejectedLines; // children the mapping refused (childKey = "rp/line")
};

struct VaccinationRecord {
    Vaccination vaccination; // profileId and facilityId are set by the importer
    std::optional<InstitutionRef> facility;
};

// Source-neutral records ready for the importer: one part of one API result, or a file.
struct RecordBatch {
    std::string sourcePersonId;
    std::optional<PersonInfo> person;
    std::vector<CheckupRecord> checkups;
    std::vector<DispensingRecord> dispensings;
    std::vector<VaccinationRecord> vaccinations;
    std::vector<Rejection> rejections;
};

} // namespace techo::domain
