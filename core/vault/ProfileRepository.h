#pragma once

#include "core/domain/Profile.h"
#include "core/util/Result.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace techo::vault {

class Database;

// Typed access to profiles. See Savepoint.h for the transaction rule.
class ProfileRepository final {
public:
    explicit ProfileRepository(Database& db)
        : m_db(db)
    { }

    // Stores a new profile and sets profile.id.
    [[nodiscard]] Result<std::int64_t> insert(domain::Profile& profile);
    [[nodiscard]] Status update(const domain::Profile& profile);
    [[nodiscard]] Result<domain::Profile> get(std::int64_t id);
    // Ordered by id (creation order).
    [[nodiscard]] Result<std::vector<domain::Profile>> list();
    // Every profile this source's person id was stored under: the id itself, and the profiles the person
    // chose to keep apart when the id came with another person's demographics ("<id>#2", "<id>#3" …), by id.
    [[nodiscard]] Result<std::vector<domain::Profile>> listBySourcePerson(
        std::string_view source, std::string_view sourcePersonId);
    [[nodiscard]] Result<std::optional<domain::Profile>> findBySourcePerson(
        std::string_view source, std::string_view sourcePersonId);
    // Deletes the profile and, by cascade, all of its records and consents; share records made under
    // those consents go with them (the schema gives share_records no cascade of its own).
    [[nodiscard]] Status remove(std::int64_t id);

private:
    Database& m_db;
};

} // namespace techo::vault
