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

    [[nodiscard]] bool isRunning() const { return !baseUrl_.isEmpty(); }
    // "https://127.0.0.1:PORT" (or http://… with --http); empty if the start failed.
    [[nodiscard]] QString baseUrl() const { return baseUrl_; }
    [[nodiscard]] QString caFile() const { return caFile_; }
    [[nodiscard]] int port() const { return port_; }
    [[nodiscard]] QByteArray firstLine() const { return firstLine_; }
    // What went wrong while starting (with the process's stderr).
    [[nodiscard]] QString errorString() const { return error_; }

private:
    QTemporaryDir dir_;
    QProcess process_;
    QString baseUrl_, caFile_, error_;
    QByteArray firstLine_;
    int port_ = 0;
};

} // namespace techo::test
