#pragma once

#include "core/clinical/CheckupItems.h"
#include "core/clinical/Judgement.h"
#include "core/domain/EnumNames.h"

#include <optional>
#include <span>
#include <string_view>

namespace techo::clinical {

// The groups of the year-by-item table, in the order the 特定健診 result is read: the 基本的な健診の項目
// (身体計測, 血圧, 脂質, 肝機能, 血糖, 尿) and then the 詳細な健診の項目 and the rest. See docs/clinical.md.
enum class ItemGroup {
    Body, // 身体計測
    BloodPressure, // 血圧
    Lipids, // 脂質
    Liver, // 肝機能
    Glucose, // 血糖
    Urine, // 尿
    Kidney, // 腎機能
    Anemia, // 貧血
    Ecg, // 心電図
    Fundus, // 眼底
    Assessment, // 判定（メタボ判定・保健指導レベル・医師の判断）
    Questionnaire, // 問診（服薬・既往歴・喫煙 …）
};

// How one checkup day's observations of a logical item become one trend point.
enum class DayMerge {
    FirstVariant, // the first variant present, in catalog order (lab method variants; 腹囲 実測 before 自己申告)
    // 血圧: the mean of the 1st and 2nd readings when both are present. Source: 通知「特定健康診査及び特定保健指導の
    // 実施について」(健発第0310007号, 2008) 2(3)ア「原則2回とし、その2回の測定値の平均値を用いること」.
    MeanOfReadings,
};

// What role a code plays within its logical item.
enum class VariantRole {
    Method, // one of the item's measurement-method codes (JLAC10 測定法 part)
    FirstReading, // 血圧（1回目）
    SecondReading, // 血圧（2回目）
    OtherReading, // 血圧（その他）
    JdsHbA1c, // HbA1c (JDS値), reported before FY2013: converted to NGSP (see convertJdsToNgsp)
};

// One thing a person's trend is drawn for: HbA1c, whatever the method; 収縮期血圧, whichever reading.
// 空腹時 and 随時 中性脂肪/血糖 are separate logical items (their judgement values and meaning differ).
struct LogicalItem {
    std::string_view key; // as CheckupItem::logicalKey: "hba1c", "sbp", "tg_fasting" …
    std::string_view nameJa; // official short name
    std::string_view nameEn;
    ItemGroup group = ItemGroup::Body;
    domain::ValueType type = domain::ValueType::PQ;
    RuleSource ruleSource = RuleSource::None;
    DayMerge merge = DayMerge::FirstVariant;
};

// A code that belongs to a logical item.
struct ItemVariant {
    std::string_view code;
    const LogicalItem* item = nullptr;
    const CheckupItem* checkupItem = nullptr; // nullptr for codes outside CheckupItems (JDS HbA1c)
    VariantRole role = VariantRole::Method;
    int preference = 0; // lower first when a day has several variants (catalog order)
};

// Every logical item, in the official order (grouped by ItemGroup in enum order).
[[nodiscard]] std::span<const LogicalItem> logicalItems();
[[nodiscard]] const LogicalItem* findLogicalItem(std::string_view key);
// The logical item and role of an item code, or nullopt for a code this build does not know.
[[nodiscard]] std::optional<ItemVariant> variantOf(std::string_view code);
// Every code of a logical item, preferred first.
[[nodiscard]] std::span<const ItemVariant> variantsOf(const LogicalItem& item);
// The judgement rule of a logical item: thresholds of its (NGSP) variants from CheckupItems, which agree
// across variants; the 尿蛋白 qualitative rule; NoRule otherwise.
[[nodiscard]] JudgementRule ruleFor(const LogicalItem& item);
// The canonical unit every variant of the item is stored in (CheckupItem::unit, the one place units are
// defined); "" for coded and text items.
[[nodiscard]] std::string_view itemUnit(const LogicalItem& item);
// Japanese group heading ("身体計測" …).
[[nodiscard]] std::string_view groupNameJa(ItemGroup group) noexcept;

// HbA1c JDS値 → NGSP値 by the official formula NGSP(%) = 1.02 × JDS(%) + 0.25, rounded to 0.1 % (the
// precision HbA1c is reported and judged at). Source: 日本糖尿病学会「糖尿病の分類と診断基準に関する委員会報告
// （国際標準化対応版）」(2012), quoted in 標準的な健診・保健指導プログラム 第2編 第3章 (p.57 注);
// 特定健診 reports NGSP from FY2013 (平成25年度).
[[nodiscard]] double convertJdsToNgsp(double jds) noexcept;

// The label of a 尿糖/尿蛋白 code (1 "−", 2 "±", 3 "+", 4 "++", 5 "+++"), "" for another code.
[[nodiscard]] std::string_view urineQualitativeLabel(std::string_view code) noexcept;

} // namespace techo::clinical

namespace techo::domain {

template <> struct EnumNames<clinical::ItemGroup> {
    static constexpr std::array<std::pair<clinical::ItemGroup, std::string_view>, 12> kValues = {{
        {clinical::ItemGroup::Body, "body"},
        {clinical::ItemGroup::BloodPressure, "blood_pressure"},
        {clinical::ItemGroup::Lipids, "lipids"},
        {clinical::ItemGroup::Liver, "liver"},
        {clinical::ItemGroup::Glucose, "glucose"},
        {clinical::ItemGroup::Urine, "urine"},
        {clinical::ItemGroup::Kidney, "kidney"},
        {clinical::ItemGroup::Anemia, "anemia"},
        {clinical::ItemGroup::Ecg, "ecg"},
        {clinical::ItemGroup::Fundus, "fundus"},
        {clinical::ItemGroup::Assessment, "assessment"},
        {clinical::ItemGroup::Questionnaire, "questionnaire"},
    }};
};

} // namespace techo::domain
