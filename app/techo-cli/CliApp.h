#pragma once

#include "app/techo-cli/PassphraseInput.h"
#include "core/util/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace techo::cli {

// Exit codes are part of the CLI's contract (README, --help): scripts branch on them.
enum ExitCode : int {
    kExitOk = 0,
    kExitFailure = 1,
    kExitUsage = 2,
    kExitWrongPassphrase = 3,
    kExitNotAVault = 4,
    kExitNetwork = 5,
    kExitInvalidData = 6,
    kExitInUse = 7,
};

[[nodiscard]] int exitCodeFor(ErrorCode code) noexcept;

// Options shared by every command, parsed before the command runs.
struct GlobalOptions {
    std::string vaultPath;
    std::optional<std::string> passphraseFile;
    std::optional<std::string> newPassphraseFile;
    bool json = false;
    bool insecureFastKdf = false; // test suites only; the vault header records the weak parameters
    EnvironmentPassphrases environment; // taken out of the environment before anything else runs
};

// Parses argv and runs one command; returns the process exit code.
[[nodiscard]] int runCli(int argc, char** argv);

} // namespace techo::cli
