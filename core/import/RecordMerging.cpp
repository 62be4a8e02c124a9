#include "core/import/RecordMerging.h"

#include <algorithm>
#include <map>
#include <set>

namespace techo::import {
namespace {

constexpr char kSeparator = '\x1f'; // cannot occur in the validated fields that make up a key

std::string institutionKey(const domain::InstitutionRef& ref)
{
    // Institutions are identified by code; only a record without a code falls back to the name.
    return ref.code.empty() ? "name:" + ref.name : "code:" + ref.code;
}

std::string institutionKey(const std::optional<domain::InstitutionRef>& ref)
{
    return ref ? institutionKey(*ref) : std::string();
}

template <typename... Parts> std::string joinKey(const Parts&... parts)
{
    std::string key;
    ((key += parts, key += kSeparator), ...);
    return key;
}

const std::optional<std::string>& sourceRecordId(const domain::CheckupRecord& r)
{
    return r.checkup.provenance.sourceRecordId;
}
const std::optional<std::string>& sourceRecordId(const domain::DispensingRecord& r)
{
    return r.dispensing.provenance.sourceRecordId;
}
const std::optional<std::string>& sourceRecordId(const domain::VaccinationRecord& r)
{
    return r.vaccination.provenance.sourceRecordId;
}

// Groups records by identity, in the order each identity first appears; within a group the copies are
// sorted by source record id so that what the merge keeps does not depend on the order they came in.
// Returns an empty vector (and leaves `records` alone) when every identity is unique — the usual case.
template <typename Record> std::vector<std::vector<Record>> groupDuplicates(std::vector<Record>& records)
{
    std::map<std::string, std::size_t> firstIndex;
    std::vector<std::string> keys;
    keys.reserve(records.size());
    bool anyDuplicate = false;
    for (const Record& record : records) {
        keys.push_back(identityKey(record));
        anyDuplicate |= !firstIndex.emplace(keys.back(), firstIndex.size()).second;
    }
    if (!anyDuplicate)
        return {};
    std::vector<std::vector<Record>> groups(firstIndex.size());
    for (std::size_t i = 0; i < records.size(); ++i)
        groups[firstIndex.at(keys[i])].push_back(std::move(records[i]));
    records.clear();
    for (auto& group : groups)
        std::stable_sort(group.begin(), group.end(),
            [](const Record& a, const Record& b) { return sourceRecordId(a) < sourceRecordId(b); });
    return groups;
}

template <typename T> void fillIn(std::optional<T>& into, const std::optional<T>& from)
{
    if (!into && from)
        into = from;
}

// Unites the children of every copy: one child per key; a key given with different values is dropped and
// listed as rejected. Children compare without their (not yet assigned) ids.
template <typename Child, typename KeyOf, typename Same>
std::vector<Child> uniteChildren(std::vector<std::vector<Child>*> copies, KeyOf keyOf, Same same,
    std::vector<domain::Rejection>& rejected, const char* kind, const std::optional<std::string>& recordId)
{
    std::vector<Child> united;
    std::map<std::string, std::size_t> indexByKey;
    std::set<std::string> conflicts;
    for (std::vector<Child>* children : copies) {
        for (Child& child : *children) {
            const std::string key = keyOf(child);
            const auto [it, inserted] = indexByKey.emplace(key, united.size());
            if (inserted)
                united.push_back(std::move(child));
            else if (!same(united[it->second], child))
                conflicts.insert(key);
        }
    }
    if (conflicts.empty())
        return united;
    std::vector<Child> kept;
    for (Child& child : united) {
        const std::string key = keyOf(child);
        if (conflicts.count(key) != 0)
            rejected.push_back(conflictingChild(kind, recordId, key));
        else
            kept.push_back(std::move(child));
    }
    return kept;
}

domain::CheckupRecord mergeCheckups(std::vector<domain::CheckupRecord>& copies)
{
    domain::CheckupRecord merged = std::move(copies.front());
    std::vector<std::vector<domain::Observation>*> children {&merged.checkup.observations};
    for (std::size_t i = 1; i < copies.size(); ++i) {
        domain::Checkup& other = copies[i].checkup;
        fillIn(merged.checkup.insurerNumber, other.insurerNumber);
        fillIn(merged.checkup.provenance.sourceRecordId, other.provenance.sourceRecordId);
        children.push_back(&other.observations);
        for (domain::Rejection& r : copies[i].rejectedObservations)
            merged.rejectedObservations.push_back(std::move(r));
    }
    merged.checkup.observations = uniteChildren(
        children, [](const domain::Observation& o) { return o.itemCode; }, sameObservation, merged.rejectedObservations,
        "observation", merged.checkup.provenance.sourceRecordId);
    return merged;
}

domain::DispensingRecord mergeDispensings(std::vector<domain::DispensingRecord>& copies)
{
    domain::DispensingRecord merged = std::move(copies.front());
    std::vector<std::vector<domain::MedicationLine>*> children {&merged.dispensing.lines};
    for (std::size_t i = 1; i < copies.size(); ++i) {
        domain::Dispensing& other = copies[i].dispensing;
        fillIn(merged.dispensing.prescribedOn, other.prescribedOn);
        fillIn(merged.dispensing.inOut, other.inOut);
        fillIn(merged.dispensing.provenance.sourceRecordId, other.provenance.sourceRecordId);
        children.push_back(&other.lines);
        for (domain::Rejection& r : copies[i].rejectedLines)
            merged.rejectedLines.push_back(std::move(r));
    }
    merged.dispensing.lines = uniteChildren(children, lineKey, sameLine, merged.rejectedLines, "medication_line",
        merged.dispensing.provenance.sourceRecordId);
    return merged;
}

// What a vaccination record says, apart from its status and where/when it was fetched.
bool sameVaccinationFacts(const domain::VaccinationRecord& a, const domain::VaccinationRecord& b)
{
    domain::Vaccination x = a.vaccination;
    domain::Vaccination y = b.vaccination;
    x.status = y.status;
    x.provenance = y.provenance;
    const auto facility = [](const domain::VaccinationRecord& r) { return institutionKey(r.facility); };
    return x == y && facility(a) == facility(b);
}

std::optional<domain::VaccinationRecord> mergeVaccinations(
    std::vector<domain::VaccinationRecord>& copies, std::vector<domain::Rejection>& rejections)
{
    const auto isDeleted = [](const domain::VaccinationRecord& r) {
        return r.vaccination.status == domain::VaccinationStatus::EnteredInError;
    };
    const bool anyDeleted = std::any_of(copies.begin(), copies.end(), isDeleted);
    std::vector<domain::VaccinationRecord*> live;
    for (domain::VaccinationRecord& copy : copies)
        if (!isDeleted(copy))
            live.push_back(&copy);
    if (live.empty())
        return std::move(copies.front());
    for (const domain::VaccinationRecord* other : live) {
        if (!sameVaccinationFacts(*live.front(), *other)) {
            domain::Rejection r;
            r.recordKind = "vaccination";
            r.sourceRecordId = live.front()->vaccination.provenance.sourceRecordId.value_or("");
            r.reason = "the response holds this record more than once with different contents; none was imported";
            r.reasonKey = "conflicting_duplicate";
            rejections.push_back(std::move(r));
            return std::nullopt;
        }
    }
    domain::VaccinationRecord merged = std::move(*live.front());
    if (anyDeleted)
        merged.vaccination.status = domain::VaccinationStatus::EnteredInError;
    return merged;
}

} // namespace

bool sameObservation(domain::Observation a, domain::Observation b)
{
    a.id = b.id = 0;
    a.checkupId = b.checkupId = 0;
    return a == b;
}

bool sameLine(domain::MedicationLine a, domain::MedicationLine b)
{
    a.id = b.id = 0;
    a.dispensingId = b.dispensingId = 0;
    return a == b;
}

std::string lineKey(const domain::MedicationLine& line)
{
    return std::to_string(line.rpNumber) + "/" + std::to_string(line.lineNumber);
}

domain::Rejection conflictingChild(const char* kind, const std::optional<std::string>& recordId, std::string childKey)
{
    domain::Rejection r;
    r.recordKind = kind;
    r.sourceRecordId = recordId.value_or("");
    r.reason = "two records of the same " + std::string(kind == std::string("observation") ? "checkup" : "dispensing")
        + " give different values for it; this one was not imported";
    r.reasonKey = "conflicting_duplicate";
    r.params = {{"key", childKey}};
    r.childKey = std::move(childKey);
    return r;
}

std::string identityKey(const domain::CheckupRecord& record)
{
    const domain::Checkup& c = record.checkup;
    return joinKey(domain::formatDate(c.performedOn), c.kind, institutionKey(record.facility));
}

std::string identityKey(const domain::DispensingRecord& record)
{
    const domain::Dispensing& d = record.dispensing;
    return joinKey(std::string(toString(d.kind)), domain::formatDate(d.dispensedOn), institutionKey(record.pharmacy),
        institutionKey(record.prescriber));
}

std::string identityKey(const domain::VaccinationRecord& record)
{
    const domain::Vaccination& v = record.vaccination;
    if (v.provenance.sourceRecordId && !v.provenance.sourceRecordId->empty())
        return joinKey(std::string("historyKey"), *v.provenance.sourceRecordId);
    return joinKey(domain::formatDate(v.occurredOn), v.vaccineCode.empty() ? "name:" + v.vaccineName : v.vaccineCode,
        v.doseNumber ? std::to_string(*v.doseNumber) : std::string("-"));
}

void mergeSameIdentityRecords(domain::RecordBatch& batch)
{
    for (auto& group : groupDuplicates(batch.checkups))
        batch.checkups.push_back(mergeCheckups(group));
    for (auto& group : groupDuplicates(batch.dispensings))
        batch.dispensings.push_back(mergeDispensings(group));
    for (auto& group : groupDuplicates(batch.vaccinations))
        if (auto merged = mergeVaccinations(group, batch.rejections))
            batch.vaccinations.push_back(std::move(*merged));
}

} // namespace techo::import
