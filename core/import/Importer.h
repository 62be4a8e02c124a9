#pragma once

#include "core/domain/RecordBatch.h"
#include "core/import/ImportReport.h"
#include "core/util/Result.h"
#include "core/vault/Transaction.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace techo::vault {
class Database;
}

namespace techo::import {

struct ImportOptions {
    std::string source = "mynaportal"; // provenance.source of every record
    std::string origin; // the API base URL or the file name
    domain::Timestamp fetchedAt {}; // when the data was fetched (defaults to policy.clock's now)
    ImportPolicy policy;
    // Set for a Techo export (docs/export-format.md): every record already says where it came from, so its
    // provenance (source, fetch time, the import run that wrote it) is kept as given instead of being stamped with
    // this import's. Identity rules are unchanged; a vaccination's source record id is looked up under the
    // record's own source. Records so written do not carry this run's id, so give all of one person's records in
    // one apply() (its batch is merged by identity first) — a later batch would update them, not merge into them.
    bool keepRecordProvenance = false;
};

// One import = one transaction. begin() opens it; apply() adds batches (so a large import streams part
// by part and never holds all records); commit() makes it durable. Destroying an Importer that was not
// committed — an error, a cancel — rolls everything back: the vault is exactly as before.
//
// Record identity (docs/import.md has the rule per kind): a record is found by the source's own record id
// where the real API has one (PMH historyKey), else by a natural key complete enough to tell two real
// records apart. Then:
//  - same-key records inside one batch are merged first: their children are united; a child given twice
//    with different values is rejected in every copy (the stored value, if any, is kept) — whatever the order;
//  - a record that matches a stored one changes nothing when it says the same ("unchanged"), and otherwise
//    updates the stored record in place: changed children are rewritten with their ids kept, new ones added,
//    stored children the source no longer sends are kept (an update never deletes a value);
//  - a record the same import already wrote is merged into, never overwritten;
//  - a vaccination the source marked deleted (isDeleted) stays entered-in-error whatever arrives later;
//  - a known person id never changes who it is: a different name, sex or birth date is a person conflict.
class Importer final {
public:
    [[nodiscard]] static Result<std::unique_ptr<Importer>> begin(vault::Database& db, ImportOptions options);
    ~Importer();
    Importer(const Importer&) = delete;
    Importer& operator=(const Importer&) = delete;

    // The vault profile for a person of this source: created on first sight; missing demographics are filled
    // in, stored ones never replaced, and a local name the person chose is never touched. nullopt when the
    // person chose to skip this person's records. A conflict without a decision is ErrorCode::InvalidData with
    // key "import.person_conflict" and parameters personId, storedName/BirthDate/Sex, incomingName/BirthDate/Sex.
    [[nodiscard]] Result<std::optional<std::int64_t>> profileFor(const domain::PersonInfo& person);
    // The same for a person of another source than the import's (a Techo export holds profiles of any source).
    [[nodiscard]] Result<std::optional<std::int64_t>> profileFor(
        const domain::PersonInfo& person, const std::string& source);
    // Applies one batch to the profile profileFor() gave.
    [[nodiscard]] Status apply(std::int64_t profileId, domain::RecordBatch& batch);
    // profileFor(the batch's person, else `fallback`) then apply(); a skipped person's records are counted
    // in ImportReport::skippedRecords.
    [[nodiscard]] Status applyForPerson(domain::RecordBatch& batch, const domain::PersonInfo* fallback = nullptr);
    [[nodiscard]] Result<ImportReport> commit();

    [[nodiscard]] const ImportReport& report() const noexcept { return m_report; }

private:
    Importer(vault::Database& db, vault::Transaction tx, ImportOptions options);
    [[nodiscard]] Result<std::int64_t> providerId(const domain::InstitutionRef& ref);
    [[nodiscard]] Status applyCheckup(std::int64_t profileId, domain::CheckupRecord& record);
    [[nodiscard]] Status applyDispensing(std::int64_t profileId, domain::DispensingRecord& record);
    [[nodiscard]] Status applyVaccination(std::int64_t profileId, domain::VaccinationRecord& record);
    [[nodiscard]] Status linkClaimsAndPrescriptionRecords(const domain::Dispensing& dispensing);
    void count(const char* kind, int outcome);
    // Sets where a written record came from: this import, or (keepRecordProvenance) what `incoming` says.
    void stamp(domain::Provenance& provenance, const domain::Provenance& incoming) const;
    [[nodiscard]] bool writtenByThisRun(const domain::Provenance& provenance) const;
    void reportChildRejections(std::vector<domain::Rejection>& rejections, const std::vector<std::string>& storedKeys);

    vault::Database& m_db;
    vault::Transaction m_tx;
    ImportOptions m_options;
    ImportReport m_report;
    std::map<std::pair<int, std::string>, std::int64_t> m_providerIds; // cache per run: (kind, code or name)
    std::map<std::pair<std::string, std::string>, std::optional<std::int64_t>>
        m_profiles; // cache per run: (source, source person id) → profile
    std::optional<std::int64_t> m_previousCacheSize;
};

} // namespace techo::import
