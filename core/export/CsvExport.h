#pragma once

#include "core/export/ExportOutput.h"
#include "core/export/ExportSource.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace techo::exports {

// One RFC 4180 field: quoted (with inner quotes doubled) when it holds a comma, a quote, CR or LF.
[[nodiscard]] std::string csvField(std::string_view text);

// What writeCsvExport wrote: counts by kind (as ExportReport::counts) and each file's SHA-256 by name.
struct CsvExportResult {
    std::map<std::string, std::int64_t> counts;
    std::map<std::string, std::string> fileSha256;
};

// Writes the selection as CSV files into the staged folder (docs/export-format.md): profiles.csv always;
// checkups.csv (long form, one row per observation), dispensings.csv (one row per medication line),
// vaccinations.csv and measurements.csv for the chosen categories. UTF-8 with a BOM, CRLF line ends, a header
// row (English names, or Japanese with request.japaneseCsvHeaders), ISO dates, RFC 4180 quoting. A record without
// children (a checkup whose every observation was refused) still has its one row, with the child columns empty.
[[nodiscard]] Result<CsvExportResult> writeCsvExport(
    ExportSource& source, const ExportRequest& request, StagedOutput& folder);

// What writeCsvZip wrote: counts by kind (as ExportReport::counts), and the zip file's SHA-256 (hex) and size.
struct CsvZipResult {
    std::map<std::string, std::int64_t> counts;
    std::string sha256;
    std::uint64_t bytes = 0;
};

// Writes the selection as one zip archive (libzip) into zipFile, a StagedOutput of Kind::File that the caller
// publishes. The archive holds exactly the files writeCsvExport writes into a folder, byte for byte: they are written
// into a hidden staging folder beside request.outPath first (removed again whatever happens), then deflated into the
// archive in byte order of their names, each with the DOS epoch 1980-01-01 00:00 as its time and mode 0600, so two
// zips of the same records are the same bytes (docs/export-format.md). The archive is synced before this returns.
// Errors: as writeCsvExport, and Io when libzip cannot write the archive (its message, e.g. a full disk).
[[nodiscard]] Result<CsvZipResult> writeCsvZip(
    ExportSource& source, const ExportRequest& request, StagedOutput& zipFile);

// The digest of a folder export: the SHA-256 (hex) of the listing `sha256sum` prints for its files in byte order
// of their names ("<hex>  <name>\n" each), so `cd DIR && LC_ALL=C sha256sum * | sha256sum` shows the same value.
[[nodiscard]] std::string folderDigest(const std::map<std::string, std::string>& fileSha256);

} // namespace techo::exports
