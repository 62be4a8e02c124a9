#include "core/export/ExportSource.h"

#include "core/net/CancelToken.h"
#include "core/vault/CheckupRepository.h"
#include "core/vault/Database.h"
#include "core/vault/DispensingRepository.h"
#include "core/vault/ImportRunRepository.h"
#include "core/vault/ProfileRepository.h"
#include "core/vault/ProviderRepository.h"
#include "core/vault/VaccinationRepository.h"

#include <algorithm>
#include <limits>
#include <tuple>

namespace techo::exports {

bool ExportCategories::contains(ExportCategory category) const noexcept
{
    switch (category) {
    case ExportCategory::Checkups:
        return checkups;
    case ExportCategory::Vaccinations:
        return vaccinations;
    case ExportCategory::Medications:
        return medications;
    case ExportCategory::Self:
        return self;
    }
    return false;
}

bool parseNameList(std::string_view text, const std::function<bool(std::string_view)>& take)
{
    while (true) {
        const auto comma = text.find(',');
        const std::string_view name = text.substr(0, comma);
        if (name.empty() || !take(name))
            return false;
        if (comma == std::string_view::npos)
            return true;
        text.remove_prefix(comma + 1);
    }
}

std::optional<ExportCategories> ExportCategories::parse(std::string_view text)
{
    ExportCategories set {false, false, false, false};
    const bool ok = parseNameList(text, [&set](std::string_view name) {
        const auto category = fromString<ExportCategory>(name);
        if (!category || set.contains(*category))
            return false;
        switch (*category) {
        case ExportCategory::Checkups:
            set.checkups = true;
            break;
        case ExportCategory::Vaccinations:
            set.vaccinations = true;
            break;
        case ExportCategory::Medications:
            set.medications = true;
            break;
        case ExportCategory::Self:
            set.self = true;
            break;
        }
        return true;
    });
    return ok ? std::optional<ExportCategories>(set) : std::nullopt;
}

std::optional<SummarySections> SummarySections::parse(std::string_view text)
{
    SummarySections sections;
    sections.latestCheckups = sections.trends = sections.medicines = sections.vaccinations = sections.qrCode = false;
    const bool ok = parseNameList(text, [&sections](std::string_view name) {
        bool* flag = name == "latest" ? &sections.latestCheckups
            : name == "trends"        ? &sections.trends
            : name == "medicines"     ? &sections.medicines
            : name == "vaccinations"  ? &sections.vaccinations
            : name == "qr"            ? &sections.qrCode
                                      : nullptr;
        if (!flag || *flag)
            return false;
        *flag = true;
        return true;
    });
    return ok ? std::optional<SummarySections>(sections) : std::nullopt;
}

std::string ExportCategories::toString() const
{
    std::string out;
    for (const auto& [category, name] : domain::EnumNames<ExportCategory>::kValues) {
        if (!contains(category))
            continue;
        if (!out.empty())
            out += ',';
        out += name;
    }
    return out;
}

ExportSource::ExportSource(vault::Database& db, ExportSelection selection)
    : m_db(db)
    , m_selection(std::move(selection))
{ }

ExportSource::~ExportSource()
{
    close();
}

void ExportSource::close() noexcept
{
    if (m_open)
        (void)m_db.exec("COMMIT"); // a read-only transaction: nothing to keep or lose
    m_open = false;
}

Result<std::unique_ptr<ExportSource>> ExportSource::open(vault::Database& db, ExportSelection selection)
{
    std::unique_ptr<ExportSource> source(new ExportSource(db, std::move(selection)));
    // A deferred transaction takes SQLite's shared lock at the first read and keeps it: every record below comes
    // from the same state of the vault, even if an import commits meanwhile on another connection.
    TECHO_TRY(db.exec("BEGIN DEFERRED"));
    source->m_open = true;
    vault::ProfileRepository profiles(db);
    TECHO_ASSIGN(std::vector<domain::Profile> all, profiles.list());
    if (source->m_selection.profileId) {
        std::erase_if(all, [&](const domain::Profile& p) { return p.id != *source->m_selection.profileId; });
        if (all.empty())
            return makeError(
                ErrorCode::NotFound, "no profile has the id " + std::to_string(*source->m_selection.profileId))
                .withKey("export.no_such_profile")
                .with("profileId", std::to_string(*source->m_selection.profileId));
    }
    source->m_profiles = std::move(all);
    TECHO_ASSIGN(std::vector<domain::ImportRun> runs,
        vault::ImportRunRepository(db).listRecent(std::numeric_limits<int>::max()));
    std::sort(runs.begin(), runs.end(), [](const domain::ImportRun& a, const domain::ImportRun& b) {
        return std::tie(a.startedAt, a.id) < std::tie(b.startedAt, b.id);
    });
    source->m_runs = std::move(runs);
    return source;
}

Result<std::map<std::string, std::int64_t>> ExportSource::count()
{
    std::map<std::string, std::int64_t> counts {{"profiles", static_cast<std::int64_t>(m_profiles.size())},
        {"checkups", 0}, {"observations", 0}, {"dispensings", 0}, {"medication_lines", 0}, {"vaccinations", 0},
        // Self-recorded measurements arrive with a later issue; exports write an empty list until then.
        {"measurements", 0}};
    vault::CheckupRepository checkups(m_db);
    vault::DispensingRepository dispensings(m_db);
    vault::VaccinationRepository vaccinations(m_db);
    for (const domain::Profile& profile : m_profiles) {
        if (m_selection.categories.checkups) {
            TECHO_ASSIGN(
                const vault::RangeCount n, checkups.countByProfile(profile.id, m_selection.from, m_selection.to));
            counts["checkups"] += n.records;
            counts["observations"] += n.children;
        }
        if (m_selection.categories.medications) {
            TECHO_ASSIGN(
                const vault::RangeCount n, dispensings.countByProfile(profile.id, m_selection.from, m_selection.to));
            counts["dispensings"] += n.records;
            counts["medication_lines"] += n.children;
        }
        if (m_selection.categories.vaccinations) {
            TECHO_ASSIGN(
                const vault::RangeCount n, vaccinations.countByProfile(profile.id, m_selection.from, m_selection.to));
            counts["vaccinations"] += n.records;
        }
    }
    return counts;
}

Status ExportSource::watch(ExportProgressHandler progress, const net::CancelToken* cancel)
{
    m_progress = std::move(progress);
    m_cancel = cancel;
    m_done = 0;
    m_total = 0;
    if (m_progress) {
        TECHO_ASSIGN(const auto counts, count());
        m_total = counts.at("checkups") + counts.at("dispensings") + counts.at("vaccinations");
    }
    return {};
}

Status ExportSource::checkCancelled() const
{
    if (m_cancel != nullptr && m_cancel->isCancelled())
        return makeError(ErrorCode::Cancelled, "the export was cancelled; nothing was written")
            .withKey("export.cancelled");
    return {};
}

Status ExportSource::recordDone(std::string_view kind)
{
    ++m_done;
    if (m_progress && m_done % kProgressStep == 0)
        m_progress(ExportProgress {std::string(kind), m_done, m_total});
    return checkCancelled();
}

void ExportSource::kindDone(std::string_view kind)
{
    if (m_progress)
        m_progress(ExportProgress {std::string(kind), m_done, m_total});
}

Status ExportSource::forEachCheckup(const std::function<Status(const domain::Profile&, const domain::Checkup&)>& fn)
{
    if (!m_selection.categories.checkups)
        return {};
    vault::CheckupRepository checkups(m_db);
    for (const domain::Profile& profile : m_profiles) {
        TECHO_TRY(checkCancelled()); // a profile's records are read at once: check before
        TECHO_ASSIGN(const std::vector<domain::Checkup> list,
            checkups.listByProfile(profile.id, m_selection.from, m_selection.to));
        for (const domain::Checkup& checkup : list) {
            TECHO_TRY(fn(profile, checkup));
            TECHO_TRY(recordDone("checkups"));
        }
    }
    kindDone("checkups");
    return {};
}

Status ExportSource::forEachDispensing(
    const std::function<Status(const domain::Profile&, const domain::Dispensing&)>& fn)
{
    if (!m_selection.categories.medications)
        return {};
    vault::DispensingRepository dispensings(m_db);
    for (const domain::Profile& profile : m_profiles) {
        TECHO_TRY(checkCancelled()); // a profile's records are read at once: check before
        TECHO_ASSIGN(const std::vector<domain::Dispensing> list,
            dispensings.listByProfile(profile.id, m_selection.from, m_selection.to));
        for (const domain::Dispensing& dispensing : list) {
            TECHO_TRY(fn(profile, dispensing));
            TECHO_TRY(recordDone("dispensings"));
        }
    }
    kindDone("dispensings");
    return {};
}

Status ExportSource::forEachVaccination(
    const std::function<Status(const domain::Profile&, const domain::Vaccination&)>& fn)
{
    if (!m_selection.categories.vaccinations)
        return {};
    vault::VaccinationRepository vaccinations(m_db);
    for (const domain::Profile& profile : m_profiles) {
        TECHO_TRY(checkCancelled()); // a profile's records are read at once: check before
        TECHO_ASSIGN(const std::vector<domain::Vaccination> list,
            vaccinations.listByProfile(profile.id, m_selection.from, m_selection.to));
        for (const domain::Vaccination& vaccination : list) {
            TECHO_TRY(fn(profile, vaccination));
            TECHO_TRY(recordDone("vaccinations"));
        }
    }
    kindDone("vaccinations");
    return {};
}

Result<domain::Provider> ExportSource::institution(std::int64_t id)
{
    if (const auto it = m_institutions.find(id); it != m_institutions.end())
        return it->second;
    TECHO_ASSIGN(domain::Provider provider, vault::ProviderRepository(m_db).get(id));
    m_institutions.emplace(id, provider);
    return provider;
}

std::vector<domain::Provider> ExportSource::institutionsSeen() const
{
    std::vector<domain::Provider> out;
    out.reserve(m_institutions.size());
    for (const auto& [id, provider] : m_institutions)
        out.push_back(provider);
    std::sort(out.begin(), out.end(), [](const domain::Provider& a, const domain::Provider& b) {
        return std::tie(a.kind, a.code, a.name, a.id) < std::tie(b.kind, b.code, b.name, b.id);
    });
    return out;
}

} // namespace techo::exports
