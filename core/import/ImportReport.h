#pragma once

// What an import decides and reports, apart from the Importer itself: the types the desktop app's session and
// dialogs use (this header reaches no vault internals, so ui/ may include it).

#include "core/domain/Clock.h"
#include "core/domain/ImportRun.h"
#include "core/domain/RecordBatch.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace techo::import {

// What the person decided about a source person id that now carries another person's name, sex or birth date
// (a "person conflict"). Without a decision the import stops with ErrorCode::InvalidData and changes nothing.
enum class PersonResolution {
    KeepApart, // the records belong to someone else: a separate profile ("<id>#2") receives them
    Skip, // leave this person's records out of the import
};

// One side of a person conflict, as stored or as the source now says.
struct PersonDemographics {
    std::string name;
    std::optional<domain::Date> birthDate;
    std::optional<domain::Sex> sex;
};

// A person conflict met by this import, and what was done about it.
struct PersonConflict {
    std::string sourcePersonId;
    std::int64_t storedProfileId = 0;
    PersonDemographics stored;
    PersonDemographics incoming;
    PersonResolution resolution = PersonResolution::Skip;
};

// What one import did. Counts are of top-level records (checkups, dispensings, vaccinations):
// an updated checkup counts once, however many of its observations changed. Rejections are
// every skipped record or part of a record (an observation, a medication line) with its reason.
struct ImportReport {
    domain::ImportCounts counts;
    std::map<std::string, domain::ImportCounts> byKind; // "checkups", "dispensings", "vaccinations"
    std::vector<domain::Rejection> rejections;
    std::vector<PersonConflict> personConflicts; // resolved ones (an unresolved one fails the import)
    std::int64_t skippedRecords = 0; // records of persons the person chose to skip
    std::int64_t importRunId = 0;
};

// Decisions and context that shape an import; the defaults are what a first import wants.
struct ImportPolicy {
    domain::Clock clock; // "now" for provenance and the audit trail (and "today" for date checks)
    std::map<std::string, PersonResolution> personResolutions; // by source person id
};

} // namespace techo::import
