#include "core/vault/ProviderRepository.h"

#include "core/vault/RowMapping.h"

namespace techo::vault {
namespace {

constexpr std::string_view kSelect = "SELECT id, kind, code, name, address, endpoint_url FROM providers ";

domain::Provider readProvider(Row& row)
{
    domain::Provider p;
    p.id = row.int64();
    p.kind = row.enumValue<domain::ProviderKind>();
    p.code = row.text();
    p.name = row.text();
    p.address = row.optionalText();
    p.endpointUrl = row.optionalText();
    return p;
}

} // namespace

Result<std::int64_t> ProviderRepository::insert(domain::Provider& provider)
{
    // The (kind, code) rule is also a unique index; (kind, "", name) is enforced here.
    TECHO_ASSIGN(const auto clash, find(provider.kind, provider.code, provider.name));
    if (clash)
        return makeError(ErrorCode::InvalidData, "an institution with the same identity is already stored");
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("INSERT INTO providers (kind, code, name, address, endpoint_url) VALUES (?, ?, ?, ?, ?)"));
    Params params(stmt);
    params.add(provider.kind).add(provider.code).add(provider.name).add(provider.address).add(provider.endpointUrl);
    TECHO_TRY(params.run());
    provider.id = m_db.lastInsertRowId();
    return provider.id;
}

Status ProviderRepository::update(const domain::Provider& provider)
{
    TECHO_ASSIGN(Statement stmt, m_db.prepare("UPDATE providers SET address = ?, endpoint_url = ? WHERE id = ?"));
    Params params(stmt);
    params.add(provider.address).add(provider.endpointUrl).add(provider.id);
    TECHO_TRY(params.run());
    return requireChanged(m_db, "provider");
}

Result<domain::Provider> ProviderRepository::get(std::int64_t id)
{
    TECHO_ASSIGN(Statement stmt, m_db.prepare(std::string(kSelect) + "WHERE id = ?"));
    stmt.bind(1, id);
    return requireFound(firstRow<domain::Provider>(stmt, readProvider), "provider");
}

Result<std::optional<domain::Provider>> ProviderRepository::find(
    domain::ProviderKind kind, std::string_view code, std::string_view name)
{
    if (!code.empty()) {
        TECHO_ASSIGN(Statement stmt, m_db.prepare(std::string(kSelect) + "WHERE kind = ? AND code = ?"));
        Params(stmt).add(kind).add(code);
        return firstRow<domain::Provider>(stmt, readProvider);
    }
    TECHO_ASSIGN(Statement stmt, m_db.prepare(std::string(kSelect) + "WHERE kind = ? AND code = '' AND name = ?"));
    Params(stmt).add(kind).add(name);
    return firstRow<domain::Provider>(stmt, readProvider);
}

Result<domain::Provider> ProviderRepository::findOrCreate(
    domain::ProviderKind kind, std::string_view code, std::string_view name)
{
    // SELECT then INSERT (SQLite 3.15 has no UPSERT); one connection per vault, so nothing races us.
    TECHO_ASSIGN(std::optional<domain::Provider> existing, find(kind, code, name));
    if (existing)
        return std::move(*existing);
    domain::Provider provider;
    provider.kind = kind;
    provider.code = std::string(code);
    provider.name = std::string(name);
    TECHO_TRY(insert(provider));
    return provider;
}

Result<std::vector<domain::Provider>> ProviderRepository::listByKind(domain::ProviderKind kind)
{
    TECHO_ASSIGN(Statement stmt, m_db.prepare(std::string(kSelect) + "WHERE kind = ? ORDER BY name, id"));
    Params(stmt).add(kind);
    return collectRows<domain::Provider>(stmt, readProvider);
}

} // namespace techo::vault
