#pragma once

#include "core/domain/Dates.h"
#include "core/domain/EnumNames.h"
#include "core/util/Result.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace techo::net {
class CancelToken;
}

namespace techo::exports {

// What an export writes: the full re-importable JSON file, a folder (or zip) of CSV files, one FHIR R4 Bundle (JP Core
// profiles) as a JSON file, or the PDF summary for a doctor (医師提出用サマリー) (docs/export-format.md).
enum class ExportFormat { Json, Csv, Fhir, Pdf };

// The record kinds a person can choose (techo-cli export --categories). Medications are the dispensings with their
// lines; Self is the self-recorded measurements (the `measurements` array / measurements.csv, empty until Techo
// records them). Self-recorded checkups, vaccinations and dispensings belong to their own kind.
enum class ExportCategory : std::uint8_t { Checkups, Vaccinations, Medications, Self };

} // namespace techo::exports

namespace techo::domain {
template <> struct EnumNames<exports::ExportFormat> {
    static constexpr std::array<std::pair<exports::ExportFormat, std::string_view>, 4> kValues = {{
        {exports::ExportFormat::Json, "json"},
        {exports::ExportFormat::Csv, "csv"},
        {exports::ExportFormat::Fhir, "fhir"},
        {exports::ExportFormat::Pdf, "pdf"},
    }};
};

template <> struct EnumNames<exports::ExportCategory> {
    static constexpr std::array<std::pair<exports::ExportCategory, std::string_view>, 4> kValues = {{
        {exports::ExportCategory::Checkups, "checkups"},
        {exports::ExportCategory::Vaccinations, "vaccinations"},
        {exports::ExportCategory::Medications, "medications"},
        {exports::ExportCategory::Self, "self"},
    }};
};
} // namespace techo::domain

namespace techo::exports {

// A set of categories; every category by default.
struct ExportCategories {
    bool checkups = true;
    bool vaccinations = true;
    bool medications = true;
    bool self = true;

    [[nodiscard]] bool contains(ExportCategory category) const noexcept;
    // "checkups,vaccinations,medications,self" (any order, no repeats); nullopt for an unknown, repeated or empty name.
    [[nodiscard]] static std::optional<ExportCategories> parse(std::string_view text);
    // The chosen names in the order above, joined by ','.
    [[nodiscard]] std::string toString() const;
};

// Which records an export holds. Dates bound the record's own date (checkup day, dispensing day, vaccination
// day), both inclusive, either may be open.
struct ExportSelection {
    std::optional<std::int64_t> profileId; // one profile (its vault id), else every profile
    std::optional<domain::Date> from;
    std::optional<domain::Date> to;
    ExportCategories categories;
};

// How far an export is: `kind` is the record kind being read ("checkups", "dispensings", "vaccinations", or
// "rendering" / "writing" for the PDF's last steps), `done` of `total` records of the whole selection (total from
// countRecords; 0 when not known). Called on the exporting thread, at most every few hundred records.
struct ExportProgress {
    std::string kind;
    std::int64_t done = 0;
    std::int64_t total = 0;
};
using ExportProgressHandler = std::function<void(const ExportProgress&)>;

// The sections of the PDF summary a person chose (techo-cli export --format pdf --sections …; the app's export
// dialog). Every section by default.
struct SummarySections {
    bool latestCheckups = true; // up to maxCheckups checkups side by side
    bool trends = true; // trend charts of the key items
    bool medicines = true; // current medicines and the last 6 months of dispensings
    bool vaccinations = true;
    int maxCheckups = 5; // 1..5
    // The QR code on the last page: a compact machine-readable copy of the key values (exports::buildSummaryCode,
    // docs/export-format.md "QR code on the summary"). Carries only what the chosen sections show.
    bool qrCode = true;

    // "latest,trends,medicines,vaccinations,qr" (any order, no repeats; techo-cli --sections) as the sections; a
    // section not named is left out, the QR code too. nullopt for an unknown, repeated or empty name. maxCheckups
    // keeps its default.
    [[nodiscard]] static std::optional<SummarySections> parse(std::string_view text);
};

// Splits a comma-separated list ("a,b,c") and hands each name to `take`, which returns false for a name it refuses
// (unknown, or repeated). False when a name is refused or empty, or the list is empty. The one list syntax of
// --categories and --sections.
[[nodiscard]] bool parseNameList(std::string_view text, const std::function<bool(std::string_view)>& take);

struct DoctorSummary; // core/export/DoctorSummary.h
// Lays a summary out as PDF bytes. Core builds the summary; the ui renders it (ui/DoctorSummaryPdf.h), so a core
// program without Qt cannot write PDFs. Called on the exporting thread.
using PdfRenderer = std::function<Result<std::string>(const DoctorSummary&)>;

struct ExportRequest {
    ExportFormat format = ExportFormat::Json;
    std::string outPath; // a file (json, fhir) or a folder (csv) that must not exist yet
    ExportSelection selection;
    bool japaneseCsvHeaders = false; // CSV: Japanese column names instead of the English ones
    bool zip = false; // CSV: one .zip file at outPath instead of a folder
    SummarySections summary; // PDF: which sections
    PdfRenderer renderPdf; // PDF: required (Usage error without one)
    ExportProgressHandler progress; // optional
    const net::CancelToken* cancel = nullptr; // optional; a cancelled export leaves nothing behind (Cancelled)
    std::string generator = "Techo"; // written into the JSON file, e.g. "Techo 0.4.0"
    domain::Timestamp now {}; // "exported_at" and the audit event's time; nowUtc() when left empty
};

// What an export wrote. counts is by kind: "profiles", "checkups", "observations", "dispensings",
// "medication_lines", "vaccinations", "measurements", "institutions", "import_runs"; for FHIR by resource
// (FhirExport.h).
struct ExportReport {
    std::string path;
    std::map<std::string, std::int64_t> counts;
    std::string sha256; // hex; for a CSV folder: the SHA-256 of its files' `sha256sum` listing (docs/export-format.md)
    std::uint64_t bytes = 0;
    std::int64_t auditEventId = 0;
};

} // namespace techo::exports
