#pragma once

#include "core/export/ExportOutput.h"
#include "core/export/ExportSource.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace techo::exports {

// The JSON export's identity (docs/export-format.md, resources/export/techo-export.schema.json).
inline constexpr std::string_view kJsonFormatName = "techo-export";
// Raised when a reader of an older version could misread a file; additions that older readers may ignore
// (a new optional field, a new array) keep the version.
inline constexpr int kJsonFormatVersion = 1;

// Ids in the file: "<kind>-<vault row id>", e.g. "checkup-42". A record keeps its row id for life (updates rewrite
// rows in place), so the same record has the same id in every export of a vault. Kinds: profile, institution,
// import-run, checkup, observation, dispensing, medication-line, vaccination, measurement.
[[nodiscard]] std::string exportId(std::string_view kind, std::int64_t rowId);

// An import run's origin as exports write it: a file's origin ("file:/home/…/a.json") becomes "file:" and the file's
// name alone ("file:a.json"), since a folder path may hold the person's name and no reader needs it; any other
// origin (the API's base URL) is kept. The vault keeps the full origin; JsonImport compares runs through this too.
[[nodiscard]] std::string exportedOrigin(std::string_view origin);

// Writes the selection as one JSON document into `out`, streaming: one record per line, at most one profile's
// records of one kind in memory. Returns the counts by kind (ExportReport::counts). Never writes a secret: the
// vault holds no token, and the passphrase and key are not reachable from here.
// Errors: database errors; InvalidData when a stored text is not valid UTF-8 (names the record).
[[nodiscard]] Result<std::map<std::string, std::int64_t>> writeJsonExport(
    ExportSource& source, const ExportRequest& request, ExportFile& out);

} // namespace techo::exports
