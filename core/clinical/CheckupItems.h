#pragma once

#include "core/domain/Observation.h"

#include <optional>
#include <span>
#include <string_view>

namespace techo::clinical {

// Which side of a threshold counts as "meets it".
enum class Direction { AtLeast, Above, AtMost, Below };

// One official judgement value (保健指導判定値 or 受診勧奨判定値), possibly different by sex.
struct Threshold {
    Direction direction = Direction::AtLeast;
    double male = 0;
    double female = 0;
};

// A 特定健診 item this build knows: every JLAC10 method variant maps to one logical item, which is
// what trends are drawn for. Source: shared/research/mynaportal.md (b1) and, for thresholds, MHLW
// 標準的な健診・保健指導プログラム（令和6年度版）別紙5 (section c). Thresholds apply to PQ items only.
struct CheckupItem {
    std::string_view code; // 17-character 健診項目コード
    std::string_view logicalKey; // e.g. "hba1c": shared by method variants
    std::string_view nameJa;
    domain::ValueType type = domain::ValueType::PQ;
    std::string_view unit; // canonical UCUM-like unit; empty for CD/ST
    double minPlausible = 0; // outside [min, max] a PQ value is refused as impossible
    double maxPlausible = 0;
    std::optional<Threshold> guidance; // 保健指導判定値
    std::optional<Threshold> referral; // 受診勧奨判定値
    // CD items: the OID of the code system assumed when a result names none, and another OID the same item
    // is known to arrive with (core/clinical/CodeSystems.h). Empty for PQ and ST items.
    std::string_view codeSystem;
    std::string_view otherCodeSystem;
};

[[nodiscard]] std::span<const CheckupItem> checkupItems();
[[nodiscard]] const CheckupItem* findCheckupItem(std::string_view code);
// True when `unit` is a spelling of the item's canonical unit: canonicalUnit (core/clinical/Units.h) has a value.
[[nodiscard]] bool isAcceptedUnit(const CheckupItem& item, std::string_view unit);
// Whether a result coded in `oid` can be read for this CD item: its own code system or the other one.
[[nodiscard]] bool acceptsCodeSystem(const CheckupItem& item, std::string_view oid);

} // namespace techo::clinical
