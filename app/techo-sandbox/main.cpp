// techo-sandbox: a local, faithful Mynaportal-style API server with deterministic generated data
// and switchable faults. Usage: techo-sandbox --help. API: docs/sandbox-api.md.

#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <pthread.h>
#include <stdexcept>
#include <string>
#include <sys/resource.h>
#include <thread>
#include <vector>

#include "Certificates.h"
#include "Faults.h"
#include "ReferenceData.h"
#include "SandboxServer.h"

#ifndef TECHO_SANDBOX_DATA_DIR
#define TECHO_SANDBOX_DATA_DIR ""
#endif
#ifndef TECHO_SANDBOX_INSTALLED_DATA_DIR
#define TECHO_SANDBOX_INSTALLED_DATA_DIR ""
#endif

namespace {

using techo::sandbox::SandboxOptions;

const char* const kUsage = R"(Usage: techo-sandbox [options]
  --port N               TCP port on 127.0.0.1 (0 = any free port; default 8443)
  --http                 plain HTTP instead of HTTPS
  --tls-cert F --tls-key F   PEM certificate and key to serve
  --ca-out F             write the throw-away CA (PEM) here; required without --tls-cert/--tls-key
  --seed N               data seed (default 1)
  --persons N            number of people (default 3: self ~55, spouse ~52, child ~12)
  --years N              years of history before 2026-10-01 (default 10)
  --page-size N          records per result part (default 200)
  --process-delay-ms N   time until a request is READY (default 300)
  --token-ttl S          access token lifetime in seconds (default 3600)
  --consent-days N       consent (期間連携) period in days (default 90)
  --slow-ms N            delay added by the slow fault (default 3000)
  --fault KIND[:COUNT][,KIND[:COUNT]...]
                         http500 http503 http429 slow truncated malformed-json invalid-records
                         expired-token revoked-consent (COUNT: positive integer or inf)
  --data-dir D           reference tables (default: source tree, then installed data dir)
  --verbose              log method, path and status of each request to stderr
  --omit-invented-fields leave out the record-level fields the real layouts do not have (RecordId,
                         CheckupKind, InsurerNumber, OutOfRangeFlag, YjCode, RpNo, LineNo); also
                         switchable at run time with POST /_sandbox/options
The first stdout line is "listening on https://127.0.0.1:PORT" (http:// with --http).
)";

[[noreturn]] void usageError(const std::string& message)
{
    std::fprintf(stderr, "techo-sandbox: %s\n%s", message.c_str(), kUsage);
    std::exit(2);
}

long parseNumber(const std::string& flag, const std::string& text, long min, long max)
{
    long value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
        usageError(flag + " needs a number in " + std::to_string(min) + ".." + std::to_string(max));
    return value;
}

SandboxOptions parseArgs(int argc, char** argv)
{
    SandboxOptions o;
    std::vector<std::string> args(argv + 1, argv + argc);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size())
                usageError(a + " needs a value");
            return args[++i];
        };
        if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            std::exit(0);
        } else if (a == "--port") {
            o.port = static_cast<int>(parseNumber(a, value(), 0, 65535));
        } else if (a == "--http") {
            o.http = true;
        } else if (a == "--tls-cert") {
            o.tlsCert = value();
        } else if (a == "--tls-key") {
            o.tlsKey = value();
        } else if (a == "--ca-out") {
            o.caOut = value();
        } else if (a == "--seed") {
            o.seed = static_cast<std::uint64_t>(parseNumber(a, value(), 0, 0x7FFFFFFFFFFFFFFFL));
        } else if (a == "--persons") {
            o.persons = static_cast<int>(parseNumber(a, value(), 1, 99999));
        } else if (a == "--years") {
            o.years = static_cast<int>(parseNumber(a, value(), 1, 100));
        } else if (a == "--page-size") {
            o.pageSize = static_cast<int>(parseNumber(a, value(), 1, 100000));
        } else if (a == "--process-delay-ms") {
            o.processDelayMs = static_cast<int>(parseNumber(a, value(), 0, 600000));
        } else if (a == "--token-ttl") {
            o.tokenTtl = static_cast<int>(parseNumber(a, value(), 1, 100000000));
        } else if (a == "--consent-days") {
            o.consentDays = static_cast<int>(parseNumber(a, value(), 1, 3650));
        } else if (a == "--slow-ms") {
            o.slowMs = static_cast<int>(parseNumber(a, value(), 0, 600000));
        } else if (a == "--fault") {
            o.faults += (o.faults.empty() ? "" : ",") + value();
        } else if (a == "--data-dir") {
            o.dataDir = value();
        } else if (a == "--verbose") {
            o.verbose = true;
        } else if (a == "--omit-invented-fields") {
            o.omitInventedFields = true;
        } else {
            usageError("unknown option " + a);
        }
    }
    if (o.tlsCert.empty() != o.tlsKey.empty())
        usageError("--tls-cert and --tls-key go together");
    if (!o.http && o.tlsCert.empty() && o.caOut.empty())
        usageError("--ca-out F is required when the sandbox generates its own CA");
    return o;
}

std::string findDataDir(const std::string& requested)
{
    if (!requested.empty())
        return requested;
    for (const char* dir : {TECHO_SANDBOX_DATA_DIR, TECHO_SANDBOX_INSTALLED_DATA_DIR}) {
        std::error_code ec;
        if (*dir && std::filesystem::is_regular_file(std::filesystem::path(dir) / "checkup_items.json", ec))
            return dir;
    }
    throw std::runtime_error("reference tables not found; pass --data-dir DIR");
}

} // namespace

int main(int argc, char** argv)
{
    // Hardening: no core dumps (they could hold tokens).
    const rlimit noCore {0, 0};
    setrlimit(RLIMIT_CORE, &noCore);

    const SandboxOptions options = parseArgs(argc, argv);
    try {
        std::string faultError;
        const auto faults = techo::sandbox::Faults::parseList(options.faults, faultError);
        if (!faults)
            usageError(faultError);
        const auto ref = techo::sandbox::ReferenceData::load(findDataDir(options.dataDir));

        techo::sandbox::TlsMaterial tls;
        if (!options.http) {
            if (!options.tlsCert.empty()) {
                tls = techo::sandbox::loadTls(options.tlsCert, options.tlsKey);
            } else {
                tls = techo::sandbox::generateThrowAwayTls();
            }
            if (!options.caOut.empty() && !tls.caPem.empty())
                techo::sandbox::writeFile(options.caOut, tls.caPem);
        }

        // SIGINT/SIGTERM are handled by a dedicated thread (server.stop() is not async-signal-safe):
        // block them before any server thread exists so that every thread inherits the mask.
        sigset_t signals;
        sigemptyset(&signals);
        sigaddset(&signals, SIGINT);
        sigaddset(&signals, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &signals, nullptr);
        std::signal(SIGPIPE, SIG_IGN);

        techo::sandbox::SandboxServer server(options, ref, *faults);
        const int port = server.bind(options.http ? nullptr : &tls);
        std::printf("listening on %s://127.0.0.1:%d\n", options.http ? "http" : "https", port);
        std::fflush(stdout);

        std::thread waiter([&server, signals] {
            int sig = 0;
            sigwait(&signals, &sig);
            server.stop();
        });
        const bool ok = server.listen();
        if (waiter.joinable()) {
            // listen() returned without a signal (error): wake the waiter so it can finish.
            pthread_kill(waiter.native_handle(), SIGTERM);
            waiter.join();
        }
        return ok ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "techo-sandbox: %s\n", e.what());
        return 1;
    }
}
