#pragma once

#include "core/import/ImportReport.h"
#include "core/mynaportal/Client.h"
#include "core/net/CancelToken.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace techo::vault {
class Database;
}

namespace techo::import {

// The phases of an import, in order. Authorize and Fetch are the network phase: the vault is not locked and
// other connections (the GUI) read and write as usual. Write and Commit are the write phase: one transaction;
// readers keep reading until the commit itself.
enum class ImportStage { Authorize, Fetch, Write, Commit };
[[nodiscard]] std::string_view stageName(ImportStage stage) noexcept; // "authorize", "fetch", "write", "commit"

// Where an import is, for progress bars and logs. Never carries record content.
struct ImportProgress {
    ImportStage stage = ImportStage::Authorize;
    int personIndex = 0;
    int personCount = 0;
    std::string infoKind; // "TKK", "YZK", "PMH_VAC"
    int part = 0;
    int totalParts = 0;
    std::int64_t recordsSoFar = 0;
};
using ProgressHandler = std::function<void(const ImportProgress&)>;

struct ApiImportRequest {
    mynaportal::ClientConfig client;
    std::optional<domain::Date> since;
    std::optional<domain::Date> until;
    // When set, the person authorises in a browser (the real service's flow) instead of the sandbox's
    // automatic approval; the redirect comes back to a loopback listener.
    mynaportal::Client::BrowserOpener openBrowser;
    std::chrono::milliseconds browserTimeout {std::chrono::minutes(10)};
    std::vector<mynaportal::InfoKind> kinds {
        mynaportal::InfoKind::Checkups, mynaportal::InfoKind::Dispensings, mynaportal::InfoKind::Vaccinations};
    ImportPolicy policy; // the clock, and decisions about person conflicts
};

// The whole flow. Network phase: authorize, then request/status/result for every kind and every person the
// token covers; each response's envelope is checked and the body staged (encrypted, see StagingArea) — the
// vault is not touched. Write phase: ONE transaction maps and applies the staged responses in order and
// commits. Any failure or a cancel, in either phase, leaves the vault as it was.
[[nodiscard]] Result<ImportReport> importFromApi(vault::Database& db, const ApiImportRequest& request,
    const ProgressHandler& progress = {}, const net::CancelToken* cancel = nullptr);

// Imports a saved /result response body (as the API returned it) with the same rules, or a Techo JSON export
// (exports::importTechoExport), told apart by the file's content. Errors: NotFound / Io (import.cannot_read); the
// readers' own errors; InvalidData naming what the file is instead, by its name only, when it is a folder
// (import.folder_is_csv for a CSV export folder, import.file_is_folder), a zip (import.file_is_zip), a CSV file
// (import.file_is_csv) or a FHIR resource (import.file_is_fhir) — docs/export-format.md, "Re-import".
[[nodiscard]] Result<ImportReport> importFromFile(vault::Database& db, const std::string& path,
    const ProgressHandler& progress = {}, const net::CancelToken* cancel = nullptr, const ImportPolicy& policy = {});

} // namespace techo::import
