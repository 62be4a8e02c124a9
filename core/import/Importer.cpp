#include "core/import/Importer.h"

#include "core/import/RecordMerging.h"
#include "core/vault/AuditRepository.h"
#include "core/vault/CheckupRepository.h"
#include "core/vault/Database.h"
#include "core/vault/DispensingRepository.h"
#include "core/vault/ImportRunRepository.h"
#include "core/vault/ProfileRepository.h"
#include "core/vault/ProviderRepository.h"
#include "core/vault/VaccinationRepository.h"

#include <algorithm>

namespace techo::import {
namespace {

enum Outcome { kAdded, kUpdated, kUnchanged, kMerged };

constexpr int kImportCacheKiB = 64 * 1024;

// Splits the incoming children into the ones that change the stored record (new or different) and, when the
// stored record was written by this same import, the ones that contradict it (they are rejected instead).
template <typename Child, typename KeyOf, typename Same>
std::vector<Child> changedChildren(std::vector<Child>& incoming, const std::vector<Child>& stored, KeyOf keyOf,
    Same same, bool storedByThisRun, std::vector<std::string>& contradicting)
{
    std::vector<Child> changed;
    for (Child& child : incoming) {
        const auto match
            = std::find_if(stored.begin(), stored.end(), [&](const Child& s) { return keyOf(s) == keyOf(child); });
        if (match == stored.end()) {
            changed.push_back(std::move(child));
        } else if (!same(*match, child)) {
            if (storedByThisRun)
                contradicting.push_back(keyOf(child));
            else
                changed.push_back(std::move(child));
        }
    }
    return changed;
}

template <typename T> void keepIfMissing(std::optional<T>& incoming, const std::optional<T>& stored)
{
    if (!incoming)
        incoming = stored;
}

bool sameDrug(const domain::MedicationLine& a, const domain::MedicationLine& b)
{
    return (!a.drugCode.empty() && a.drugCode == b.drugCode) || a.drugName == b.drugName;
}

// A line the source sends again keeps its place and what it had: it is matched to a stored line by (RP, line)
// when that line is the same drug, else by the drug (code or name) — the real layout has no RP/line numbers and
// lines are numbered by position, which need not be the stored numbering. What the incoming line lacks (a code,
// an attribute) is kept from the stored line, and a stored YJ code is not replaced by a receipt code. A new line
// whose numbers are taken by another drug moves to a new RP, so it never overwrites a stored line.
void alignLines(std::vector<domain::MedicationLine>& incoming, const std::vector<domain::MedicationLine>& stored)
{
    std::vector<bool> taken(stored.size(), false);
    std::vector<bool> matched(incoming.size(), false);
    int lastRp = 0;
    for (const auto& s : stored)
        lastRp = std::max(lastRp, s.rpNumber);
    for (std::size_t k = 0; k < incoming.size(); ++k) {
        domain::MedicationLine& line = incoming[k];
        lastRp = std::max(lastRp, line.rpNumber);
        std::optional<std::size_t> match;
        for (std::size_t i = 0; i < stored.size() && !match; ++i)
            if (!taken[i] && stored[i].rpNumber == line.rpNumber && stored[i].lineNumber == line.lineNumber
                && sameDrug(stored[i], line))
                match = i;
        for (std::size_t i = 0; i < stored.size() && !match; ++i)
            if (!taken[i] && sameDrug(stored[i], line))
                match = i;
        if (!match)
            continue;
        taken[*match] = true;
        matched[k] = true;
        const domain::MedicationLine& s = stored[*match];
        line.rpNumber = s.rpNumber;
        line.lineNumber = s.lineNumber;
        const bool weakerCode = line.drugCode.empty()
            || (s.drugCodeSystem == domain::DrugCodeSystem::Yj && line.drugCodeSystem != domain::DrugCodeSystem::Yj);
        if (weakerCode && !s.drugCode.empty()) {
            line.drugCode = s.drugCode;
            line.drugCodeSystem = s.drugCodeSystem;
        }
        keepIfMissing(line.ingredientName, s.ingredientName);
        keepIfMissing(line.quantity, s.quantity);
        keepIfMissing(line.unit, s.unit);
        keepIfMissing(line.usageText, s.usageText);
        keepIfMissing(line.specialInstruction, s.specialInstruction);
        keepIfMissing(line.days, s.days);
        keepIfMissing(line.dosageForm, s.dosageForm);
        keepIfMissing(line.claimsCategory, s.claimsCategory);
    }
    for (std::size_t k = 0; k < incoming.size(); ++k) {
        if (matched[k])
            continue;
        const domain::MedicationLine& line = incoming[k];
        const bool numbersTaken = std::any_of(stored.begin(), stored.end(), [&](const domain::MedicationLine& s) {
            return s.rpNumber == line.rpNumber && s.lineNumber == line.lineNumber;
        });
        if (numbersTaken) {
            incoming[k].rpNumber = ++lastRp;
            incoming[k].lineNumber = 1;
        }
    }
}

std::string withoutSpaces(std::string_view text)
{
    // Sources differ in spacing between family and given name (ASCII, or the ideographic space U+3000).
    std::string out;
    constexpr std::string_view kIdeographicSpace = "\u3000";
    for (std::size_t i = 0; i < text.size();) {
        if (text.substr(i, kIdeographicSpace.size()) == kIdeographicSpace) {
            i += kIdeographicSpace.size();
        } else if (text[i] == ' ' || text[i] == '\t') {
            ++i;
        } else {
            out += text[i++];
        }
    }
    return out;
}

// Whether a stored profile and what a source now says about the person can be the same person. Only facts
// both sides state are compared: an unknown sex or a missing birth date is filled in, never a conflict.
bool samePerson(const domain::Profile& stored, const domain::PersonInfo& incoming)
{
    if (stored.birthDate && incoming.birthDate && *stored.birthDate != *incoming.birthDate)
        return false;
    const auto known = [](const std::optional<domain::Sex>& s) {
        return s && *s != domain::Sex::Unknown && *s != domain::Sex::Other;
    };
    if (known(stored.sex) && known(incoming.sex) && *stored.sex != *incoming.sex)
        return false;
    const bool storedHasName = stored.sourcePersonId != std::optional<std::string>(stored.displayName);
    if (storedHasName && !incoming.name.empty() && withoutSpaces(stored.displayName) != withoutSpaces(incoming.name))
        return false;
    return true;
}

std::string sexText(const std::optional<domain::Sex>& sex)
{
    return sex ? std::string(toString(*sex)) : std::string("unknown");
}

std::string dateText(const std::optional<domain::Date>& date)
{
    return date ? domain::formatDate(*date) : std::string("unknown");
}

PersonDemographics demographicsOf(const domain::Profile& p)
{
    return {p.displayName, p.birthDate, p.sex};
}

PersonDemographics demographicsOf(const domain::PersonInfo& p)
{
    return {p.name, p.birthDate, p.sex};
}

Error personConflictError(const std::string& personId, const PersonDemographics& stored, const PersonDemographics& in)
{
    return makeError(ErrorCode::InvalidData,
        "person " + personId + " is stored as " + stored.name + " (" + sexText(stored.sex) + ", "
            + dateText(stored.birthDate) + ") but these records say " + in.name + " (" + sexText(in.sex) + ", "
            + dateText(in.birthDate) + "); nothing was imported. Decide whether they are another person (keep "
            + "apart) or to leave their records out (skip).")
        .withKey("import.person_conflict")
        .with("personId", personId)
        .with("storedName", stored.name)
        .with("storedSex", sexText(stored.sex))
        .with("storedBirthDate", dateText(stored.birthDate))
        .with("incomingName", in.name)
        .with("incomingSex", sexText(in.sex))
        .with("incomingBirthDate", dateText(in.birthDate));
}

} // namespace

Importer::Importer(vault::Database& db, vault::Transaction tx, ImportOptions options)
    : m_db(db)
    , m_tx(std::move(tx))
    , m_options(std::move(options))
{ }

Importer::~Importer()
{
    // m_tx rolls back unless commit() succeeded; the connection's ordinary cache comes back.
    if (m_previousCacheSize)
        (void)m_db.exec("PRAGMA cache_size = " + std::to_string(*m_previousCacheSize));
}

Result<std::unique_ptr<Importer>> Importer::begin(vault::Database& db, ImportOptions options)
{
    if (options.fetchedAt == domain::Timestamp {})
        options.fetchedAt = options.policy.clock.now();
    // While the write set fits the page cache, SQLite keeps the vault's lock at RESERVED until the commit and
    // other connections (the desktop app) go on reading; a spill would take the EXCLUSIVE lock early. 64 MiB
    // holds a family's lifetime many times over; beyond it memory stays bounded and readers wait for the commit.
    TECHO_ASSIGN(const std::int64_t previousCacheSize, db.queryInt("PRAGMA cache_size"));
    TECHO_TRY(db.exec("PRAGMA cache_size = -" + std::to_string(kImportCacheKiB)));
    TECHO_ASSIGN(vault::Transaction tx, vault::Transaction::beginBulk(db));
    std::unique_ptr<Importer> importer(new Importer(db, std::move(tx), std::move(options)));
    importer->m_previousCacheSize = previousCacheSize;
    vault::ImportRunRepository runs(db);
    TECHO_ASSIGN(const domain::ImportRun run,
        runs.begin(importer->m_options.source, importer->m_options.origin, importer->m_options.policy.clock.now()));
    importer->m_report.importRunId = run.id;
    return importer;
}

void Importer::count(const char* kind, int outcome)
{
    if (outcome == kMerged)
        return; // the record was counted when this import first wrote it
    auto bump = [outcome](domain::ImportCounts& c) {
        if (outcome == kAdded)
            ++c.added;
        else if (outcome == kUpdated)
            ++c.updated;
        else
            ++c.unchanged;
    };
    bump(m_report.counts);
    bump(m_report.byKind[kind]);
}

Result<std::optional<std::int64_t>> Importer::profileFor(const domain::PersonInfo& person)
{
    return profileFor(person, m_options.source);
}

Result<std::optional<std::int64_t>> Importer::profileFor(const domain::PersonInfo& person, const std::string& source)
{
    const auto cacheKey = std::make_pair(source, person.sourcePersonId);
    if (const auto cached = m_profiles.find(cacheKey); cached != m_profiles.end()) {
        // Every part of the import must describe the same person under one id (a PMH file and a TKK part
        // may disagree): check again against what the vault now holds.
        if (!cached->second)
            return cached->second;
        vault::ProfileRepository profiles(m_db);
        TECHO_ASSIGN(const domain::Profile stored, profiles.get(*cached->second));
        if (samePerson(stored, person))
            return cached->second;
    }
    vault::ProfileRepository profiles(m_db);
    TECHO_ASSIGN(
        const std::vector<domain::Profile> candidates, profiles.listBySourcePerson(source, person.sourcePersonId));
    for (const domain::Profile& candidate : candidates) {
        if (!samePerson(candidate, person))
            continue;
        // Fill in what was unknown; never replace what is stored (and never the person's own local name).
        domain::Profile filled = candidate;
        if (filled.sourcePersonId == std::optional<std::string>(filled.displayName) && !person.name.empty())
            filled.displayName = person.name;
        if (!filled.kanaName)
            filled.kanaName = person.kana;
        if (!filled.birthDate)
            filled.birthDate = person.birthDate;
        if ((!filled.sex || *filled.sex == domain::Sex::Unknown) && person.sex)
            filled.sex = person.sex;
        if (!(filled == candidate))
            TECHO_TRY(profiles.update(filled));
        m_profiles[cacheKey] = candidate.id;
        return std::optional<std::int64_t> {candidate.id};
    }

    std::string storedId = person.sourcePersonId;
    if (!candidates.empty()) {
        const domain::Profile& stored = candidates.front();
        const auto decision = m_options.policy.personResolutions.find(person.sourcePersonId);
        if (decision == m_options.policy.personResolutions.end())
            return personConflictError(person.sourcePersonId, demographicsOf(stored), demographicsOf(person));
        m_report.personConflicts.push_back(PersonConflict {
            person.sourcePersonId, stored.id, demographicsOf(stored), demographicsOf(person), decision->second});
        if (decision->second == PersonResolution::Skip) {
            m_profiles[cacheKey] = std::nullopt;
            return std::optional<std::int64_t> {};
        }
        storedId = person.sourcePersonId + "#" + std::to_string(candidates.size() + 1);
    }
    domain::Profile profile;
    profile.displayName = person.name.empty() ? storedId : person.name;
    profile.kanaName = person.kana;
    profile.birthDate = person.birthDate;
    profile.sex = person.sex;
    profile.relationship = person.relationship;
    profile.source = source;
    profile.sourcePersonId = storedId;
    profile.createdAt = m_options.policy.clock.now();
    TECHO_ASSIGN(const std::int64_t id, profiles.insert(profile));
    m_profiles[cacheKey] = id;
    return std::optional<std::int64_t> {id};
}

Result<std::int64_t> Importer::providerId(const domain::InstitutionRef& ref)
{
    const auto key = std::make_pair(static_cast<int>(ref.kind), ref.code.empty() ? "name:" + ref.name : ref.code);
    if (const auto it = m_providerIds.find(key); it != m_providerIds.end())
        return it->second;
    vault::ProviderRepository providers(m_db);
    TECHO_ASSIGN(const domain::Provider provider, providers.findOrCreate(ref.kind, ref.code, ref.name));
    m_providerIds.emplace(key, provider.id);
    return provider.id;
}

Status Importer::applyForPerson(domain::RecordBatch& batch, const domain::PersonInfo* fallback)
{
    domain::PersonInfo person = batch.person ? *batch.person : (fallback ? *fallback : domain::PersonInfo {});
    if (person.sourcePersonId.empty())
        person.sourcePersonId = batch.sourcePersonId;
    if (fallback != nullptr && batch.person)
        person.relationship = fallback->relationship; // the grant, not the record header, knows who is family
    TECHO_ASSIGN(const std::optional<std::int64_t> profileId, profileFor(person));
    if (!profileId) {
        m_report.skippedRecords
            += static_cast<std::int64_t>(batch.checkups.size() + batch.dispensings.size() + batch.vaccinations.size());
        return {};
    }
    return apply(*profileId, batch);
}

Status Importer::apply(std::int64_t profileId, domain::RecordBatch& batch)
{
    mergeSameIdentityRecords(batch);
    for (domain::CheckupRecord& record : batch.checkups)
        TECHO_TRY(applyCheckup(profileId, record));
    for (domain::DispensingRecord& record : batch.dispensings)
        TECHO_TRY(applyDispensing(profileId, record));
    for (domain::VaccinationRecord& record : batch.vaccinations)
        TECHO_TRY(applyVaccination(profileId, record));
    m_report.counts.rejected += static_cast<std::int64_t>(batch.rejections.size());
    for (domain::Rejection& rejection : batch.rejections)
        m_report.rejections.push_back(std::move(rejection));
    batch.rejections.clear();
    return {};
}

void Importer::stamp(domain::Provenance& provenance, const domain::Provenance& incoming) const
{
    if (m_options.keepRecordProvenance) {
        provenance.source = incoming.source;
        provenance.fetchedAt = incoming.fetchedAt;
        provenance.importRunId = incoming.importRunId;
        return;
    }
    provenance.source = m_options.source;
    provenance.fetchedAt = m_options.fetchedAt;
    provenance.importRunId = m_report.importRunId;
}

bool Importer::writtenByThisRun(const domain::Provenance& provenance) const
{
    return provenance.importRunId == m_report.importRunId;
}

void Importer::reportChildRejections(
    std::vector<domain::Rejection>& rejections, const std::vector<std::string>& storedKeys)
{
    for (domain::Rejection& r : rejections) {
        r.storedValueKept = std::find(storedKeys.begin(), storedKeys.end(), r.childKey) != storedKeys.end();
        if (r.storedValueKept)
            r.reason += " (the value already in the vault was kept)";
        ++m_report.counts.rejected;
        m_report.rejections.push_back(std::move(r));
    }
    rejections.clear();
}

Status Importer::applyCheckup(std::int64_t profileId, domain::CheckupRecord& record)
{
    domain::Checkup& c = record.checkup;
    c.profileId = profileId;
    if (record.facility) {
        TECHO_ASSIGN(const std::int64_t facility, providerId(*record.facility));
        c.facilityId = facility;
    }
    vault::CheckupRepository checkups(m_db);
    TECHO_ASSIGN(const auto existing, checkups.findByNaturalKey(profileId, c.performedOn, c.kind, c.facilityId));
    std::vector<std::string> storedItems;
    if (existing)
        for (const domain::Observation& o : existing->observations)
            storedItems.push_back(o.itemCode);

    int outcome = kAdded;
    if (!existing) {
        stamp(c.provenance, c.provenance);
        TECHO_TRY(checkups.insert(c));
    } else {
        const bool mergeOnly = writtenByThisRun(existing->provenance);
        std::vector<std::string> contradicting;
        const auto itemOf = [](const domain::Observation& o) { return o.itemCode; };
        std::vector<domain::Observation> changed = changedChildren(
            c.observations, existing->observations, itemOf, sameObservation, mergeOnly, contradicting);
        for (std::string& item : contradicting)
            record.rejectedObservations.push_back(
                conflictingChild("observation", c.provenance.sourceRecordId, std::move(item)));
        keepIfMissing(c.insurerNumber, existing->insurerNumber);
        keepIfMissing(c.provenance.sourceRecordId, existing->provenance.sourceRecordId);
        domain::Checkup updated = *existing;
        const bool ownFieldsChanged = !mergeOnly
            && (existing->insurerNumber != c.insurerNumber
                || existing->provenance.sourceRecordId != c.provenance.sourceRecordId);
        if (!mergeOnly) {
            updated.insurerNumber = c.insurerNumber;
            updated.provenance.sourceRecordId = c.provenance.sourceRecordId;
        }
        outcome = mergeOnly ? kMerged : kUnchanged;
        if (ownFieldsChanged || !changed.empty()) {
            stamp(updated.provenance, c.provenance);
            updated.observations = std::move(changed);
            TECHO_TRY(checkups.update(updated));
            outcome = mergeOnly ? kMerged : kUpdated;
        }
        c.id = existing->id;
    }
    reportChildRejections(record.rejectedObservations, storedItems);
    count("checkups", outcome);
    return {};
}

Status Importer::applyDispensing(std::int64_t profileId, domain::DispensingRecord& record)
{
    domain::Dispensing& d = record.dispensing;
    d.profileId = profileId;
    TECHO_ASSIGN(const std::int64_t pharmacy, providerId(record.pharmacy));
    d.pharmacyId = pharmacy;
    if (record.prescriber) {
        TECHO_ASSIGN(const std::int64_t prescriber, providerId(*record.prescriber));
        d.prescriberId = prescriber;
    }
    vault::DispensingRepository dispensings(m_db);
    TECHO_ASSIGN(const auto existing,
        dispensings.findByNaturalKey(profileId, d.kind, d.dispensedOn, d.pharmacyId, d.prescriberId));
    std::vector<std::string> storedLines;
    if (existing)
        for (const domain::MedicationLine& l : existing->lines)
            storedLines.push_back(lineKey(l));

    int outcome = kAdded;
    if (!existing) {
        stamp(d.provenance, d.provenance);
        TECHO_TRY(dispensings.insert(d));
    } else {
        const bool mergeOnly = writtenByThisRun(existing->provenance);
        std::vector<std::string> contradicting;
        alignLines(d.lines, existing->lines);
        std::vector<domain::MedicationLine> changed
            = changedChildren(d.lines, existing->lines, lineKey, sameLine, mergeOnly, contradicting);
        for (std::string& key : contradicting)
            record.rejectedLines.push_back(
                conflictingChild("medication_line", d.provenance.sourceRecordId, std::move(key)));
        keepIfMissing(d.prescribedOn, existing->prescribedOn);
        keepIfMissing(d.inOut, existing->inOut);
        keepIfMissing(d.provenance.sourceRecordId, existing->provenance.sourceRecordId);
        domain::Dispensing updated = *existing;
        const bool ownFieldsChanged = !mergeOnly
            && (existing->prescribedOn != d.prescribedOn || existing->inOut != d.inOut
                || existing->provenance.sourceRecordId != d.provenance.sourceRecordId);
        if (!mergeOnly) {
            updated.prescribedOn = d.prescribedOn;
            updated.inOut = d.inOut;
            updated.provenance.sourceRecordId = d.provenance.sourceRecordId;
        }
        outcome = mergeOnly ? kMerged : kUnchanged;
        if (ownFieldsChanged || !changed.empty()) {
            stamp(updated.provenance, d.provenance);
            updated.lines = std::move(changed);
            TECHO_TRY(dispensings.update(updated));
            outcome = mergeOnly ? kMerged : kUpdated;
        }
        d.id = existing->id;
        d.supersededBy = existing->supersededBy;
    }
    reportChildRejections(record.rejectedLines, storedLines);
    count("dispensings", outcome);
    return linkClaimsAndPrescriptionRecords(d);
}

// The claims-based 薬剤情報 and the 電子処方箋 調剤情報 can describe the same visit (same person, day and
// dispensing institution — by code, however each branch spells its name). The eRx record is the fuller one;
// the claims row is kept but marked as superseded, so lists of current medicines count each dispensing once
// (as OQSDrug does with the same data). With two eRx records that day (two prescribers), the one with the
// claims row's prescriber is linked; when that cannot be told, none is.
Status Importer::linkClaimsAndPrescriptionRecords(const domain::Dispensing& d)
{
    const bool isClaims = d.kind == domain::DispensingKind::Claims;
    if (!isClaims && d.kind != domain::DispensingKind::ERxDispensing)
        return {};
    vault::DispensingRepository dispensings(m_db);
    const auto otherKind = isClaims ? domain::DispensingKind::ERxDispensing : domain::DispensingKind::Claims;
    TECHO_ASSIGN(const std::vector<domain::Dispensing> others,
        dispensings.listByVisit(d.profileId, otherKind, d.dispensedOn, d.pharmacyId));
    std::vector<const domain::Dispensing*> matches;
    for (const domain::Dispensing& other : others)
        if (other.prescriberId == d.prescriberId)
            matches.push_back(&other);
    if (matches.empty() && others.size() == 1)
        matches.push_back(&others.front());
    if (matches.size() != 1)
        return {};
    const domain::Dispensing& other = *matches.front();
    const std::int64_t claimsId = isClaims ? d.id : other.id;
    const std::int64_t erxId = isClaims ? other.id : d.id;
    const std::optional<std::int64_t> current = isClaims ? d.supersededBy : other.supersededBy;
    if (current == erxId)
        return {};
    return dispensings.setSupersededBy(claimsId, erxId);
}

Status Importer::applyVaccination(std::int64_t profileId, domain::VaccinationRecord& record)
{
    domain::Vaccination& v = record.vaccination;
    v.profileId = profileId;
    if (record.facility) {
        TECHO_ASSIGN(const std::int64_t facility, providerId(*record.facility));
        v.facilityId = facility;
    }
    vault::VaccinationRepository vaccinations(m_db);
    const bool hasSourceId = v.provenance.sourceRecordId && !v.provenance.sourceRecordId->empty();
    TECHO_ASSIGN(const auto existing,
        hasSourceId
            ? vaccinations.findBySourceRecordId(profileId,
                m_options.keepRecordProvenance ? v.provenance.source : m_options.source, *v.provenance.sourceRecordId)
            : vaccinations.findByNaturalKey(profileId, v.occurredOn, v.vaccineCode, v.vaccineName, v.doseNumber));
    if (!hasSourceId)
        v.provenance.sourceRecordId.reset();
    int outcome = kAdded;
    if (!existing) {
        stamp(v.provenance, v.provenance);
        TECHO_TRY(vaccinations.insert(v));
    } else {
        v.id = existing->id;
        // A deletion is final: an older copy that arrives later does not bring the record back.
        if (existing->status == domain::VaccinationStatus::EnteredInError)
            v.status = domain::VaccinationStatus::EnteredInError;
        domain::Vaccination comparable = *existing;
        comparable.provenance.fetchedAt = v.provenance.fetchedAt;
        comparable.provenance.importRunId = v.provenance.importRunId;
        comparable.provenance.source = v.provenance.source;
        if (comparable == v) {
            outcome = writtenByThisRun(existing->provenance) ? kMerged : kUnchanged;
        } else if (writtenByThisRun(existing->provenance)) {
            domain::Rejection r;
            r.recordKind = "vaccination";
            r.sourceRecordId = v.provenance.sourceRecordId.value_or("");
            r.reason = "another record of this import with the same identity says otherwise; the first was kept";
            r.reasonKey = "conflicting_duplicate";
            ++m_report.counts.rejected;
            m_report.rejections.push_back(std::move(r));
            outcome = kMerged;
        } else {
            stamp(v.provenance, v.provenance);
            TECHO_TRY(vaccinations.update(v));
            outcome = kUpdated;
        }
    }
    count("vaccinations", outcome);
    return {};
}

Result<ImportReport> Importer::commit()
{
    vault::ImportRunRepository runs(m_db);
    const domain::ImportCounts counts = m_report.counts;
    const domain::Timestamp now = m_options.policy.clock.now();
    TECHO_TRY(runs.finish(m_report.importRunId, now, counts));
    // The audit trail says that and where from, with counts — never what was imported.
    domain::AuditEvent event;
    event.occurredAt = now;
    event.action = "import.completed";
    event.subjectKind = "import_run";
    event.subjectId = m_report.importRunId;
    event.detail = "source=" + m_options.source + " origin=" + m_options.origin
        + " added=" + std::to_string(counts.added) + " updated=" + std::to_string(counts.updated)
        + " unchanged=" + std::to_string(counts.unchanged) + " rejected=" + std::to_string(counts.rejected)
        + " skipped=" + std::to_string(m_report.skippedRecords);
    TECHO_TRY(vault::AuditRepository(m_db).append(event));
    TECHO_TRY(m_tx.commit());
    return m_report;
}

} // namespace techo::import
