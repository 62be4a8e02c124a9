// techo-bench-import: records per second through the full import path (sandbox → HTTPS → parse →
// vault) and through the importer alone from saved responses, peak RSS, and the importer's time as a
// ratio of a baseline measured in the same run: the same records parsed with nlohmann/json and inserted
// with prepared statements into a SQLCipher file with the same key, nothing else.
// Each phase runs in its own child process so its peak RSS is its own.
#include "core/import/ImportJobs.h"
#include "core/import/Importer.h"
#include "core/mynaportal/Client.h"
#include "core/mynaportal/ResultMapping.h"
#include "core/vault/Database.h"
#include "core/vault/Vault.h"
#include "tests/bench/BenchSupport.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <tuple>
#include <unistd.h>
#include <vector>

namespace {

using namespace techo;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using bench::clientConfig;
using bench::die;
using bench::freshVault;
using bench::Sandbox;
using bench::Workload;

// ---- phases, each run in a child; the child writes "seconds records" to a pipe ----

struct PhaseResult {
    double seconds = 0;
    long long records = 0;
    long long observations = 0;
    double peakRssMb = 0;
    // Full path only: how long the write transaction lasted, and what a reader on another connection (the
    // desktop app) saw meanwhile: the longest single read, and how many reads it made.
    double writeSeconds = 0;
    double readerMaxWaitMs = 0;
    long long reads = 0;
};

template <typename Fn> PhaseResult inChild(Fn&& phase)
{
    int fds[2];
    if (pipe(fds) != 0)
        die("pipe failed");
    const pid_t pid = fork();
    if (pid < 0)
        die("fork failed");
    if (pid == 0) {
        close(fds[0]);
        const PhaseResult r = phase();
        const std::string text = std::to_string(r.seconds) + " " + std::to_string(r.records) + " "
            + std::to_string(r.observations) + " " + std::to_string(r.writeSeconds) + " "
            + std::to_string(r.readerMaxWaitMs) + " " + std::to_string(r.reads);
        (void)!write(fds[1], text.data(), text.size());
        close(fds[1]);
        _exit(0);
    }
    close(fds[1]);
    std::string text;
    char buffer[256];
    ssize_t n = 0;
    while ((n = read(fds[0], buffer, sizeof buffer)) > 0)
        text.append(buffer, static_cast<std::size_t>(n));
    close(fds[0]);
    int status = 0;
    rusage usage {};
    wait4(pid, &status, 0, &usage);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || text.empty())
        die("a benchmark phase failed");
    PhaseResult result;
    std::istringstream in(text);
    in >> result.seconds >> result.records >> result.observations >> result.writeSeconds >> result.readerMaxWaitMs
        >> result.reads;
    result.peakRssMb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    return result;
}

long long observationCount(vault::Vault& v)
{
    auto counts = v.counts();
    return counts.ok() ? counts->at("observations") : 0;
}

long long rowCount(vault::Vault& v)
{
    auto counts = v.counts();
    if (!counts.ok())
        die(counts.error().message);
    long long n = 0;
    for (const char* kind : {"checkups", "observations", "vaccinations", "dispensings", "medication_lines"})
        n += counts->at(kind);
    return n;
}

double since(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Saves every /result body the sandbox serves, in order, as files: the input of the file phases.
std::vector<fs::path> capture(const Sandbox& sandbox, const fs::path& dir)
{
    mynaportal::Client client(clientConfig(sandbox));
    if (Status s = client.authorize(); !s.ok())
        die("authorize: " + s.error().message);
    std::vector<fs::path> files;
    for (const auto& person : client.persons()) {
        for (auto kind :
            {mynaportal::InfoKind::Checkups, mynaportal::InfoKind::Dispensings, mynaportal::InfoKind::Vaccinations}) {
            auto onPart = [&](std::string_view body, int) -> Result<int> {
                const fs::path file = dir / ("part-" + std::to_string(files.size()) + ".json");
                std::ofstream(file, std::ios::binary) << body;
                files.push_back(file);
                const auto info = nlohmann::json::parse(body)["medicalInsuranceInfoProvisionInfo"];
                return info["totalParts"].get<int>();
            };
            if (Status s = client.fetch(kind, person.info.sourcePersonId, std::nullopt, std::nullopt, onPart); !s.ok())
                die("fetch: " + s.error().message);
        }
    }
    return files;
}

std::string slurp(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return std::move(content).str();
}

PhaseResult importerPhase(const std::vector<fs::path>& files, const fs::path& vaultPath)
{
    auto v = freshVault(vaultPath);
    const auto start = Clock::now();
    import::ImportOptions options;
    options.origin = "bench";
    auto importer = import::Importer::begin(v->database(), options);
    if (!importer.ok())
        die(importer.error().message);
    for (const fs::path& file : files) {
        const std::string body = slurp(file);
        auto part = mynaportal::parseResultPart(body);
        if (!part.ok())
            die("parse: " + part.error().message);
        if (Status s = importer.value()->applyForPerson(part->batch); !s.ok())
            die("import: " + s.error().message);
    }
    if (auto done = importer.value()->commit(); !done.ok())
        die(done.error().message);
    const double seconds = since(start);
    return PhaseResult {seconds, rowCount(*v), observationCount(*v)};
}

// The practical limit: parse, then INSERT with prepared statements in one transaction. No validation,
// no natural-key look-ups, no provenance, no providers table: the floor the importer is measured against.
PhaseResult baselinePhase(const std::vector<fs::path>& files, const fs::path& vaultPath)
{
    auto v = freshVault(vaultPath);
    vault::Database& db = v->database();
    const auto start = Clock::now();
    auto check = [](const Status& s) {
        if (!s.ok())
            die("baseline: " + s.error().message);
    };
    check(db.exec("BEGIN"));
    auto prep = [&](const char* sql) {
        auto s = db.prepare(sql);
        if (!s.ok())
            die(s.error().message);
        return std::move(s).value();
    };
    auto profile
        = prep("INSERT INTO profiles (display_name, source, source_person_id, created_at) VALUES (?, 'b', ?, 'x')");
    auto checkup = prep("INSERT INTO checkups (profile_id, performed_on, source) VALUES (?, ?, 'b')");
    auto observation = prep("INSERT INTO observations (checkup_id, item_code, item_name, value_type, value_num, unit, "
                            "value_code, value_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    auto dispensing = prep(
        "INSERT INTO dispensings (profile_id, kind, dispensed_on, pharmacy_id, source) VALUES (?, ?, ?, ?, 'b')");
    auto line
        = prep("INSERT INTO medication_lines (dispensing_id, rp_number, line_number, drug_code, drug_code_system, "
               "drug_name, quantity, unit, usage_text, days) VALUES (?, ?, ?, ?, 'yj', ?, ?, ?, ?, ?)");
    auto vaccination
        = prep("INSERT INTO vaccinations (profile_id, occurred_on, vaccine_name, vaccine_code, dose_number, "
               "lot_number, source) VALUES (?, ?, ?, ?, ?, ?, 'b')");
    auto provider = prep("INSERT INTO providers (kind, code, name) VALUES ('pharmacy', ?, ?)");
    std::map<std::string, std::int64_t> pharmacies; // an in-memory map: the cheapest possible provider lookup
    auto iso = [](const std::string& compact) {
        return compact.substr(0, 4) + "-" + compact.substr(4, 2) + "-" + compact.substr(6, 2);
    };
    // Field reading as lenient as a baseline may be: strings or numbers, absent → "".
    auto text = [](const nlohmann::json& object, const char* key) -> std::string {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null())
            return {};
        return it->is_string() ? it->get<std::string>() : it->dump();
    };
    auto number = [](const std::string& value) { return std::strtod(value.c_str(), nullptr); };
    std::map<std::string, std::int64_t> profiles;
    for (const fs::path& file : files) {
        const std::string body = slurp(file);
        const auto root = nlohmann::json::parse(body);
        const auto& info = root["medicalInsuranceInfoProvisionInfo"];
        const std::string personId = info["personId"];
        auto it = profiles.find(personId);
        if (it == profiles.end()) {
            profile.bind(1, personId).bind(2, personId);
            check(profile.run());
            it = profiles.emplace(personId, db.lastInsertRowId()).first;
        }
        const std::int64_t profileId = it->second;
        const auto& data = info["data"];
        const std::string kind = info["infoKind"];
        if (kind == "TKK") {
            for (const auto& c : data["SpecificHealthCheckupInfos"]) {
                checkup.bind(1, profileId).bind(2, iso(c["EffectiveTime"]));
                check(checkup.run());
                const std::int64_t checkupId = db.lastInsertRowId();
                for (const auto& o : c["HealthCheckupResultAndQuestionInfos"]) {
                    const std::string type = o["DataType"];
                    const std::string value = text(o, "DataValue");
                    if (value.empty())
                        continue; // not measured
                    observation.bind(1, checkupId)
                        .bind(2, text(o, "ItemCode"))
                        .bind(3, text(o, "ItemName"))
                        .bind(4, type);
                    if (type == "PQ")
                        observation.bind(5, number(value)).bind(6, text(o, "Unit")).bindNull(7).bindNull(8);
                    else if (type == "ST")
                        observation.bindNull(5).bindNull(6).bindNull(7).bind(8, value);
                    else
                        observation.bindNull(5).bindNull(6).bind(7, value).bindNull(8);
                    check(observation.run());
                }
            }
        } else if (kind == "YZK") {
            // The three branches: claims, 電子処方箋 調剤 (Cz…) and 処方 (Sh…), each with its own element names.
            struct Branch {
                const nlohmann::json* months;
                const char *kind, *institution, *institutionName, *days, *date, *drugs, *prefix;
            };
            static const nlohmann::json kNone = nlohmann::json::array();
            auto nested = [&](const char* wrapper, const char* list) -> const nlohmann::json* {
                if (!data.contains(wrapper) || !data[wrapper].contains(list))
                    return &kNone;
                return &data[wrapper][list];
            };
            const Branch branches[] = {{data.contains("MeTrMonthInfs") ? &data["MeTrMonthInfs"] : &kNone, "claims",
                                           "MeTrDiHCd", "MeTrDiHNm", "DiDateInfs", "DiDate", "DrugInfs", ""},
                {nested("CzDiInf", "CzDiMonthInfs"), "eRx_dispensing", "CzMeTrDiHCd", "CzMeTrDiHNm", "CzDiDateInfs",
                    "CzDiDate", "CzDrugInfs", "Cz"},
                {nested("ShPrInf", "ShPrMonthInfs"), "eRx_prescription", "ShMeTrDiHCd", "ShMeTrDiHNm", "ShPrDateInfs",
                    "ShPrDate", "ShDrugInfs", "Sh"}};
            for (const Branch& branch : branches) {
                const std::string pre = branch.prefix;
                for (const auto& month : *branch.months) {
                    const std::string code = text(month, branch.institution);
                    auto pharmacy = pharmacies.find(code);
                    if (pharmacy == pharmacies.end()) {
                        provider.bind(1, code).bind(2, text(month, branch.institutionName));
                        check(provider.run());
                        pharmacy = pharmacies.emplace(code, db.lastInsertRowId()).first;
                    }
                    for (const auto& day : month.value(branch.days, nlohmann::json::array())) {
                        if (!day.contains(branch.drugs))
                            continue; // a day with procedures only
                        dispensing.bind(1, profileId)
                            .bind(2, branch.kind)
                            .bind(3, iso(text(day, branch.date)))
                            .bind(4, pharmacy->second);
                        check(dispensing.run());
                        const std::int64_t dispensingId = db.lastInsertRowId();
                        int position = 0;
                        for (const auto& d : day[branch.drugs]) {
                            ++position;
                            const std::string rp = text(d, "RpNo");
                            const std::string lineNo = text(d, "LineNo");
                            const std::string days = text(d, (pre + "Times").c_str());
                            line.bind(1, dispensingId)
                                .bind(2, std::int64_t(rp.empty() ? 1 : std::stoi(rp)))
                                .bind(3, std::int64_t(lineNo.empty() ? position : std::stoi(lineNo)))
                                .bind(4, text(d, (pre + "DrugC").c_str()))
                                .bind(5, text(d, (pre + "DrugN").c_str()))
                                .bind(6, number(text(d, (pre + "Qua1").c_str())))
                                .bind(7, text(d, (pre + "Unit").c_str()))
                                .bind(8, text(d, (pre + "UsageN").c_str()));
                            if (days.empty())
                                line.bindNull(9);
                            else
                                line.bind(9, std::int64_t(number(days)));
                            check(line.run());
                        }
                    }
                }
            }
        } else {
            for (const auto& im : data["immunizations"]) {
                const std::string dose = text(im, "doseNumber");
                vaccination.bind(1, profileId)
                    .bind(2, text(im, "vaccinationDate"))
                    .bind(3, text(im, "vaccineName"))
                    .bind(4, im.contains("vaccineCode") ? text(im["vaccineCode"], "code") : std::string())
                    .bind(6, text(im, "lotNumber"));
                if (dose.empty())
                    vaccination.bindNull(5);
                else
                    vaccination.bind(5, std::int64_t(number(dose)));
                check(vaccination.run());
            }
        }
    }
    check(db.exec("COMMIT"));
    const double seconds = since(start);
    return PhaseResult {seconds, rowCount(*v), observationCount(*v)};
}

PhaseResult fullPathPhase(const Sandbox& sandbox, const fs::path& vaultPath)
{
    auto v = freshVault(vaultPath);
    // The desktop app's view of the import: another connection reading the dashboard's kind of query in a
    // loop the whole time. Its longest read is how long the GUI would wait.
    auto reader = vault::Vault::open(vaultPath.string(), crypto::SecretBytes::fromString("bench"));
    if (!reader.ok())
        die("reader: " + reader.error().message);
    std::atomic<bool> importing {true};
    double maxWaitMs = 0;
    long long reads = 0;
    std::thread readerThread([&] {
        auto& db = reader.value()->database();
        while (importing.load()) {
            // A read that finds the vault locked (busy timeout spent) is retried: the wait is what the GUI sees.
            const auto begin = Clock::now();
            for (;;) {
                auto n = db.queryInt("SELECT count(*) FROM checkups WHERE profile_id = 1");
                if (n.ok())
                    break;
                if (n.error().message.find("locked") == std::string::npos)
                    die("reader: " + n.error().message);
            }
            maxWaitMs = std::max(maxWaitMs, since(begin) * 1000.0);
            ++reads;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });
    import::ApiImportRequest request;
    request.client = clientConfig(sandbox);
    Clock::time_point writeStart {};
    const auto start = Clock::now();
    auto report = import::importFromApi(v->database(), request, [&](const import::ImportProgress& p) {
        if (p.stage == import::ImportStage::Write && writeStart == Clock::time_point {})
            writeStart = Clock::now();
    });
    const double seconds = since(start);
    const double writeSeconds = since(writeStart);
    importing = false;
    readerThread.join();
    if (!report.ok())
        die("full path: " + report.error().message);
    PhaseResult r;
    r.seconds = seconds;
    r.records = rowCount(*v);
    r.observations = observationCount(*v);
    r.writeSeconds = writeSeconds;
    r.readerMaxWaitMs = maxWaitMs;
    r.reads = reads;
    return r;
}

struct Figures {
    std::string name;
    long long records = 0;
    long long observations = 0;
    double fullSeconds = 0;
    double importerSeconds = 0;
    double baselineSeconds = 0;
    double peakRssMb = 0;
    double writeSeconds = 0;
    double readerMaxWaitMs = 0;
    long long reads = 0;
};

Figures run(const Workload& w)
{
    const fs::path dir = fs::temp_directory_path() / ("techo-bench-" + std::to_string(getpid()) + "-" + w.name);
    fs::create_directories(dir);
    Figures f;
    f.name = w.name;
    {
        Sandbox sandbox(w, dir);
        const PhaseResult full = inChild([&] { return fullPathPhase(sandbox, dir / "full.techo"); });
        f.fullSeconds = full.seconds;
        f.records = full.records;
        f.observations = full.observations;
        f.peakRssMb = full.peakRssMb;
        f.writeSeconds = full.writeSeconds;
        f.readerMaxWaitMs = full.readerMaxWaitMs;
        f.reads = full.reads;
        const std::vector<fs::path> files = capture(sandbox, dir);
        f.importerSeconds = 1e30;
        f.baselineSeconds = 1e30;
        for (int i = 0; i < w.repeats; ++i) { // alternate, so drift on a noisy machine hits both alike
            const PhaseResult importer = inChild([&] { return importerPhase(files, dir / "importer.techo"); });
            const PhaseResult baseline = inChild([&] { return baselinePhase(files, dir / "baseline.techo"); });
            if (importer.records != f.records)
                die("the importer stored " + std::to_string(importer.records) + " rows, the full path "
                    + std::to_string(f.records));
            f.importerSeconds = std::min(f.importerSeconds, importer.seconds);
            f.baselineSeconds = std::min(f.baselineSeconds, baseline.seconds);
            f.peakRssMb = std::max({f.peakRssMb, importer.peakRssMb});
        }
    }
    fs::remove_all(dir);
    return f;
}

} // namespace

int main(int argc, char** argv)
{
    bench::setProgramName("techo-bench-import");
    std::vector<std::string> selected;
    bool json = false;
    int personsOverride = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--json")
            json = true;
        else if (arg == "--workload" && i + 1 < argc)
            selected.emplace_back(argv[++i]);
        else if (arg == "--persons" && i + 1 < argc)
            personsOverride = std::atoi(argv[++i]);
        else {
            std::cerr << "Usage: techo-bench-import [--workload lifetime|family|stress]... [--persons N] [--json]\n"
                         "  --persons N  override the workload's number of persons (for quick runs)\n";
            return arg == "--help" ? 0 : 2;
        }
    }
    if (selected.empty())
        selected = {"lifetime", "family", "stress"};
    for (const std::string& name : selected) {
        const Workload* w = bench::findWorkload(name);
        if (w == nullptr)
            die("unknown workload " + name);
        Workload chosen = *w;
        if (personsOverride > 0)
            chosen.persons = personsOverride;
        const Figures f = run(chosen);
        const double fullRate = static_cast<double>(f.records) / f.fullSeconds;
        const double importerRate = static_cast<double>(f.records) / f.importerSeconds;
        const double ratio = f.importerSeconds / f.baselineSeconds;
        if (json) {
            nlohmann::ordered_json out = {{"workload", f.name}, {"records", f.records},
                {"observations", f.observations}, {"records_per_s", std::round(importerRate)},
                {"full_path_records_per_s", std::round(fullRate)},
                {"baseline_records_per_s", std::round(static_cast<double>(f.records) / f.baselineSeconds)},
                {"baseline_ratio", std::round(ratio * 1000) / 1000}, {"peak_rss_mb", std::round(f.peakRssMb * 10) / 10},
                {"full_path_s", std::round(f.fullSeconds * 100) / 100},
                {"write_phase_s", std::round(f.writeSeconds * 100) / 100},
                {"reader_max_wait_ms", std::round(f.readerMaxWaitMs * 10) / 10}, {"reader_reads", f.reads}};
            std::cout << out.dump() << std::endl;
        } else {
            std::printf("%-9s %9lld rows  full path %8.0f rows/s (%.2f s, write phase %.2f s)  importer %8.0f rows/s "
                        "(%.2f s)  baseline %.2f s  ratio %.2f  peak RSS %.0f MB  reader: longest wait %.1f ms over "
                        "%lld reads\n",
                f.name.c_str(), f.records, fullRate, f.fullSeconds, f.writeSeconds, importerRate, f.importerSeconds,
                f.baselineSeconds, ratio, f.peakRssMb, f.readerMaxWaitMs, f.reads);
            std::fflush(stdout);
        }
    }
    return 0;
}
