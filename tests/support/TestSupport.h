#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/vault/Vault.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <string>

namespace techo::test {

// The passphrase every test vault uses; vaults are created with KdfParams::insecureForTestsOnly().
inline constexpr const char* kTestPassphrase = "correct horse battery staple 健康";

[[nodiscard]] crypto::SecretBytes secret(const char* text);
// Creates a vault with the cheap test-only KDF at path; fails the calling test on error.
[[nodiscard]] std::unique_ptr<vault::Vault> createTestVault(const QString& path);
[[nodiscard]] QByteArray readAll(const QString& path);

// Absolute path of a built executable (tests get TECHO_BINARY_DIR from CTest).
[[nodiscard]] QString builtTool(const QString& name);
[[nodiscard]] QString sourcePath(const QString& relative);

struct ProcessResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
// Runs a program to completion with extra environment entries ("NAME=value"), no stdin.
[[nodiscard]] ProcessResult runTool(
    const QString& program, const QStringList& args, const QStringList& extraEnv = {}, int timeoutMs = 120000);

} // namespace techo::test
