#pragma once

#include "core/export/ExportRequest.h"
#include "core/net/CancelToken.h"
#include "core/session/VaultSession.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QThread;

Q_DECLARE_METATYPE(techo::exports::ExportProgress)

namespace techo::ui {

// Runs one export on a thread of its own with a vault connection of its own (docs/development.md "Threads"), as
// ImportWorker runs an import: the export reads one snapshot in a read transaction, so the window's session keeps
// reading meanwhile. The object lives on the GUI thread; progressed() is emitted from the worker thread and reaches
// GUI-thread receivers queued. A cancel or any error leaves nothing at the target (exports::exportRecords).
class ExportWorker final : public QObject {
    Q_OBJECT
public:
    using Outcome = Result<exports::ExportReport>;
    // Runs on the worker thread at each progress report, after it was forwarded (queued to the GUI), with the
    // worker's cancel token (tests use it to hold the export at a known point until the GUI has cancelled).
    using ProgressHook = std::function<void(const exports::ExportProgress&, const net::CancelToken&)>;

    // connection: a session of its own (VaultSession::openAnotherConnection), used only by the worker thread.
    // request.progress and request.cancel are the worker's own (whatever the request held is replaced).
    ExportWorker(
        std::unique_ptr<session::VaultSession> connection, exports::ExportRequest request, QObject* parent = nullptr);
    // Cancels and waits for the thread: a cancel is noticed at the next record (ExportSource).
    ~ExportWorker() override;
    ExportWorker(const ExportWorker&) = delete;
    ExportWorker& operator=(const ExportWorker&) = delete;

    void setProgressHook(ProgressHook hook) { m_hook = std::move(hook); }
    void start();
    // Any thread; the export stops at its next check and removes what it staged. finished() still follows.
    void cancel() noexcept { m_cancel.cancel(); }
    [[nodiscard]] bool isCancelled() const noexcept { return m_cancel.isCancelled(); }
    [[nodiscard]] bool isRunning() const noexcept;
    // Set when finished() was emitted (written by the worker thread, read only after it ended).
    [[nodiscard]] const std::optional<Outcome>& outcome() const noexcept { return m_outcome; }

signals:
    void progressed(const techo::exports::ExportProgress& progress);
    // On the GUI thread, after the worker thread has ended and its connection is closed.
    void finished();

private:
    void run(); // on the worker thread

    std::unique_ptr<session::VaultSession> m_connection;
    exports::ExportRequest m_request;
    ProgressHook m_hook;
    net::CancelToken m_cancel;
    std::unique_ptr<QThread> m_thread;
    bool m_finished = false; // GUI thread only
    std::optional<Outcome> m_outcome;
};

} // namespace techo::ui
