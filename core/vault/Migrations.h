#pragma once

#include "core/util/Result.h"

#include <functional>
#include <span>
#include <string_view>

namespace techo::vault {

class Database;

// One schema step: takes the database from version (toVersion - 1) to toVersion.
struct Migration {
    int toVersion = 0;
    std::string_view description;
    std::function<Status(Database&)> apply;
};

// The ordered steps of the real schema (core/vault/Schema.cpp). Version 0 is an empty database.
[[nodiscard]] std::span<const Migration> schemaMigrations();
[[nodiscard]] int latestSchemaVersion();

// Brings the database to the last step's version, one transaction per step, recording each step in
// PRAGMA user_version inside its transaction. A database newer than the last step is refused
// (ErrorCode::NewerFormat) and left untouched; a failing step rolls back and stops.
[[nodiscard]] Status migrate(Database& db, std::span<const Migration> steps);

} // namespace techo::vault
