#include "tests/bench/BenchSupport.h"

#include <csignal>
#include <iostream>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace techo::bench {
namespace {
const char* g_programName = "techo-bench";
} // namespace

const Workload* findWorkload(const std::string& name)
{
    for (const Workload& w : kWorkloads)
        if (name == w.name)
            return &w;
    return nullptr;
}

void die(const std::string& message)
{
    std::cerr << g_programName << ": " << message << '\n';
    std::exit(1);
}

void setProgramName(const char* name)
{
    g_programName = name;
}

Sandbox::Sandbox(const Workload& w, const std::filesystem::path& dir)
{
    caFile = (dir / "ca.pem").string();
    const std::vector<std::string> args = {TECHO_SANDBOX_PATH, "--port", "0", "--ca-out", caFile, "--persons",
        std::to_string(w.persons), "--years", std::to_string(w.years), "--page-size", std::to_string(w.pageSize),
        "--process-delay-ms", "0", "--seed", "20261126"};
    std::vector<char*> argv;
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    int out[2];
    if (pipe(out) != 0)
        die("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0)
        die("cannot start the sandbox");
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    std::string line;
    char c = 0;
    while (read(out[0], &c, 1) == 1 && c != '\n')
        line.push_back(c);
    close(out[0]);
    const std::string prefix = "listening on ";
    if (!line.starts_with(prefix))
        die("unexpected sandbox output: " + line);
    url = line.substr(prefix.size());
}

Sandbox::~Sandbox()
{
    if (pid > 0) {
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
    }
}

mynaportal::ClientConfig clientConfig(const Sandbox& sandbox)
{
    mynaportal::ClientConfig config;
    config.baseUrl = sandbox.url;
    config.http.caFile = sandbox.caFile;
    config.pollInterval = std::chrono::milliseconds(5);
    return config;
}

std::unique_ptr<vault::Vault> freshVault(const std::filesystem::path& path)
{
    std::filesystem::remove(path);
    // The KDF is not part of what is measured: the cheap test-only setting keeps set-up short.
    auto v = vault::Vault::create(
        path.string(), crypto::SecretBytes::fromString("bench"), crypto::KdfParams::insecureForTestsOnly());
    if (!v.ok())
        die("cannot create a vault: " + v.error().message);
    return std::move(v).value();
}

} // namespace techo::bench
