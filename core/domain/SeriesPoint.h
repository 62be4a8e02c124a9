#pragma once

#include "core/domain/Dates.h"
#include "core/domain/Observation.h"

#include <cstdint>

namespace techo::domain {

// One value of an item's trend: the observation and the checkup day it belongs to.
struct SeriesPoint {
    std::int64_t checkupId = 0;
    Date performedOn {};
    Observation observation;

    bool operator==(const SeriesPoint&) const = default;
};

} // namespace techo::domain
