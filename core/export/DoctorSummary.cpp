#include "core/export/DoctorSummary.h"

#include "core/clinical/ItemCatalog.h"
#include "core/clinical/MedicationSupply.h"
#include "core/export/ExportSource.h"
#include "core/export/SummaryCode.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

namespace techo::exports {
namespace {

using domain::Date;

// Full years from `birth` to `on`: one more on each birthday (a person born on 29 February is a year older on
// 1 March in other years). This is the age a clinic writes; the legal rule (年齢計算ニ関スル法律) ages a person at
// the end of the day before, which only matters for deadlines, not for a summary.
int ageOn(Date birth, Date on)
{
    int years = int(on.year()) - int(birth.year());
    if (std::pair(unsigned(on.month()), unsigned(on.day())) < std::pair(unsigned(birth.month()), unsigned(birth.day())))
        --years;
    return years;
}

// `day` `months` calendar months earlier; a day the month does not have becomes the month's last day
// (31 August − 6 months = 28/29 February).
Date monthsBefore(Date day, int months)
{
    const std::chrono::year_month ym = std::chrono::year_month(day.year(), day.month()) - std::chrono::months(months);
    const Date candidate {ym.year(), ym.month(), day.day()};
    if (candidate.ok())
        return candidate;
    return Date {std::chrono::year_month_day_last(ym.year(), std::chrono::month_day_last(ym.month()))};
}

bool inPeriod(Date day, const ExportSelection& selection)
{
    return (!selection.from || *selection.from <= day) && (!selection.to || day <= *selection.to);
}

// The charts of the summary: the key items a doctor reads the course of, each with the items read beside it.
struct TrendChart {
    std::string_view key;
    std::string_view titleJa;
    std::vector<std::string_view> items;
};

const std::vector<TrendChart>& trendCharts()
{
    static const std::vector<TrendChart> charts = {
        {"blood_pressure", "血圧", {"sbp", "dbp"}},
        // HbA1c, or fasting glucose for a person without HbA1c values (chosen below).
        {"glucose", "血糖", {"hba1c"}},
        {"lipids", "脂質", {"ldl", "hdl", "tg_fasting", "tg_casual"}},
        {"body", "体重・BMI", {"weight", "bmi"}},
        {"kidney", "腎機能（eGFR）", {"egfr"}},
    };
    return charts;
}

// The checkup whose values buildSeries uses for a day: the 特定健診 one, else the lowest id (TrendSeries.h).
const domain::Checkup* checkupOfDay(const std::vector<domain::Checkup>& checkups, Date day)
{
    const domain::Checkup* best = nullptr;
    for (const domain::Checkup& c : checkups) {
        if (c.performedOn != day)
            continue;
        const bool specific = c.kind == domain::checkup_kind::kSpecificHealthCheckup;
        const bool bestSpecific = best && best->kind == domain::checkup_kind::kSpecificHealthCheckup;
        if (!best || (specific && !bestSpecific) || (specific == bestSpecific && c.id < best->id))
            best = &c;
    }
    return best;
}

} // namespace

Result<DoctorSummary> buildDoctorSummary(vault::Database& db, const ExportRequest& request)
{
    const SummarySections& chosen = request.summary;
    if (chosen.maxCheckups < 1 || chosen.maxCheckups > 5)
        return makeError(ErrorCode::Usage, "the number of checkups side by side must be 1 to 5")
            .withKey("export.bad_checkup_count")
            .with("count", std::to_string(chosen.maxCheckups));
    const ExportSelection& selection = request.selection;
    const domain::Timestamp now = request.now == domain::Timestamp {} ? domain::nowUtc() : request.now;

    DoctorSummary summary;
    summary.madeOn = Date {std::chrono::floor<std::chrono::days>(now + std::chrono::hours(9))};
    summary.referenceDay = selection.to && *selection.to < summary.madeOn ? *selection.to : summary.madeOn;
    summary.dispensingsFrom = monthsBefore(summary.referenceDay, 6);
    summary.sections = chosen;
    summary.sections.latestCheckups = chosen.latestCheckups && selection.categories.checkups;
    summary.sections.trends = chosen.trends && selection.categories.checkups;
    summary.sections.medicines = chosen.medicines && selection.categories.medications;
    summary.sections.vaccinations = chosen.vaccinations && selection.categories.vaccinations;

    // One read of every record of the person up to the reference day (current medicines need the courses begun
    // before the period); the period is applied below, section by section.
    ExportSelection read;
    read.profileId = selection.profileId;
    read.to = selection.to;
    read.categories = ExportCategories {summary.sections.latestCheckups || summary.sections.trends,
        summary.sections.vaccinations, summary.sections.medicines, false};
    TECHO_ASSIGN(std::unique_ptr<ExportSource> source, ExportSource::open(db, read));
    TECHO_TRY(source->watch(request.progress, request.cancel)); // progress and cancel while the records are read
    if (source->profiles().empty())
        return makeError(ErrorCode::Usage, "the vault holds no person to summarise")
            .withKey("export.summary_no_profile");
    if (source->profiles().size() > 1)
        return makeError(ErrorCode::Usage, "a summary is for one person: choose the profile")
            .withKey("export.summary_needs_profile")
            .with("profiles", std::to_string(source->profiles().size()));
    const domain::Profile person = source->profiles().front();
    summary.name = person.shownName();
    summary.kana = person.kanaName;
    summary.birthDate = person.birthDate;
    if (person.birthDate && *person.birthDate <= summary.madeOn)
        summary.age = ageOn(*person.birthDate, summary.madeOn);
    summary.sex = person.sex;

    std::vector<domain::Checkup> checkups;
    TECHO_TRY(source->forEachCheckup([&](const domain::Profile&, const domain::Checkup& c) -> Status {
        if (inPeriod(c.performedOn, selection))
            checkups.push_back(c);
        return {};
    }));
    std::vector<domain::Dispensing> dispensings;
    TECHO_TRY(source->forEachDispensing([&](const domain::Profile&, const domain::Dispensing& d) -> Status {
        if (d.dispensedOn <= summary.referenceDay)
            dispensings.push_back(d);
        return {};
    }));
    std::vector<domain::Vaccination> vaccinations;
    TECHO_TRY(source->forEachVaccination([&](const domain::Profile&, const domain::Vaccination& v) -> Status {
        if (inPeriod(v.occurredOn, selection) && v.status != domain::VaccinationStatus::EnteredInError)
            vaccinations.push_back(v);
        return {};
    }));

    auto nameOf = [&](std::optional<std::int64_t> id) -> Result<std::string> {
        if (!id)
            return std::string();
        auto provider = source->institution(*id);
        if (!provider.ok()) {
            if (provider.error().code == ErrorCode::NotFound)
                return std::string();
            return std::move(provider).error();
        }
        return provider.value().name;
    };

    // Which records the summary shows, for its sources footer.
    std::set<std::int64_t> shownCheckups;
    std::set<std::int64_t> shownDispensings;
    std::optional<Date> first;
    std::optional<Date> last;
    auto seen = [&](Date day) {
        first = first ? std::min(*first, day) : day;
        last = last ? std::max(*last, day) : day;
    };

    if (summary.sections.latestCheckups) {
        const std::vector<clinical::TrendSeries> all = clinical::buildAllSeries(checkups, person.sex);
        std::set<Date> days;
        for (const clinical::TrendSeries& s : all)
            for (const clinical::TrendPoint& p : s.points)
                days.insert(p.date);
        std::vector<Date> chosenDays(days.begin(), days.end());
        if (std::ssize(chosenDays) > chosen.maxCheckups)
            chosenDays.erase(chosenDays.begin(), chosenDays.end() - chosen.maxCheckups);
        for (const Date day : chosenDays) {
            const domain::Checkup* c = checkupOfDay(checkups, day);
            SummaryCheckupDay column {day, {}};
            if (c) {
                TECHO_ASSIGN(column.facility, nameOf(c->facilityId));
            }
            summary.latestCheckups.days.push_back(std::move(column));
            seen(day);
        }
        for (const clinical::TrendSeries& s : all) {
            SummaryItemRow row;
            row.item = s.item;
            row.unit = std::string(clinical::itemUnit(*s.item));
            row.thresholds = s.thresholds;
            row.values.resize(chosenDays.size());
            bool any = false;
            for (const clinical::TrendPoint& p : s.points) {
                const auto at = std::lower_bound(chosenDays.begin(), chosenDays.end(), p.date);
                if (at == chosenDays.end() || *at != p.date)
                    continue;
                row.values[std::size_t(at - chosenDays.begin())] = p;
                shownCheckups.insert(p.checkupId);
                any = true;
            }
            if (any)
                summary.latestCheckups.rows.push_back(std::move(row));
        }
    }

    if (summary.sections.trends) {
        for (const TrendChart& chart : trendCharts()) {
            SummaryTrend trend {std::string(chart.key), std::string(chart.titleJa), {}};
            std::vector<std::string_view> keys = chart.items;
            if (chart.key == "glucose") {
                const clinical::TrendSeries hba1c
                    = clinical::buildSeries(checkups, *clinical::findLogicalItem("hba1c"), person.sex);
                if (hba1c.points.empty())
                    keys = {"fpg"};
            }
            for (const std::string_view key : keys) {
                clinical::TrendSeries s = clinical::buildSeries(checkups, *clinical::findLogicalItem(key), person.sex);
                if (s.points.empty())
                    continue;
                for (const clinical::TrendPoint& p : s.points) {
                    shownCheckups.insert(p.checkupId);
                    seen(p.date);
                }
                trend.series.push_back(std::move(s));
            }
            if (!trend.series.empty())
                summary.trends.push_back(std::move(trend));
        }
    }

    if (summary.sections.medicines) {
        for (clinical::CurrentMedicine& m :
            clinical::currentMedicines(dispensings, summary.referenceDay, clinical::MedicationRules {})) {
            SummaryMedicine shown;
            for (const clinical::MedicineSupply& supply : m.supplies) {
                SummarySupplyNames names;
                TECHO_ASSIGN(names.pharmacy, nameOf(supply.pharmacyId));
                TECHO_ASSIGN(names.prescriber, nameOf(supply.prescriberId));
                shown.supplies.push_back(std::move(names));
            }
            shownDispensings.insert(m.dispensingIds.begin(), m.dispensingIds.end());
            shown.medicine = std::move(m);
            summary.currentMedicines.push_back(std::move(shown));
        }
        // Newest first; within a day, the dispensing and its lines in their stored order.
        for (auto it = dispensings.rbegin(); it != dispensings.rend(); ++it) {
            const domain::Dispensing& d = *it;
            if (d.dispensedOn < summary.dispensingsFrom || !inPeriod(d.dispensedOn, selection)
                || !clinical::countsAsDispensed(d))
                continue;
            TECHO_ASSIGN(const std::string pharmacy, nameOf(d.pharmacyId));
            TECHO_ASSIGN(const std::string prescriber, nameOf(d.prescriberId));
            for (const domain::MedicationLine& line : d.lines)
                summary.recentDispensings.push_back({d.dispensedOn, line, pharmacy, prescriber});
            shownDispensings.insert(d.id);
            seen(d.dispensedOn);
        }
        // Institutions compare by 医療機関等コード (identityByInstitutionCode), as in the app's duplicate check.
        std::map<std::int64_t, std::string> codes;
        for (const domain::Dispensing& d : dispensings)
            for (const std::optional<std::int64_t> id : {std::optional<std::int64_t>(d.pharmacyId), d.prescriberId})
                if (id && !codes.contains(*id)) {
                    auto provider = source->institution(*id);
                    if (!provider.ok() && provider.error().code != ErrorCode::NotFound)
                        return std::move(provider).error();
                    codes[*id] = provider.ok() ? provider.value().code : std::string();
                }
        const clinical::InstitutionIdentity identity = clinical::identityByInstitutionCode(std::move(codes));
        for (clinical::DuplicateFinding& f :
            clinical::findDuplicateMedications(dispensings, clinical::MedicationRules {}, identity)) {
            if (f.overlapUntil < summary.dispensingsFrom || summary.referenceDay < f.overlapFrom)
                continue;
            SummaryDuplicate shown;
            TECHO_ASSIGN(shown.firstInstitution, nameOf(f.first.institutionId));
            TECHO_ASSIGN(shown.secondInstitution, nameOf(f.second.institutionId));
            shownDispensings.insert(f.first.dispensingId);
            shownDispensings.insert(f.second.dispensingId);
            shown.finding = std::move(f);
            summary.duplicates.push_back(std::move(shown));
        }
    }

    if (summary.sections.vaccinations) {
        for (auto it = vaccinations.rbegin(); it != vaccinations.rend(); ++it) {
            SummaryVaccination shown;
            TECHO_ASSIGN(shown.facility, nameOf(it->facilityId));
            seen(it->occurredOn);
            shown.vaccination = std::move(*it);
            summary.vaccinations.push_back(std::move(shown));
        }
    }

    // A summary with nothing in it would print a header and an empty sources section a doctor cannot use: refuse
    // it before anything is laid out, saying why (no record of the chosen kinds in the period).
    if (summary.latestCheckups.days.empty() && summary.trends.empty() && summary.currentMedicines.empty()
        && summary.recentDispensings.empty() && summary.duplicates.empty() && summary.vaccinations.empty())
        return makeError(ErrorCode::Usage,
            "the summary would be empty: the person has no record of the chosen sections in the period")
            .withKey("export.summary_empty");

    summary.periodFrom = selection.from ? selection.from : first;
    summary.periodTo = selection.to ? selection.to : last;

    // Sources: the import runs that wrote what is shown, and the self-recorded records.
    std::map<std::int64_t, std::int64_t> perRun;
    std::int64_t manual = 0;
    auto count = [&](const domain::Provenance& p) {
        if (p.importRunId)
            ++perRun[*p.importRunId];
        else if (p.source == "manual")
            ++manual;
    };
    for (const domain::Checkup& c : checkups)
        if (shownCheckups.contains(c.id))
            count(c.provenance);
    for (const domain::Dispensing& d : dispensings)
        if (shownDispensings.contains(d.id))
            count(d.provenance);
    for (const SummaryVaccination& v : summary.vaccinations)
        count(v.vaccination.provenance);
    for (const domain::ImportRun& run : source->importRuns()) {
        const auto it = perRun.find(run.id);
        if (it == perRun.end())
            continue;
        summary.sources.push_back(
            {run.source, run.origin, run.finishedAt ? run.finishedAt : run.startedAt, it->second});
    }
    if (manual > 0)
        summary.sources.push_back({"manual", {}, std::nullopt, manual});

    // The QR code's payload, read while the source's transaction is still open: the code carries the values of the
    // same snapshot as the pages.
    if (summary.sections.qrCode) {
        SummaryCodeRequest code;
        code.profileId = person.id;
        code.asOf = summary.referenceDay;
        code.from = selection.from;
        code.sections = summary.sections;
        TECHO_ASSIGN(SummaryCode made, buildSummaryCode(db, code));
        summary.qrPayload = std::move(made.payload);
    }
    source->close();
    return summary;
}

std::map<std::string, std::int64_t> summaryCounts(const DoctorSummary& summary)
{
    return {
        {"checkup_days", std::ssize(summary.latestCheckups.days)},
        {"checkup_items", std::ssize(summary.latestCheckups.rows)},
        {"trend_charts", std::ssize(summary.trends)},
        {"current_medicines", std::ssize(summary.currentMedicines)},
        {"dispensing_lines", std::ssize(summary.recentDispensings)},
        {"duplicates", std::ssize(summary.duplicates)},
        {"vaccinations", std::ssize(summary.vaccinations)},
    };
}

} // namespace techo::exports
