#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace techo::ui {

// Starts the built-in demo server (techo-sandbox, an invented family on 127.0.0.1 over HTTPS with a throw-away
// CA) for the import dialog, and stops it again. The process is found by findProgram(); it listens on a free port
// (--port 0) and writes its CA into a private temporary folder that goes away with this object. Asynchronous:
// start() returns at once; started() or failed() follows on the GUI thread.
class SandboxLauncher final : public QObject {
    Q_OBJECT
public:
    explicit SandboxLauncher(QObject* parent = nullptr);
    ~SandboxLauncher() override; // stops the server

    // Where techo-sandbox is, in this order: $TECHO_SANDBOX (an explicit path, for packagers and tests); beside
    // the running program (installed: /usr/bin); the build tree's app/techo-sandbox/ next to app/techo/ (as
    // packaging/run.sh uses it); then PATH. Empty when none is executable.
    [[nodiscard]] static QString findProgram();

    void start();
    // Terminates the server (SIGTERM, then SIGKILL after 3 s). Safe to call when it is not running.
    void stop();
    [[nodiscard]] bool isRunning() const noexcept { return !m_baseUrl.isEmpty(); }
    // "https://127.0.0.1:PORT" once started.
    [[nodiscard]] QString baseUrl() const { return m_baseUrl; }
    [[nodiscard]] QString caFile() const { return m_caFile; }

signals:
    void started(const QString& baseUrl, const QString& caFile);
    // A sentence for the person (translated); the server's own stderr is not shown.
    void failed(const QString& message);

private:
    void onOutput();
    void onFinished();
    void fail(const QString& message);

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess* m_process = nullptr;
    QString m_baseUrl;
    QString m_caFile;
};

} // namespace techo::ui
