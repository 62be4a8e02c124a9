#include "app/techo-cli/CliApp.h"

#include "app/techo-cli/PassphraseInput.h"
#include "core/vault/Vault.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <functional>
#include <iostream>
#include <span>
#include <string_view>

namespace techo::cli {
namespace {

constexpr std::string_view kUsage = R"(Usage: techo-cli [--vault PATH] [--passphrase-file FILE] COMMAND [OPTIONS]

Techo (健康手帳) command-line interface: your encrypted personal health record.

Commands:
  init                   create a new, empty vault
  info [--json]          show the vault's format, key derivation and record counts
  change-passphrase      re-encrypt the vault under a new passphrase (crash-safe)

Options:
  --vault PATH           the vault file (default: $XDG_DATA_HOME/techo/vault.techo)
  --passphrase-file F    read the passphrase from the first line of F
  --new-passphrase-file F  change-passphrase: read the new passphrase from F
  --json                 machine-readable output
  --insecure-fast-kdf    init/change-passphrase: weak key derivation, FOR TEST SUITES ONLY
  --version              print the version
  --help                 print this help

The passphrase is read from --passphrase-file, else the TECHO_PASSPHRASE environment
variable, else prompted for on the terminal without echo. It is never taken as an argument.
The new passphrase for change-passphrase comes from --new-passphrase-file, else
TECHO_NEW_PASSPHRASE, else a prompt (asked twice).

Exit codes:
  0  success
  1  any other failure (I/O error, disk full, internal error)
  2  usage error (bad arguments, no passphrase available)
  3  wrong passphrase
  4  not a Techo vault, damaged vault, or a vault from a newer Techo
  5  network error
  6  invalid data
)";

using Args = std::vector<std::string>;

struct Command {
    std::string_view name;
    std::function<int(const GlobalOptions&, const Args&)> run;
};

int report(const Error& error)
{
    std::cerr << "techo-cli: " << error.message << '\n';
    return exitCodeFor(error.code);
}

int usageError(const std::string& message)
{
    std::cerr << "techo-cli: " << message << "\nTry 'techo-cli --help'.\n";
    return kExitUsage;
}

crypto::KdfParams kdfFor(const GlobalOptions& options)
{
    if (options.insecureFastKdf) {
        std::cerr << "techo-cli: WARNING: --insecure-fast-kdf makes the passphrase easy to guess; use it only in "
                     "tests\n";
        return crypto::KdfParams::insecureForTestsOnly();
    }
    return crypto::KdfParams::interactiveDefault();
}

Result<std::unique_ptr<vault::Vault>> openVault(const GlobalOptions& options)
{
    TECHO_ASSIGN(const vault::VaultHeader header, vault::VaultHeader::readFrom(options.vaultPath));
    (void)header; // a missing or foreign file is reported before any passphrase is asked for
    TECHO_ASSIGN(crypto::SecretBytes passphrase, readPassphrase({.file = options.passphraseFile}));
    return vault::Vault::open(options.vaultPath, passphrase);
}

int commandInit(const GlobalOptions& options, const Args& args)
{
    if (!args.empty())
        return usageError("init takes no arguments");
    auto passphrase = readPassphrase({.file = options.passphraseFile, .prompt = "New passphrase: ", .confirm = true});
    if (!passphrase.ok())
        return report(passphrase.error());
    auto created = vault::Vault::create(options.vaultPath, passphrase.value(), kdfFor(options));
    if (!created.ok())
        return report(created.error());
    std::cout << "Created vault " << options.vaultPath << '\n';
    return kExitOk;
}

int commandInfo(const GlobalOptions& options, const Args& args)
{
    if (!args.empty())
        return usageError("info takes no arguments besides --json");
    auto vault = openVault(options);
    if (!vault.ok())
        return report(vault.error());
    auto counts = vault.value()->counts();
    if (!counts.ok())
        return report(counts.error());
    auto schema = vault.value()->schemaVersion();
    if (!schema.ok())
        return report(schema.error());
    const vault::VaultHeader& header = vault.value()->header();

    if (options.json) {
        nlohmann::ordered_json out;
        out["path"] = options.vaultPath;
        out["format_version"] = header.formatVersion;
        out["schema_version"] = schema.value();
        out["kdf"] = {{"name", "argon2id"}, {"memory_kib", header.kdf.memoryKib}, {"iterations", header.kdf.iterations},
            {"parallelism", header.kdf.parallelism}};
        out["cipher"] = {{"name", "sqlcipher"}, {"page_size", vault::VaultHeader::kCipherPageSize}};
        out["counts"] = nlohmann::ordered_json::object();
        for (const auto& [kind, n] : counts.value())
            out["counts"][kind] = n;
        std::cout << out.dump() << '\n';
        return kExitOk;
    }
    std::cout << "Vault:           " << options.vaultPath << '\n'
              << "Format version:  " << header.formatVersion << " (schema " << schema.value() << ")\n"
              << "Key derivation:  argon2id, " << header.kdf.memoryKib << " KiB, " << header.kdf.iterations
              << " iterations, parallelism " << header.kdf.parallelism
              << (header.kdf.isWeakerThanDefault() ? "  (WEAKER THAN THE DEFAULT)" : "") << '\n'
              << "Cipher:          SQLCipher 3, " << vault::VaultHeader::kCipherPageSize << "-byte pages\n"
              << "Records:\n";
    for (const auto& [kind, n] : counts.value())
        std::printf("  %-18s %lld\n", kind.c_str(), static_cast<long long>(n));
    return kExitOk;
}

int commandChangePassphrase(const GlobalOptions& options, const Args& args)
{
    if (!args.empty())
        return usageError("change-passphrase takes no arguments");
    auto vault = openVault(options);
    if (!vault.ok())
        return report(vault.error());
    auto newPassphrase = readPassphrase({.file = options.newPassphraseFile,
        .environmentVariable = "TECHO_NEW_PASSPHRASE",
        .prompt = "New passphrase: ",
        .confirm = true});
    if (!newPassphrase.ok())
        return report(newPassphrase.error());
    if (Status changed = vault.value()->changePassphrase(newPassphrase.value(), kdfFor(options)); !changed.ok())
        return report(changed.error());
    std::cout << "Passphrase changed.\n";
    return kExitOk;
}

const Command kCommands[] = {
    {"init", commandInit},
    {"info", commandInfo},
    {"change-passphrase", commandChangePassphrase},
};

} // namespace

int exitCodeFor(ErrorCode code) noexcept
{
    switch (code) {
    case ErrorCode::Usage:
        return kExitUsage;
    case ErrorCode::WrongPassphrase:
        return kExitWrongPassphrase;
    case ErrorCode::NotAVault:
    case ErrorCode::Damaged:
    case ErrorCode::NewerFormat:
        return kExitNotAVault;
    case ErrorCode::Network:
        return kExitNetwork;
    case ErrorCode::InvalidData:
        return kExitInvalidData;
    default:
        return kExitFailure;
    }
}

int runCli(int argc, char** argv)
{
    GlobalOptions options;
    options.vaultPath = vault::Vault::defaultPath();
    std::optional<std::string> commandName;
    Args commandArgs;

    const std::span<char*> all(argv + 1, static_cast<std::size_t>(argc > 0 ? argc - 1 : 0));
    for (std::size_t i = 0; i < all.size(); ++i) {
        const std::string_view arg = all[i];
        auto value = [&](std::string& out) -> bool {
            if (i + 1 >= all.size())
                return false;
            out = all[++i];
            return true;
        };
        std::string text;
        if (arg == "--help" || arg == "-h") {
            std::cout << kUsage;
            return kExitOk;
        }
        if (arg == "--version") {
            std::cout << "techo-cli " << TECHO_VERSION << '\n';
            return kExitOk;
        }
        if (arg == "--vault") {
            if (!value(options.vaultPath))
                return usageError("--vault needs a path");
        } else if (arg == "--passphrase-file") {
            if (!value(text))
                return usageError("--passphrase-file needs a file");
            options.passphraseFile = text;
        } else if (arg == "--new-passphrase-file") {
            if (!value(text))
                return usageError("--new-passphrase-file needs a file");
            options.newPassphraseFile = text;
        } else if (arg == "--json") {
            options.json = true;
        } else if (arg == "--insecure-fast-kdf") {
            options.insecureFastKdf = true;
        } else if (arg == "--passphrase" || arg.starts_with("--passphrase=")) {
            return usageError("passphrases are never accepted as arguments; use --passphrase-file or "
                              "TECHO_PASSPHRASE");
        } else if (arg.starts_with("-")) {
            if (!commandName)
                return usageError("unknown option " + std::string(arg));
            commandArgs.emplace_back(arg);
        } else if (!commandName) {
            commandName = std::string(arg);
        } else {
            commandArgs.emplace_back(arg);
        }
    }
    if (!commandName)
        return usageError("no command given");
    for (const Command& command : kCommands) {
        if (command.name == *commandName)
            return command.run(options, commandArgs);
    }
    return usageError("unknown command '" + *commandName + "'");
}

} // namespace techo::cli
