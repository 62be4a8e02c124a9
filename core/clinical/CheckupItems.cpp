#include "core/clinical/CheckupItems.h"

#include <array>
#include <string>
#include <unordered_map>

namespace techo::clinical {
namespace {

using domain::ValueType;
constexpr Threshold atLeast(double both)
{
    return {Direction::AtLeast, both, both};
}
constexpr Threshold atLeast(double male, double female)
{
    return {Direction::AtLeast, male, female};
}
constexpr Threshold below(double both)
{
    return {Direction::Below, both, both};
}
constexpr Threshold atMost(double male, double female)
{
    return {Direction::AtMost, male, female};
}

// clang-format off
constexpr std::array kItems = std::to_array<CheckupItem>({
    {"9N001000000000001", "height", "身長", ValueType::PQ, "cm", 50, 250, {}, {}, "", ""},
    {"9N006000000000001", "weight", "体重", ValueType::PQ, "kg", 10, 300, {}, {}, "", ""},
    {"9N011000000000001", "bmi", "BMI", ValueType::PQ, "kg/m2", 8, 100, atLeast(25), {}, "", ""},
    {"9N016160100000001", "waist", "腹囲（実測）", ValueType::PQ, "cm", 30, 250, atLeast(85, 90), {}, "", ""},
    {"9N016160200000001", "waist", "腹囲（自己測定）", ValueType::PQ, "cm", 30, 250, atLeast(85, 90), {}, "", ""},
    {"9N016160300000001", "waist", "腹囲（自己申告）", ValueType::PQ, "cm", 30, 250, atLeast(85, 90), {}, "", ""},
    {"9N021000000000001", "visceral_fat", "内臓脂肪面積", ValueType::PQ, "cm2", 0, 1000, atLeast(100), {}, "", ""},
    {"9A751000000000001", "sbp", "収縮期血圧（1回目）", ValueType::PQ, "mmHg", 50, 300, atLeast(130), atLeast(140), "", ""},
    {"9A752000000000001", "sbp", "収縮期血圧（2回目）", ValueType::PQ, "mmHg", 50, 300, atLeast(130), atLeast(140), "", ""},
    {"9A755000000000001", "sbp", "収縮期血圧（その他）", ValueType::PQ, "mmHg", 50, 300, atLeast(130), atLeast(140), "", ""},
    {"9A761000000000001", "dbp", "拡張期血圧（1回目）", ValueType::PQ, "mmHg", 20, 200, atLeast(85), atLeast(90), "", ""},
    {"9A762000000000001", "dbp", "拡張期血圧（2回目）", ValueType::PQ, "mmHg", 20, 200, atLeast(85), atLeast(90), "", ""},
    {"9A765000000000001", "dbp", "拡張期血圧（その他）", ValueType::PQ, "mmHg", 20, 200, atLeast(85), atLeast(90), "", ""},
    {"9N141000000000011", "blood_draw_timing", "採血時間（食後）", ValueType::CD, "", 0, 0, {}, {}, "1.2.392.200119.6.2112", "1.2.392.200119.6.2202"},
    {"3F015000002327101", "tg_fasting", "中性脂肪（空腹時）", ValueType::PQ, "mg/dL", 1, 5000, atLeast(150), atLeast(300), "", ""},
    {"3F015000002327201", "tg_fasting", "中性脂肪（空腹時）", ValueType::PQ, "mg/dL", 1, 5000, atLeast(150), atLeast(300), "", ""},
    {"3F015000002399901", "tg_fasting", "中性脂肪（空腹時）", ValueType::PQ, "mg/dL", 1, 5000, atLeast(150), atLeast(300), "", ""},
    {"3F015129902327101", "tg_casual", "中性脂肪（随時）", ValueType::PQ, "mg/dL", 1, 5000, atLeast(175), atLeast(300), "", ""},
    {"3F015129902327201", "tg_casual", "中性脂肪（随時）", ValueType::PQ, "mg/dL", 1, 5000, atLeast(175), atLeast(300), "", ""},
    {"3F015129902399901", "tg_casual", "中性脂肪（随時）", ValueType::PQ, "mg/dL", 1, 5000, atLeast(175), atLeast(300), "", ""},
    {"3F070000002327101", "hdl", "HDLコレステロール", ValueType::PQ, "mg/dL", 1, 500, below(40), {}, "", ""},
    {"3F070000002327201", "hdl", "HDLコレステロール", ValueType::PQ, "mg/dL", 1, 500, below(40), {}, "", ""},
    {"3F070000002399901", "hdl", "HDLコレステロール", ValueType::PQ, "mg/dL", 1, 500, below(40), {}, "", ""},
    {"3F077000002327101", "ldl", "LDLコレステロール", ValueType::PQ, "mg/dL", 1, 1000, atLeast(120), atLeast(140), "", ""},
    {"3F077000002327201", "ldl", "LDLコレステロール", ValueType::PQ, "mg/dL", 1, 1000, atLeast(120), atLeast(140), "", ""},
    {"3F077000002399901", "ldl", "LDLコレステロール", ValueType::PQ, "mg/dL", 1, 1000, atLeast(120), atLeast(140), "", ""},
    {"3F069000002391901", "non_hdl", "Non-HDLコレステロール", ValueType::PQ, "mg/dL", 1, 1000, atLeast(150), atLeast(170), "", ""},
    {"3B035000002327201", "ast", "AST(GOT)", ValueType::PQ, "U/L", 0, 10000, atLeast(31), atLeast(51), "", ""},
    {"3B035000002399901", "ast", "AST(GOT)", ValueType::PQ, "U/L", 0, 10000, atLeast(31), atLeast(51), "", ""},
    {"3B045000002327201", "alt", "ALT(GPT)", ValueType::PQ, "U/L", 0, 10000, atLeast(31), atLeast(51), "", ""},
    {"3B045000002399901", "alt", "ALT(GPT)", ValueType::PQ, "U/L", 0, 10000, atLeast(31), atLeast(51), "", ""},
    {"3B090000002327101", "ggt", "γ-GT(γ-GTP)", ValueType::PQ, "U/L", 0, 10000, atLeast(51), atLeast(101), "", ""},
    {"3B090000002399901", "ggt", "γ-GT(γ-GTP)", ValueType::PQ, "U/L", 0, 10000, atLeast(51), atLeast(101), "", ""},
    {"3D010000001926101", "fpg", "空腹時血糖", ValueType::PQ, "mg/dL", 10, 2000, atLeast(100), atLeast(126), "", ""},
    {"3D010000002227101", "fpg", "空腹時血糖", ValueType::PQ, "mg/dL", 10, 2000, atLeast(100), atLeast(126), "", ""},
    {"3D010000001927201", "fpg", "空腹時血糖", ValueType::PQ, "mg/dL", 10, 2000, atLeast(100), atLeast(126), "", ""},
    {"3D010000001999901", "fpg", "空腹時血糖", ValueType::PQ, "mg/dL", 10, 2000, atLeast(100), atLeast(126), "", ""},
    {"3D010129901926101", "casual_glucose", "随時血糖", ValueType::PQ, "mg/dL", 10, 2000, atLeast(100), atLeast(126), "", ""},
    {"3D010129902227101", "casual_glucose", "随時血糖", ValueType::PQ, "mg/dL", 10, 2000, atLeast(100), atLeast(126), "", ""},
    {"3D010129901927201", "casual_glucose", "随時血糖", ValueType::PQ, "mg/dL", 10, 2000, atLeast(100), atLeast(126), "", ""},
    {"3D010129901999901", "casual_glucose", "随時血糖", ValueType::PQ, "mg/dL", 10, 2000, atLeast(100), atLeast(126), "", ""},
    {"3D046000001906202", "hba1c", "HbA1c（NGSP値）", ValueType::PQ, "%", 2, 25, atLeast(5.6), atLeast(6.5), "", ""},
    {"3D046000001920402", "hba1c", "HbA1c（NGSP値）", ValueType::PQ, "%", 2, 25, atLeast(5.6), atLeast(6.5), "", ""},
    {"3D046000001927102", "hba1c", "HbA1c（NGSP値）", ValueType::PQ, "%", 2, 25, atLeast(5.6), atLeast(6.5), "", ""},
    {"3D046000001999902", "hba1c", "HbA1c（NGSP値）", ValueType::PQ, "%", 2, 25, atLeast(5.6), atLeast(6.5), "", ""},
    // HbA1c in JDS values (before FY2013): another item, never converted to NGSP (NGSP = 1.02×JDS + 0.25 is a
    // population formula, not the lab's value) and without thresholds (the 令和6年度版 gives NGSP ones only).
    {"3D045000001906202", "hba1c_jds", "HbA1c（JDS値）", ValueType::PQ, "%", 2, 25, {}, {}, "", ""},
    {"3D045000001920402", "hba1c_jds", "HbA1c（JDS値）", ValueType::PQ, "%", 2, 25, {}, {}, "", ""},
    {"3D045000001927102", "hba1c_jds", "HbA1c（JDS値）", ValueType::PQ, "%", 2, 25, {}, {}, "", ""},
    {"3D045000001999902", "hba1c_jds", "HbA1c（JDS値）", ValueType::PQ, "%", 2, 25, {}, {}, "", ""},
    {"1A020000000191111", "urine_glucose", "尿糖（機械読み取り）", ValueType::CD, "", 0, 0, {}, {}, "1.2.392.200119.6.2101", "1.2.392.200119.6.2102"},
    {"1A020000000190111", "urine_glucose", "尿糖（目視法）", ValueType::CD, "", 0, 0, {}, {}, "1.2.392.200119.6.2101", "1.2.392.200119.6.2102"},
    {"1A010000000191111", "urine_protein", "尿蛋白（機械読み取り）", ValueType::CD, "", 0, 0, {}, {}, "1.2.392.200119.6.2101", "1.2.392.200119.6.2102"},
    {"1A010000000190111", "urine_protein", "尿蛋白（目視法）", ValueType::CD, "", 0, 0, {}, {}, "1.2.392.200119.6.2101", "1.2.392.200119.6.2102"},
    {"2A030000001930101", "hemoglobin", "血色素量", ValueType::PQ, "g/dL", 1, 30, atMost(13.0, 12.0), atMost(12.0, 11.0), "", ""},
    {"2A040000001930102", "hematocrit", "ヘマトクリット値", ValueType::PQ, "%", 5, 80, {}, {}, "", ""},
    {"2A020000001930101", "rbc", "赤血球数", ValueType::PQ, "10^4/uL", 50, 1000, {}, {}, "", ""},
    {"3C015000002327101", "creatinine", "血清クレアチニン", ValueType::PQ, "mg/dL", 0.05, 30, {}, {}, "", ""},
    {"8A065000002391901", "egfr", "eGFR", ValueType::PQ, "mL/min/1.73m2", 1, 300, below(60), below(45), "", ""},
    {"3C020000002327101", "uric_acid", "血清尿酸", ValueType::PQ, "mg/dL", 0.1, 30, {}, {}, "", ""},
    {"3C020000002399901", "uric_acid", "血清尿酸", ValueType::PQ, "mg/dL", 0.1, 30, {}, {}, "", ""},
    {"9A110160700000011", "ecg_finding", "心電図（所見の有無）", ValueType::CD, "", 0, 0, {}, {}, "1.2.392.200119.6.2002", ""},
    {"9A110160800000049", "ecg_text", "心電図所見", ValueType::ST, "", 0, 0, {}, {}, "", ""},
    {"9E100160900000049", "fundus_text", "眼底検査所見", ValueType::ST, "", 0, 0, {}, {}, "", ""},
    {"9N056000000000011", "history", "既往歴", ValueType::CD, "", 0, 0, {}, {}, "1.2.392.200119.6.2001", ""},
    {"9N061000000000011", "symptoms", "自覚症状", ValueType::CD, "", 0, 0, {}, {}, "1.2.392.200119.6.2001", ""},
    {"9N066000000000011", "signs", "他覚症状", ValueType::CD, "", 0, 0, {}, {}, "1.2.392.200119.6.2001", ""},
    {"9N501000000000011", "metabolic", "メタボリックシンドローム判定", ValueType::CD, "", 0, 0, {}, {}, "1.2.392.200119.6.2501", "1.2.392.200119.6.1008"},
    {"9N506000000000011", "guidance_level", "保健指導レベル", ValueType::CD, "", 0, 0, {}, {}, "1.2.392.200119.6.2502", "1.2.392.200119.6.3001"},
    {"9N511000000000049", "doctor_judgement", "医師の判断", ValueType::ST, "", 0, 0, {}, {}, "", ""},
    {"9N516000000000049", "doctor_name", "判断した医師の氏名", ValueType::ST, "", 0, 0, {}, {}, "", ""},
    {"9N701000000000011", "med_bp", "服薬1（血圧）", ValueType::CD, "", 0, 0, {}, {}, "1.2.392.200119.6.2601", "1.2.392.200119.6.2003"},
    {"9N706000000000011", "med_glucose", "服薬2（血糖）", ValueType::CD, "", 0, 0, {}, {}, "1.2.392.200119.6.2601", "1.2.392.200119.6.2003"},
    {"9N711000000000011", "med_lipid", "服薬3（脂質）", ValueType::CD, "", 0, 0, {}, {}, "1.2.392.200119.6.2601", "1.2.392.200119.6.2003"},
    {"9N716000000000011", "history_stroke", "既往歴1（脳血管）", ValueType::CD, "", 0, 0, {}, {}, "1.2.392.200119.6.2003", "1.2.392.200119.6.2602"},
    {"9N721000000000011", "history_heart", "既往歴2（心血管）", ValueType::CD, "", 0, 0, {}, {}, "1.2.392.200119.6.2003", "1.2.392.200119.6.2602"},
    {"9N726000000000011", "history_kidney", "既往歴3（腎不全・人工透析）", ValueType::CD, "", 0, 0, {}, {}, "1.2.392.200119.6.2003", "1.2.392.200119.6.2602"},
    {"9N731000000000011", "anemia", "貧血", ValueType::CD, "", 0, 0, {}, {}, "1.2.392.200119.6.2003", "1.2.392.200119.6.2602"},
    {"9N736000000000011", "smoking", "喫煙", ValueType::CD, "", 0, 0, {}, {}, "1.2.392.200119.6.2602", "1.2.392.200119.6.2003"},
});
// clang-format on

} // namespace

std::span<const CheckupItem> checkupItems()
{
    return kItems;
}

const CheckupItem* findCheckupItem(std::string_view code)
{
    // Looked up once per imported observation: an index, built on first use (thread-safe static).
    static const std::unordered_map<std::string_view, const CheckupItem*> index = [] {
        std::unordered_map<std::string_view, const CheckupItem*> map;
        for (const CheckupItem& item : kItems)
            map.emplace(item.code, &item);
        return map;
    }();
    const auto it = index.find(code);
    return it == index.end() ? nullptr : it->second;
}

bool acceptsCodeSystem(const CheckupItem& item, std::string_view oid)
{
    return !oid.empty() && (oid == item.codeSystem || oid == item.otherCodeSystem);
}

} // namespace techo::clinical
