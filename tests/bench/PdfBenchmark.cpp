// techo-bench-pdf: how long the PDF summary for a doctor takes for one person of a workload (BenchSupport.h; the
// lifetime workload by default: one person, 40 years of checkups, dispensings and vaccinations from the sandbox).
// Timed in one process, fastest of five runs each, the output removed between runs:
//   baseline  exportRecords to JSON of the same person (read every record, write them): the reference the PDF's
//             time is given as a ratio of;
//   summary   buildDoctorSummary alone (core: one read, the clinical rules);
//   render    ui::renderDoctorSummaryPdf alone (layout twice, the charts, qpdf's text-layer repair);
//   pdf       exportRecords to PDF with ui::renderDoctorSummaryPdf (summary + layout + charts + qpdf + atomic write).
// Figures only, never a pass/fail. See docs/performance.md ("PDF summary").
#include "core/export/DoctorSummary.h"
#include "core/export/ExportJobs.h"
#include "core/import/ImportJobs.h"
#include "core/vault/ProfileRepository.h"
#include "tests/bench/BenchSupport.h"
#include "ui/DoctorSummaryPdf.h"

#include <QApplication>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <unistd.h>

namespace {

using namespace techo;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double fastestMs(int runs, const std::function<void()>& run)
{
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        run();
        best = std::min(best, std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    return best;
}

} // namespace

int main(int argc, char** argv)
{
    bench::setProgramName("techo-bench-pdf");
    QApplication app(argc, argv);
    std::string name = "lifetime";
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--workload" && i + 1 < argc)
            name = argv[++i];
        else {
            std::cerr << "Usage: techo-bench-pdf [--workload lifetime|family|stress]\n";
            return 2;
        }
    }
    const bench::Workload* workload = bench::findWorkload(name);
    if (!workload)
        bench::die("unknown workload " + name);
    const fs::path dir = fs::temp_directory_path() / ("techo-bench-pdf-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const fs::path path = dir / "bench.techo";
    auto vault = bench::freshVault(path);
    {
        std::cerr << name << ": import…\n";
        bench::Sandbox sandbox(*workload, dir);
        import::ApiImportRequest request;
        request.client = bench::clientConfig(sandbox);
        auto report = import::importFromApi(vault->database(), request);
        if (!report.ok())
            bench::die("import: " + report.error().message);
    }
    auto profiles = vault::ProfileRepository(vault->database()).list();
    if (!profiles.ok() || profiles->empty())
        bench::die("no profile");
    const std::int64_t person = profiles->front().id;

    exports::ExportRequest request;
    request.selection.profileId = person;
    const std::string out = (dir / "out").string();
    auto exportAs = [&](exports::ExportFormat format) {
        std::error_code ignored;
        fs::remove(out, ignored);
        request.format = format;
        request.outPath = out;
        request.renderPdf = format == exports::ExportFormat::Pdf ? exports::PdfRenderer(ui::renderDoctorSummaryPdf)
                                                                 : exports::PdfRenderer();
        auto report = exports::exportRecords(vault->database(), request);
        if (!report.ok())
            bench::die("export: " + report.error().message);
        return *report;
    };
    // A first PDF outside the timing: Qt loads the font and builds the glyph map once per process.
    const exports::ExportReport first = exportAs(exports::ExportFormat::Pdf);
    const double baseline = fastestMs(5, [&] { (void)exportAs(exports::ExportFormat::Json); });
    const double summary = fastestMs(5, [&] {
        if (!exports::buildDoctorSummary(vault->database(), request).ok())
            bench::die("summary");
    });
    auto built = exports::buildDoctorSummary(vault->database(), request);
    if (!built.ok())
        bench::die("summary");
    const double render = fastestMs(5, [&] {
        if (!ui::renderDoctorSummaryPdf(*built).ok())
            bench::die("render");
    });
    exports::ExportReport pdfReport;
    const double pdf = fastestMs(5, [&] { pdfReport = exportAs(exports::ExportFormat::Pdf); });
    std::printf(
        "{\"workload\":\"%s\",\"checkup_days\":%lld,\"trend_charts\":%lld,\"dispensing_lines\":%lld,"
        "\"pdf_bytes\":%llu,\"json_export_ms\":%.1f,\"summary_ms\":%.1f,\"render_ms\":%.1f,\"pdf_export_ms\":%.1f,"
        "\"pdf_over_json\":%.2f}\n",
        name.c_str(), static_cast<long long>(pdfReport.counts["checkup_days"]),
        static_cast<long long>(pdfReport.counts["trend_charts"]),
        static_cast<long long>(pdfReport.counts["dispensing_lines"]), static_cast<unsigned long long>(pdfReport.bytes),
        baseline, summary, render, pdf, pdf / baseline);
    (void)first;
    vault.reset();
    std::error_code ignored;
    fs::remove_all(dir, ignored);
    return 0;
}
