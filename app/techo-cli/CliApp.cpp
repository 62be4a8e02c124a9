#include "app/techo-cli/CliApp.h"

#include "app/techo-cli/CliPdf.h"
#include "app/techo-cli/PassphraseInput.h"
#include "core/export/ExportJobs.h"
#include "core/import/ImportJobs.h"
#include "core/vault/CheckupRepository.h"
#include "core/vault/DispensingRepository.h"
#include "core/vault/ProfileRepository.h"
#include "core/vault/ProviderRepository.h"
#include "core/vault/VaccinationRepository.h"
#include "core/vault/Vault.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <span>
#include <spawn.h>
#include <string_view>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace techo::cli {
namespace {

constexpr std::string_view kUsage = R"(Usage: techo-cli [--vault PATH] [--passphrase-file FILE] COMMAND [OPTIONS]

Techo (健康手帳) command-line interface: your encrypted personal health record.

Commands:
  init                   create a new, empty vault
  info [--json]          show the vault's format, key derivation and record counts
  change-passphrase      re-encrypt the vault under a new passphrase (crash-safe)
  import --from URL [--ca-file F] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--browser] [--json]
                         authorise with the Mynaportal-style API at URL and import checkups,
                         dispensings and vaccinations of every person the grant covers;
                         --browser: log in and consent in a web browser (otherwise the
                         sandbox approves automatically)
  import --file F [--json]
                         import a saved API result (one /result response body), or a Techo
                         JSON export (records the vault already holds stay unchanged)
  import … --keep-apart PERSON_ID | --skip-person PERSON_ID
                         when a known person id arrives with another person's name, sex or
                         birth date (exit 6), import their records into a separate profile, or skip them
  list profiles|checkups|observations|vaccinations|dispensings [--json]
                         print stored records with every stored field (ids, provenance,
                         institutions, comparators, units as sent, superseded_by …)
  profile rename ID NAME the name Techo shows for a profile (imports never change it)
  export --format json|csv|fhir|pdf --out PATH [--profile ID] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
         [--categories checkups,vaccinations,medications,self] [--csv-headers en|ja] [--zip] [--json]
         [--sections latest,trends,medicines,vaccinations,qr] [--checkups N]
                         write records out: json = one re-importable file, csv = a folder of
                         UTF-8 (BOM, CRLF) files, one per record kind (--zip, or a PATH ending
                         in .zip: the same files in one zip archive), fhir = one FHIR R4
                         Bundle with JP Core profiles, pdf = the summary for a doctor
                         (医師提出用サマリー) of one person (--profile when the vault has
                         several), with the chosen sections (qr: the QR code of the key
                         values on the last page; --categories is not for pdf) and up to N
                         (1-5, default 5) checkups side by side (docs/export-format.md).
                         PATH must not exist; the export appears there complete or not at all

Options:
  --vault PATH           the vault file (default: $XDG_DATA_HOME/techo/vault.techo)
  --passphrase-file F    read the passphrase from the first line of F
  --new-passphrase-file F  change-passphrase: read the new passphrase from F
  --json                 machine-readable output
  --insecure-fast-kdf    init/change-passphrase: weak key derivation, FOR TEST SUITES ONLY

An import runs as one transaction: on any error, or Ctrl+C, the vault is left exactly as it was.
Invalid records are skipped and listed; re-importing the same data adds nothing.
  --version              print the version
  --help                 print this help

The passphrase is read from --passphrase-file, else the TECHO_PASSPHRASE environment
variable, else prompted for on the terminal without echo. It is never taken as an argument.
Both variables are removed from the environment when techo-cli starts (no program it runs sees
them). Passphrases are compared in Unicode NFC, so any input method's form of the same text works.
The new passphrase for change-passphrase comes from --new-passphrase-file, else
TECHO_NEW_PASSPHRASE, else a prompt (asked twice).

Exit codes:
  0  success
  1  any other failure (a profile id the vault does not hold, I/O error, disk full, internal error)
  2  usage error (bad arguments, no passphrase available)
  3  wrong passphrase
  4  not a Techo vault, damaged vault, or a vault from a newer Techo
  5  network error
  6  invalid data
  7  the vault is in use by another Techo program (change-passphrase needs it to itself)
)";

using Args = std::vector<std::string>;

struct Command {
    std::string_view name;
    std::function<int(const GlobalOptions&, const Args&)> run;
};

int report(const Error& error)
{
    std::cerr << "techo-cli: " << error.message << '\n';
    return exitCodeFor(error.code);
}

int usageError(const std::string& message)
{
    std::cerr << "techo-cli: " << message << "\nTry 'techo-cli --help'.\n";
    return kExitUsage;
}

const crypto::SecretBytes* fromEnvironment(const std::optional<crypto::SecretBytes>& taken)
{
    return taken ? &*taken : nullptr;
}

crypto::KdfParams kdfFor(const GlobalOptions& options)
{
    if (options.insecureFastKdf) {
        std::cerr << "techo-cli: WARNING: --insecure-fast-kdf makes the passphrase easy to guess; use it only in "
                     "tests\n";
        return crypto::KdfParams::insecureForTestsOnly();
    }
    return crypto::KdfParams::interactiveDefault();
}

Result<std::unique_ptr<vault::Vault>> openVault(const GlobalOptions& options)
{
    TECHO_ASSIGN(const vault::VaultHeader header, vault::VaultHeader::readFrom(options.vaultPath));
    (void)header; // a missing or foreign file is reported before any passphrase is asked for
    TECHO_ASSIGN(crypto::SecretBytes passphrase,
        readPassphrase(
            {.file = options.passphraseFile, .fromEnvironment = fromEnvironment(options.environment.passphrase)}));
    return vault::Vault::open(options.vaultPath, passphrase);
}

int commandInit(const GlobalOptions& options, const Args& args)
{
    if (!args.empty())
        return usageError("init takes no arguments");
    auto passphrase = readPassphrase({.file = options.passphraseFile,
        .fromEnvironment = fromEnvironment(options.environment.passphrase),
        .prompt = "New passphrase: ",
        .confirm = true});
    if (!passphrase.ok())
        return report(passphrase.error());
    auto created = vault::Vault::create(options.vaultPath, passphrase.value(), kdfFor(options));
    if (!created.ok())
        return report(created.error());
    std::cout << "Created vault " << options.vaultPath << '\n';
    return kExitOk;
}

int commandInfo(const GlobalOptions& options, const Args& args)
{
    if (!args.empty())
        return usageError("info takes no arguments besides --json");
    auto vault = openVault(options);
    if (!vault.ok())
        return report(vault.error());
    auto counts = vault.value()->counts();
    if (!counts.ok())
        return report(counts.error());
    auto schema = vault.value()->schemaVersion();
    if (!schema.ok())
        return report(schema.error());
    const vault::VaultHeader& header = vault.value()->header();

    if (options.json) {
        nlohmann::ordered_json out;
        out["path"] = options.vaultPath;
        out["format_version"] = header.formatVersion;
        out["schema_version"] = schema.value();
        out["kdf"] = {{"name", "argon2id"}, {"memory_kib", header.kdf.memoryKib}, {"iterations", header.kdf.iterations},
            {"parallelism", header.kdf.parallelism}};
        out["cipher"] = {{"name", "sqlcipher"}, {"page_size", vault::VaultHeader::kCipherPageSize}};
        out["counts"] = nlohmann::ordered_json::object();
        for (const auto& [kind, n] : counts.value())
            out["counts"][kind] = n;
        std::cout << out.dump() << '\n';
        return kExitOk;
    }
    std::cout << "Vault:           " << options.vaultPath << '\n'
              << "Format version:  " << header.formatVersion << " (schema " << schema.value() << ")\n"
              << "Key derivation:  argon2id, " << header.kdf.memoryKib << " KiB, " << header.kdf.iterations
              << " iterations, parallelism " << header.kdf.parallelism
              << (header.kdf.isWeakerThanDefault() ? "  (WEAKER THAN THE DEFAULT)" : "") << '\n'
              << "Cipher:          SQLCipher 3, " << vault::VaultHeader::kCipherPageSize << "-byte pages\n"
              << "Records:\n";
    for (const auto& [kind, n] : counts.value())
        std::printf("  %-18s %lld\n", kind.c_str(), static_cast<long long>(n));
    return kExitOk;
}

int commandChangePassphrase(const GlobalOptions& options, const Args& args)
{
    if (!args.empty())
        return usageError("change-passphrase takes no arguments");
    auto vault = openVault(options);
    if (!vault.ok())
        return report(vault.error());
    auto newPassphrase = readPassphrase({.file = options.newPassphraseFile,
        .fromEnvironment = fromEnvironment(options.environment.newPassphrase),
        .prompt = "New passphrase: ",
        .confirm = true});
    if (!newPassphrase.ok())
        return report(newPassphrase.error());
    auto changed = vault.value()->changePassphrase(newPassphrase.value(), kdfFor(options));
    if (!changed.ok())
        return report(changed.error());
    // Once the new file is in place the change has happened: a later problem is a warning, and the
    // exit code stays 0 so nobody goes on using (or forgets) the wrong passphrase.
    if (changed->warning)
        std::cerr << "techo-cli: warning: " << *changed->warning << '\n';
    std::cout << "Passphrase changed.\n";
    return kExitOk;
}

// Ctrl+C during an import cancels it (the transaction rolls back) instead of killing the process; during an export
// it cancels the export, which removes what it had staged (nothing at --out, no audit event).
net::CancelToken g_cancel;
extern "C" void onInterrupt(int)
{
    g_cancel.cancel();
}

nlohmann::ordered_json countsJson(const domain::ImportCounts& c)
{
    return {{"added", c.added}, {"updated", c.updated}, {"unchanged", c.unchanged}, {"rejected", c.rejected}};
}

int printImportReport(const GlobalOptions& options, const import::ImportReport& report)
{
    if (options.json) {
        nlohmann::ordered_json out = countsJson(report.counts);
        out["by_kind"] = nlohmann::ordered_json::object();
        for (const auto& [kind, counts] : report.byKind)
            out["by_kind"][kind] = countsJson(counts);
        out["rejections"] = nlohmann::ordered_json::array();
        for (const auto& r : report.rejections) {
            nlohmann::ordered_json params = nlohmann::ordered_json::object();
            for (const auto& [name, value] : r.params)
                params[name] = value;
            out["rejections"].push_back({{"kind", r.recordKind}, {"source_record_id", r.sourceRecordId},
                {"path", r.jsonPath}, {"reason", r.reason}, {"reason_key", r.reasonKey}, {"params", params},
                {"child_key", r.childKey}, {"stored_value_kept", r.storedValueKept}});
        }
        out["person_conflicts"] = nlohmann::ordered_json::array();
        for (const auto& conflict : report.personConflicts)
            out["person_conflicts"].push_back({{"person_id", conflict.sourcePersonId},
                {"stored_profile_id", conflict.storedProfileId},
                {"resolution", conflict.resolution == import::PersonResolution::KeepApart ? "keep-apart" : "skip"}});
        out["skipped_records"] = report.skippedRecords;
        out["import_run_id"] = report.importRunId;
        std::cout << out.dump() << '\n';
        return kExitOk;
    }
    const auto& c = report.counts;
    std::cout << "Imported: " << c.added << " added, " << c.updated << " updated, " << c.unchanged << " unchanged, "
              << c.rejected << " rejected\n";
    for (const auto& [kind, counts] : report.byKind)
        std::cout << "  " << kind << ": " << counts.added << " added, " << counts.updated << " updated, "
                  << counts.unchanged << " unchanged\n";
    for (const auto& r : report.rejections)
        std::cout << "  rejected " << r.recordKind << (r.sourceRecordId.empty() ? "" : " " + r.sourceRecordId) << ": "
                  << r.jsonPath << " " << r.reason << '\n';
    for (const auto& conflict : report.personConflicts)
        std::cout << "  person " << conflict.sourcePersonId << ": "
                  << (conflict.resolution == import::PersonResolution::KeepApart ? "kept apart in a separate profile"
                                                                                 : "skipped")
                  << '\n';
    if (report.skippedRecords > 0)
        std::cout << "  " << report.skippedRecords << " records of skipped persons were not imported\n";
    return kExitOk;
}

// What xdg-open needs to find the desktop session and the user's browser, and nothing more: the
// browser it starts outlives techo-cli and must not inherit anything else (passphrases, LD_PRELOAD,
// proxy credentials, tokens other tools keep in variables).
constexpr const char* kBrowserEnvironment[] = {
    "PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", // basics
    "DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY", "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", // the session
    "XDG_CURRENT_DESKTOP", "XDG_SESSION_DESKTOP", "XDG_SESSION_TYPE", "DESKTOP_SESSION", "KDE_FULL_SESSION",
    "KDE_SESSION_VERSION", "GNOME_DESKTOP_SESSION_ID", // how xdg-open picks the desktop's opener
    "XDG_CONFIG_HOME", "XDG_CONFIG_DIRS", "XDG_DATA_HOME", "XDG_DATA_DIRS", "BROWSER", // the user's choice
};

// Prints the address (so it can be copied by hand) and asks the desktop to open it.
Status openInBrowser(const std::string& url)
{
    std::cerr << "Open this address in your web browser to log in and consent:\n  " << url << '\n';
    std::vector<std::string> entries;
    for (const char* name : kBrowserEnvironment)
        if (const char* value = std::getenv(name); value != nullptr)
            entries.push_back(std::string(name) + "=" + value);
    std::vector<char*> envp;
    for (std::string& entry : entries)
        envp.push_back(entry.data());
    envp.push_back(nullptr);
    pid_t pid = 0;
    const char* argv[] = {"xdg-open", url.c_str(), nullptr};
    if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char* const*>(argv), envp.data()) == 0)
        while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) { }
    return {};
}

std::optional<domain::Date> dateOption(const std::string& text, std::string& error)
{
    auto date = domain::parseDate(text);
    if (!date) {
        // 2026-02-30 has the form but is no day of the calendar: say which of the two is wrong.
        const bool form = text.size() == 10 && text[4] == '-' && text[7] == '-'
            && std::all_of(text.begin(), text.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
        error = "'" + text + (form ? "' is not a date that exists" : "' is not a date of the form YYYY-MM-DD");
    }
    return date;
}

int commandImport(const GlobalOptions& options, const Args& args)
{
    std::optional<std::string> from;
    std::optional<std::string> file;
    import::ApiImportRequest request;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const bool hasValue = i + 1 < args.size();
        std::string error;
        if (arg == "--from" && hasValue)
            from = args[++i];
        else if (arg == "--file" && hasValue)
            file = args[++i];
        else if (arg == "--browser")
            request.openBrowser = openInBrowser;
        else if ((arg == "--keep-apart" || arg == "--skip-person") && hasValue)
            request.policy.personResolutions[args[++i]]
                = arg == "--keep-apart" ? import::PersonResolution::KeepApart : import::PersonResolution::Skip;
        else if (arg == "--ca-file" && hasValue)
            request.client.http.caFile = args[++i];
        else if (arg == "--since" && hasValue) {
            request.since = dateOption(args[++i], error);
        } else if (arg == "--until" && hasValue) {
            request.until = dateOption(args[++i], error);
        } else
            return usageError("import: unexpected argument '" + arg + "'");
        if (!error.empty())
            return usageError("import: " + error);
    }
    if (from.has_value() == file.has_value())
        return usageError("import needs exactly one of --from URL or --file FILE");

    auto vault = openVault(options);
    if (!vault.ok())
        return report(vault.error());
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    const bool showProgress = ::isatty(STDERR_FILENO) == 1;
    auto progress = [&](const import::ImportProgress& p) {
        if (!showProgress)
            return;
        if (p.stage == import::ImportStage::Fetch)
            std::cerr << "\r  fetch: person " << p.personIndex << "/" << p.personCount << "  " << p.infoKind << " part "
                      << p.part << "/" << p.totalParts << "   " << std::flush;
        else if (p.stage == import::ImportStage::Write)
            std::cerr << "\r  write: person " << p.personIndex << "/" << p.personCount << "  " << p.infoKind << " part "
                      << p.part << "/" << p.totalParts << "  " << p.recordsSoFar << " records   " << std::flush;
        else
            std::cerr << "\r" << import::stageName(p.stage) << "…" << std::string(40, ' ')
                      << (p.stage == import::ImportStage::Commit ? "\n" : "") << std::flush;
    };
    Result<import::ImportReport> result = from
        ? (request.client.baseUrl = *from,
            import::importFromApi(vault.value()->database(), request, progress, &g_cancel))
        : import::importFromFile(vault.value()->database(), *file, progress, &g_cancel, request.policy);
    if (showProgress)
        std::cerr << '\n';
    if (!result.ok()) {
        Error error = std::move(result).error();
        if (error.key == "import.person_conflict")
            error.message += " Run again with --keep-apart " + error.param("personId") + " or --skip-person "
                + error.param("personId") + ".";
        else if (error.code != ErrorCode::Cancelled)
            error.message += " (nothing was imported; the vault is unchanged)";
        return report(error);
    }
    return printImportReport(options, result.value());
}

// Every stored field, so that scripts (and the tests) see exactly what the vault holds.
int commandList(const GlobalOptions& options, const Args& args)
{
    static const std::vector<std::string> kinds {"profiles", "checkups", "observations", "vaccinations", "dispensings"};
    if (args.size() != 1)
        return usageError("list needs one of: profiles, checkups, observations, vaccinations, dispensings");
    const std::string& what = args[0];
    if (std::find(kinds.begin(), kinds.end(), what) == kinds.end())
        return usageError("list: unknown record kind '" + what + "'");
    auto vault = openVault(options);
    if (!vault.ok())
        return report(vault.error());
    vault::Database& db = vault.value()->database();
    auto profiles = vault::ProfileRepository(db).list();
    if (!profiles.ok())
        return report(profiles.error());

    using Json = nlohmann::ordered_json;
    Json rows = Json::array();
    auto opt = [](const auto& value) -> Json {
        if (value)
            return *value;
        return nullptr;
    };
    auto optEnum = [](const auto& value) -> Json {
        if (value)
            return std::string(toString(*value));
        return nullptr;
    };
    auto optDate = [](const std::optional<domain::Date>& value) -> Json {
        if (value)
            return domain::formatDate(*value);
        return nullptr;
    };
    std::map<std::int64_t, domain::Provider> providerCache;
    Status failure;
    auto institution = [&](const std::optional<std::int64_t>& id) -> Json {
        if (!id)
            return nullptr;
        auto it = providerCache.find(*id);
        if (it == providerCache.end()) {
            auto provider = vault::ProviderRepository(db).get(*id);
            if (!provider.ok()) {
                failure = provider.error();
                return nullptr;
            }
            it = providerCache.emplace(*id, provider.value()).first;
        }
        return Json {
            {"id", *id}, {"kind", toString(it->second.kind)}, {"code", it->second.code}, {"name", it->second.name}};
    };
    auto provenance = [&](const domain::Provenance& p) -> Json {
        return {{"source", p.source}, {"source_record_id", opt(p.sourceRecordId)},
            {"fetched_at", p.fetchedAt ? Json(domain::formatTimestamp(*p.fetchedAt)) : Json(nullptr)},
            {"import_run_id", opt(p.importRunId)}};
    };
    for (const domain::Profile& profile : profiles.value()) {
        if (what == "profiles") {
            rows.push_back({{"id", profile.id}, {"name", profile.shownName()}, {"source_name", profile.displayName},
                {"local_name", opt(profile.localName)}, {"kana", opt(profile.kanaName)},
                {"birth_date", optDate(profile.birthDate)}, {"sex", optEnum(profile.sex)},
                {"relationship", toString(profile.relationship)}, {"source", profile.source},
                {"source_person_id", opt(profile.sourcePersonId)}});
        } else if (what == "checkups" || what == "observations") {
            auto checkups = vault::CheckupRepository(db).listByProfile(profile.id);
            if (!checkups.ok())
                return report(checkups.error());
            for (const domain::Checkup& c : checkups.value()) {
                if (what == "checkups") {
                    rows.push_back({{"id", c.id}, {"profile_id", profile.id}, {"profile", profile.shownName()},
                        {"performed_on", domain::formatDate(c.performedOn)}, {"kind", c.kind},
                        {"facility", institution(c.facilityId)}, {"insurer_number", opt(c.insurerNumber)},
                        {"observations", c.observations.size()}, {"provenance", provenance(c.provenance)}});
                    continue;
                }
                for (const domain::Observation& o : c.observations)
                    rows.push_back({{"id", o.id}, {"checkup_id", c.id}, {"profile_id", profile.id},
                        {"profile", profile.shownName()}, {"performed_on", domain::formatDate(c.performedOn)},
                        {"item_code", o.itemCode}, {"item_name", o.itemName}, {"type", toString(o.valueType)},
                        {"comparator", optEnum(o.comparator)}, {"value", opt(o.valueNum)}, {"unit", opt(o.unit)},
                        {"unit_as_sent", opt(o.unitAsSent)}, {"code", opt(o.valueCode)},
                        {"code_system", opt(o.valueCodeSystem)}, {"label", opt(o.valueLabel)},
                        {"text", opt(o.valueText)}, {"range_flag", optEnum(o.rangeFlag)}});
            }
        } else if (what == "vaccinations") {
            auto vaccinations = vault::VaccinationRepository(db).listByProfile(profile.id);
            if (!vaccinations.ok())
                return report(vaccinations.error());
            for (const domain::Vaccination& v : vaccinations.value())
                rows.push_back({{"id", v.id}, {"profile_id", profile.id}, {"profile", profile.shownName()},
                    {"occurred_on", domain::formatDate(v.occurredOn)}, {"vaccine", v.vaccineName},
                    {"vaccine_code", v.vaccineCode}, {"vaccine_code_system", opt(v.vaccineCodeSystem)},
                    {"target_disease", opt(v.targetDisease)}, {"dose", opt(v.doseNumber)}, {"lot", opt(v.lotNumber)},
                    {"manufacturer", opt(v.manufacturer)}, {"facility", institution(v.facilityId)},
                    {"municipality_code", opt(v.municipalityCode)}, {"site", opt(v.site)},
                    {"status", toString(v.status)}, {"provenance", provenance(v.provenance)}});
        } else {
            auto dispensings = vault::DispensingRepository(db).listByProfile(profile.id);
            if (!dispensings.ok())
                return report(dispensings.error());
            for (const domain::Dispensing& d : dispensings.value()) {
                Json lines = Json::array();
                for (const domain::MedicationLine& l : d.lines)
                    lines.push_back({{"id", l.id}, {"rp", l.rpNumber}, {"line", l.lineNumber}, {"code", l.drugCode},
                        {"code_system", toString(l.drugCodeSystem)}, {"name", l.drugName},
                        {"ingredient", opt(l.ingredientName)}, {"quantity", opt(l.quantity)}, {"unit", opt(l.unit)},
                        {"usage", opt(l.usageText)}, {"special_instruction", opt(l.specialInstruction)},
                        {"days", opt(l.days)}, {"dosage_form", opt(l.dosageForm)},
                        {"claims_category", opt(l.claimsCategory)}});
                rows.push_back({{"id", d.id}, {"profile_id", profile.id}, {"profile", profile.shownName()},
                    {"kind", toString(d.kind)}, {"dispensed_on", domain::formatDate(d.dispensedOn)},
                    {"prescribed_on", optDate(d.prescribedOn)}, {"pharmacy", institution(d.pharmacyId)},
                    {"prescriber", institution(d.prescriberId)}, {"in_out", optEnum(d.inOut)},
                    {"superseded_by", opt(d.supersededBy)}, {"provenance", provenance(d.provenance)},
                    {"lines", lines}});
            }
        }
        if (!failure.ok())
            return report(failure.error());
    }
    if (options.json) {
        std::cout << rows.dump() << '\n';
        return kExitOk;
    }
    auto plain = [](const Json& value) -> std::string {
        if (value.is_string())
            return value.get<std::string>();
        if (value.is_object() && value.contains("name"))
            return value["name"].get<std::string>();
        return value.dump();
    };
    for (const auto& row : rows) {
        bool first = true;
        for (const auto& [key, value] : row.items()) {
            if (key == "lines" || key == "provenance" || value.is_null())
                continue;
            std::cout << (first ? "" : "  ") << key << "=" << plain(value);
            first = false;
        }
        std::cout << '\n';
        if (row.contains("lines"))
            for (const auto& line : row["lines"])
                std::cout << "    " << plain(line["name"]) << "  " << line["quantity"].dump() << " "
                          << (line["unit"].is_string() ? line["unit"].get<std::string>() : "") << "  "
                          << (line["usage"].is_string() ? line["usage"].get<std::string>() : "") << '\n';
    }
    std::cerr << rows.size() << " " << what << '\n';
    return kExitOk;
}

std::optional<std::int64_t> parseInteger(const std::string& text)
{
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc {} || end != text.data() + text.size() || value <= 0)
        return std::nullopt;
    return value;
}

// The person's own name for a profile (imports never change it); an empty name goes back to the source's.
int commandProfile(const GlobalOptions& options, const Args& args)
{
    if (args.size() != 3 || args[0] != "rename")
        return usageError("profile rename ID NAME");
    const auto id = parseInteger(args[1]);
    if (!id)
        return usageError("profile rename: '" + args[1] + "' is not a profile id");
    auto vault = openVault(options);
    if (!vault.ok())
        return report(vault.error());
    vault::ProfileRepository profiles(vault.value()->database());
    auto profile = profiles.get(*id);
    if (!profile.ok())
        return report(profile.error());
    profile->localName = args[2].empty() ? std::nullopt : std::optional<std::string>(args[2]);
    if (Status s = profiles.update(profile.value()); !s.ok())
        return report(s.error());
    std::cout << "Profile " << *id << " is now shown as " << profile->shownName() << '\n';
    return kExitOk;
}

// techo-cli export: one file (json, fhir, pdf) or one folder (csv), written atomically and recorded in the audit log.
int commandExport(const GlobalOptions& options, const Args& args)
{
    exports::ExportRequest request;
    request.generator = std::string("Techo ") + TECHO_VERSION;
    std::optional<std::string> format;
    std::string error;
    bool pdfOnly = false; // an option only the PDF takes was given
    bool categoriesGiven = false; // --categories was given (not for the PDF, whose parts are its --sections)
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const bool hasValue = i + 1 < args.size();
        if (arg == "--format" && hasValue) {
            format = args[++i];
        } else if (arg == "--out" && hasValue) {
            request.outPath = args[++i];
        } else if (arg == "--profile" && hasValue) {
            request.selection.profileId = parseInteger(args[++i]);
            if (!request.selection.profileId)
                return usageError("export: '" + args[i] + "' is not a profile id");
        } else if (arg == "--from" && hasValue) {
            request.selection.from = dateOption(args[++i], error);
        } else if (arg == "--to" && hasValue) {
            request.selection.to = dateOption(args[++i], error);
        } else if (arg == "--categories" && hasValue) {
            const auto categories = exports::ExportCategories::parse(args[++i]);
            if (!categories)
                return usageError("export: --categories takes a list of checkups, vaccinations, medications, self");
            request.selection.categories = *categories;
            categoriesGiven = true;
        } else if (arg == "--sections" && hasValue) {
            const auto sections = exports::SummarySections::parse(args[++i]);
            if (!sections)
                return usageError("export: --sections takes a list of latest, trends, medicines, vaccinations, qr");
            const int checkups = request.summary.maxCheckups;
            request.summary = *sections;
            request.summary.maxCheckups = checkups;
            pdfOnly = true;
        } else if (arg == "--checkups" && hasValue) {
            const auto n = parseInteger(args[++i]);
            if (!n || *n < 1 || *n > 5)
                return usageError("export: --checkups takes a number from 1 to 5");
            request.summary.maxCheckups = int(*n);
            pdfOnly = true;
        } else if (arg == "--csv-headers" && hasValue) {
            const std::string& language = args[++i];
            if (language != "en" && language != "ja")
                return usageError("export: --csv-headers takes en or ja");
            request.japaneseCsvHeaders = language == "ja";
        } else if (arg == "--zip") {
            request.zip = true;
        } else {
            return usageError("export: unexpected argument '" + arg + "'");
        }
        if (!error.empty())
            return usageError("export: " + error);
    }
    if (!format)
        return usageError("export needs --format json, csv, fhir or pdf");
    const auto parsedFormat = fromString<exports::ExportFormat>(*format);
    if (!parsedFormat)
        return usageError("export: unknown format '" + *format + "' (json, csv, fhir or pdf)");
    request.format = *parsedFormat;
    if (request.outPath.empty())
        return usageError("export needs --out PATH");
    if (request.japaneseCsvHeaders && request.format != exports::ExportFormat::Csv)
        return usageError("export: --csv-headers is for --format csv");
    if (request.zip && request.format != exports::ExportFormat::Csv)
        return usageError("export: --zip is for --format csv");
    // A CSV export to "….zip" is a zip archive: a folder named like an archive would only mislead; so would a JSON,
    // FHIR or PDF file named like one, which is refused.
    if (request.outPath.size() > 4) {
        std::string suffix = request.outPath.substr(request.outPath.size() - 4);
        std::transform(suffix.begin(), suffix.end(), suffix.begin(),
            [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (suffix == ".zip" && request.format != exports::ExportFormat::Csv)
            return usageError(
                "export: only --format csv writes a .zip file; give the " + *format + " file another name");
        request.zip = request.zip || suffix == ".zip";
    }
    if (pdfOnly && request.format != exports::ExportFormat::Pdf)
        return usageError("export: --sections and --checkups are for --format pdf");
    // The PDF chooses what it shows by --sections; kinds of record on top of that could only hide a chosen section
    // (--sections latest --categories vaccinations made a PDF with nothing in it).
    if (categoriesGiven && request.format == exports::ExportFormat::Pdf)
        return usageError("export: --categories is not for --format pdf: choose its parts with --sections");
    if (request.format == exports::ExportFormat::Pdf)
        request.renderPdf = pdfRenderer(); // empty without the GUI build: exportRecords says so

    auto vault = openVault(options);
    if (!vault.ok())
        return report(vault.error());
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    request.cancel = &g_cancel;
    const bool showProgress = ::isatty(STDERR_FILENO) == 1;
    if (showProgress)
        request.progress = [](const exports::ExportProgress& p) {
            std::cerr << "\r  " << p.kind << ": " << p.done << "/" << p.total << " records   " << std::flush;
        };
    auto result = exports::exportRecords(vault.value()->database(), request);
    if (showProgress)
        std::cerr << '\n';
    if (!result.ok()) {
        Error failure = std::move(result).error();
        if (failure.code != ErrorCode::Cancelled) // a cancel already says so
            failure.message += " (nothing was written)";
        return report(failure);
    }
    const exports::ExportReport& done = result.value();
    if (options.json) {
        nlohmann::ordered_json out {{"path", done.path}, {"format", toString(request.format)}, {"counts", done.counts},
            {"sha256", done.sha256}, {"bytes", done.bytes}, {"audit_event_id", done.auditEventId}};
        std::cout << out.dump() << '\n';
        return kExitOk;
    }
    std::cout << "Exported to " << done.path << '\n';
    for (const auto& [kind, n] : done.counts)
        std::cout << "  " << kind << ": " << n << '\n';
    std::cout << "  sha256: " << done.sha256 << '\n';
    return kExitOk;
}

const Command kCommands[] = {
    {"init", commandInit},
    {"info", commandInfo},
    {"change-passphrase", commandChangePassphrase},
    {"import", commandImport},
    {"list", commandList},
    {"profile", commandProfile},
    {"export", commandExport},
};

} // namespace

int exitCodeFor(ErrorCode code) noexcept
{
    switch (code) {
    case ErrorCode::Usage:
        return kExitUsage;
    case ErrorCode::WrongPassphrase:
        return kExitWrongPassphrase;
    case ErrorCode::NotAVault:
    case ErrorCode::Damaged:
    case ErrorCode::NewerFormat:
        return kExitNotAVault;
    case ErrorCode::Network:
        return kExitNetwork;
    case ErrorCode::InvalidData:
        return kExitInvalidData;
    case ErrorCode::InUse:
        return kExitInUse;
    default:
        return kExitFailure;
    }
}

int runCli(int argc, char** argv)
{
    GlobalOptions options;
    options.environment = takePassphrasesFromEnvironment();
    options.vaultPath = vault::Vault::defaultPath();
    std::optional<std::string> commandName;
    Args commandArgs;

    const std::span<char*> all(argv + 1, static_cast<std::size_t>(argc > 0 ? argc - 1 : 0));
    for (std::size_t i = 0; i < all.size(); ++i) {
        const std::string_view arg = all[i];
        auto value = [&](std::string& out) -> bool {
            if (i + 1 >= all.size())
                return false;
            out = all[++i];
            return true;
        };
        std::string text;
        if (arg == "--help" || arg == "-h") {
            std::cout << kUsage;
            return kExitOk;
        }
        if (arg == "--version") {
            std::cout << "techo-cli " << TECHO_VERSION << '\n';
            return kExitOk;
        }
        if (arg == "--vault") {
            if (!value(options.vaultPath))
                return usageError("--vault needs a path");
        } else if (arg == "--passphrase-file") {
            if (!value(text))
                return usageError("--passphrase-file needs a file");
            options.passphraseFile = text;
        } else if (arg == "--new-passphrase-file") {
            if (!value(text))
                return usageError("--new-passphrase-file needs a file");
            options.newPassphraseFile = text;
        } else if (arg == "--json") {
            options.json = true;
        } else if (arg == "--insecure-fast-kdf") {
            options.insecureFastKdf = true;
        } else if (arg == "--passphrase" || arg.starts_with("--passphrase=")) {
            return usageError("passphrases are never accepted as arguments; use --passphrase-file or "
                              "TECHO_PASSPHRASE");
        } else if (arg.starts_with("-")) {
            if (!commandName)
                return usageError("unknown option " + std::string(arg));
            commandArgs.emplace_back(arg);
        } else if (!commandName) {
            commandName = std::string(arg);
        } else {
            commandArgs.emplace_back(arg);
        }
    }
    if (!commandName)
        return usageError("no command given");
    for (const Command& command : kCommands) {
        if (command.name == *commandName)
            return command.run(options, commandArgs);
    }
    return usageError("unknown command '" + *commandName + "'");
}

} // namespace techo::cli
