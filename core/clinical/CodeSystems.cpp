#include "core/clinical/CodeSystems.h"

#include "core/clinical/TextForms.h"

#include <algorithm>
#include <string>

namespace techo::clinical {
namespace {

// 定性検査 (尿糖, 尿蛋白): 1 −, 2 ±, 3 +, 4 ++, 5 +++ [C, OpenDolphin Onshi.java via the research notes].
// 陽性 is not a form of any code (it could be + to +++); 陰性 is − only.
constexpr std::array kQualitative = std::to_array<CodedValue>({
    {"1", "−", {"-", "陰性", "neg", "negative", "−", "－"}},
    {"2", "±", {"+-", "+/-", "±", "擬陽性", "偽陽性", ""}},
    {"3", "+", {"1+", "+1", "", "", "", ""}},
    {"4", "++", {"2+", "+2", "", "", "", ""}},
    {"5", "+++", {"3+", "+3", "", "", "", ""}},
});
constexpr std::array kFastingTime = std::to_array<CodedValue>({
    {"1", "食後10時間以上", {}},
    {"2", "食後3.5時間以上10時間未満", {}},
    {"3", "食後3.5時間未満", {}},
});
// The MHLW OID表 numbering of the same item (食後時間区分: 2, 3, 4), as transcribed in public code [I].
constexpr std::array kFastingTimeMhlw = std::to_array<CodedValue>({
    {"2", "食後10時間以上", {}},
    {"3", "食後3.5時間以上10時間未満", {}},
    {"4", "食後3.5時間未満", {}},
});
constexpr std::array kMedication = std::to_array<CodedValue>({
    {"1", "服薬あり", {"あり", "はい", "", "", "", ""}},
    {"2", "服薬なし", {"なし", "いいえ", "", "", "", ""}},
});
constexpr std::array kYesNo = std::to_array<CodedValue>({
    {"1", "はい", {}},
    {"2", "いいえ", {}},
});
constexpr std::array kRemarks = std::to_array<CodedValue>({
    {"1", "特記すべきことあり", {"あり", "", "", "", "", ""}},
    {"2", "特記すべきことなし", {"なし", "", "", "", "", ""}},
});
constexpr std::array kFindings = std::to_array<CodedValue>({
    {"1", "所見あり", {"あり", "", "", "", "", ""}},
    {"2", "所見なし", {"なし", "", "", "", "", ""}},
});
constexpr std::array kMetabolic = std::to_array<CodedValue>({
    {"1", "基準該当", {}},
    {"2", "予備群該当", {}},
    {"3", "非該当", {}},
    {"4", "判定不能", {}},
});
constexpr std::array kGuidanceLevel = std::to_array<CodedValue>({
    {"1", "積極的支援", {}},
    {"2", "動機付け支援", {}},
    {"3", "なし（情報提供）", {"なし", "情報提供", "", "", "", ""}},
    {"4", "判定不能", {}},
});

// The OIDs the sandbox sends (resources/sandbox/README.md: [unverified] values of the right shape) and, for the
// same items, the numbers a public transcription of the MHLW OID表 gives (6.2102 定性, 6.2202 食後時間区分,
// 6.2003 問診, 6.1008 メタボ判定, 6.3001 支援レベル, 6.2001 特記事項, 6.2002 所見). An unknown OID is refused
// rather than guessed: the same code means different things in different systems (2 = ± or 10時間以上).
constexpr std::array kSystems = std::to_array<CodeSystem>({
    {"1.2.392.200119.6.2101", "定性検査結果", kQualitative},
    {"1.2.392.200119.6.2102", "健診定性検査結果コード", kQualitative},
    {"1.2.392.200119.6.2112", "採血時間（食後）", kFastingTime},
    {"1.2.392.200119.6.2202", "食後時間区分", kFastingTimeMhlw},
    {"1.2.392.200119.6.2601", "服薬", kMedication},
    {"1.2.392.200119.6.2602", "はい／いいえ", kYesNo},
    {"1.2.392.200119.6.2003", "問診結果コード", kYesNo},
    {"1.2.392.200119.6.2001", "健診検査特記事項有無コード", kRemarks},
    {"1.2.392.200119.6.2002", "所見の有無", kFindings},
    {"1.2.392.200119.6.2501", "メタボリックシンドローム判定", kMetabolic},
    {"1.2.392.200119.6.1008", "メタボリックシンドローム判定", kMetabolic},
    {"1.2.392.200119.6.2502", "保健指導レベル", kGuidanceLevel},
    {"1.2.392.200119.6.3001", "支援レベルコード", kGuidanceLevel},
});

// Removes one pair of enclosing parentheses: "(-)" → "-", "（＋）" (already NFKC'd to "(+)") → "+".
std::string_view unwrap(std::string_view text)
{
    if (text.size() >= 2 && text.front() == '(' && text.back() == ')')
        return text.substr(1, text.size() - 2);
    return text;
}

} // namespace

const CodeSystem* findCodeSystem(std::string_view oid)
{
    const auto it = std::find_if(kSystems.begin(), kSystems.end(), [&](const CodeSystem& s) { return s.oid == oid; });
    return it == kSystems.end() ? nullptr : &*it;
}

std::optional<std::string_view> resolveCode(const CodeSystem& system, std::string_view value)
{
    for (const CodedValue& v : system.values)
        if (v.code == value)
            return v.code;
    const auto sent = matchForm(value);
    if (!sent)
        return std::nullopt;
    const std::string_view wanted = unwrap(*sent);
    if (wanted.empty())
        return std::nullopt;
    std::optional<std::string_view> found;
    for (const CodedValue& v : system.values) {
        bool matches = matchForm(v.label) == std::string(wanted);
        for (const std::string_view form : v.forms)
            matches = matches || (!form.empty() && matchForm(form) == std::string(wanted));
        if (!matches)
            continue;
        if (found && *found != v.code)
            return std::nullopt; // two codes claim this spelling: ambiguous
        found = v.code;
    }
    return found;
}

} // namespace techo::clinical
