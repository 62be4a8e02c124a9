#pragma once

#include "core/domain/RecordBatch.h"

#include <string>

namespace techo::import {

// The identity of a record within one person's batch, as text (docs/import.md, "Record identity"):
//  checkup      (day, 健診種別, facility: code, else name)
//  dispensing   (kind, day, dispensing institution, prescribing institution: code, else name)
//  vaccination  the source's historyKey; without one (day, vaccine code — or name when there is no code —, dose)
[[nodiscard]] std::string identityKey(const domain::CheckupRecord& record);
[[nodiscard]] std::string identityKey(const domain::DispensingRecord& record);
[[nodiscard]] std::string identityKey(const domain::VaccinationRecord& record);

// Children compared by what they say, not by their vault ids.
[[nodiscard]] bool sameObservation(domain::Observation a, domain::Observation b);
[[nodiscard]] bool sameLine(domain::MedicationLine a, domain::MedicationLine b);
// A medication line's key within its dispensing: "rp/line".
[[nodiscard]] std::string lineKey(const domain::MedicationLine& line);

// The rejection of a child that two records of one identity give with different values
// (reasonKey "conflicting_duplicate", childKey = the item code or "rp/line"). kind: "observation" or
// "medication_line".
[[nodiscard]] domain::Rejection conflictingChild(
    const char* kind, const std::optional<std::string>& recordId, std::string childKey);

// Merges the records of `batch` that share an identity, so that none overwrites another when applied:
//  - checkups and dispensings: their observations / medication lines are united; a child given by two records
//    with different values (observation: same item code; line: same RP and line number) is dropped from the
//    merged record and listed in its rejected children (reasonKey "conflicting_duplicate");
//  - vaccinations: copies that agree become one; a deleted copy (entered-in-error) makes the merged record
//    entered-in-error, taking its fields from the copies that are not deleted; copies that are not deleted but
//    disagree are all rejected (a whole-record rejection, reasonKey "conflicting_duplicate");
//  - the merged record's own fields come from the copy with the smallest source record id, and attributes
//    only some copies carry are filled in from the others.
// The result does not depend on the order of the records in the batch. Merged records keep the position of
// the first copy.
void mergeSameIdentityRecords(domain::RecordBatch& batch);

} // namespace techo::import
