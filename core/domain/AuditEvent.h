#pragma once

#include "core/domain/Dates.h"

#include <cstdint>
#include <optional>
#include <string>

namespace techo::domain {

// What happened, never what the data was: detail carries identifiers and counts, not health values.
struct AuditEvent {
    std::int64_t id = 0;
    Timestamp occurredAt {};
    std::string action; // e.g. "import", "share.sent", "consent.revoked"
    std::optional<std::string> subjectKind; // e.g. "consent", "profile"
    std::optional<std::int64_t> subjectId;
    std::optional<std::string> detail;

    bool operator==(const AuditEvent&) const = default;
};

} // namespace techo::domain
