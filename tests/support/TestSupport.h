#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/domain/Dates.h"
#include "core/util/Result.h"
#include "core/vault/Vault.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <string>
#include <string_view>

// `ASSIGN_OK(const auto x, resultExpression);` declares x from a Result's value, or fails the calling test with the
// error's message (inside a Qt Test function: it returns from it).
#define ASSIGN_OK(decl, expr) ASSIGN_OK_IMPL(TECHO_CONCAT(okResult_, __LINE__), decl, expr)
#define ASSIGN_OK_IMPL(tmp, decl, expr)                                                                                \
    auto tmp = (expr);                                                                                                 \
    QVERIFY2(tmp.ok(), tmp.ok() ? "" : tmp.error().message.c_str());                                                   \
    decl = std::move(tmp).value()

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

// A date as "YYYY-MM-DD", a string_view as bytes (for QCOMPARE's readable output), and a timestamp literal
// ("2026-07-24T01:02:03Z"; a malformed literal ends the test program).
[[nodiscard]] QByteArray iso(domain::Date date);
[[nodiscard]] QByteArray text(std::string_view s);
[[nodiscard]] domain::Timestamp ts(const char* value);

} // namespace techo::test
