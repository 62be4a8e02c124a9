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

// The digest of a folder export: the SHA-256 (hex) of the listing `sha256sum` prints for its files in byte order
// of their names ("<hex>  <name>\n" each), so `cd DIR && LC_ALL=C sha256sum * | sha256sum` shows the same value.
[[nodiscard]] std::string folderDigest(const std::map<std::string, std::string>& fileSha256);

} // namespace techo::exports
