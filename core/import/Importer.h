#pragma once

#include "core/domain/ImportRun.h"
#include "core/domain/RecordBatch.h"
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

// What one import did. Counts are of top-level records (checkups, dispensings, vaccinations):
// an updated checkup counts once, however many of its observations changed. Rejections are
// every skipped record or part of a record (an observation, a medication line) with its reason.
struct ImportReport {
    domain::ImportCounts counts;
    std::map<std::string, domain::ImportCounts> byKind; // "checkups", "dispensings", "vaccinations"
    std::vector<domain::Rejection> rejections;
    std::int64_t importRunId = 0;
};

struct ImportOptions {
    std::string source = "mynaportal"; // provenance.source of every record
    std::string origin; // the API base URL or the file name
    domain::Timestamp fetchedAt {}; // when the data was fetched (defaults to now)
};

// One import = one transaction. begin() opens it; apply() adds batches (so a large import streams part
// by part and never holds all records); commit() makes it durable. Destroying an Importer that was not
// committed — an error, a cancel — rolls everything back: the vault is exactly as before.
// Records are matched on their natural keys: the same data again changes nothing, a corrected record
// replaces the stored one, a new one is added.
class Importer final {
public:
    [[nodiscard]] static Result<std::unique_ptr<Importer>> begin(vault::Database& db, ImportOptions options);
    ~Importer();
    Importer(const Importer&) = delete;
    Importer& operator=(const Importer&) = delete;

    // The vault profile for a person of this source, created on first sight and kept up to date.
    [[nodiscard]] Result<std::int64_t> ensureProfile(const domain::PersonInfo& person);
    [[nodiscard]] Status apply(std::int64_t profileId, domain::RecordBatch& batch);
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
    void stamp(domain::Provenance& provenance) const;

    vault::Database& m_db;
    vault::Transaction m_tx;
    ImportOptions m_options;
    ImportReport m_report;
    std::map<std::tuple<int, std::string, std::string>, std::int64_t> m_providerIds; // cache per run
};

} // namespace techo::import
