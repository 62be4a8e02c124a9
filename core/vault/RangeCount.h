#pragma once

#include <cstdint>

namespace techo::vault {

// What a repository's listByProfile(profile, from, to) would return, counted without reading it: the records and
// the children they carry (observations of checkups, medication lines of dispensings; 0 for vaccinations).
struct RangeCount {
    std::int64_t records = 0;
    std::int64_t children = 0;
};

} // namespace techo::vault
