#pragma once

#include "core/domain/Dates.h"
#include "core/domain/EnumNames.h"
#include "core/domain/RecordCategory.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace techo::domain {

enum class ShareStatus { Sent, Failed };

template <> struct EnumNames<ShareStatus> {
    static constexpr std::array<std::pair<ShareStatus, std::string_view>, 2> kValues = {{
        {ShareStatus::Sent, "sent"},
        {ShareStatus::Failed, "failed"},
    }};
};

// One record that a share sent. recordId is not a foreign key: the item stays as history after the
// record itself is deleted.
struct ShareItem {
    RecordCategory category = RecordCategory::Checkup;
    std::int64_t recordId = 0;

    bool operator==(const ShareItem&) const = default;
};

// One attempt to send a package to a PHR service under a consent.
struct ShareRecord {
    std::int64_t id = 0;
    std::int64_t consentId = 0;
    std::int64_t providerId = 0;
    Timestamp sharedAt {};
    ShareStatus status = ShareStatus::Sent;
    std::optional<std::string> packageSha256; // hex digest of what was sent
    std::int64_t recordCount = 0;
    std::optional<std::string> detail; // identifiers and counts only, never health values
    std::vector<ShareItem> items; // ordered by (category name, recordId) when read back

    bool operator==(const ShareRecord&) const = default;
};

} // namespace techo::domain
