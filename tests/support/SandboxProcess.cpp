#include "tests/support/SandboxProcess.h"

#include "tests/support/TestSupport.h"

#include <QElapsedTimer>
#include <QRegularExpression>

namespace techo::test {

SandboxProcess::SandboxProcess(const QStringList& extraArgs, int startTimeoutMs)
{
    caFile_ = dir_.filePath(QStringLiteral("ca.pem"));
    QStringList args {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--ca-out"), caFile_};
    args += extraArgs;
    process_.setStandardInputFile(QProcess::nullDevice());
    process_.start(builtTool(QStringLiteral("techo-sandbox")), args);
    if (!process_.waitForStarted(5000)) {
        error_ = QStringLiteral("techo-sandbox did not start: ") + process_.errorString();
        return;
    }
    QElapsedTimer timer;
    timer.start();
    while (!process_.canReadLine() && timer.elapsed() < startTimeoutMs) {
        if (process_.state() != QProcess::Running)
            break;
        process_.waitForReadyRead(100);
    }
    if (!process_.canReadLine()) {
        error_
            = QStringLiteral("no first line from techo-sandbox: ") + QString::fromUtf8(process_.readAllStandardError());
        return;
    }
    firstLine_ = process_.readLine().trimmed();
    static const QRegularExpression pattern(QStringLiteral("^listening on (https?)://127\\.0\\.0\\.1:(\\d+)$"));
    const auto match = pattern.match(QString::fromUtf8(firstLine_));
    if (!match.hasMatch()) {
        error_ = QStringLiteral("unexpected first line: ") + QString::fromUtf8(firstLine_);
        return;
    }
    port_ = match.captured(2).toInt();
    baseUrl_ = match.captured(1) + QStringLiteral("://127.0.0.1:") + match.captured(2);
}

SandboxProcess::~SandboxProcess()
{
    if (process_.state() == QProcess::NotRunning)
        return;
    process_.terminate();
    if (!process_.waitForFinished(5000)) {
        process_.kill();
        process_.waitForFinished(5000);
    }
}

} // namespace techo::test
