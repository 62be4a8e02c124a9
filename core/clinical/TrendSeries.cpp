#include "core/clinical/TrendSeries.h"

#include <algorithm>
#include <functional>
#include <map>

namespace techo::clinical {
namespace {

// One observation of the item, with the checkup it belongs to.
struct Candidate {
    const domain::Checkup* checkup = nullptr;
    const domain::Observation* observation = nullptr;
    ItemVariant variant;
};

bool unitUsable(const ItemVariant& v, const LogicalItem& item, const domain::Observation& o)
{
    if (!o.unit || *o.unit == itemUnit(item))
        return true;
    return v.checkupItem != nullptr && isAcceptedUnit(*v.checkupItem, *o.unit);
}

// True when the candidate can carry a point; otherwise records why not.
bool usable(const Candidate& c, const LogicalItem& item, std::vector<ExcludedObservation>& excluded)
{
    const domain::Observation& o = *c.observation;
    auto exclude = [&](ExcludedObservation::Reason reason) {
        excluded.push_back({o.id, c.checkup->performedOn, reason});
        return false;
    };
    switch (o.valueType) {
    case domain::ValueType::PQ:
        if (!o.valueNum)
            return exclude(ExcludedObservation::Reason::NoValue);
        if (!unitUsable(c.variant, item, o))
            return exclude(ExcludedObservation::Reason::UnitMismatch);
        return true;
    case domain::ValueType::CD:
    case domain::ValueType::CO:
        return o.valueCode ? true : exclude(ExcludedObservation::Reason::NoValue);
    case domain::ValueType::ST:
        return o.valueText ? true : exclude(ExcludedObservation::Reason::NoValue);
    }
    return false;
}

TrendPoint pointFrom(const Candidate& c, const JudgementRule& rule, std::optional<domain::Sex> sex)
{
    const domain::Observation& o = *c.observation;
    TrendPoint p;
    p.date = c.checkup->performedOn;
    p.checkupId = c.checkup->id;
    p.facilityId = c.checkup->facilityId;
    p.observationIds = {o.id};
    p.itemCode = o.itemCode;
    p.valueType = o.valueType;
    switch (o.valueType) {
    case domain::ValueType::PQ:
        p.value = o.valueNum;
        p.comparator = o.comparator;
        if (c.variant.role == VariantRole::JdsHbA1c) {
            p.valueAsSent = o.valueNum;
            p.value = convertJdsToNgsp(*o.valueNum);
            p.origin = PointOrigin::ConvertedFromJds;
        }
        p.judgement = judgeQuantity(rule, *p.value, p.comparator, sex);
        break;
    case domain::ValueType::CD:
    case domain::ValueType::CO: {
        p.code = o.valueCode;
        if (o.valueLabel)
            p.label = o.valueLabel;
        else if (c.variant.item->key == "urine_glucose" || c.variant.item->key == "urine_protein")
            p.label = std::string(urineQualitativeLabel(*o.valueCode));
        std::optional<std::string_view> system;
        if (o.valueCodeSystem)
            system = *o.valueCodeSystem;
        p.judgement = judgeCode(rule, *o.valueCode, system);
        break;
    }
    case domain::ValueType::ST:
        p.text = o.valueText;
        p.judgement.notJudged = NotJudged::NoRule;
        break;
    }
    return p;
}

// 血圧: the mean of the 1st and 2nd readings when both are exact numbers, else one reading.
std::optional<TrendPoint> mergeReadings(
    std::vector<Candidate>& day, const JudgementRule& rule, std::optional<domain::Sex> sex)
{
    auto find = [&](VariantRole role) -> const Candidate* {
        for (const Candidate& c : day)
            if (c.variant.role == role)
                return &c;
        return nullptr;
    };
    const Candidate* first = find(VariantRole::FirstReading);
    const Candidate* second = find(VariantRole::SecondReading);
    if (first != nullptr && second != nullptr && !first->observation->comparator && !second->observation->comparator) {
        TrendPoint p = pointFrom(*first, rule, sex);
        p.value = (*first->observation->valueNum + *second->observation->valueNum) / 2;
        p.observationIds.push_back(second->observation->id);
        p.origin = PointOrigin::MeanOfReadings;
        p.judgement = judgeQuantity(rule, *p.value, std::nullopt, sex);
        return p;
    }
    for (const VariantRole role : {VariantRole::OtherReading, VariantRole::FirstReading, VariantRole::SecondReading})
        if (const Candidate* c = find(role))
            return pointFrom(*c, rule, sex);
    return std::nullopt;
}

// The checkup of the day to use: 特定健診 first, then the lowest id.
bool checkupBefore(const domain::Checkup* a, const domain::Checkup* b)
{
    const bool aSpecific = a->kind == domain::checkup_kind::kSpecificHealthCheckup;
    const bool bSpecific = b->kind == domain::checkup_kind::kSpecificHealthCheckup;
    if (aSpecific != bSpecific)
        return aSpecific;
    if (a->id != b->id)
        return a->id < b->id;
    return std::less<const domain::Checkup*> {}(a, b); // unsaved checkups (id 0) stay apart
}

// The series of one item from its candidates (in any order), excluded ones already set aside.
TrendSeries assemble(const LogicalItem& item, const std::vector<Candidate>& candidates, std::optional<domain::Sex> sex,
    std::vector<ExcludedObservation> excluded)
{
    TrendSeries series;
    series.item = &item;
    series.excluded = std::move(excluded);
    const JudgementRule rule = ruleFor(item);
    series.thresholds = appliedThresholds(rule, sex);
    using ByCheckup = std::map<const domain::Checkup*, std::vector<Candidate>, decltype(&checkupBefore)>;
    std::map<domain::Date, ByCheckup> days;
    for (const Candidate& c : candidates) {
        auto it = days.try_emplace(c.checkup->performedOn, &checkupBefore).first;
        it->second[c.checkup].push_back(c);
    }
    for (auto& [date, byCheckup] : days) {
        std::vector<Candidate>& day = byCheckup.begin()->second;
        std::stable_sort(day.begin(), day.end(),
            [](const Candidate& a, const Candidate& b) { return a.variant.preference < b.variant.preference; });
        std::optional<TrendPoint> point;
        if (item.merge == DayMerge::MeanOfReadings)
            point = mergeReadings(day, rule, sex);
        else
            point = pointFrom(day.front(), rule, sex);
        if (point)
            series.points.push_back(std::move(*point));
    }
    return series;
}

std::size_t indexOf(const LogicalItem* item)
{
    return static_cast<std::size_t>(item - logicalItems().data());
}

} // namespace

TrendSeries buildSeries(
    std::span<const domain::Checkup> checkups, const LogicalItem& item, std::optional<domain::Sex> sex)
{
    std::vector<Candidate> candidates;
    std::vector<ExcludedObservation> excluded;
    for (const domain::Checkup& checkup : checkups) {
        for (const domain::Observation& o : checkup.observations) {
            const auto variant = variantOf(o.itemCode);
            if (!variant || variant->item != &item)
                continue;
            Candidate c {&checkup, &o, *variant};
            if (usable(c, item, excluded))
                candidates.push_back(c);
        }
    }
    return assemble(item, candidates, sex, std::move(excluded));
}

std::vector<TrendSeries> buildAllSeries(std::span<const domain::Checkup> checkups, std::optional<domain::Sex> sex)
{
    // One pass over the observations, bucketed by item: a lifetime of checkups is read once, not once per item.
    const std::size_t n = logicalItems().size();
    std::vector<std::vector<Candidate>> candidates(n);
    std::vector<std::vector<ExcludedObservation>> excluded(n);
    std::vector<bool> present(n, false);
    for (const domain::Checkup& checkup : checkups) {
        for (const domain::Observation& o : checkup.observations) {
            const auto variant = variantOf(o.itemCode);
            if (!variant)
                continue;
            const std::size_t i = indexOf(variant->item);
            present[i] = true;
            Candidate c {&checkup, &o, *variant};
            if (usable(c, *variant->item, excluded[i]))
                candidates[i].push_back(c);
        }
    }
    std::vector<TrendSeries> all;
    for (std::size_t i = 0; i < n; ++i) {
        if (!present[i])
            continue;
        TrendSeries s = assemble(logicalItems()[i], candidates[i], sex, std::move(excluded[i]));
        if (!s.points.empty())
            all.push_back(std::move(s));
    }
    return all;
}

std::optional<CheckupSummary> summarizeLatestCheckup(
    std::span<const domain::Checkup> checkups, std::optional<domain::Sex> sex)
{
    if (checkups.empty())
        return std::nullopt;
    CheckupSummary summary;
    summary.date = std::max_element(checkups.begin(), checkups.end(), [](const auto& a, const auto& b) {
        return a.performedOn < b.performedOn;
    })->performedOn;
    for (const domain::Checkup& c : checkups)
        if (c.performedOn < summary.date && (!summary.previousDate || *summary.previousDate < c.performedOn))
            summary.previousDate = c.performedOn;

    for (TrendSeries& s : buildAllSeries(checkups, sex)) {
        auto latest = std::find_if(
            s.points.begin(), s.points.end(), [&](const TrendPoint& p) { return p.date == summary.date; });
        if (latest == s.points.end())
            continue;
        ItemChange change;
        change.item = s.item;
        change.latest = *latest;
        if (summary.previousDate) {
            const auto previous = std::find_if(
                s.points.begin(), s.points.end(), [&](const TrendPoint& p) { return p.date == *summary.previousDate; });
            if (previous != s.points.end()) {
                change.previous = *previous;
                if (latest->value && previous->value && !latest->comparator && !previous->comparator)
                    change.delta = *latest->value - *previous->value;
            }
        }
        summary.items.push_back(std::move(change));
    }
    return summary;
}

} // namespace techo::clinical
