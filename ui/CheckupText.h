#pragma once

#include "core/clinical/ItemCatalog.h"
#include "core/clinical/Judgement.h"
#include "core/clinical/TrendSeries.h"

#include <QColor>
#include <QCoreApplication>
#include <QPalette>
#include <QString>

#include <string_view>

namespace techo::ui {

// How checkup values and judgements read in the views (the year-by-item table; meant to be shared by the
// dashboard and the trend chart so a value never reads differently between screens). Pure formatting over
// core's values: no vault access, no judgement of its own — the band always comes from core.
class CheckupText final {
    Q_DECLARE_TR_FUNCTIONS(CheckupText)
public:
    CheckupText() = delete;

    // UTF-8 from core (names, labels, citations) as a QString.
    [[nodiscard]] static QString fromUtf8(std::string_view text);
    // True when an item's English name says more than its Japanese one: not when it is the Japanese name in
    // half-width brackets ("AST (GOT)" for 「AST（GOT）」), so the English UI adds a gloss only where it helps.
    [[nodiscard]] static bool glossAddsSomething(std::string_view ja, std::string_view en);
    // An item's name as the views title it: the official Japanese name (what the paper result and the clinic
    // say) in both languages; the English UI adds " · " and the English gloss when it adds something
    // (「HbA1c（NGSP値） · HbA1c (NGSP)」). English UI = the UI locale is not Japanese, as for dates.
    [[nodiscard]] static QString itemName(const clinical::LogicalItem& item);
    // A group of items as the views head it: the official Japanese name (身体計測, 血圧 …, core's groupNameJa) in the
    // Japanese UI, its English name otherwise. One text for the dashboard, the table and its filter.
    [[nodiscard]] static QString groupName(clinical::ItemGroup group);
    // "<", "≤", "≥", ">".
    [[nodiscard]] static QString comparatorText(domain::Comparator comparator);
    // The shortest text that reads back as the same number ("5.6", not "5.59999"), with at least `decimals`
    // digits after the point ("6.0" for HbA1c), no group separator, in the UI's locale.
    [[nodiscard]] static QString numberText(double value, int decimals = 0);
    // How many decimals an item's values are usually reported with (the vault keeps a number, not the text as
    // sent): HbA1c, 血色素量, BMI, 身長 … one ("6.0", "13.0"), 血清クレアチニン two, counts and mg/dL items none.
    // The numberText of a value keeps any further digits the number has. Source: the result forms of the
    // 特定健診 (標準的な健診・保健指導プログラム 別紙) and what clinics print.
    [[nodiscard]] static int usualDecimals(const clinical::LogicalItem& item);
    // The decimals of the item a point's code belongs to (usualDecimals), 0 for a code this build does not know.
    [[nodiscard]] static int usualDecimals(std::string_view itemCode);
    // A point's value as the person reads it, without the unit: "5.8", "6.0", "<5" (a bound stays a bound), "±"
    // (尿糖・尿蛋白), a coded value's label, free text (whitespace simplified); "" when the point has nothing.
    // Numbers keep the precision of their item (usualDecimals of point.itemCode).
    [[nodiscard]] static QString valueText(const clinical::TrendPoint& point);
    // "≥5.6", "<40" for a threshold as applied to the person; with the item, in its precision ("≤13.0").
    [[nodiscard]] static QString thresholdText(
        const clinical::AppliedThreshold& threshold, const clinical::LogicalItem* item = nullptr);
    // A canonical unit (core's UCUM-like spelling: "10^4/uL", "kg/m2", "mL/min/1.73m2") as a person reads it:
    // "×10⁴/μL", "kg/m²", "mL/min/1.73m²". Core keeps the canonical spelling; only the text shown changes.
    [[nodiscard]] static QString unitText(std::string_view unit);
    // unitText of the item's canonical unit; "" for coded and text items.
    [[nodiscard]] static QString unitText(const clinical::LogicalItem& item);
    // The symbol of a band: ○ 基準範囲内, △ 保健指導判定値, ▲ 受診勧奨判定値.
    [[nodiscard]] static QString bandSymbol(clinical::Band band);
    // The programme's name of a band, translated ("保健指導判定値" / "Health guidance level").
    [[nodiscard]] static QString bandName(clinical::Band band);
    // The symbol shown for a value core could not judge (a bound spanning two bands, sex needed, an unknown
    // code): "?" — never the ○ of a normal value. Values of items without a judgement value get no symbol.
    [[nodiscard]] static QString notJudgedSymbol();
    // Why a value carries no band, in a sentence.
    [[nodiscard]] static QString notJudgedText(clinical::NotJudged reason);
};

// Colours of the bands that read on the given palette (dark text shades on a light base, light shades on a dark
// one) and a faint tint of the base for the cell background. Colour is only ever a second cue beside the symbol.
struct BandColours {
    QColor text[3];
    QColor background[3];
    QColor notJudged;

    // Bands indexed by int(clinical::Band).
    [[nodiscard]] static BandColours forPalette(const QPalette& palette);
};

} // namespace techo::ui
