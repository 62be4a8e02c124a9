#include "core/import/ImportJobs.h"

#include "core/vault/Database.h"

#include <fstream>
#include <sstream>

namespace techo::import {
namespace {

std::int64_t recordCount(const domain::RecordBatch& batch)
{
    return static_cast<std::int64_t>(batch.checkups.size() + batch.dispensings.size() + batch.vaccinations.size());
}

Status checkCancel(const net::CancelToken* cancel)
{
    if (cancel != nullptr && cancel->isCancelled())
        return makeError(ErrorCode::Cancelled, "the import was cancelled; nothing was changed");
    return {};
}

} // namespace

Result<ImportReport> importFromApi(vault::Database& db, const ApiImportRequest& request,
    const ProgressHandler& progress, const net::CancelToken* cancel)
{
    auto report = [&](const ImportProgress& p) {
        if (progress)
            progress(p);
    };
    mynaportal::Client client(request.client);
    report({"authorize", 0, 0, "", 0, 0, 0});
    TECHO_TRY(request.openBrowser ? client.authorizeInBrowser(request.openBrowser, request.browserTimeout, cancel)
                                  : client.authorize(cancel));
    if (client.persons().empty())
        return makeError(ErrorCode::Network, "the API granted access to no person");

    ImportOptions options;
    options.source = "mynaportal";
    options.origin = request.client.baseUrl;
    TECHO_ASSIGN(auto importer, Importer::begin(db, options));
    std::int64_t records = 0;
    const int personCount = static_cast<int>(client.persons().size());
    for (int personIndex = 0; personIndex < personCount; ++personIndex) {
        const domain::PersonInfo& person = client.persons()[static_cast<std::size_t>(personIndex)].info;
        TECHO_ASSIGN(const std::int64_t profileId, importer->ensureProfile(person));
        for (const mynaportal::InfoKind kind : request.kinds) {
            TECHO_TRY(checkCancel(cancel));
            const std::string kindCode(mynaportal::infoKindCode(kind));
            auto onPart = [&](std::string_view body, int partNumber) -> Result<int> {
                TECHO_ASSIGN(mynaportal::ResultPart part, mynaportal::parseResultPart(body, kind));
                if (part.batch.sourcePersonId != person.sourcePersonId)
                    return makeError(ErrorCode::InvalidData, "the API returned another person's records");
                records += recordCount(part.batch);
                TECHO_TRY(importer->apply(profileId, part.batch));
                report({"fetch", personIndex + 1, personCount, kindCode, partNumber, part.totalParts, records});
                TECHO_TRY(checkCancel(cancel));
                return part.totalParts;
            };
            TECHO_TRY(client.fetch(kind, person.sourcePersonId, request.since, request.until, onPart, cancel));
        }
    }
    TECHO_TRY(checkCancel(cancel));
    report({"commit", personCount, personCount, "", 0, 0, records});
    return importer->commit();
}

Result<ImportReport> importFromFile(
    vault::Database& db, const std::string& path, const ProgressHandler& progress, const net::CancelToken* cancel)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return makeError(ErrorCode::NotFound, "cannot read " + path);
    std::ostringstream content;
    content << file.rdbuf();
    if (!file.good() && !file.eof())
        return makeError(ErrorCode::Io, "cannot read " + path);
    const std::string body = std::move(content).str();

    TECHO_ASSIGN(mynaportal::ResultPart part, mynaportal::parseResultPart(body));
    TECHO_TRY(checkCancel(cancel));
    ImportOptions options;
    options.source = "mynaportal";
    options.origin = "file:" + path;
    TECHO_ASSIGN(auto importer, Importer::begin(db, options));
    domain::PersonInfo person = part.batch.person.value_or(domain::PersonInfo {});
    person.sourcePersonId = part.batch.sourcePersonId;
    TECHO_ASSIGN(const std::int64_t profileId, importer->ensureProfile(person));
    const std::int64_t records = recordCount(part.batch);
    TECHO_TRY(importer->apply(profileId, part.batch));
    TECHO_TRY(checkCancel(cancel));
    if (progress)
        progress({"commit", 1, 1, std::string(mynaportal::infoKindCode(part.kind)), 1, 1, records});
    return importer->commit();
}

} // namespace techo::import
