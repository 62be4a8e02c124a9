#pragma once

#include "core/domain/Dispensing.h"
#include "core/domain/EnumNames.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace techo::clinical {

// How a medicine is taken, as far as the record tells.
enum class Route { Oral, Injection, Topical, Unknown };

// How a line's 調剤数量 (MedicationLine::days) is to be read.
enum class SupplyKind {
    Daily, // 内服 and the like: days = 日分
    AsNeeded, // 屯服 (頓服): days = 回分, a count of doses, not days
    Topical, // 外用: the quantity is the whole amount (調剤数量 1); no days at all
};

// Techo's rules for the periods the records do not state. Defaults are documented in docs/clinical.md.
struct MedicationRules {
    // 屯服 and 外用 (and any line without days): counted as at hand for this many days from the dispensing,
    // the usual interval between monthly visits. An estimate, flagged as such.
    int asNeededDays = 30;
    // A refill dispensed at most this many days after the last covered day continues the same course.
    int refillGapDays = 7;
};

// The days a line's medicine is counted as at hand: [from, until], both inclusive.
struct SupplyPeriod {
    domain::Date from {};
    domain::Date until {};
    bool estimated = false; // from MedicationRules::asNeededDays, not from the record's days

    bool operator==(const SupplyPeriod&) const = default;
};

// `days` calendar days after `date` (negative: before).
[[nodiscard]] domain::Date addDays(domain::Date date, int days);

// The route of a line: from the YJ code's 投与経路及び成分 part (characters 5–7: 内服 001–399, 注射 400–699,
// 外用 700–999), else its 剤形 (dosageForm), else its 診療識別 (21/22 内服・屯服, 23 外用), else Unknown.
[[nodiscard]] Route routeOf(const domain::MedicationLine& line);

// The kind of a line: from MedicationLine::dosageForm (JAHIS 剤形 code 1 内服 2 内滴 3 屯服 4 注射 5 外用 …
// or the same words), else from claimsCategory (レセプト 診療識別 21 内服, 22 屯服, 23 外用), else Daily when
// the line has days > 0, else AsNeeded.
[[nodiscard]] SupplyKind supplyKindOf(const domain::MedicationLine& line);

// Daily: [dispensedOn, dispensedOn + days − 1] (28 日分 dispensed on 1 April lasts to 28 April).
// AsNeeded, Topical, or days missing/0: [dispensedOn, dispensedOn + rules.asNeededDays − 1], estimated.
// The meaning of 調剤数量 (日分 for 内服, 回分 for 屯服, 1 調剤 for 外用) is the JAHIS
// 電子版お薬手帳データフォーマット's (shared/research/mynaportal.md b3); the 30-day estimate is Techo's own rule
// (docs/clinical.md).
[[nodiscard]] SupplyPeriod supplyPeriod(
    const domain::Dispensing& dispensing, const domain::MedicationLine& line, const MedicationRules& rules);

// Whether a dispensing counts as medicine handed out: not a claims row superseded by the 電子処方箋 row of
// the same visit (that row is counted instead, so the visit counts once), and not an eRx 処方情報 (what was
// prescribed; what was dispensed arrives as 調剤情報 or a claims row).
[[nodiscard]] bool countsAsDispensed(const domain::Dispensing& dispensing) noexcept;

// The YJ code's ingredient part: its first 7 characters (薬効分類 4 + 投与経路及び成分 3), which every brand,
// generic, strength and form of one ingredient given by one route share (2171022F1029 ノルバスク錠2.5mg and
// 2171022F2025 ノルバスク錠5mg → 2171022). Source: the 薬価基準収載医薬品コード structure (MHLW; the YJ code
// = 個別医薬品コード follows it): 1–4 薬効分類番号, 5–7 投与経路及び成分, 8 剤形, 9 規格, 10–11 銘柄, 12 check digit.
// "" when the code is not a 12-character YJ code.
[[nodiscard]] std::string yjIngredientPart(const domain::MedicationLine& line);

// An ingredient name for comparison: spaces (ASCII and U+3000) removed. "" when the line has none.
[[nodiscard]] std::string normalizedIngredient(std::string_view name);

// A counted line with its dispensing and period.
struct SupplyLine {
    const domain::Dispensing* dispensing = nullptr;
    const domain::MedicationLine* line = nullptr;
    SupplyPeriod period;
};

// Lines of one ingredient.
struct IngredientGroup {
    // stable: "yj:2171022", else "ingredient:<route>:<name>", "code:<system>:<code>", "name:<drug name>"
    std::string key;
    std::string ingredient; // for people: the newest line's ingredient name, else its drug name
    std::vector<SupplyLine> lines; // oldest first
};

// The counted lines (countsAsDispensed) grouped by ingredient. Two lines are one ingredient when they share
// the YJ ingredient part, the normalized ingredient name (IngreN) with the same route (routeOf), the drug
// code, or the drug name — directly or through other lines (a claims line with only a receipt code and IngreN
// joins the YJ-coded lines with the same IngreN and route). Groups come ordered by key.
[[nodiscard]] std::vector<IngredientGroup> groupByIngredient(
    std::span<const domain::Dispensing> dispensings, const MedicationRules& rules);

} // namespace techo::clinical

namespace techo::domain {

template <> struct EnumNames<clinical::Route> {
    static constexpr std::array<std::pair<clinical::Route, std::string_view>, 4> kValues = {{
        {clinical::Route::Oral, "oral"},
        {clinical::Route::Injection, "injection"},
        {clinical::Route::Topical, "topical"},
        {clinical::Route::Unknown, "unknown"},
    }};
};

} // namespace techo::domain
