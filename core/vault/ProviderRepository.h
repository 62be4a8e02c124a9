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

    // Stores a new provider and sets provider.id. A second provider with the same (kind, code, name)
    // is refused with ErrorCode::InvalidData.
    [[nodiscard]] Result<std::int64_t> insert(domain::Provider& provider);
    // Changes address and endpoint URL; (kind, code, name) is the provider's identity and stays.
    [[nodiscard]] Status update(const domain::Provider& provider);
    [[nodiscard]] Result<domain::Provider> get(std::int64_t id);
    [[nodiscard]] Result<std::optional<domain::Provider>> find(
        domain::ProviderKind kind, std::string_view code, std::string_view name);
    // The provider with this identity, stored first if it is new (without address or endpoint).
    [[nodiscard]] Result<domain::Provider> findOrCreate(
        domain::ProviderKind kind, std::string_view code, std::string_view name);
    // Ordered by name, then id.
    [[nodiscard]] Result<std::vector<domain::Provider>> listByKind(domain::ProviderKind kind);

private:
    Database& m_db;
};

} // namespace techo::vault
