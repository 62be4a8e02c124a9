#include "tests/support/SandboxProcess.h"

#include "tests/support/TestSupport.h"

#include <QElapsedTimer>
#include <QRegularExpression>

namespace techo::test {

SandboxProcess::SandboxProcess(const QStringList& extraArgs, int startTimeoutMs)
{
    m_caFile = m_dir.filePath(QStringLiteral("ca.pem"));
    QStringList args {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--ca-out"), m_caFile};
    args += extraArgs;
    m_process.setStandardInputFile(QProcess::nullDevice());
    m_process.start(builtTool(QStringLiteral("techo-sandbox")), args);
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("techo-sandbox did not start: ") + m_process.errorString();
        return;
    }
    QElapsedTimer timer;
    timer.start();
    while (!m_process.canReadLine() && timer.elapsed() < startTimeoutMs) {
        if (m_process.state() != QProcess::Running)
            break;
        m_process.waitForReadyRead(100);
    }
    if (!m_process.canReadLine()) {
        m_error = QStringLiteral("no first line from techo-sandbox: ")
            + QString::fromUtf8(m_process.readAllStandardError());
        return;
    }
    m_firstLine = m_process.readLine().trimmed();
    static const QRegularExpression pattern(QStringLiteral("^listening on (https?)://127\\.0\\.0\\.1:(\\d+)$"));
    const auto match = pattern.match(QString::fromUtf8(m_firstLine));
    if (!match.hasMatch()) {
        m_error = QStringLiteral("unexpected first line: ") + QString::fromUtf8(m_firstLine);
        return;
    }
    m_port = match.captured(2).toInt();
    m_baseUrl = match.captured(1) + QStringLiteral("://127.0.0.1:") + match.captured(2);
}

SandboxProcess::~SandboxProcess()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

} // namespace techo::test
