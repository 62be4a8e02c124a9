#include "core/clinical/ItemCatalog.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

namespace techo::clinical {
namespace {

using domain::ValueType;
using G = ItemGroup;
using R = RuleSource;

// The official order: groups as in ItemGroup; within a group, the order of the 特定健診 result form
// (e.g. 貧血検査 "ヘマトクリット値、血色素量及び赤血球数" as the 実施基準 告示 lists them). Items whose
// logicalKey CheckupItems does not have yet cost nothing; every CheckupItems key must be here (tested).
// clang-format off
constexpr std::array kLogicalItems = std::to_array<LogicalItem>({
    {"height", "身長", "Height", G::Body, ValueType::PQ, R::None, DayMerge::FirstVariant},
    {"weight", "体重", "Weight", G::Body, ValueType::PQ, R::None, DayMerge::FirstVariant},
    {"bmi", "BMI", "BMI", G::Body, ValueType::PQ, R::Stratification, DayMerge::FirstVariant},
    {"waist", "腹囲", "Waist circumference", G::Body, ValueType::PQ, R::Stratification, DayMerge::FirstVariant},
    {"visceral_fat", "内臓脂肪面積", "Visceral fat area", G::Body, ValueType::PQ, R::Stratification, DayMerge::FirstVariant},
    {"sbp", "収縮期血圧", "Systolic blood pressure", G::BloodPressure, ValueType::PQ, R::Besshi5, DayMerge::MeanOfReadings},
    {"dbp", "拡張期血圧", "Diastolic blood pressure", G::BloodPressure, ValueType::PQ, R::Besshi5, DayMerge::MeanOfReadings},
    {"tg_fasting", "中性脂肪（空腹時）", "Triglycerides (fasting)", G::Lipids, ValueType::PQ, R::Besshi5, DayMerge::FirstVariant},
    {"tg_casual", "中性脂肪（随時）", "Triglycerides (non-fasting)", G::Lipids, ValueType::PQ, R::Besshi5, DayMerge::FirstVariant},
    {"hdl", "HDLコレステロール", "HDL cholesterol", G::Lipids, ValueType::PQ, R::Besshi5, DayMerge::FirstVariant},
    {"ldl", "LDLコレステロール", "LDL cholesterol", G::Lipids, ValueType::PQ, R::Besshi5, DayMerge::FirstVariant},
    {"non_hdl", "Non-HDLコレステロール", "Non-HDL cholesterol", G::Lipids, ValueType::PQ, R::Besshi5, DayMerge::FirstVariant},
    {"ast", "AST（GOT）", "AST (GOT)", G::Liver, ValueType::PQ, R::Besshi5, DayMerge::FirstVariant},
    {"alt", "ALT（GPT）", "ALT (GPT)", G::Liver, ValueType::PQ, R::Besshi5, DayMerge::FirstVariant},
    {"ggt", "γ-GT（γ-GTP）", "γ-GT (γ-GTP)", G::Liver, ValueType::PQ, R::Besshi5, DayMerge::FirstVariant},
    {"fpg", "空腹時血糖", "Fasting plasma glucose", G::Glucose, ValueType::PQ, R::Besshi5, DayMerge::FirstVariant},
    {"hba1c", "HbA1c（NGSP値）", "HbA1c (NGSP)", G::Glucose, ValueType::PQ, R::Besshi5, DayMerge::FirstVariant},
    {"casual_glucose", "随時血糖", "Non-fasting glucose", G::Glucose, ValueType::PQ, R::Besshi5, DayMerge::FirstVariant},
    {"urine_glucose", "尿糖", "Urine glucose", G::Urine, ValueType::CD, R::None, DayMerge::FirstVariant},
    {"urine_protein", "尿蛋白", "Urine protein", G::Urine, ValueType::CD, R::Besshi5, DayMerge::FirstVariant},
    {"creatinine", "血清クレアチニン", "Serum creatinine", G::Kidney, ValueType::PQ, R::None, DayMerge::FirstVariant},
    {"egfr", "eGFR", "eGFR", G::Kidney, ValueType::PQ, R::Besshi5, DayMerge::FirstVariant},
    {"uric_acid", "血清尿酸", "Serum uric acid", G::Kidney, ValueType::PQ, R::None, DayMerge::FirstVariant},
    {"hematocrit", "ヘマトクリット値", "Hematocrit", G::Anemia, ValueType::PQ, R::None, DayMerge::FirstVariant},
    {"hemoglobin", "血色素量", "Hemoglobin", G::Anemia, ValueType::PQ, R::Besshi5, DayMerge::FirstVariant},
    {"rbc", "赤血球数", "Red blood cells", G::Anemia, ValueType::PQ, R::None, DayMerge::FirstVariant},
    {"ecg_finding", "心電図（所見の有無）", "ECG (findings)", G::Ecg, ValueType::CD, R::None, DayMerge::FirstVariant},
    {"ecg_text", "心電図所見", "ECG findings", G::Ecg, ValueType::ST, R::None, DayMerge::FirstVariant},
    {"fundus_text", "眼底検査所見", "Fundus findings", G::Fundus, ValueType::ST, R::None, DayMerge::FirstVariant},
    {"metabolic", "メタボリックシンドローム判定", "Metabolic syndrome", G::Assessment, ValueType::CD, R::None, DayMerge::FirstVariant},
    {"guidance_level", "保健指導レベル", "Health guidance level", G::Assessment, ValueType::CD, R::None, DayMerge::FirstVariant},
    {"doctor_judgement", "医師の判断", "Doctor's assessment", G::Assessment, ValueType::ST, R::None, DayMerge::FirstVariant},
    {"doctor_name", "判断した医師の氏名", "Assessing doctor", G::Assessment, ValueType::ST, R::None, DayMerge::FirstVariant},
    {"history", "既往歴", "Medical history", G::Questionnaire, ValueType::CD, R::None, DayMerge::FirstVariant},
    {"symptoms", "自覚症状", "Symptoms", G::Questionnaire, ValueType::CD, R::None, DayMerge::FirstVariant},
    {"signs", "他覚症状", "Signs", G::Questionnaire, ValueType::CD, R::None, DayMerge::FirstVariant},
    {"blood_draw_timing", "採血時間（食後）", "Time since meal", G::Questionnaire, ValueType::CD, R::None, DayMerge::FirstVariant},
    {"med_bp", "服薬1（血圧）", "Medication: blood pressure", G::Questionnaire, ValueType::CD, R::None, DayMerge::FirstVariant},
    {"med_glucose", "服薬2（血糖）", "Medication: glucose", G::Questionnaire, ValueType::CD, R::None, DayMerge::FirstVariant},
    {"med_lipid", "服薬3（脂質）", "Medication: lipids", G::Questionnaire, ValueType::CD, R::None, DayMerge::FirstVariant},
    {"history_stroke", "既往歴1（脳血管）", "History: stroke", G::Questionnaire, ValueType::CD, R::None, DayMerge::FirstVariant},
    {"history_heart", "既往歴2（心血管）", "History: heart disease", G::Questionnaire, ValueType::CD, R::None, DayMerge::FirstVariant},
    {"history_kidney", "既往歴3（腎不全・人工透析）", "History: kidney failure", G::Questionnaire, ValueType::CD, R::None, DayMerge::FirstVariant},
    {"anemia", "貧血", "Anemia (questionnaire)", G::Questionnaire, ValueType::CD, R::None, DayMerge::FirstVariant},
    {"smoking", "喫煙", "Smoking", G::Questionnaire, ValueType::CD, R::None, DayMerge::FirstVariant},
});
// clang-format on

// Codes whose role is not "a method variant".
struct RoleEntry {
    std::string_view code;
    VariantRole role;
};
constexpr std::array<RoleEntry, 6> kRoles = {{
    {"9A751000000000001", VariantRole::FirstReading},
    {"9A752000000000001", VariantRole::SecondReading},
    {"9A755000000000001", VariantRole::OtherReading},
    {"9A761000000000001", VariantRole::FirstReading},
    {"9A762000000000001", VariantRole::SecondReading},
    {"9A765000000000001", VariantRole::OtherReading},
}};

// HbA1c (JDS値) codes, reported until FY2012 (shared/research/mynaportal.md b1): same method parts as the
// NGSP codes 3D046…, analyte 3D045. They join the "hba1c" item after every NGSP code.
constexpr std::array<std::string_view, 4> kJdsHbA1cCodes = {
    "3D045000001906202",
    "3D045000001920402",
    "3D045000001927102",
    "3D045000001999902",
};

struct Index {
    std::unordered_map<std::string_view, const LogicalItem*> byKey;
    std::unordered_map<std::string_view, ItemVariant> byCode;
    std::unordered_map<const LogicalItem*, std::vector<ItemVariant>> variants;
};

const Index& index()
{
    static const Index built = [] {
        Index ix;
        for (const LogicalItem& item : kLogicalItems)
            ix.byKey.emplace(item.key, &item);
        int preference = 0;
        auto add = [&](ItemVariant v) {
            v.preference = preference++;
            if (ix.byCode.emplace(v.code, v).second)
                ix.variants[v.item].push_back(v);
        };
        for (const CheckupItem& ci : checkupItems()) {
            if (std::find(kJdsHbA1cCodes.begin(), kJdsHbA1cCodes.end(), ci.code) != kJdsHbA1cCodes.end())
                continue; // JDS values join "hba1c" converted, whatever key CheckupItems files them under (below)
            const auto it = ix.byKey.find(ci.logicalKey);
            if (it == ix.byKey.end())
                continue; // a key CheckupItems gained after this table: no trend until it is added here
            ItemVariant v;
            v.code = ci.code;
            v.item = it->second;
            v.checkupItem = &ci;
            for (const RoleEntry& r : kRoles)
                if (r.code == ci.code)
                    v.role = r.role;
            add(v);
        }
        const LogicalItem* hba1c = ix.byKey.at("hba1c");
        for (const std::string_view code : kJdsHbA1cCodes)
            add(ItemVariant {code, hba1c, findCheckupItem(code), VariantRole::JdsHbA1c, 0});
        return ix;
    }();
    return built;
}

} // namespace

std::span<const LogicalItem> logicalItems()
{
    return kLogicalItems;
}

const LogicalItem* findLogicalItem(std::string_view key)
{
    const auto& byKey = index().byKey;
    const auto it = byKey.find(key);
    return it == byKey.end() ? nullptr : it->second;
}

std::optional<ItemVariant> variantOf(std::string_view code)
{
    const auto& byCode = index().byCode;
    const auto it = byCode.find(code);
    if (it == byCode.end())
        return std::nullopt;
    return it->second;
}

std::span<const ItemVariant> variantsOf(const LogicalItem& item)
{
    const auto& variants = index().variants;
    const auto it = variants.find(&item);
    if (it == variants.end())
        return {};
    return it->second;
}

JudgementRule ruleFor(const LogicalItem& item)
{
    JudgementRule rule;
    rule.source = item.ruleSource;
    if (item.key == "urine_protein") {
        rule.urineQualitative = true; // 別紙5: 尿蛋白 (±) 保健指導判定値, (+)以上 受診勧奨判定値
        return rule;
    }
    for (const ItemVariant& v : variantsOf(item)) {
        if (v.role == VariantRole::JdsHbA1c || v.checkupItem == nullptr)
            continue;
        rule.guidance = v.checkupItem->guidance;
        rule.referral = v.checkupItem->referral;
        break;
    }
    if (!rule.guidance && !rule.referral)
        rule.source = RuleSource::None;
    return rule;
}

std::string_view itemUnit(const LogicalItem& item)
{
    for (const ItemVariant& v : variantsOf(item))
        if (v.checkupItem != nullptr)
            return v.checkupItem->unit;
    return {};
}

std::string_view groupNameJa(ItemGroup group) noexcept
{
    switch (group) {
    case ItemGroup::Body:
        return "身体計測";
    case ItemGroup::BloodPressure:
        return "血圧";
    case ItemGroup::Lipids:
        return "脂質";
    case ItemGroup::Liver:
        return "肝機能";
    case ItemGroup::Glucose:
        return "血糖";
    case ItemGroup::Urine:
        return "尿";
    case ItemGroup::Kidney:
        return "腎機能";
    case ItemGroup::Anemia:
        return "貧血";
    case ItemGroup::Ecg:
        return "心電図";
    case ItemGroup::Fundus:
        return "眼底";
    case ItemGroup::Assessment:
        return "判定";
    case ItemGroup::Questionnaire:
        return "問診";
    }
    return "";
}

double convertJdsToNgsp(double jds) noexcept
{
    return std::round((1.02 * jds + 0.25) * 10.0) / 10.0;
}

std::string_view urineQualitativeLabel(std::string_view code) noexcept
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kLabels = {{
        {"1", "−"},
        {"2", "±"},
        {"3", "+"},
        {"4", "++"},
        {"5", "+++"},
    }};
    for (const auto& [c, label] : kLabels)
        if (c == code)
            return label;
    return "";
}

} // namespace techo::clinical
