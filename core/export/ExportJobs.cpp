#include "core/export/ExportJobs.h"

#include "core/export/CsvExport.h"
#include "core/export/DoctorSummary.h"
#include "core/export/ExportOutput.h"
#include "core/export/ExportSource.h"
#include "core/export/FhirExport.h"
#include "core/export/JsonExport.h"
#include "core/net/CancelToken.h"
#include "core/vault/AuditRepository.h"

namespace techo::exports {
namespace {

// The one check of a selection before anything is read (the export and its preview alike).
Status checkSelection(const ExportSelection& selection)
{
    if (selection.from && selection.to && *selection.from > *selection.to)
        return makeError(ErrorCode::Usage, "the start of the period is after its end").withKey("export.bad_period");
    return {};
}

// The PDF summary: core builds it (one read snapshot, closed before rendering), the request's renderer lays it out,
// and the bytes go through the same staging as every export. The target is checked before any work; a cancel is
// noticed while the records are read and before and after the layout (which cannot itself be interrupted).
Result<ExportReport> writePdfSummary(vault::Database& db, const ExportRequest& request)
{
    if (!request.renderPdf)
        return makeError(ErrorCode::Usage, "this program cannot lay out a PDF (it was built without the GUI)")
            .withKey("export.pdf_unavailable");
    const auto checkCancelled = [&request]() -> Status {
        if (request.cancel != nullptr && request.cancel->isCancelled())
            return makeError(ErrorCode::Cancelled, "the export was cancelled; nothing was written")
                .withKey("export.cancelled");
        return {};
    };
    TECHO_ASSIGN(StagedOutput staged, StagedOutput::create(request.outPath, StagedOutput::Kind::File));
    TECHO_ASSIGN(const DoctorSummary summary, buildDoctorSummary(db, request));
    ExportReport report;
    report.path = request.outPath;
    report.counts = summaryCounts(summary);
    TECHO_TRY(checkCancelled());
    if (request.progress)
        request.progress(ExportProgress {"rendering", 0, 0});
    TECHO_ASSIGN(const std::string pdf, request.renderPdf(summary));
    TECHO_TRY(checkCancelled());
    if (request.progress)
        request.progress(ExportProgress {"writing", 0, 0});
    TECHO_ASSIGN(ExportFile file, staged.file());
    TECHO_TRY(file.write(pdf));
    report.bytes = file.bytesWritten();
    TECHO_ASSIGN(report.sha256, file.finish());
    TECHO_TRY(checkCancelled()); // a cancel after the last byte still leaves nothing
    TECHO_TRY(staged.publish());
    return report;
}

} // namespace

Result<ExportReport> exportRecords(vault::Database& db, ExportRequest request)
{
    if (request.now == domain::Timestamp {})
        request.now = domain::nowUtc();
    TECHO_TRY(checkSelection(request.selection));
    if (request.zip && request.format != ExportFormat::Csv)
        return makeError(ErrorCode::Usage, "only a CSV export can be a zip").withKey("export.zip_not_csv");
    ExportReport report;
    report.path = request.outPath;
    if (request.format == ExportFormat::Pdf) {
        TECHO_ASSIGN(report, writePdfSummary(db, request));
    } else {
        TECHO_ASSIGN(std::unique_ptr<ExportSource> source, ExportSource::open(db, request.selection));
        TECHO_TRY(source->watch(request.progress, request.cancel));
        if (request.format == ExportFormat::Json || request.format == ExportFormat::Fhir) {
            TECHO_ASSIGN(StagedOutput staged, StagedOutput::create(request.outPath, StagedOutput::Kind::File));
            TECHO_ASSIGN(ExportFile file, staged.file());
            if (request.format == ExportFormat::Json) {
                TECHO_ASSIGN(report.counts, writeJsonExport(*source, request, file));
            } else {
                TECHO_ASSIGN(report.counts, writeFhirExport(*source, request, file));
            }
            report.bytes = file.bytesWritten();
            TECHO_ASSIGN(report.sha256, file.finish());
            source->close();
            TECHO_TRY(source->checkCancelled()); // a cancel after the last record still leaves nothing
            TECHO_TRY(staged.publish());
        } else if (request.zip) {
            TECHO_ASSIGN(StagedOutput staged, StagedOutput::create(request.outPath, StagedOutput::Kind::File));
            TECHO_ASSIGN(CsvZipResult written, writeCsvZip(*source, request, staged));
            report.counts = std::move(written.counts);
            report.sha256 = std::move(written.sha256);
            report.bytes = written.bytes;
            source->close();
            TECHO_TRY(source->checkCancelled()); // a cancel after the last record still leaves nothing
            TECHO_TRY(staged.publish());
        } else {
            TECHO_ASSIGN(StagedOutput staged, StagedOutput::create(request.outPath, StagedOutput::Kind::Folder));
            TECHO_ASSIGN(CsvExportResult written, writeCsvExport(*source, request, staged));
            report.counts = std::move(written.counts);
            report.sha256 = folderDigest(written.fileSha256);
            source->close();
            TECHO_TRY(source->checkCancelled()); // a cancel after the last record still leaves nothing
            TECHO_TRY(staged.publish());
        }
    }
    // What, when, how, how much, and the digest that identifies the written bytes — nothing of the data itself.
    domain::AuditEvent event;
    event.occurredAt = request.now;
    event.action = "export.completed";
    if (request.selection.profileId) {
        event.subjectKind = "profile";
        event.subjectId = *request.selection.profileId;
    }
    std::string detail = "format=" + std::string(toString(request.format))
        + " categories=" + request.selection.categories.toString()
        + " from=" + (request.selection.from ? domain::formatDate(*request.selection.from) : std::string("-"))
        + " to=" + (request.selection.to ? domain::formatDate(*request.selection.to) : std::string("-"));
    for (const auto& [kind, n] : report.counts)
        detail += " " + kind + "=" + std::to_string(n);
    detail += " sha256=" + report.sha256;
    event.detail = std::move(detail);
    auto appended = vault::AuditRepository(db).append(event);
    if (!appended.ok()) {
        // An export the audit trail does not know of must not stay behind.
        removeExportOutput(request.outPath);
        return std::move(appended).error();
    }
    report.auditEventId = appended.value();
    return report;
}

Result<std::map<std::string, std::int64_t>> countRecords(vault::Database& db, const ExportSelection& selection)
{
    TECHO_TRY(checkSelection(selection));
    TECHO_ASSIGN(std::unique_ptr<ExportSource> source, ExportSource::open(db, selection));
    return source->count();
}

} // namespace techo::exports
