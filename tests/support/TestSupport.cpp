#include "tests/support/TestSupport.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

namespace techo::test {

crypto::SecretBytes secret(const char* text)
{
    return crypto::SecretBytes::fromString(text);
}

std::unique_ptr<vault::Vault> createTestVault(const QString& path)
{
    auto vault
        = vault::Vault::create(path.toStdString(), secret(kTestPassphrase), crypto::KdfParams::insecureForTestsOnly());
    if (!vault.ok()) {
        QTest::qFail(("cannot create test vault: " + vault.error().message).c_str(), __FILE__, __LINE__);
        return nullptr;
    }
    return std::move(vault).value();
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString builtTool(const QString& name)
{
    const QString dir = qEnvironmentVariable("TECHO_BINARY_DIR");
    return dir + QStringLiteral("/app/") + name + QLatin1Char('/') + name;
}

QString sourcePath(const QString& relative)
{
    return qEnvironmentVariable("TECHO_SOURCE_DIR") + QLatin1Char('/') + relative;
}

ProcessResult runTool(const QString& program, const QStringList& args, const QStringList& extraEnv, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("TECHO_PASSPHRASE"));
    env.remove(QStringLiteral("TECHO_NEW_PASSPHRASE"));
    for (const QString& entry : extraEnv) {
        const auto eq = entry.indexOf(QLatin1Char('='));
        env.insert(entry.left(eq), entry.mid(eq + 1));
    }
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, args);
    ProcessResult result;
    if (!process.waitForStarted(10000) || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = "process did not finish: " + program.toUtf8();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QByteArray iso(domain::Date date)
{
    return QByteArray::fromStdString(domain::formatDate(date));
}

QByteArray text(std::string_view s)
{
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

domain::Timestamp ts(const char* value)
{
    const auto parsed = domain::parseTimestamp(value);
    if (!parsed)
        qFatal("bad timestamp literal in test: %s", value);
    return *parsed;
}

} // namespace techo::test
