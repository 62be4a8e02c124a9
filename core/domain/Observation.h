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
// A value reported as a bound ("<5", ">=500"): FHIR Quantity.comparator. The number is the bound.
enum class Comparator { Less, LessOrEqual, GreaterOrEqual, Greater };

template <> struct EnumNames<ValueType> {
    static constexpr std::array<std::pair<ValueType, std::string_view>, 4> kValues = {{
        {ValueType::PQ, "PQ"},
        {ValueType::CD, "CD"},
        {ValueType::CO, "CO"},
        {ValueType::ST, "ST"},
    }};
};

template <> struct EnumNames<Comparator> {
    static constexpr std::array<std::pair<Comparator, std::string_view>, 4> kValues = {{
        {Comparator::Less, "<"},
        {Comparator::LessOrEqual, "<="},
        {Comparator::GreaterOrEqual, ">="},
        {Comparator::Greater, ">"},
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
    std::optional<double> valueNum; // PQ: the number, or the bound when comparator is set
    std::optional<Comparator> comparator; // PQ only
    std::optional<std::string> unit; // PQ: the item's canonical unit (core/clinical), UCUM-like spelling
    std::optional<std::string> unitAsSent; // PQ: the unit text exactly as the source sent it
    std::optional<std::string> valueCode;
    std::optional<std::string> valueCodeSystem; // OID of the code system
    std::optional<std::string> valueLabel;
    std::optional<std::string> valueText;
    std::optional<RangeFlag> rangeFlag;

    bool operator==(const Observation&) const = default;
};

} // namespace techo::domain
