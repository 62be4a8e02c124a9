#include "core/import/ImportJobs.h"

#include "core/export/JsonImport.h"
#include "core/import/Importer.h"
#include "core/import/StagingArea.h"
#include "core/mynaportal/ResultEnvelope.h"
#include "core/vault/Database.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
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
        return makeError(ErrorCode::Cancelled, "the import was cancelled; nothing was changed")
            .withKey("import.cancelled");
    return {};
}

// The last part of a path ("records" for "/home/…/records/" too): what messages name, never the folders above it.
std::string fileName(const std::string& path)
{
    const std::filesystem::path p(path);
    return (p.has_filename() ? p.filename() : p.parent_path().filename()).string();
}

// What a file that is neither a Techo JSON export nor a Mynaportal-style response is, when Techo can tell: another
// of its own exports (a CSV file or folder, the CSV zip, the FHIR bundle) or a zip archive. Each error says what
// the file is and what Techo can import instead (docs/export-format.md, "Reading an export back"). Nothing for a
// file Techo does not recognise: the caller keeps the reader's own error then.
std::optional<Error> recogniseOtherFile(const std::string& path, std::string_view body)
{
    const std::string name = fileName(path);
    // "<name> is <what>; …": the file's name only (its folder may hold the person's name).
    const auto is = [&](const std::string& what) {
        return makeError(ErrorCode::InvalidData,
            name + " is " + what + "; Techo imports its own JSON export and Mynaportal-style JSON responses");
    };
    if (body.starts_with("PK\x03\x04") || body.starts_with("PK\x05\x06"))
        return is("a zip archive (a CSV export made with --zip is one)")
            .withKey("import.file_is_zip")
            .with("name", name);
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string_view text = body;
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    // A Techo CSV file (English or Japanese headers: every one starts with the profile id) or any .csv file.
    if (lower.ends_with(".csv") || text.starts_with("profile_id,") || text.starts_with("プロファイルID,"))
        return is("a CSV file").withKey("import.file_is_csv").with("name", name);
    const nlohmann::json doc = nlohmann::json::parse(body, nullptr, false);
    if (doc.is_object() && doc.contains("resourceType") && doc["resourceType"].is_string())
        return is("a FHIR resource (" + doc["resourceType"].get<std::string>() + ")")
            .withKey("import.file_is_fhir")
            .with("name", name);
    return std::nullopt;
}

} // namespace

std::string_view stageName(ImportStage stage) noexcept
{
    switch (stage) {
    case ImportStage::Authorize:
        return "authorize";
    case ImportStage::Fetch:
        return "fetch";
    case ImportStage::Write:
        return "write";
    case ImportStage::Commit:
        return "commit";
    }
    return "";
}

Result<ImportReport> importFromApi(vault::Database& db, const ApiImportRequest& request,
    const ProgressHandler& progress, const net::CancelToken* cancel)
{
    auto report = [&](const ImportProgress& p) {
        if (progress)
            progress(p);
    };
    // --- network phase: nothing here touches the vault.
    mynaportal::Client client(request.client);
    report({ImportStage::Authorize, 0, 0, "", 0, 0, 0});
    TECHO_TRY(request.openBrowser ? client.authorizeInBrowser(request.openBrowser, request.browserTimeout, cancel)
                                  : client.authorize(cancel));
    if (client.persons().empty())
        return makeError(ErrorCode::Network, "the API granted access to no person").withKey("import.no_person");

    const std::string vaultFile = db.fileName();
    const auto slash = vaultFile.find_last_of('/');
    TECHO_ASSIGN(StagingArea staging, StagingArea::open(slash == std::string::npos ? "." : vaultFile.substr(0, slash)));
    std::map<std::string, mynaportal::InfoKind, std::less<>> kindsByCode;
    const int personCount = static_cast<int>(client.persons().size());
    std::int64_t parts = 0;
    for (int personIndex = 0; personIndex < personCount; ++personIndex) {
        const domain::PersonInfo& person = client.persons()[static_cast<std::size_t>(personIndex)].info;
        for (const mynaportal::InfoKind kind : request.kinds) {
            TECHO_TRY(checkCancel(cancel));
            const std::string kindCode(mynaportal::infoKindCode(kind));
            kindsByCode.emplace(kindCode, kind);
            auto onPart = [&](std::string_view body, int partNumber) -> Result<int> {
                TECHO_ASSIGN(const mynaportal::ResultEnvelope envelope, mynaportal::readResultEnvelope(body, kind));
                if (envelope.personId != person.sourcePersonId)
                    return makeError(ErrorCode::InvalidData, "the API returned another person's records")
                        .withKey("import.wrong_person");
                TECHO_TRY(staging.add(personIndex, kindCode, partNumber, body));
                ++parts;
                report({ImportStage::Fetch, personIndex + 1, personCount, kindCode, partNumber, envelope.totalParts,
                    staging.count()});
                TECHO_TRY(checkCancel(cancel));
                return envelope.totalParts;
            };
            TECHO_TRY(client.fetch(kind, person.sourcePersonId, request.since, request.until, onPart, cancel));
        }
    }
    TECHO_TRY(checkCancel(cancel));

    // --- write phase: one transaction, as short as mapping and writing the staged responses.
    ImportOptions options;
    options.source = "mynaportal";
    options.origin = request.client.baseUrl;
    options.policy = request.policy;
    TECHO_ASSIGN(auto importer, Importer::begin(db, options));
    std::int64_t records = 0;
    const auto writeEntry = [&](StagingArea::Entry& entry) -> Status {
        TECHO_TRY(checkCancel(cancel));
        TECHO_ASSIGN(mynaportal::ResultPart part,
            mynaportal::parseResultPart(entry.body, kindsByCode.at(entry.infoKind), {request.policy.clock}));
        entry.body.clear();
        const domain::PersonInfo& person = client.persons()[static_cast<std::size_t>(entry.personIndex)].info;
        records += recordCount(part.batch);
        TECHO_TRY(importer->applyForPerson(part.batch, &person));
        report({ImportStage::Write, entry.personIndex + 1, personCount, entry.infoKind, entry.part, part.totalParts,
            records});
        return {};
    };
    TECHO_TRY(staging.forEach(writeEntry));
    TECHO_TRY(checkCancel(cancel));
    report({ImportStage::Commit, personCount, personCount, "", 0, 0, records});
    return importer->commit();
}

Result<ImportReport> importFromFile(vault::Database& db, const std::string& path, const ProgressHandler& progress,
    const net::CancelToken* cancel, const ImportPolicy& policy)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        const std::string name = fileName(path);
        // A CSV export folder always holds profiles.csv (docs/export-format.md).
        const bool csvExport = std::filesystem::exists(std::filesystem::path(path) / "profiles.csv", ec);
        return makeError(ErrorCode::InvalidData,
            name + " is a folder" + (csvExport ? " (a Techo CSV export)" : "")
                + "; Techo imports one file: its own JSON export or a Mynaportal-style JSON response")
            .withKey(csvExport ? "import.folder_is_csv" : "import.file_is_folder")
            .with("name", name);
    }
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return makeError(ErrorCode::NotFound, "cannot read " + path).withKey("import.cannot_read").with("path", path);
    std::ostringstream content;
    content << file.rdbuf();
    if (!file.good() && !file.eof())
        return makeError(ErrorCode::Io, "cannot read " + path).withKey("import.cannot_read").with("path", path);
    const std::string body = std::move(content).str();
    if (exports::looksLikeTechoExport(body)) // Techo's own JSON export (docs/export-format.md)
        return exports::importTechoExport(db, body, "file:" + path, progress, cancel, policy);

    auto parsed = mynaportal::parseResultPart(body, std::nullopt, {policy.clock});
    if (!parsed.ok()) {
        if (std::optional<Error> other = recogniseOtherFile(path, body))
            return std::move(*other);
        return parsed.error();
    }
    mynaportal::ResultPart part = std::move(parsed).value();
    TECHO_TRY(checkCancel(cancel));
    ImportOptions options;
    options.source = "mynaportal";
    options.origin = "file:" + path;
    options.policy = policy;
    TECHO_ASSIGN(auto importer, Importer::begin(db, options));
    const std::int64_t records = recordCount(part.batch);
    if (progress)
        progress({ImportStage::Write, 1, 1, std::string(mynaportal::infoKindCode(part.kind)), 1, 1, records});
    TECHO_TRY(importer->applyForPerson(part.batch));
    TECHO_TRY(checkCancel(cancel));
    if (progress)
        progress({ImportStage::Commit, 1, 1, std::string(mynaportal::infoKindCode(part.kind)), 1, 1, records});
    return importer->commit();
}

} // namespace techo::import
