#pragma once

// Runs techo-sandbox for a test: --port 0 with a temporary --ca-out, waits for the first stdout
// line "listening on https://127.0.0.1:PORT" and stops the process when destroyed.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace techo::test {

class SandboxProcess {
public:
    // extraArgs are appended to "--port 0 --ca-out <tmp>/ca.pem".
    explicit SandboxProcess(const QStringList& extraArgs = {}, int startTimeoutMs = 15000);
    ~SandboxProcess();
    SandboxProcess(const SandboxProcess&) = delete;
    SandboxProcess& operator=(const SandboxProcess&) = delete;

    [[nodiscard]] bool isRunning() const { return !m_baseUrl.isEmpty(); }
    // "https://127.0.0.1:PORT" (or http://… with --http); empty if the start failed.
    [[nodiscard]] QString baseUrl() const { return m_baseUrl; }
    [[nodiscard]] QString caFile() const { return m_caFile; }
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] QByteArray firstLine() const { return m_firstLine; }
    // What went wrong while starting (with the process's stderr).
    [[nodiscard]] QString errorString() const { return m_error; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_baseUrl, m_caFile, m_error;
    QByteArray m_firstLine;
    int m_port = 0;
};

} // namespace techo::test
