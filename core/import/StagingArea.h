#pragma once

#include "core/util/Result.h"
#include "core/vault/Database.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace techo::import {

// Where an import keeps the responses it fetched until the write phase, so that the network phase (minutes of
// polling) holds no lock on the vault while memory stays bounded by one response plus a small page cache: an
// encrypted scratch database (vault::Database::openScratch) that disappears with the object — never
// plaintext on disk.
class StagingArea final {
public:
    // The scratch file goes in `directory` (the vault's folder), removed from it at once.
    [[nodiscard]] static Result<StagingArea> open(const std::string& directory);

    // Keeps one response body with what it belongs to; bodies come back in the order they were added.
    [[nodiscard]] Status add(int personIndex, std::string_view infoKind, int part, std::string_view body);
    [[nodiscard]] std::int64_t count() const noexcept { return m_count; }
    [[nodiscard]] std::int64_t bytes() const noexcept { return m_bytes; }

    struct Entry {
        int personIndex = 0;
        std::string infoKind;
        int part = 0;
        std::string body;
    };
    // Calls `visit` for every body in order, one in memory at a time; stops at the first error it returns.
    [[nodiscard]] Status forEach(const std::function<Status(Entry&)>& visit);

private:
    explicit StagingArea(vault::Database db)
        : m_db(std::move(db))
    { }
    vault::Database m_db;
    std::int64_t m_count = 0;
    std::int64_t m_bytes = 0;
};

} // namespace techo::import
