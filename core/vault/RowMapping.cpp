#include "core/vault/RowMapping.h"

#include <limits>

namespace techo::vault {

// ---- Params ----

Params& Params::add(std::int64_t value)
{
    m_stmt.bind(m_next++, value);
    return *this;
}

Params& Params::add(double value)
{
    m_stmt.bind(m_next++, value);
    return *this;
}

Params& Params::add(std::string_view text)
{
    m_stmt.bind(m_next++, text);
    return *this;
}

Params& Params::add(domain::Date date)
{
    if (!domain::isStorableDate(date)) {
        if (!m_error)
            m_error = makeError(ErrorCode::InvalidData,
                "parameter " + std::to_string(m_next) + " is not a valid date in the years 0001-9999");
        return addNull();
    }
    return add(domain::formatDate(date));
}

Params& Params::add(domain::Timestamp timestamp)
{
    if (!domain::isStorableTimestamp(timestamp)) {
        if (!m_error)
            m_error = makeError(ErrorCode::InvalidData,
                "parameter " + std::to_string(m_next) + " is not a time in the years 0001-9999");
        return addNull();
    }
    return add(domain::formatTimestamp(timestamp));
}

Params& Params::addNull()
{
    m_stmt.bindNull(m_next++);
    return *this;
}

Status Params::status() const
{
    if (m_error)
        return *m_error;
    return {};
}

Status Params::run()
{
    if (m_error) {
        m_stmt.reset();
        return *m_error;
    }
    return m_stmt.run();
}

Result<bool> Params::step()
{
    if (m_error) {
        m_stmt.reset();
        return *m_error;
    }
    return m_stmt.step();
}

// ---- Row ----

int Row::integer()
{
    const int column = m_col;
    const std::int64_t value = int64();
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
        fail(column, "an out-of-range number");
        return 0;
    }
    return static_cast<int>(value);
}

domain::Date Row::date()
{
    const int column = m_col;
    const auto value = domain::parseDate(text());
    if (!value) {
        fail(column, "a malformed date");
        return {};
    }
    return *value;
}

domain::Timestamp Row::timestamp()
{
    const int column = m_col;
    const auto value = domain::parseTimestamp(text());
    if (!value) {
        fail(column, "a malformed time");
        return {};
    }
    return *value;
}

void Row::fail(int column, std::string_view what)
{
    if (!m_error)
        m_error = makeError(
            ErrorCode::Damaged, "the vault holds " + std::string(what) + " in result column " + std::to_string(column));
}

Status Row::status() const
{
    if (m_error)
        return *m_error;
    return {};
}

// ---- shared helpers ----

void addProvenance(Params& params, const domain::Provenance& provenance)
{
    params.add(provenance.source).add(provenance.sourceRecordId).add(provenance.fetchedAt).add(provenance.importRunId);
}

domain::Provenance readProvenance(Row& row)
{
    domain::Provenance provenance;
    provenance.source = row.text();
    provenance.sourceRecordId = row.optionalText();
    provenance.fetchedAt = row.optionalTimestamp();
    provenance.importRunId = row.optionalInt64();
    return provenance;
}

Status requireChanged(const Database& db, std::string_view what)
{
    if (db.changes() == 0)
        return makeError(ErrorCode::NotFound, std::string(what) + " not found");
    return {};
}

domain::Date lowerBound(const std::optional<domain::Date>& from)
{
    return from.value_or(domain::makeDate(1, 1, 1));
}

domain::Date upperBound(const std::optional<domain::Date>& to)
{
    return to.value_or(domain::makeDate(9999, 12, 31));
}

} // namespace techo::vault
