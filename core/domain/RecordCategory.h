#pragma once

#include "core/domain/EnumNames.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace techo::domain {

// The kinds of health record a consent can cover and a share can send. The strings are those of
// share_items.record_kind's CHECK, and consents.categories stores a list of the same strings.
enum class RecordCategory : std::uint8_t { Checkup, Vaccination, Dispensing };

template <> struct EnumNames<RecordCategory> {
    static constexpr std::array<std::pair<RecordCategory, std::string_view>, 3> kValues = {{
        {RecordCategory::Checkup, "checkup"},
        {RecordCategory::Vaccination, "vaccination"},
        {RecordCategory::Dispensing, "dispensing"},
    }};
};

// A small set of categories. Its text form is the members' names in enum order joined by ',' (an empty
// set is ""), so equal sets always store as equal text.
class RecordCategorySet final {
public:
    constexpr RecordCategorySet() = default;
    constexpr RecordCategorySet(std::initializer_list<RecordCategory> categories)
    {
        for (const RecordCategory category : categories)
            insert(category);
    }

    constexpr void insert(RecordCategory category) noexcept
    {
        m_bits = static_cast<std::uint8_t>(m_bits | bit(category));
    }
    constexpr void erase(RecordCategory category) noexcept
    {
        m_bits = static_cast<std::uint8_t>(m_bits & ~bit(category));
    }
    [[nodiscard]] constexpr bool contains(RecordCategory category) const noexcept
    {
        return (m_bits & bit(category)) != 0;
    }
    [[nodiscard]] constexpr bool empty() const noexcept { return m_bits == 0; }

    [[nodiscard]] std::string toString() const
    {
        std::string out;
        for (const auto& [category, name] : EnumNames<RecordCategory>::kValues) {
            if (!contains(category))
                continue;
            if (!out.empty())
                out += ',';
            out += name;
        }
        return out;
    }

    // Accepts the text form in any order; an unknown or repeated name gives nullopt.
    [[nodiscard]] static std::optional<RecordCategorySet> parse(std::string_view text)
    {
        RecordCategorySet set;
        while (!text.empty()) {
            const auto comma = text.find(',');
            const auto category = fromString<RecordCategory>(text.substr(0, comma));
            if (!category || set.contains(*category))
                return std::nullopt;
            set.insert(*category);
            if (comma == std::string_view::npos)
                break;
            text.remove_prefix(comma + 1);
            if (text.empty())
                return std::nullopt; // a trailing comma
        }
        return set;
    }

    bool operator==(const RecordCategorySet&) const = default;

private:
    static constexpr std::uint8_t bit(RecordCategory category) noexcept
    {
        return static_cast<std::uint8_t>(1U << static_cast<unsigned>(category));
    }
    std::uint8_t m_bits = 0;
};

} // namespace techo::domain
