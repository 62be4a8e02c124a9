#pragma once

#include "core/domain/Provider.h"
#include "core/util/Result.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace techo::vault {

class Database;

// Typed access to providers. See Savepoint.h for the transaction rule.
class ProviderRepository final {
public:
    explicit ProviderRepository(Database& db)
        : m_db(db)
    { }

    // Stores a new provider and sets provider.id. An institution is identified by (kind, code) — the name is
    // an attribute, spelt differently by different sources — or, without a code, by (kind, name). A second
    // provider with the same identity is refused with ErrorCode::InvalidData.
    [[nodiscard]] Result<std::int64_t> insert(domain::Provider& provider);
    // Changes address and endpoint URL; the identity (kind and code, or kind and name) stays.
    [[nodiscard]] Status update(const domain::Provider& provider);
    [[nodiscard]] Result<domain::Provider> get(std::int64_t id);
    // By identity: (kind, code) when code is not empty (name ignored), else (kind, "", name).
    [[nodiscard]] Result<std::optional<domain::Provider>> find(
        domain::ProviderKind kind, std::string_view code, std::string_view name);
    // The provider with this identity, stored first if it is new (without address or endpoint). A stored
    // provider keeps the name it was first stored with.
    [[nodiscard]] Result<domain::Provider> findOrCreate(
        domain::ProviderKind kind, std::string_view code, std::string_view name);
    // Ordered by name, then id.
    [[nodiscard]] Result<std::vector<domain::Provider>> listByKind(domain::ProviderKind kind);

private:
    Database& m_db;
};

} // namespace techo::vault
