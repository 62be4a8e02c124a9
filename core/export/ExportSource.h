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
namespace techo::net {
class CancelToken;
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

    // What the visits below would hand out, counted in the same snapshot without reading the records, by kind:
    // "profiles", "checkups", "observations", "dispensings", "medication_lines", "vaccinations", "measurements"
    // (every key present; 0 for a kind not selected). The same profiles, categories and period as the visits and the
    // same WHERE clauses as the repositories' lists (countByProfile), so the counts equal what an export writes.
    [[nodiscard]] Result<std::map<std::string, std::int64_t>> count();

    // From now on the visits report progress to `progress` (every kProgressStep records and at the end of each
    // kind; total = the selected checkups + dispensings + vaccinations from count()) and check `cancel` before each
    // profile's records and after each record: once it is set they stop with ErrorCode::Cancelled, key
    // "export.cancelled". Either may be empty. Errors: count()'s.
    [[nodiscard]] Status watch(ExportProgressHandler progress, const net::CancelToken* cancel);
    // Cancelled (key "export.cancelled") when the watched token is set; the export checks it once more before it
    // moves its output into place.
    [[nodiscard]] Status checkCancelled() const;
    static constexpr std::int64_t kProgressStep = 250;

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
    // After each visited record: counts it, reports every kProgressStep, checks the token.
    [[nodiscard]] Status recordDone(std::string_view kind);
    void kindDone(std::string_view kind);

    vault::Database& m_db;
    ExportSelection m_selection;
    bool m_open = false;
    std::vector<domain::Profile> m_profiles;
    std::vector<domain::ImportRun> m_runs;
    std::map<std::int64_t, domain::Provider> m_institutions;
    ExportProgressHandler m_progress;
    const net::CancelToken* m_cancel = nullptr;
    std::int64_t m_total = 0;
    std::int64_t m_done = 0;
};

} // namespace techo::exports
