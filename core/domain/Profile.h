#pragma once

#include "core/domain/Dates.h"
#include "core/domain/EnumNames.h"

#include <cstdint>
#include <optional>
#include <string>

namespace techo::domain {

enum class Sex { Male, Female, Other, Unknown };
enum class Relationship { Self, Family };

template <> struct EnumNames<Sex> {
    static constexpr std::array<std::pair<Sex, std::string_view>, 4> kValues = {{
        {Sex::Male, "male"},
        {Sex::Female, "female"},
        {Sex::Other, "other"},
        {Sex::Unknown, "unknown"},
    }};
};

template <> struct EnumNames<Relationship> {
    static constexpr std::array<std::pair<Relationship, std::string_view>, 2> kValues = {{
        {Relationship::Self, "self"},
        {Relationship::Family, "family"},
    }};
};

// A person whose records the vault holds: the owner or a family member.
struct Profile {
    std::int64_t id = 0; // 0 = not stored yet
    std::string displayName; // the name the source gives (or the person typed for a manual profile)
    std::optional<std::string> localName; // a name the person chose in Techo; imports never change it
    std::optional<std::string> kanaName;
    std::optional<Date> birthDate;
    std::optional<Sex> sex;
    Relationship relationship = Relationship::Self;
    std::string source = "manual"; // who created the profile; with sourcePersonId, unique
    std::optional<std::string> sourcePersonId;
    Timestamp createdAt {};

    bool operator==(const Profile&) const = default;
    // What the app shows: the person's own choice first.
    [[nodiscard]] const std::string& shownName() const { return localName ? *localName : displayName; }
};

} // namespace techo::domain
