#pragma once

#include "core/clinical/CurrentMedicines.h"
#include "core/clinical/DuplicateMedication.h"
#include "core/clinical/TrendSeries.h"
#include "core/domain/Dates.h"
#include "core/domain/Dispensing.h"
#include "core/domain/Profile.h"
#include "core/domain/Vaccination.h"
#include "core/export/ExportRequest.h"
#include "core/util/Result.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace techo::vault {
class Database;
}

namespace techo::exports {

// One checkup day of the side-by-side table (a column).
struct SummaryCheckupDay {
    domain::Date date {};
    std::string facility; // the checkup facility's name ("" when the record names none)
};

// One item of the side-by-side table (a row): its values on the table's days, judged by core.
struct SummaryItemRow {
    const clinical::LogicalItem* item = nullptr; // static (ItemCatalog): nameJa, group, key
    std::string unit; // canonical unit (itemUnit); "" for coded and text items
    clinical::AppliedThresholds thresholds; // 保健指導判定値 / 受診勧奨判定値 for the person's sex
    std::vector<std::optional<clinical::TrendPoint>>
        values; // one per SummaryLatestCheckups::days; nullopt = not measured
};

// The latest checkups side by side: up to SummarySections::maxCheckups checkup days, oldest left, and every item
// measured on any of them, in the official order (clinical::logicalItems()).
struct SummaryLatestCheckups {
    std::vector<SummaryCheckupDay> days; // oldest first
    std::vector<SummaryItemRow> rows;
};

// One trend chart: the series drawn together on one date axis (血圧: SBP + DBP; 脂質: LDL, HDL, TG …), each with
// its judgement bands (TrendSeries::thresholds). Series without points are left out; a chart without any is not
// in the summary.
struct SummaryTrend {
    std::string key; // "blood_pressure", "glucose", "lipids", "body", "kidney"
    std::string titleJa; // "血圧", "血糖", "脂質", "体重・BMI", "腎機能（eGFR）"
    std::vector<clinical::TrendSeries> series;
};

// Where one supply of a current medicine came from (clinical::MedicineSupply's institutions by name).
struct SummarySupplyNames {
    std::string pharmacy;
    std::string prescriber; // "" when unknown
};

// A current medicine with the names of where each of its supplies came from.
struct SummaryMedicine {
    clinical::CurrentMedicine medicine;
    std::vector<SummarySupplyNames> supplies; // one per medicine.supplies, in its order
};

// One drug line of a dispensing in the last six months.
struct SummaryDispensingLine {
    domain::Date dispensedOn {};
    domain::MedicationLine line; // drug name, 用量 (quantity, unit), 用法 (usageText), 調剤数量 (days)
    std::string pharmacy; // the dispensing institution (a pharmacy, or the clinic for 院内処方)
    std::string prescriber; // "" when unknown
};

// A 重複投薬 finding with the institutions' names.
struct SummaryDuplicate {
    clinical::DuplicateFinding finding;
    std::string firstInstitution;
    std::string secondInstitution;
};

// A vaccination of the history.
struct SummaryVaccination {
    domain::Vaccination vaccination;
    std::string facility; // "" when unknown
};

// Where the summary's records came from (the footer): one entry per import run that wrote a record shown, plus
// one for self-recorded records (source "manual", no run).
struct SummarySource {
    std::string source; // the run's source ("mynaportal", "file") or "manual" for self-recorded records
    std::string origin; // the API base URL or the file name; "" for self-recorded
    std::optional<domain::Timestamp> fetchedAt; // when the run finished (else started); nullopt for self-recorded
    std::int64_t records = 0; // records of this summary it wrote (checkups, dispensings, vaccinations)
};

// Everything the PDF summary for a doctor (医師提出用サマリー) shows, built by core from one consistent read of the
// vault for ONE person (buildDoctorSummary); the ui lays it out (ui/DoctorSummaryPdf.h) and adds no data of its own.
// Dates are calendar days in Japan. Judgements, series, current medicines and duplicates are core/clinical's.
struct DoctorSummary {
    // The person.
    std::string name; // Profile::shownName()
    std::optional<std::string> kana;
    std::optional<domain::Date> birthDate;
    std::optional<int> age; // full years on madeOn; nullopt without a birth date
    std::optional<domain::Sex> sex;

    domain::Date madeOn {}; // request.now, in Japan
    // The period the summary covers: the request's from/to; an open end is the first/last record shown (nullopt
    // when nothing is shown and the end is open).
    std::optional<domain::Date> periodFrom;
    std::optional<domain::Date> periodTo;
    // The day "current" and "the last six months" are counted to: periodTo when the request has `to` before
    // madeOn, else madeOn.
    domain::Date referenceDay {};
    domain::Date dispensingsFrom {}; // referenceDay six calendar months earlier (first day of the window)

    // The sections shown: chosen in the request (SummarySections) and their record kind selected.
    SummarySections sections;

    SummaryLatestCheckups latestCheckups;
    std::vector<SummaryTrend> trends; // in a fixed order: blood pressure, glucose, lipids, body, kidney
    std::vector<SummaryMedicine> currentMedicines; // on referenceDay (clinical::currentMedicines)
    std::vector<SummaryDispensingLine> recentDispensings; // [dispensingsFrom, referenceDay], newest first
    std::vector<SummaryDuplicate> duplicates; // findings whose overlap touches the six-month window
    std::vector<SummaryVaccination> vaccinations; // newest first, without entered-in-error ones

    std::vector<SummarySource> sources; // oldest first; self-recorded last

    // A compact machine-readable copy of the key values for the QR code on the last page (buildSummaryCode for the
    // person, referenceDay, the request's `from` and `sections`, read in the same snapshot); empty when
    // sections.qrCode is off.
    std::string qrPayload;
};

// Builds the summary of one person from one read snapshot of the vault (ExportSource). The person is
// request.selection.profileId, or the vault's only profile. Records are those of the selection's period and
// categories (a section whose category is not selected is not shown); current medicines and duplicates are computed
// from every dispensing up to referenceDay, so a course begun before the period still counts. request.progress hears
// of the records read, and request.cancel stops the read (Cancelled, key "export.cancelled").
// Errors: Usage "export.summary_needs_profile" (several profiles and no profileId), Usage "export.summary_no_profile"
// (an empty vault), Usage "export.bad_checkup_count" (maxCheckups outside 1..5), Usage "export.summary_empty" (no
// section shown has a record: nothing for a doctor to read), NotFound (the profile), database errors.
[[nodiscard]] Result<DoctorSummary> buildDoctorSummary(vault::Database& db, const ExportRequest& request);

// The records of a summary by kind, for the export's audit event and report: "checkup_days", "checkup_items",
// "trend_charts", "current_medicines", "dispensing_lines", "duplicates", "vaccinations".
[[nodiscard]] std::map<std::string, std::int64_t> summaryCounts(const DoctorSummary& summary);

} // namespace techo::exports
