#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

namespace techo::domain {

// Specialise for each enum stored in the vault: kValues lists every enumerator with the exact string
// the schema's CHECK constraint (or the column's documented format) uses. One table per enum keeps
// toString and fromString from drifting apart.
template <typename E> struct EnumNames;

template <typename E>
concept NamedEnum = std::is_enum_v<E> && requires
{
    EnumNames<E>::kValues;
};

} // namespace techo::domain

// toString/fromString live in namespace techo, not techo::domain, so argument-dependent lookup does not
// find them: otherwise QTest::toString (used by QCOMPARE) and similar generic overloads become ambiguous
// for domain enums. Code anywhere inside namespace techo calls them unqualified.
namespace techo {

template <domain::NamedEnum E> [[nodiscard]] constexpr std::string_view toString(E value) noexcept
{
    for (const auto& [enumerator, name] : domain::EnumNames<E>::kValues) {
        if (enumerator == value)
            return name;
    }
    return {};
}

// Exact, case-sensitive match; anything else is nullopt.
template <domain::NamedEnum E> [[nodiscard]] constexpr std::optional<E> fromString(std::string_view text) noexcept
{
    for (const auto& [enumerator, name] : domain::EnumNames<E>::kValues) {
        if (name == text)
            return enumerator;
    }
    return std::nullopt;
}

} // namespace techo
