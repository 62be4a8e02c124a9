#pragma once

#include "core/import/Importer.h"
#include "core/mynaportal/Client.h"
#include "core/net/CancelToken.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace techo::vault {
class Database;
}

namespace techo::import {

// Where an import is, for progress bars and logs. Never carries record content.
struct ImportProgress {
    std::string stage; // "authorize", "fetch", "commit"
    int personIndex = 0;
    int personCount = 0;
    std::string infoKind; // "TKK", "YZK", "PMH_VAC"
    int part = 0;
    int totalParts = 0;
    std::int64_t recordsSoFar = 0;
};
using ProgressHandler = std::function<void(const ImportProgress&)>;

struct ApiImportRequest {
    mynaportal::ClientConfig client;
    std::optional<domain::Date> since;
    std::optional<domain::Date> until;
    // When set, the person authorises in a browser (the real service's flow) instead of the sandbox's
    // automatic approval; the redirect comes back to a loopback listener.
    mynaportal::Client::BrowserOpener openBrowser;
    std::chrono::milliseconds browserTimeout {std::chrono::minutes(10)};
    std::vector<mynaportal::InfoKind> kinds {
        mynaportal::InfoKind::Checkups, mynaportal::InfoKind::Dispensings, mynaportal::InfoKind::Vaccinations};
};

// The whole flow: authorize, then request/status/result for every kind and every person the token
// covers, importing part by part inside ONE transaction. Any failure or a cancel rolls it all back.
[[nodiscard]] Result<ImportReport> importFromApi(vault::Database& db, const ApiImportRequest& request,
    const ProgressHandler& progress = {}, const net::CancelToken* cancel = nullptr);

// Imports a saved /result response body (as the API returned it) with the same rules.
[[nodiscard]] Result<ImportReport> importFromFile(vault::Database& db, const std::string& path,
    const ProgressHandler& progress = {}, const net::CancelToken* cancel = nullptr);

} // namespace techo::import
