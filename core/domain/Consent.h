#pragma once

#include "core/domain/Dates.h"
#include "core/domain/RecordCategory.h"

#include <cstdint>
#include <optional>
#include <string>

namespace techo::domain {

// Permission to share some categories of one profile's records, from a date window, with one PHR service.
struct Consent {
    std::int64_t id = 0;
    std::int64_t providerId = 0; // the recipient (a Provider of kind phr_service)
    std::int64_t profileId = 0;
    RecordCategorySet categories;
    std::string purpose;
    std::optional<Date> dataFrom; // records dated before this are not covered; nullopt = no lower bound
    std::optional<Date> dataTo; // inclusive; nullopt = no upper bound
    Timestamp grantedAt {};
    std::optional<Timestamp> expiresAt; // exclusive: at expiresAt the consent is no longer active
    std::optional<Timestamp> revokedAt; // exclusive, like expiresAt

    // Active from grantedAt (inclusive) until the earlier of expiry and revocation (exclusive).
    [[nodiscard]] bool isActiveAt(Timestamp at) const noexcept
    {
        return at >= grantedAt && (!expiresAt || at < *expiresAt) && (!revokedAt || at < *revokedAt);
    }

    // Whether a record of `category` dated `recordDate` falls inside what was consented to (ignores time).
    [[nodiscard]] bool covers(RecordCategory category, Date recordDate) const noexcept
    {
        return categories.contains(category) && (!dataFrom || recordDate >= *dataFrom)
            && (!dataTo || recordDate <= *dataTo);
    }

    bool operator==(const Consent&) const = default;
};

} // namespace techo::domain
