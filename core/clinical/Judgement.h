#pragma once

#include "core/clinical/CheckupItems.h"
#include "core/domain/EnumNames.h"
#include "core/domain/Observation.h"
#include "core/domain/Profile.h"

#include <array>
#include <optional>
#include <string_view>

namespace techo::clinical {

// The three bands of the 特定健診 judgement, in the programme's own terms (never "異常/正常"):
// 基準範囲内 (below every judgement value), 保健指導判定値 (meets the guidance value), 受診勧奨判定値
// (meets the referral value). A referral value always implies the guidance band is passed too.
enum class Band { Normal, Guidance, Referral };

// Why a value carries no band. The app says which, so a missing judgement is never read as "normal".
enum class NotJudged {
    NoRule, // the programme gives no judgement value for this item (身長, 尿糖, 尿酸 …)
    NoValue, // a PQ without a number, a coded value without a code
    UnknownItem, // an item code this build does not know
    UnknownCode, // a coded value outside its code system (尿蛋白 codes are 1–5)
    SexNeeded, // the thresholds differ by sex and the person's sex is not male or female
    BoundSpansBands, // a comparator value ("<150") whose possible values fall in more than one band
};

// Where a judgement value comes from; the app's explanation panel cites it (see ruleCitation()).
enum class RuleSource {
    None,
    // MHLW「標準的な健診・保健指導プログラム（令和6年度版）」第2編 別紙5
    // 「健診検査項目の保健指導判定値及び受診勧奨判定値」 (p.125).
    Besshi5,
    // Same programme, 第2編 第3章 「具体的な階層化の方法」 ステップ1 (p.57): 腹囲, BMI, 内臓脂肪面積 are not in
    // 別紙5; they pick who is offered 特定保健指導 (内臓脂肪蓄積のリスク判定). Shown in the guidance band.
    Stratification,
};

// What an item is judged by: numeric thresholds (from core/clinical/CheckupItems, per sex) or the
// 尿蛋白 qualitative rule. Built by the item catalog (ruleFor in ItemCatalog.h).
struct JudgementRule {
    std::optional<Threshold> guidance; // 保健指導判定値
    std::optional<Threshold> referral; // 受診勧奨判定値
    RuleSource source = RuleSource::None;
    bool urineQualitative = false; // codes 1–5 of OID 1.2.392.200119.6.2101 (−, ±, +, ++, +++)
};

// A threshold as it applies to this person (sex resolved): "≥ 150", "< 40", "≤ 13.0".
struct AppliedThreshold {
    Direction direction = Direction::AtLeast;
    double value = 0;

    bool operator==(const AppliedThreshold&) const = default;
};

struct Judgement {
    std::optional<Band> band; // empty exactly when notJudged is set
    std::optional<NotJudged> notJudged;
    // The values the band was decided against, for the explanation panel and the chart's shading.
    // Empty for qualitative items and when the person's sex is needed but unknown.
    std::optional<AppliedThreshold> guidance;
    std::optional<AppliedThreshold> referral;
    RuleSource source = RuleSource::None;

    bool operator==(const Judgement&) const = default;
};

// An item's judgement values as they apply to one person: what the trend chart shades (one side only for
// one-sided items). Both empty for a sex-specific item when the sex is not male or female.
struct AppliedThresholds {
    std::optional<AppliedThreshold> guidance;
    std::optional<AppliedThreshold> referral;
    RuleSource source = RuleSource::None;

    bool operator==(const AppliedThresholds&) const = default;
};

// The OIDs of the 尿糖/尿蛋白 code system (1:−, 2:±, 3:+, 4:++, 5:+++): 6.2102 健診定性検査結果コード in the MHLW
// OID表 (as publicly transcribed), and 6.2101, which the sandbox and shared/research/mynaportal.md use.
inline constexpr std::array<std::string_view, 2> kUrineQualitativeOids = {
    "1.2.392.200119.6.2102",
    "1.2.392.200119.6.2101",
};

// True when `value` meets the threshold for the given sex (Direction as in CheckupItems.h:
// AtLeast ≥, Above >, AtMost ≤, Below <).
[[nodiscard]] bool meets(const Threshold& threshold, double value, bool male) noexcept;

// Judges a number in the item's canonical unit against the rule:
//   受診勧奨判定値 when the referral threshold is met, else 保健指導判定値 when the guidance threshold is met,
//   else 基準範囲内. One-sided items have one direction (TG ≥150 / ≥300); low-side items use Below/AtMost
//   (HDL < 40 with no referral value in 令和6年度版, eGFR < 60 / < 45, 血色素量 ≤ 13.0/12.0 (M/F)).
//   Sex-specific thresholds use `sex`; with another or no sex, the band is given only when both sexes'
//   thresholds agree on it (else NotJudged::SexNeeded).
//   A comparator makes the value a bound: "<5" means every value below 5. The band is given when every
//   possible value falls in one band (γ-GT "<5" → 基準範囲内; ALT ">=500" → 受診勧奨判定値), else
//   NotJudged::BoundSpansBands (LDL ">=130" could be 保健指導 or 受診勧奨).
//   Source of the values: the rule's RuleSource (別紙5 p.125, or 階層化 ステップ1 p.57).
[[nodiscard]] Judgement judgeQuantity(const JudgementRule& rule, double value,
    std::optional<domain::Comparator> comparator, std::optional<domain::Sex> sex);

// The rule's thresholds for `sex` (see AppliedThresholds).
[[nodiscard]] AppliedThresholds appliedThresholds(const JudgementRule& rule, std::optional<domain::Sex> sex);

// Judges a coded value. Only 尿蛋白 has a qualitative rule in 別紙5: (−) 基準範囲内, (±) 保健指導判定値,
// (+) or more 受診勧奨判定値. 尿糖 uses the same codes but has no row in 別紙5, so its rule is NoRule.
// `codeSystem` may be empty (taken as the item's own system) or one of kUrineQualitativeOids, with or without
// "urn:oid:"; another system or a code outside 1–5 is NotJudged::UnknownCode.
[[nodiscard]] Judgement judgeCode(
    const JudgementRule& rule, std::string_view code, std::optional<std::string_view> codeSystem);

// The Japanese citation of a rule source, for the explanation panel ("" for None).
[[nodiscard]] std::string_view ruleCitation(RuleSource source) noexcept;

} // namespace techo::clinical

namespace techo::domain {

template <> struct EnumNames<clinical::Band> {
    static constexpr std::array<std::pair<clinical::Band, std::string_view>, 3> kValues = {{
        {clinical::Band::Normal, "normal"},
        {clinical::Band::Guidance, "guidance"},
        {clinical::Band::Referral, "referral"},
    }};
};

template <> struct EnumNames<clinical::NotJudged> {
    static constexpr std::array<std::pair<clinical::NotJudged, std::string_view>, 6> kValues = {{
        {clinical::NotJudged::NoRule, "no_rule"},
        {clinical::NotJudged::NoValue, "no_value"},
        {clinical::NotJudged::UnknownItem, "unknown_item"},
        {clinical::NotJudged::UnknownCode, "unknown_code"},
        {clinical::NotJudged::SexNeeded, "sex_needed"},
        {clinical::NotJudged::BoundSpansBands, "bound_spans_bands"},
    }};
};

} // namespace techo::domain
