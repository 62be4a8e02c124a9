#include "ui/SandboxLauncher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

namespace techo::ui {
namespace {

constexpr int kStartTimeoutMs = 15000; // it reads its reference tables first; a second on a slow machine
constexpr int kStopTimeoutMs = 3000;

bool executable(const QString& path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

} // namespace

SandboxLauncher::SandboxLauncher(QObject* parent)
    : QObject(parent)
{ }

SandboxLauncher::~SandboxLauncher()
{
    stop();
}

QString SandboxLauncher::findProgram()
{
    const QString explicitPath = qEnvironmentVariable("TECHO_SANDBOX");
    if (!explicitPath.isEmpty())
        return executable(explicitPath) ? explicitPath : QString();
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString& candidate : {here.filePath(QStringLiteral("techo-sandbox")),
             here.filePath(QStringLiteral("../techo-sandbox/techo-sandbox"))})
        if (executable(candidate))
            return QFileInfo(candidate).canonicalFilePath();
    return QStandardPaths::findExecutable(QStringLiteral("techo-sandbox"));
}

void SandboxLauncher::start()
{
    if (m_process != nullptr) {
        if (isRunning())
            emit started(m_baseUrl, m_caFile);
        return; // still starting: started() or failed() will come
    }
    const QString program = findProgram();
    if (program.isEmpty()) {
        fail(tr("The demo server (techo-sandbox) was not found beside Techo."));
        return;
    }
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        fail(tr("The demo server could not be prepared (no temporary folder)."));
        return;
    }
    m_caFile = m_dir->filePath(QStringLiteral("ca.pem"));
    m_process = new QProcess(this);
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setStandardErrorFile(QProcess::nullDevice()); // its log is of no use to the person
    connect(m_process, &QProcess::readyReadStandardOutput, this, &SandboxLauncher::onOutput);
    connect(m_process, &QProcess::finished, this, &SandboxLauncher::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("The demo server could not be started."));
    });
    m_process->start(program, {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--ca-out"), m_caFile});
    QTimer::singleShot(kStartTimeoutMs, this, [this, process = m_process] {
        if (m_process == process && !isRunning())
            fail(tr("The demo server did not start in time."));
    });
}

void SandboxLauncher::onOutput()
{
    if (m_process == nullptr || isRunning() || !m_process->canReadLine())
        return;
    const QString line = QString::fromUtf8(m_process->readLine()).trimmed();
    static const QRegularExpression pattern(QStringLiteral("^listening on (https://127\\.0\\.0\\.1:\\d+)$"));
    const auto match = pattern.match(line);
    if (!match.hasMatch()) {
        fail(tr("The demo server answered in an unexpected way."));
        return;
    }
    m_baseUrl = match.captured(1);
    emit started(m_baseUrl, m_caFile);
}

void SandboxLauncher::onFinished()
{
    if (m_process != nullptr && !isRunning())
        fail(tr("The demo server stopped while starting."));
    else
        stop(); // it ended on its own: forget it (the next start() starts a new one)
}

void SandboxLauncher::fail(const QString& message)
{
    stop();
    emit failed(message);
}

void SandboxLauncher::stop()
{
    m_baseUrl.clear();
    QProcess* process = std::exchange(m_process, nullptr);
    if (process != nullptr) {
        process->disconnect(this);
        if (process->state() != QProcess::NotRunning) {
            process->terminate();
            if (!process->waitForFinished(kStopTimeoutMs)) {
                process->kill();
                process->waitForFinished(kStopTimeoutMs);
            }
        }
        process->deleteLater();
    }
    m_dir.reset();
    m_caFile.clear();
}

} // namespace techo::ui
