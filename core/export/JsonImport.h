#pragma once

#include "core/import/ImportJobs.h"

#include <string>
#include <string_view>

namespace techo::vault {
class Database;
}

namespace techo::exports {

// Whether a file's text is a Techo JSON export (docs/export-format.md): a JSON object naming the format
// "techo-export" near its start. Other JSON (a saved API result) is left to the API mapping.
[[nodiscard]] bool looksLikeTechoExport(std::string_view body);

// Imports a Techo JSON export with the importer's rules (import::Importer, docs/import.md): one transaction;
// records found by their identity (the file's ids are not used to find anything); a record the vault already
// holds with the same content is "unchanged", so importing an export into the vault it came from changes no
// record. Each record keeps the provenance the file gives (source, source record id, fetch time, and the import
// run, which is matched to a stored run with the same times, source, origin and counts, or recreated). A new profile
// gets the file's local name and creation time; a known one keeps the person's. Person conflicts are handled as for any
// import (policy.personResolutions). The run itself is recorded with source "techo-export" and origin `origin`. Errors:
// InvalidData naming the JSON path of the first bad field (nothing is imported); NewerFormat for a format_version this
// build does not know; Cancelled; database errors.
[[nodiscard]] Result<import::ImportReport> importTechoExport(vault::Database& db, std::string_view body,
    const std::string& origin, const import::ProgressHandler& progress = {}, const net::CancelToken* cancel = nullptr,
    const import::ImportPolicy& policy = {});

} // namespace techo::exports
