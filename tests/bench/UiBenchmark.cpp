// techo-bench-ui: the desktop app's figures on real vaults filled from the sandbox (the workloads of
// techo-bench-import, BenchSupport.h). For each workload:
//   (c) an import on another connection (a worker thread, as the app runs it) into the vault the GUI session has
//       open, while the GUI thread runs a 5 ms QTimer heartbeat and, every 200 ms, reads as a person browsing
//       would (the HbA1c trend chart, built and painted): the longest gap between heartbeats is the longest
//       GUI-thread stall, reported for the network phase and the write phase. Then the same import again into the
//       now-full vault (a re-import: every record unchanged), whose network phase the GUI reads real records in;
//   (b) unlock → dashboard painted: opening the session (the vault's test-only KDF: key derivation is not
//       measured), listing the profiles and the first person's dashboard (ui/DashboardView) laid out and painted;
//   (a) the trend charts: every chart the app can show (one per item or stack of related items) for a sample of
//       persons, each built and painted (showItem, layout, grab) — the fastest of three runs per chart counts;
//       the slowest chart and the longest series are reported.
// Figures only; never a pass/fail. See docs/performance.md ("Desktop app").
#include "core/clinical/ItemCatalog.h"
#include "core/crypto/KeyDerivation.h"
#include "core/import/ImportJobs.h"
#include "core/session/VaultSession.h"
#include "core/vault/CheckupRepository.h"
#include "core/vault/ProfileRepository.h"
#include "core/vault/Vault.h"
#include "tests/bench/BenchSupport.h"
#include "ui/DashboardView.h"
#include "ui/TrendChartPlot.h"
#include "ui/TrendChartView.h"

#include <QApplication>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEventLoop>
#include <QLineSeries>
#include <QPixmap>
#include <QTimer>
#include <QValueAxis>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using namespace techo;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using bench::die;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Runs the posted events the views leave behind (the chart's queued axis alignment and the layouts it causes),
// so what is timed ends with the widget as the person would see it.
void settle()
{
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::processEvents();
        // Qt Charts deletes a removed series' items with deleteLater(), which runs when control returns to the
        // event loop; the benchmark has none running, so it is flushed here (the app pays the same cost).
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

// The widget is laid out and polished as if on screen, but painted only by the timed grab(): on screen it would
// be painted once, by the window system's expose.
void showOffScreen(QWidget& widget)
{
    widget.setAttribute(Qt::WA_DontShowOnScreen);
    widget.show();
}

std::unique_ptr<session::VaultSession> openSession(const fs::path& path)
{
    auto s = session::VaultSession::open(path.string(), crypto::SecretBytes::fromString("bench"));
    if (!s.ok())
        die("open: " + s.error().message);
    return std::move(s).value();
}

// Every chart the app can draw: each numeric item once, a stack of related items (血圧, 脂質) once.
std::vector<QString> chartKeys()
{
    std::vector<QString> keys;
    std::vector<QString> covered;
    for (const clinical::LogicalItem& item : clinical::logicalItems()) {
        if (item.type != domain::ValueType::PQ)
            continue;
        const QString key = QString::fromUtf8(item.key.data(), qsizetype(item.key.size()));
        if (std::find(covered.begin(), covered.end(), key) != covered.end())
            continue;
        for (const QString& related : ui::TrendChartView::relatedKeys(key))
            covered.push_back(related);
        keys.push_back(key);
    }
    return keys;
}

struct StallFigures {
    double seconds = 0;
    double networkMaxMs = 0; // the longest heartbeat gap while the import was authorising and fetching
    double writeMaxMs = 0; // … while it wrote and committed
    long long beats = 0;
    long long reads = 0;
    long long failedReads = 0; // reads that got an error (e.g. the vault locked beyond the busy timeout)
};

StallFigures watchImport(const bench::Sandbox& sandbox, const fs::path& path, session::VaultSession& gui)
{
    std::atomic<int> stage {int(import::ImportStage::Authorize)};
    std::atomic<bool> done {false};
    std::string error;
    const auto start = Clock::now();
    std::thread worker([&] {
        auto v = vault::Vault::open(path.string(), crypto::SecretBytes::fromString("bench"));
        if (!v.ok()) {
            error = v.error().message;
        } else {
            import::ApiImportRequest request;
            request.client = bench::clientConfig(sandbox);
            auto report = import::importFromApi(
                v.value()->database(), request, [&](const import::ImportProgress& p) { stage = int(p.stage); });
            if (!report.ok())
                error = report.error().message;
        }
        done = true;
    });

    StallFigures f;
    ui::TrendChartView view;
    view.resize(1000, 640);
    showOffScreen(view);
    QEventLoop loop;
    QTimer heartbeat;
    heartbeat.setInterval(5);
    auto last = Clock::now();
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const double gap = msSince(last);
        last = Clock::now();
        ++f.beats;
        const bool writing = stage >= int(import::ImportStage::Write);
        (writing ? f.writeMaxMs : f.networkMaxMs) = std::max(writing ? f.writeMaxMs : f.networkMaxMs, gap);
        if (done)
            loop.quit();
    });
    QTimer reader;
    reader.setInterval(100);
    const auto read = [&] {
        ++f.reads;
        auto profiles = gui.healthRecords().profiles();
        if (!profiles.ok()) {
            ++f.failedReads;
            return;
        }
        if (profiles->empty())
            return;
        view.showItem(gui, profiles->front().id, QStringLiteral("hba1c"));
        if (!view.messageText().isEmpty() && view.plots().empty())
            ++f.failedReads; // an error in words (or no values yet) rather than a chart
        settle();
        (void)view.grab();
    };
    QObject::connect(&reader, &QTimer::timeout, read);
    heartbeat.start();
    reader.start();
    QTimer::singleShot(0, &reader, read); // the first read at once: a small import is over within 100 ms
    loop.exec();
    worker.join();
    f.seconds = msSince(start) / 1000;
    view.clear();
    if (!error.empty())
        die("import: " + error);
    return f;
}

struct DashboardFigures {
    double openMs = 0; // VaultSession::open with the test-only KDF
    double kdfMs = 0; // that KDF alone, to subtract
    double panelMs = 0; // the profiles listed and the first one's dashboard filled, laid out and painted
};

DashboardFigures measureDashboard(const fs::path& path)
{
    DashboardFigures f;
    {
        const auto start = Clock::now();
        auto key = crypto::deriveKey(
            crypto::SecretBytes::fromString("bench"), crypto::randomSalt(), crypto::KdfParams::insecureForTestsOnly());
        f.kdfMs = msSince(start);
        (void)key;
    }
    const auto start = Clock::now();
    auto session = openSession(path);
    f.openMs = msSince(start);
    // What the window does after an unlock: list the profiles (its switcher), then show the first one's dashboard.
    ui::DashboardView dashboard;
    dashboard.resize(1080, 680);
    showOffScreen(dashboard);
    settle();
    const auto painted = Clock::now();
    auto profiles = session->healthRecords().profiles();
    if (!profiles.ok() || profiles->empty())
        die("profiles: no profile to show");
    dashboard.showProfile(*session, profiles->front().id);
    settle();
    (void)dashboard.grab();
    f.panelMs = msSince(painted);
    dashboard.clearRecords();
    return f;
}

struct ChartFigures {
    int charts = 0;
    double slowestMs = 0;
    QString slowestKey;
    std::size_t slowestPoints = 0;
    double medianMs = 0;
    // The chart with the most points (the longest series) and its time.
    std::size_t longestPoints = 0;
    double longestMs = 0;
    QString longestKey;
};

ChartFigures measureCharts(session::VaultSession& session, int maxPersons)
{
    auto profiles = session.healthRecords().profiles();
    if (!profiles.ok())
        die("profiles: " + profiles.error().message);
    std::vector<std::int64_t> sample;
    const std::size_t n = profiles->size();
    const std::size_t take = std::min<std::size_t>(n, std::size_t(maxPersons));
    for (std::size_t i = 0; i < take; ++i)
        sample.push_back((*profiles)[i * n / take].id);

    ui::TrendChartView view;
    view.resize(1000, 640);
    showOffScreen(view);
    settle();
    const auto keys = chartKeys();
    // Warm-up: fonts, the first chart's scene and styles are loaded once per process, not per chart.
    if (!sample.empty()) {
        view.showItem(session, sample.front(), QStringLiteral("hba1c"));
        settle();
        (void)view.grab();
    }
    ChartFigures f;
    std::vector<double> times;
    for (const std::int64_t profile : sample) {
        for (const QString& key : keys) {
            double best = 1e30;
            std::size_t points = 0;
            for (int run = 0; run < 3; ++run) {
                const auto start = Clock::now();
                view.showItem(session, profile, key);
                settle();
                (void)view.grab();
                best = std::min(best, msSince(start));
                points = 0;
                for (const ui::TrendChartPlot* plot : view.plots())
                    points += plot->series().points.size();
            }
            if (view.plots().empty())
                continue; // nothing to draw for this person
            times.push_back(best);
            if (best > f.slowestMs) {
                f.slowestMs = best;
                f.slowestKey = key;
                f.slowestPoints = points;
            }
            if (points > f.longestPoints || (points == f.longestPoints && best > f.longestMs)) {
                f.longestPoints = points;
                f.longestMs = best;
                f.longestKey = key;
            }
        }
    }
    view.clear();
    f.charts = int(times.size());
    if (!times.empty()) {
        std::sort(times.begin(), times.end());
        f.medianMs = times[times.size() / 2];
    }
    return f;
}

// A person with a checkup every year for `years` years, written through the repositories: the "40-year series"
// the target names (the sandbox's persons have fewer checkups: 特定健診 starts at 40 and not everyone
// goes every year). Every chart item gets a value each year, varying across the bands; every 7th LDL is a bound.
std::int64_t writeDecades(vault::Vault& v, int years)
{
    domain::Profile person;
    person.displayName = "十年 一郎";
    person.sex = domain::Sex::Male;
    person.relationship = domain::Relationship::Self;
    person.createdAt = domain::nowUtc();
    auto id = vault::ProfileRepository(v.database()).insert(person);
    if (!id.ok())
        die(id.error().message);
    auto quantity = [](const char* code, double value, const char* unit) {
        domain::Observation o;
        o.itemCode = code;
        o.valueType = domain::ValueType::PQ;
        o.valueNum = value;
        o.unit = unit;
        o.unitAsSent = unit;
        return o;
    };
    for (int y = 0; y < years; ++y) {
        const double wave = (y % 9) / 8.0; // 0 … 1, so points cross the bands
        domain::Checkup c;
        c.profileId = *id;
        c.performedOn = domain::makeDate(1985 + y, 6, unsigned(1 + y % 27));
        c.observations = {quantity("3D046000001906202", 5.0 + 2.0 * wave, "%"),
            quantity("9A751000000000001", 115 + 35 * wave, "mmHg"),
            quantity("9A752000000000001", 113 + 35 * wave, "mmHg"),
            quantity("9A761000000000001", 70 + 25 * wave, "mmHg"),
            quantity("9A762000000000001", 72 + 25 * wave, "mmHg"),
            quantity("3F077000002327101", 100 + 60 * wave, "mg/dL"),
            quantity("3F070000002327101", 35 + 30 * wave, "mg/dL"),
            quantity("3F015000002327101", 80 + 260 * wave, "mg/dL"),
            quantity("3B090000002327101", 20 + 90 * wave, "U/L")};
        if (y % 7 == 3)
            c.observations[5].comparator = domain::Comparator::Less;
        if (auto r = vault::CheckupRepository(v.database()).insert(c); !r.ok())
            die(r.error().message);
    }
    return *id;
}

// The floor Qt Charts sets: a bare QChartView of the same size with one line series of the same number of points
// on a date axis and a value axis, built and painted the same way. The chart's time is reported against it.
double bareChartMs(int points)
{
    double best = 1e30;
    for (int run = 0; run < 5; ++run) {
        const auto start = Clock::now();
        auto* series = new QLineSeries;
        for (int i = 0; i < points; ++i)
            series->append(
                double(QDateTime(QDate(1985 + i, 6, 1), QTime(12, 0)).toMSecsSinceEpoch()), 5 + (i % 9) / 4.0);
        auto* chart = new QChart;
        chart->addSeries(series);
        auto* x = new QDateTimeAxis;
        auto* y = new QValueAxis;
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        QChartView view(chart);
        view.resize(1000, 640);
        showOffScreen(view);
        settle();
        (void)view.grab();
        best = std::min(best, msSince(start));
    }
    settle();
    return best;
}

struct DecadeFigures {
    double bareMs = 0; // bareChartMs(years)
    int years = 0;
    double hba1cMs = 0; // one plot, `years` points
    double bpMs = 0; // two plots
    double lipidsMs = 0; // three plots
};

DecadeFigures measureDecades(const fs::path& dir, int years)
{
    const fs::path path = dir / "decades.techo";
    std::int64_t person = 0;
    {
        auto v = bench::freshVault(path);
        person = writeDecades(*v, years);
    }
    auto session = openSession(path);
    ui::TrendChartView view;
    view.resize(1000, 640);
    showOffScreen(view);
    settle();
    auto time = [&](const QString& key) {
        double best = 1e30;
        for (int run = 0; run < 5; ++run) {
            const auto start = Clock::now();
            view.showItem(*session, person, key);
            settle();
            (void)view.grab();
            best = std::min(best, msSince(start));
        }
        if (view.plots().empty())
            die("no chart for " + key.toStdString());
        return best;
    };
    (void)time(QStringLiteral("ggt")); // warm-up
    DecadeFigures f;
    f.years = years;
    f.hba1cMs = time(QStringLiteral("hba1c"));
    f.bareMs = bareChartMs(years);
    f.bpMs = time(QStringLiteral("sbp"));
    f.lipidsMs = time(QStringLiteral("ldl"));
    view.clear();
    return f;
}

} // namespace

int main(int argc, char** argv)
{
    bench::setProgramName("techo-bench-ui");
    // Painting is measured in the raster engine on the offscreen platform unless the caller picks one (xcb).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::vector<std::string> selected;
    bool json = false;
    bool reimport = true;
    int personsOverride = 0;
    int chartPersons = 25;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--json")
            json = true;
        else if (arg == "--workload" && i + 1 < argc)
            selected.emplace_back(argv[++i]);
        else if (arg == "--persons" && i + 1 < argc)
            personsOverride = std::atoi(argv[++i]);
        else if (arg == "--chart-persons" && i + 1 < argc)
            chartPersons = std::max(1, std::atoi(argv[++i]));
        else if (arg == "--no-reimport")
            reimport = false;
        else {
            std::cerr << "Usage: techo-bench-ui [--workload lifetime|family|stress]... [--persons N] "
                         "[--chart-persons N] [--no-reimport] [--json]\n"
                         "  --persons N        override the workload's number of persons (for quick runs)\n"
                         "  --chart-persons N  persons whose charts are timed (evenly spread; default 25)\n"
                         "  --no-reimport      skip the second, unchanged import (its GUI stalls)\n";
            return arg == "--help" ? 0 : 2;
        }
    }
    if (selected.empty())
        selected = {"lifetime", "family", "stress"};
    {
        const fs::path dir = fs::temp_directory_path() / ("techo-bench-ui-" + std::to_string(getpid()) + "-decades");
        fs::create_directories(dir);
        const DecadeFigures d = measureDecades(dir, 45);
        fs::remove_all(dir);
        if (json)
            std::printf("{\"workload\":\"decades\",\"years\":%d,\"hba1c_ms\":%.1f,\"bare_chart_ms\":%.1f,"
                        "\"ratio\":%.2f,\"bp_ms\":%.1f,\"lipids_ms\":%.1f}\n",
                d.years, d.hba1cMs, d.bareMs, d.hba1cMs / d.bareMs, d.bpMs, d.lipidsMs);
        else
            std::printf(
                "decades   one person, a checkup every year for %d years: HbA1c chart %.1f ms (a bare Qt Charts "
                "line of %d points %.1f ms: ratio %.2f), blood pressure (2 plots) %.1f ms, lipids (3 plots) "
                "%.1f ms\n",
                d.years, d.hba1cMs, d.years, d.bareMs, d.hba1cMs / d.bareMs, d.bpMs, d.lipidsMs);
        std::fflush(stdout);
    }
    for (const std::string& name : selected) {
        const bench::Workload* w = bench::findWorkload(name);
        if (w == nullptr)
            die("unknown workload " + name);
        bench::Workload chosen = *w;
        if (personsOverride > 0)
            chosen.persons = personsOverride;
        const fs::path dir = fs::temp_directory_path() / ("techo-bench-ui-" + std::to_string(getpid()) + "-" + name);
        fs::create_directories(dir);
        const fs::path path = dir / "ui.techo";
        StallFigures first;
        StallFigures again;
        DashboardFigures dashboard;
        ChartFigures charts;
        long long observations = 0;
        {
            bench::Sandbox sandbox(chosen, dir);
            (void)bench::freshVault(path);
            auto gui = openSession(path);
            std::cerr << name << ": import…\n";
            first = watchImport(sandbox, path, *gui);
            if (reimport) {
                std::cerr << name << ": re-import…\n";
                again = watchImport(sandbox, path, *gui);
            }
            auto counts = gui->counts();
            if (counts.ok() && counts->count("observations"))
                observations = counts->at("observations");
        }
        std::cerr << name << ": dashboard…\n";
        dashboard = measureDashboard(path);
        std::cerr << name << ": trend charts…\n";
        {
            auto session = openSession(path);
            charts = measureCharts(*session, chartPersons);
        }
        fs::remove_all(dir);
        if (json) {
            std::printf("{\"workload\":\"%s\",\"persons\":%d,\"observations\":%lld,"
                        "\"import_s\":%.2f,\"stall_network_ms\":%.1f,\"stall_write_ms\":%.1f,\"reads\":%lld,"
                        "\"failed_reads\":%lld,\"reimport_s\":%.2f,\"reimport_stall_network_ms\":%.1f,"
                        "\"reimport_stall_write_ms\":%.1f,\"open_ms\":%.1f,\"kdf_ms\":%.1f,\"dashboard_ms\":%.1f,"
                        "\"charts\":%d,\"chart_slowest_ms\":%.1f,\"chart_slowest\":\"%s\",\"chart_slowest_points\":%zu,"
                        "\"chart_median_ms\":%.1f,\"chart_longest_points\":%zu,\"chart_longest_ms\":%.1f}\n",
                name.c_str(), chosen.persons, observations, first.seconds, first.networkMaxMs, first.writeMaxMs,
                first.reads, first.failedReads, again.seconds, again.networkMaxMs, again.writeMaxMs, dashboard.openMs,
                dashboard.kdfMs, dashboard.panelMs, charts.charts, charts.slowestMs, qPrintable(charts.slowestKey),
                charts.slowestPoints, charts.medianMs, charts.longestPoints, charts.longestMs);
        } else {
            std::printf("%-9s %5d persons %8lld observations\n", name.c_str(), chosen.persons, observations);
            std::printf("  import %.2f s: longest GUI stall %.1f ms (network phase), %.1f ms (write phase); "
                        "%lld reads, %lld failed\n",
                first.seconds, first.networkMaxMs, first.writeMaxMs, first.reads, first.failedReads);
            if (reimport)
                std::printf("  re-import %.2f s: longest GUI stall %.1f ms (network phase), %.1f ms (write phase); "
                            "%lld reads, %lld failed\n",
                    again.seconds, again.networkMaxMs, again.writeMaxMs, again.reads, again.failedReads);
            std::printf(
                "  unlock → dashboard painted: %.1f ms (open %.1f ms incl. test KDF %.1f ms; dashboard %.1f ms)\n",
                dashboard.openMs - dashboard.kdfMs + dashboard.panelMs, dashboard.openMs, dashboard.kdfMs,
                dashboard.panelMs);
            std::printf("  trend charts (%d timed): slowest %.1f ms (%s, %zu points), median %.1f ms; longest series "
                        "%zu points: %.1f ms (%s)\n",
                charts.charts, charts.slowestMs, qPrintable(charts.slowestKey), charts.slowestPoints, charts.medianMs,
                charts.longestPoints, charts.longestMs, qPrintable(charts.longestKey));
        }
        std::fflush(stdout);
    }
    return 0;
}
