#pragma once

#include "core/clinical/CurrentMedicines.h"
#include "core/clinical/TrendSeries.h"
#include "core/domain/Profile.h"
#include "core/domain/Vaccination.h"
#include "core/export/ExportRequest.h"
#include "core/util/Result.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace techo::vault {
class Database;
}

namespace techo::exports {

// The machine-readable copy of the doctor's summary that its last page carries as a QR code, so a clinic can take
// the key values in without retyping them. Compact UTF-8 JSON, versioned; the format, its limits and why it is not
// FHIR, a SMART Health Card/Link or the JAHIS お薬手帳 QR are in docs/export-format.md ("QR code on the summary").
inline constexpr std::string_view kSummaryCodeFormat = "techo-summary";
inline constexpr int kSummaryCodeFormatVersion = 1;

// The QR code the payload is made to fit: error correction level M (15 % of the symbol may be lost: a fold, a smudge,
// a punched hole), at most version 35 (157 × 157 modules: 0.42 mm per module when printed 70 mm wide with its
// 4-module quiet zone, which phone cameras and clinic scanners read at arm's length), byte mode after an ECI 26
// designator (UTF-8). Capacity: 1,809 bytes for 35-M (ISO/IEC 18004:2015, Table 7) less the 12-bit ECI header =
// 1,806 bytes. A 55-year-old's checkup, four medicines and a few vaccinations take about that much.
// ui::summaryCodeQrOptions() draws with these figures; test_qr_code checks them against libqrencode.
inline constexpr int kSummaryCodeQrVersion = 35;
inline constexpr std::size_t kSummaryCodeMaxBytes = 1806;

// What to read for the code.
struct SummaryCodeRequest {
    std::int64_t profileId = 0;
    // The summary's day: medicines current on it (clinical::currentMedicines); the latest checkup and vaccinations
    // on or before it. Written as "made".
    domain::Date asOf {};
    // The start of the summary's period (ExportSelection::from): an older checkup or vaccination is not carried.
    // Medicines are those at hand on asOf whenever their course began, as the PDF counts them.
    std::optional<domain::Date> from;
    // As the PDF: "ck" when latestCheckups or trends is chosen, "rx" for medicines, "vx" for vaccinations.
    SummarySections sections;
    std::size_t maxBytes = kSummaryCodeMaxBytes; // > 0
    int maxVaccinations = 5; // the newest given doses considered (> 0); fitting may keep fewer
};

// The values a code is made from, already read and judged by core's queries.
struct SummaryCodeContent {
    domain::Date madeOn {};
    domain::Profile person;
    bool withCheckup = true; // "ck" is written (null when `checkup` is empty)
    bool withMedicines = true; // "rx" is written
    bool withVaccinations = true; // "vx" is written
    // The latest checkup day: its items in the official order (only `item` and `latest` are read).
    std::optional<clinical::CheckupSummary> checkup;
    std::vector<clinical::CurrentMedicine> medicines; // newest dispensed first (as currentMedicines gives them)
    std::vector<domain::Vaccination> vaccinations; // newest first
};

// A payload and what it holds.
struct SummaryCode {
    std::string payload; // UTF-8 JSON, no trailing newline; payload.size() <= the limit
    bool truncated = false; // something was left out to fit; `omitted*` say how much
    int items = 0; // checkup items written
    int medicines = 0;
    int vaccinations = 0;
    int omittedItems = 0;
    int omittedMedicines = 0;
    int omittedVaccinations = 0;
};

// Lays `content` out as the payload (format version 1) within `maxBytes`. Checkup items outside the examined
// groups (心電図/眼底 text, 判定, 問診) are not carried. When all does not fit, rows are left out in this order until
// it does: vaccinations (oldest first), the other checkup items (those without a judgement value first, later
// groups first), the key items (blood pressure, HbA1c/glucose, lipids, eGFR, 尿蛋白, BMI/weight/waist; least
// important first), and last the medicines (oldest dispensed first); `trunc` and `omit` then say so.
// The person and the dates are never left out. Errors: InvalidData (a text is not UTF-8), Usage (maxBytes is too
// small for the person and the dates alone: key export.summary_code_too_small).
[[nodiscard]] Result<SummaryCode> fitSummaryCode(const SummaryCodeContent& content, std::size_t maxBytes);

// Reads the profile's summary values through query::HealthRecordQueries on `db` (the latest checkup day in
// [from, asOf] from the checkup table, the medicines current on asOf, the newest completed vaccinations in
// [from, asOf]) and fits them (fitSummaryCode). Errors: NotFound (no such profile), Usage (asOf not a real date,
// maxBytes or maxVaccinations not positive, or too small), InvalidData, the vault's errors.
[[nodiscard]] Result<SummaryCode> buildSummaryCode(vault::Database& db, const SummaryCodeRequest& request);

// buildSummaryCode's payload with every section and the default limit: what DoctorSummary::qrPayload holds.
[[nodiscard]] Result<std::string> summaryCodePayload(vault::Database& db, std::int64_t profileId, domain::Date asOf);

} // namespace techo::exports
