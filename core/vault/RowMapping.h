#pragma once

// Shared plumbing of the repositories: sequential parameter binding and column reading with the
// vault's text formats for dates, instants and enums. Internal to core/vault.

#include "core/domain/Dates.h"
#include "core/domain/EnumNames.h"
#include "core/domain/Provenance.h"
#include "core/util/Result.h"
#include "core/vault/Database.h"
#include "core/vault/Statement.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace techo::vault {

// Binds parameters 1, 2, 3, … in order. A value the vault cannot store (a date outside 0001–9999) is
// remembered and reported by status()/run()/step() instead of being bound.
class Params final {
public:
    explicit Params(Statement& stmt)
        : m_stmt(stmt)
    { }

    Params& add(std::int64_t value);
    Params& add(int value) { return add(static_cast<std::int64_t>(value)); }
    Params& add(double value);
    Params& add(std::string_view text);
    Params& add(const std::string& text) { return add(std::string_view(text)); }
    Params& add(const char* text) { return add(std::string_view(text)); }
    Params& add(domain::Date date);
    Params& add(domain::Timestamp timestamp);
    template <domain::NamedEnum E> Params& add(E value) { return add(techo::toString(value)); }
    template <typename T> Params& add(const std::optional<T>& value) { return value ? add(*value) : addNull(); }
    Params& addNull();

    [[nodiscard]] Status status() const;
    // status(), then runs a statement that returns no rows.
    [[nodiscard]] Status run();
    // status(), then steps once.
    [[nodiscard]] Result<bool> step();

private:
    Statement& m_stmt;
    int m_next = 1;
    std::optional<Error> m_error;
};

// Reads columns 0, 1, 2, … of the current row in order. A value that does not parse (a malformed date,
// an unknown enum string) makes status() report ErrorCode::Damaged.
class Row final {
public:
    explicit Row(const Statement& stmt)
        : m_stmt(stmt)
    { }

    std::int64_t int64() { return m_stmt.int64(m_col++); }
    int integer();
    std::string text() { return m_stmt.text(m_col++); }
    std::optional<std::string> optionalText() { return m_stmt.optionalText(m_col++); }
    std::optional<std::int64_t> optionalInt64() { return m_stmt.optionalInt64(m_col++); }
    std::optional<int> optionalInteger() { return orNull(&Row::integer); }
    std::optional<double> optionalReal() { return m_stmt.optionalReal(m_col++); }
    domain::Date date();
    std::optional<domain::Date> optionalDate() { return orNull(&Row::date); }
    domain::Timestamp timestamp();
    std::optional<domain::Timestamp> optionalTimestamp() { return orNull(&Row::timestamp); }

    template <domain::NamedEnum E> E enumValue()
    {
        const int column = m_col;
        const auto value = techo::fromString<E>(text());
        if (!value) {
            fail(column, "an unknown value");
            return E {};
        }
        return *value;
    }
    template <domain::NamedEnum E> std::optional<E> optionalEnum() { return orNull(&Row::enumValue<E>); }

    // The index of the column the next read will take (for fail() after a custom parse).
    [[nodiscard]] int column() const noexcept { return m_col; }
    void fail(int column, std::string_view what);
    [[nodiscard]] Status status() const;

private:
    // A NULL column is skipped; anything else is read (and validated) by `read`.
    template <typename T> std::optional<T> orNull(T (Row::*read)())
    {
        if (m_stmt.isNull(m_col)) {
            ++m_col;
            return std::nullopt;
        }
        return (this->*read)();
    }

    const Statement& m_stmt;
    int m_col = 0;
    std::optional<Error> m_error;
};

// The four provenance columns, in the order source, source_record_id, fetched_at, import_run_id.
inline constexpr std::string_view kProvenanceColumns = "source, source_record_id, fetched_at, import_run_id";
void addProvenance(Params& params, const domain::Provenance& provenance);
[[nodiscard]] domain::Provenance readProvenance(Row& row);

// Steps through every row of stmt and maps each with map(Row&) -> T.
template <typename T, typename Map> [[nodiscard]] Result<std::vector<T>> collectRows(Statement& stmt, Map map)
{
    std::vector<T> out;
    for (;;) {
        TECHO_ASSIGN(const bool hasRow, stmt.step());
        if (!hasRow)
            break;
        Row row(stmt);
        T value = map(row);
        TECHO_TRY(row.status());
        out.push_back(std::move(value));
    }
    return out;
}

// The first row of stmt mapped with map(Row&) -> T, or nullopt when there is none.
template <typename T, typename Map> [[nodiscard]] Result<std::optional<T>> firstRow(Statement& stmt, Map map)
{
    TECHO_ASSIGN(const bool hasRow, stmt.step());
    if (!hasRow)
        return std::optional<T> {};
    Row row(stmt);
    T value = map(row);
    TECHO_TRY(row.status());
    return std::optional<T> {std::move(value)};
}

// Turns "no such row" into ErrorCode::NotFound naming what was looked for (never its contents).
template <typename T> [[nodiscard]] Result<T> requireFound(Result<std::optional<T>> found, std::string_view what)
{
    if (!found.ok())
        return std::move(found).error();
    if (!found.value())
        return makeError(ErrorCode::NotFound, std::string(what) + " not found");
    return std::move(*found.value());
}

// Moves each child into the `member` list of the parent whose id is its `parentId`, keeping their order.
template <typename Parent, typename Child>
void attachChildren(std::vector<Parent>& parents, std::vector<Child>&& children, std::int64_t Child::*parentId,
    std::vector<Child> Parent::*member)
{
    std::unordered_map<std::int64_t, Parent*> byId;
    for (Parent& parent : parents)
        byId.emplace(parent.id, &parent);
    for (Child& child : children) {
        if (const auto it = byId.find(child.*parentId); it != byId.end())
            (it->second->*member).push_back(std::move(child));
    }
}

// After an UPDATE or DELETE by id: NotFound when no row matched.
[[nodiscard]] Status requireChanged(const Database& db, std::string_view what);

// Dates of an open-ended range, as bounds that every stored date falls within.
[[nodiscard]] domain::Date lowerBound(const std::optional<domain::Date>& from);
[[nodiscard]] domain::Date upperBound(const std::optional<domain::Date>& to);

} // namespace techo::vault
