#pragma once

#include "core/export/ExportRequest.h"
#include "core/util/Result.h"

namespace techo::vault {
class Database;
}

namespace techo::exports {

// One export, start to end: reads the selection from one consistent snapshot of the vault (ExportSource), writes
// it to a hidden staging file or folder beside request.outPath, syncs it and moves it into place without replacing
// anything (StagedOutput), then records an audit event "export.completed" (format, selection, counts, bytes,
// SHA-256 — never a health value, never the path, which may hold a name). Any failure leaves nothing at outPath
// and no staging copy behind, and records no event.
// Errors: AlreadyExists (outPath exists), NotFound (the profile, or outPath's folder), Io (cannot write: permission,
// disk full, a failed sync), InvalidData (a stored text is not UTF-8), Usage (zip with a format other than CSV),
// Cancelled (key export.cancelled: request.cancel was set before the output was moved into place; checked before
// each profile's records and after each record), database errors. request.progress hears from ExportSource's visits
// (ExportSource::watch).
[[nodiscard]] Result<ExportReport> exportRecords(vault::Database& db, ExportRequest request);

// What an export of `selection` would hold, by kind ("profiles", "checkups", "observations", "dispensings",
// "medication_lines", "vaccinations", "measurements"), counted without reading the records (the export dialog's
// preview; ExportProgress::total). Every key is present (0 for a kind not selected); each equals what exportRecords
// writes for the same selection (the same ExportSource rules). Errors: NotFound (the profile), Usage (key
// export.bad_period: from after to), database errors.
[[nodiscard]] Result<std::map<std::string, std::int64_t>> countRecords(
    vault::Database& db, const ExportSelection& selection);

} // namespace techo::exports
