#include "core/import/Importer.h"

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

enum Outcome { kAdded, kUpdated, kUnchanged };

// Compares what a source said, ignoring vault ids and when/which run wrote it.
bool sameProvenance(const domain::Provenance& a, const domain::Provenance& b)
{
    return a.source == b.source && a.sourceRecordId == b.sourceRecordId;
}

template <typename T, typename Key> std::vector<T> sortedWithoutIds(std::vector<T> items, Key key)
{
    for (T& item : items) {
        item.id = 0;
        if constexpr (requires { item.checkupId; })
            item.checkupId = 0;
        if constexpr (requires { item.dispensingId; })
            item.dispensingId = 0;
    }
    std::sort(items.begin(), items.end(), [&](const T& a, const T& b) { return key(a) < key(b); });
    return items;
}

bool sameObservations(const std::vector<domain::Observation>& a, const std::vector<domain::Observation>& b)
{
    if (a.size() != b.size())
        return false;
    auto key = [](const domain::Observation& o) { return o.itemCode; };
    return sortedWithoutIds(a, key) == sortedWithoutIds(b, key);
}

bool sameLines(const std::vector<domain::MedicationLine>& a, const std::vector<domain::MedicationLine>& b)
{
    if (a.size() != b.size())
        return false;
    auto key = [](const domain::MedicationLine& l) { return std::pair(l.rpNumber, l.lineNumber); };
    return sortedWithoutIds(a, key) == sortedWithoutIds(b, key);
}

} // namespace

Importer::Importer(vault::Database& db, vault::Transaction tx, ImportOptions options)
    : m_db(db)
    , m_tx(std::move(tx))
    , m_options(std::move(options))
{ }

Importer::~Importer() = default; // m_tx rolls back unless commit() succeeded

Result<std::unique_ptr<Importer>> Importer::begin(vault::Database& db, ImportOptions options)
{
    if (options.fetchedAt == domain::Timestamp {})
        options.fetchedAt = domain::nowUtc();
    TECHO_ASSIGN(vault::Transaction tx, vault::Transaction::beginBulk(db));
    std::unique_ptr<Importer> importer(new Importer(db, std::move(tx), std::move(options)));
    vault::ImportRunRepository runs(db);
    TECHO_ASSIGN(const domain::ImportRun run,
        runs.begin(importer->m_options.source, importer->m_options.origin, domain::nowUtc()));
    importer->m_report.importRunId = run.id;
    return importer;
}

void Importer::count(const char* kind, int outcome)
{
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

Result<std::int64_t> Importer::ensureProfile(const domain::PersonInfo& person)
{
    vault::ProfileRepository profiles(m_db);
    TECHO_ASSIGN(auto existing, profiles.findBySourcePerson(m_options.source, person.sourcePersonId));
    if (existing) {
        domain::Profile updated = *existing;
        if (!person.name.empty())
            updated.displayName = person.name;
        if (person.kana)
            updated.kanaName = person.kana;
        if (person.birthDate)
            updated.birthDate = person.birthDate;
        if (person.sex)
            updated.sex = person.sex;
        if (!(updated == *existing))
            TECHO_TRY(profiles.update(updated));
        return existing->id;
    }
    domain::Profile profile;
    profile.displayName = person.name.empty() ? person.sourcePersonId : person.name;
    profile.kanaName = person.kana;
    profile.birthDate = person.birthDate;
    profile.sex = person.sex;
    profile.relationship = person.relationship;
    profile.source = m_options.source;
    profile.sourcePersonId = person.sourcePersonId;
    profile.createdAt = domain::nowUtc();
    return profiles.insert(profile);
}

Result<std::int64_t> Importer::providerId(const domain::InstitutionRef& ref)
{
    const auto key = std::make_tuple(static_cast<int>(ref.kind), ref.code, ref.name);
    if (const auto it = m_providerIds.find(key); it != m_providerIds.end())
        return it->second;
    vault::ProviderRepository providers(m_db);
    TECHO_ASSIGN(const domain::Provider provider, providers.findOrCreate(ref.kind, ref.code, ref.name));
    m_providerIds.emplace(key, provider.id);
    return provider.id;
}

Status Importer::apply(std::int64_t profileId, domain::RecordBatch& batch)
{
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

namespace {

// The one rule for every record kind: look the record up by its natural key, then add it, leave it,
// or replace the stored one with what the source says now.
template <typename Record, typename Existing, typename Same, typename Insert, typename Update>
Result<int> upsert(Record& record, const Existing& existing, Same same, Insert insert, Update update)
{
    if (!existing) {
        if (auto inserted = insert(record); !inserted.ok())
            return std::move(inserted).error();
        return int(kAdded);
    }
    record.id = existing->id;
    if (same(*existing))
        return int(kUnchanged);
    TECHO_TRY(update(record));
    return int(kUpdated);
}

} // namespace

void Importer::stamp(domain::Provenance& provenance) const
{
    provenance.source = m_options.source;
    provenance.fetchedAt = m_options.fetchedAt;
    provenance.importRunId = m_report.importRunId;
}

Status Importer::applyCheckup(std::int64_t profileId, domain::CheckupRecord& record)
{
    domain::Checkup& c = record.checkup;
    c.profileId = profileId;
    if (record.facility) {
        TECHO_ASSIGN(const std::int64_t facility, providerId(*record.facility));
        c.facilityId = facility;
    }
    stamp(c.provenance);
    vault::CheckupRepository checkups(m_db);
    TECHO_ASSIGN(const auto existing, checkups.findByNaturalKey(profileId, c.performedOn, c.kind));
    auto same = [&](const domain::Checkup& old) {
        return old.facilityId == c.facilityId && old.insurerNumber == c.insurerNumber
            && sameProvenance(old.provenance, c.provenance) && sameObservations(old.observations, c.observations);
    };
    TECHO_ASSIGN(const int outcome,
        upsert(
            c, existing, same, [&](domain::Checkup& r) { return checkups.insert(r); },
            [&](domain::Checkup& r) { return checkups.update(r); }));
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
    stamp(d.provenance);
    vault::DispensingRepository dispensings(m_db);
    TECHO_ASSIGN(const auto existing,
        dispensings.findByNaturalKey(profileId, d.kind, d.dispensedOn, d.pharmacyId, d.prescriberId));
    if (existing)
        d.supersededBy = existing->supersededBy; // a local decision, not the source's
    auto same = [&](const domain::Dispensing& old) {
        return old.prescribedOn == d.prescribedOn && old.prescriberId == d.prescriberId && old.inOut == d.inOut
            && sameProvenance(old.provenance, d.provenance) && sameLines(old.lines, d.lines);
    };
    TECHO_ASSIGN(const int outcome,
        upsert(
            d, existing, same, [&](domain::Dispensing& r) { return dispensings.insert(r); },
            [&](domain::Dispensing& r) { return dispensings.update(r); }));
    count("dispensings", outcome);
    return linkClaimsAndPrescriptionRecords(d);
}

// The claims-based 薬剤情報 and the 電子処方箋 調剤情報 can describe the same visit (same person, day and
// pharmacy). The eRx record is the fuller one; the claims row is kept but marked as superseded, so
// lists of current medicines count each dispensing once (as OQSDrug does with the same data).
Status Importer::linkClaimsAndPrescriptionRecords(const domain::Dispensing& d)
{
    const bool isClaims = d.kind == domain::DispensingKind::Claims;
    if (!isClaims && d.kind != domain::DispensingKind::ERxDispensing)
        return {};
    vault::DispensingRepository dispensings(m_db);
    const auto otherKind = isClaims ? domain::DispensingKind::ERxDispensing : domain::DispensingKind::Claims;
    TECHO_ASSIGN(const auto other,
        dispensings.findByNaturalKey(d.profileId, otherKind, d.dispensedOn, d.pharmacyId, d.prescriberId));
    if (!other)
        return {};
    const std::int64_t claimsId = isClaims ? d.id : other->id;
    const std::int64_t erxId = isClaims ? other->id : d.id;
    const std::optional<std::int64_t> current = isClaims ? d.supersededBy : other->supersededBy;
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
    stamp(v.provenance);
    vault::VaccinationRepository vaccinations(m_db);
    TECHO_ASSIGN(
        const auto existing, vaccinations.findByNaturalKey(profileId, v.occurredOn, v.vaccineCode, v.doseNumber));
    auto same = [&](const domain::Vaccination& old) {
        domain::Vaccination comparable = old;
        comparable.id = v.id;
        comparable.provenance.fetchedAt = v.provenance.fetchedAt;
        comparable.provenance.importRunId = v.provenance.importRunId;
        return comparable == v;
    };
    TECHO_ASSIGN(const int outcome,
        upsert(
            v, existing, same, [&](domain::Vaccination& r) { return vaccinations.insert(r); },
            [&](const domain::Vaccination& r) { return vaccinations.update(r); }));
    count("vaccinations", outcome);
    return {};
}

Result<ImportReport> Importer::commit()
{
    vault::ImportRunRepository runs(m_db);
    const domain::ImportCounts counts = m_report.counts;
    const domain::Timestamp now = domain::nowUtc();
    TECHO_TRY(runs.finish(m_report.importRunId, now, counts));
    // The audit trail says that and where from, with counts — never what was imported.
    domain::AuditEvent event;
    event.occurredAt = now;
    event.action = "import.completed";
    event.subjectKind = "import_run";
    event.subjectId = m_report.importRunId;
    event.detail = "source=" + m_options.source + " origin=" + m_options.origin
        + " added=" + std::to_string(counts.added) + " updated=" + std::to_string(counts.updated)
        + " unchanged=" + std::to_string(counts.unchanged) + " rejected=" + std::to_string(counts.rejected);
    TECHO_TRY(vault::AuditRepository(m_db).append(event));
    TECHO_TRY(m_tx.commit());
    return m_report;
}

} // namespace techo::import
