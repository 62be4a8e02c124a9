#include "core/clinical/Judgement.h"

#include <algorithm>
#include <set>
#include <vector>

namespace techo::clinical {
namespace {

Band bandAt(const JudgementRule& rule, double value, bool male)
{
    if (rule.referral && meets(*rule.referral, value, male))
        return Band::Referral;
    if (rule.guidance && meets(*rule.guidance, value, male))
        return Band::Guidance;
    return Band::Normal;
}

bool inBound(double v, double bound, domain::Comparator comparator)
{
    switch (comparator) {
    case domain::Comparator::Less:
        return v < bound;
    case domain::Comparator::LessOrEqual:
        return v <= bound;
    case domain::Comparator::GreaterOrEqual:
        return v >= bound;
    case domain::Comparator::Greater:
        return v > bound;
    }
    return false;
}

// The bands a value can be in for one sex. The band is a step function whose steps sit at the thresholds,
// so probing every breakpoint (the thresholds and the bound), a point between each pair of neighbours and one
// point beyond each end sees every band the set of possible values reaches.
std::set<Band> possibleBands(
    const JudgementRule& rule, double value, std::optional<domain::Comparator> comparator, bool male)
{
    if (!comparator)
        return {bandAt(rule, value, male)};
    std::vector<double> breaks {value};
    if (rule.guidance)
        breaks.push_back(male ? rule.guidance->male : rule.guidance->female);
    if (rule.referral)
        breaks.push_back(male ? rule.referral->male : rule.referral->female);
    std::sort(breaks.begin(), breaks.end());
    std::vector<double> probes {breaks.front() - 1, breaks.back() + 1};
    for (std::size_t i = 0; i < breaks.size(); ++i) {
        probes.push_back(breaks[i]);
        if (i + 1 < breaks.size())
            probes.push_back((breaks[i] + breaks[i + 1]) / 2);
    }
    std::set<Band> bands;
    for (const double probe : probes)
        if (inBound(probe, value, *comparator))
            bands.insert(bandAt(rule, probe, male));
    return bands;
}

Judgement notJudged(NotJudged reason, RuleSource source)
{
    Judgement j;
    j.notJudged = reason;
    j.source = source;
    return j;
}

std::optional<AppliedThreshold> applied(const std::optional<Threshold>& t, bool male)
{
    if (!t)
        return std::nullopt;
    return AppliedThreshold {t->direction, male ? t->male : t->female};
}

bool sexSpecific(const JudgementRule& rule)
{
    auto differs = [](const std::optional<Threshold>& t) { return t && t->male != t->female; };
    return differs(rule.guidance) || differs(rule.referral);
}

} // namespace

bool meets(const Threshold& threshold, double value, bool male) noexcept
{
    const double limit = male ? threshold.male : threshold.female;
    switch (threshold.direction) {
    case Direction::AtLeast:
        return value >= limit;
    case Direction::Above:
        return value > limit;
    case Direction::AtMost:
        return value <= limit;
    case Direction::Below:
        return value < limit;
    }
    return false;
}

Judgement judgeQuantity(const JudgementRule& rule, double value, std::optional<domain::Comparator> comparator,
    std::optional<domain::Sex> sex)
{
    if (!rule.guidance && !rule.referral)
        return notJudged(NotJudged::NoRule, rule.source);
    const bool male = sex == domain::Sex::Male;
    // Without a male or female sex, a sex-specific item gets a band only when both sexes' rules agree on it.
    const bool bothSexes = sex != domain::Sex::Male && sex != domain::Sex::Female && sexSpecific(rule);
    std::set<Band> bands = possibleBands(rule, value, comparator, male);
    if (bothSexes && bands != possibleBands(rule, value, comparator, !male))
        return notJudged(NotJudged::SexNeeded, rule.source);
    Judgement j;
    j.source = rule.source;
    if (bands.size() == 1)
        j.band = *bands.begin();
    else
        j.notJudged = NotJudged::BoundSpansBands;
    const AppliedThresholds thresholds = appliedThresholds(rule, sex);
    j.guidance = thresholds.guidance;
    j.referral = thresholds.referral;
    return j;
}

AppliedThresholds appliedThresholds(const JudgementRule& rule, std::optional<domain::Sex> sex)
{
    const bool known = sex == domain::Sex::Male || sex == domain::Sex::Female;
    if (!known && sexSpecific(rule))
        return {};
    const bool male = sex == domain::Sex::Male;
    return {applied(rule.guidance, male), applied(rule.referral, male), rule.source};
}

Judgement judgeCode(const JudgementRule& rule, std::string_view code, std::optional<std::string_view> codeSystem)
{
    if (!rule.urineQualitative)
        return notJudged(NotJudged::NoRule, rule.source);
    if (code.empty())
        return notJudged(NotJudged::NoValue, rule.source);
    if (codeSystem && !codeSystem->empty()) {
        std::string_view system = *codeSystem;
        if (system.starts_with("urn:oid:"))
            system.remove_prefix(8);
        if (std::find(kUrineQualitativeOids.begin(), kUrineQualitativeOids.end(), system)
            == kUrineQualitativeOids.end())
            return notJudged(NotJudged::UnknownCode, rule.source);
    }
    Judgement j;
    j.source = rule.source;
    if (code == "1")
        j.band = Band::Normal; // (−)
    else if (code == "2")
        j.band = Band::Guidance; // (±)
    else if (code == "3" || code == "4" || code == "5")
        j.band = Band::Referral; // (+), (++), (+++)
    else
        return notJudged(NotJudged::UnknownCode, rule.source);
    return j;
}

std::string_view ruleCitation(RuleSource source) noexcept
{
    switch (source) {
    case RuleSource::None:
        return "";
    case RuleSource::Besshi5:
        return "厚生労働省「標準的な健診・保健指導プログラム（令和6年度版）」第2編 別紙5"
               "「健診検査項目の保健指導判定値及び受診勧奨判定値」";
    case RuleSource::Stratification:
        return "厚生労働省「標準的な健診・保健指導プログラム（令和6年度版）」第2編 第3章"
               "「具体的な階層化の方法」ステップ1（内臓脂肪蓄積のリスク判定）";
    }
    return "";
}

} // namespace techo::clinical
