#pragma once

#include "core/domain/Checkup.h"
#include "core/domain/Dispensing.h"
#include "core/domain/ImportRun.h"
#include "core/domain/Profile.h"
#include "core/domain/Provider.h"
#include "core/domain/Vaccination.h"
#include "core/export/ExportRequest.h"
#include "core/util/Result.h"

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace techo::vault {
class Database;
}

namespace techo::exports {

// The records an export selects, read from one consistent snapshot of the vault: open() starts a read transaction
// that lasts until the source is destroyed (other connections may go on reading; a writer's commit waits).
// Records are visited kind by kind, profile by profile, so memory holds one profile's records of one kind at a
// time, never the whole vault. Order (stable for a given vault, so two exports of it compare line by line):
// profiles by id (creation order), records oldest first per profile, children in their stored order.
class ExportSource final {
public:
    // Errors: NotFound when selection.profileId names no profile; database errors.
    [[nodiscard]] static Result<std::unique_ptr<ExportSource>> open(vault::Database& db, ExportSelection selection);
    ~ExportSource();
    ExportSource(const ExportSource&) = delete;
    ExportSource& operator=(const ExportSource&) = delete;

    [[nodiscard]] const ExportSelection& selection() const noexcept { return m_selection; }
    [[nodiscard]] const std::vector<domain::Profile>& profiles() const noexcept { return m_profiles; }
    // Every import run of the vault (they are not per profile), oldest first.
    [[nodiscard]] const std::vector<domain::ImportRun>& importRuns() const noexcept { return m_runs; }

    // Each visits the selected records of its kind (nothing when the kind is not selected).
    [[nodiscard]] Status forEachCheckup(
        const std::function<Status(const domain::Profile&, const domain::Checkup&)>& fn);
    [[nodiscard]] Status forEachDispensing(
        const std::function<Status(const domain::Profile&, const domain::Dispensing&)>& fn);
    [[nodiscard]] Status forEachVaccination(
        const std::function<Status(const domain::Profile&, const domain::Vaccination&)>& fn);

    // An institution a record names (cached); every institution asked for is remembered.
    [[nodiscard]] Result<domain::Provider> institution(std::int64_t id);
    // The institutions asked for so far, by (kind, code, name).
    [[nodiscard]] std::vector<domain::Provider> institutionsSeen() const;

    // Ends the read transaction early (before the export writes its audit event on the same connection).
    void close() noexcept;

private:
    ExportSource(vault::Database& db, ExportSelection selection);

    vault::Database& m_db;
    ExportSelection m_selection;
    bool m_open = false;
    std::vector<domain::Profile> m_profiles;
    std::vector<domain::ImportRun> m_runs;
    std::map<std::int64_t, domain::Provider> m_institutions;
};

} // namespace techo::exports
