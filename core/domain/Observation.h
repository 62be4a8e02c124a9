#pragma once

#include "core/domain/EnumNames.h"

#include <cstdint>
#include <optional>
#include <string>

namespace techo::domain {

// As in the 特定健診 CDA: PQ physical quantity, CD coded, CO coded ordinal, ST text.
enum class ValueType { PQ, CD, CO, ST };
// Set when the measurement was outside the input range (the CDA's H/L markers), not a clinical judgement.
enum class RangeFlag { High, Low };

template <> struct EnumNames<ValueType> {
    static constexpr std::array<std::pair<ValueType, std::string_view>, 4> kValues = {{
        {ValueType::PQ, "PQ"},
        {ValueType::CD, "CD"},
        {ValueType::CO, "CO"},
        {ValueType::ST, "ST"},
    }};
};

template <> struct EnumNames<RangeFlag> {
    static constexpr std::array<std::pair<RangeFlag, std::string_view>, 2> kValues = {{
        {RangeFlag::High, "H"},
        {RangeFlag::Low, "L"},
    }};
};

// One result item of a checkup. A PQ observation must carry valueNum (the vault refuses it otherwise).
struct Observation {
    std::int64_t id = 0;
    std::int64_t checkupId = 0; // set by the repository
    std::string itemCode; // 17-character JLAC10 / 健診項目コード: the key for trends
    std::string itemName;
    ValueType valueType = ValueType::PQ;
    std::optional<double> valueNum;
    std::optional<std::string> unit;
    std::optional<std::string> valueCode;
    std::optional<std::string> valueCodeSystem; // OID of the code system
    std::optional<std::string> valueLabel;
    std::optional<std::string> valueText;
    std::optional<RangeFlag> rangeFlag;

    bool operator==(const Observation&) const = default;
};

} // namespace techo::domain
