#pragma once

#include "core/domain/EnumNames.h"

#include <cstdint>
#include <optional>
#include <string>

namespace techo::domain {

// receipt = レセ電算コード, yj = YJコード, hot = HOTコード, none = name only.
enum class DrugCodeSystem { Receipt, Yj, Hot, None };

template <> struct EnumNames<DrugCodeSystem> {
    static constexpr std::array<std::pair<DrugCodeSystem, std::string_view>, 4> kValues = {{
        {DrugCodeSystem::Receipt, "receipt"},
        {DrugCodeSystem::Yj, "yj"},
        {DrugCodeSystem::Hot, "hot"},
        {DrugCodeSystem::None, "none"},
    }};
};

// One drug of one RP (処方単位) of a dispensing. (rpNumber, lineNumber) is unique within the dispensing.
struct MedicationLine {
    std::int64_t id = 0;
    std::int64_t dispensingId = 0; // set by the repository
    int rpNumber = 1;
    int lineNumber = 1;
    std::string drugCode; // "" with DrugCodeSystem::None
    DrugCodeSystem drugCodeSystem = DrugCodeSystem::None;
    std::string drugName;
    std::optional<std::string> ingredientName;
    std::optional<double> quantity; // 用量: daily dose for 内服, total for 外用, per dose for 屯服
    std::optional<std::string> unit;
    std::optional<std::string> usageText; // 用法
    std::optional<std::string> specialInstruction;
    std::optional<int> days; // 調剤数量 (days or times), >= 0
    std::optional<std::string> dosageForm;
    std::optional<std::string> claimsCategory;

    bool operator==(const MedicationLine&) const = default;
};

} // namespace techo::domain
