#pragma once

// What the benchmark programs share (techo-bench-import, techo-bench-ui): the workloads, the sandbox as a child
// process serving a workload's generated records, and a fresh vault with the test-only KDF. See
// docs/performance.md.
#include "core/mynaportal/Client.h"
#include "core/vault/Vault.h"

#include <filesystem>
#include <memory>
#include <string>
#include <sys/types.h>

namespace techo::bench {

struct Workload {
    const char* name;
    int persons;
    int years;
    int pageSize;
    int repeats; // the timed phases run this many times; the fastest run counts
};

// lifetime (1 person), family (6) and stress (7,000 persons, about a million observations), 40 years each.
inline constexpr Workload kWorkloads[] = {
    {"lifetime", 1, 40, 200, 3},
    {"family", 6, 40, 200, 3},
    {"stress", 7000, 40, 1000, 1},
};

// The workload called `name`, nullptr when there is none.
[[nodiscard]] const Workload* findWorkload(const std::string& name);

// Prints "<program>: message" to stderr and exits with status 1.
[[noreturn]] void die(const std::string& message);
// The program name die() prints (default "techo-bench").
void setProgramName(const char* name);

// techo-sandbox (built beside the benchmarks) serving the workload's persons with the fixed seed, on an
// ephemeral port with its CA written into `dir`; stopped (SIGTERM) when destroyed. Dies when it cannot start.
struct Sandbox {
    pid_t pid = -1;
    std::string url;
    std::string caFile;

    Sandbox(const Workload& w, const std::filesystem::path& dir);
    ~Sandbox();
    Sandbox(const Sandbox&) = delete;
    Sandbox& operator=(const Sandbox&) = delete;
};

// The API client's configuration for the sandbox (its CA trusted, fast status polling).
[[nodiscard]] mynaportal::ClientConfig clientConfig(const Sandbox& sandbox);

// A new vault at `path` (an existing file is removed first) keyed with passphrase "bench" and the cheap
// test-only KDF: key derivation is not what the benchmarks measure.
[[nodiscard]] std::unique_ptr<vault::Vault> freshVault(const std::filesystem::path& path);

} // namespace techo::bench
