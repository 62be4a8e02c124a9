#pragma once

#include "core/domain/Checkup.h"
#include "core/domain/Dispensing.h"
#include "core/domain/Profile.h"
#include "core/domain/Provider.h"
#include "core/domain/Vaccination.h"

#include <optional>
#include <string>
#include <vector>

namespace techo::import {

// What a source says about the person the records belong to.
struct PersonInfo {
    std::string sourcePersonId;
    std::string name;
    std::optional<std::string> kana;
    std::optional<domain::Date> birthDate;
    std::optional<domain::Sex> sex;
    domain::Relationship relationship = domain::Relationship::Self;
};

// An institution named by a record; the importer turns it into a Provider row.
struct InstitutionRef {
    domain::ProviderKind kind = domain::ProviderKind::MedicalInstitution;
    std::string code;
    std::string name;
};

struct CheckupRecord {
    domain::Checkup checkup; // profileId and facilityId are set by the importer
    std::optional<InstitutionRef> facility;
};

struct DispensingRecord {
    domain::Dispensing dispensing; // profileId, pharmacyId and prescriberId are set by the importer
    InstitutionRef pharmacy;
    std::optional<InstitutionRef> prescriber;
};

struct VaccinationRecord {
    domain::Vaccination vaccination; // profileId and facilityId are set by the importer
    std::optional<InstitutionRef> facility;
};

// A record (or part of one) that failed validation: skipped, and listed in the import report.
// jsonPath and reason name the field and the problem; they never quote the health value itself.
struct Rejection {
    std::string recordKind; // "checkup", "observation", "dispensing", "medication_line", "vaccination"
    std::string sourceRecordId;
    std::string jsonPath;
    std::string reason;
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

} // namespace techo::import
