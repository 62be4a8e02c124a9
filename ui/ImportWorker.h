#pragma once

#include "core/import/ImportJobs.h"
#include "core/net/CancelToken.h"
#include "core/session/VaultSession.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QThread;

Q_DECLARE_METATYPE(techo::import::ImportProgress)

namespace techo::ui {

// What to import: from an API (the built-in sandbox or the person's own), or a saved /result file.
struct ImportJob {
    enum class Source { Api, File };
    Source source = Source::Api;
    import::ApiImportRequest request; // Source::Api; request.policy holds the person's decisions
    std::string filePath; // Source::File
};

// Runs one import on a thread of its own with a vault connection of its own (docs/development.md "Threads"): the
// GUI's session keeps reading during the network phase. The object lives on the GUI thread; its signals are
// emitted from the worker thread and reach GUI-thread receivers queued. The network phase, the write phase and
// a cancel are core's (import::importFromApi / importFromFile): a cancel or any error leaves the vault as it was.
class ImportWorker final : public QObject {
    Q_OBJECT
public:
    using Outcome = Result<import::ImportReport>;
    // Runs on the worker thread before each progress is forwarded (tests use it to act at a known stage).
    using ProgressHook = std::function<void(const import::ImportProgress&)>;

    // connection: a session of its own (VaultSession::openAnotherConnection), used only by the worker thread.
    ImportWorker(std::unique_ptr<session::VaultSession> connection, ImportJob job, QObject* parent = nullptr);
    // Cancels and waits for the thread (a cancel is noticed within ~20 ms, docs/import.md).
    ~ImportWorker() override;
    ImportWorker(const ImportWorker&) = delete;
    ImportWorker& operator=(const ImportWorker&) = delete;

    void setProgressHook(ProgressHook hook) { m_hook = std::move(hook); }
    void start();
    // Any thread; the import stops at its next check and rolls back. finished() still follows.
    void cancel() noexcept { m_cancel.cancel(); }
    [[nodiscard]] bool isCancelled() const noexcept { return m_cancel.isCancelled(); }
    [[nodiscard]] bool isRunning() const noexcept;
    // Set when finished() was emitted (written by the worker thread, read only after it ended).
    [[nodiscard]] const std::optional<Outcome>& outcome() const noexcept { return m_outcome; }

signals:
    void progressed(const techo::import::ImportProgress& progress);
    // The API asks the person to log in and consent at this address (also opened in the browser).
    void authorizationUrl(const QString& url);
    // On the GUI thread, after the worker thread has ended and its connection is closed.
    void finished();

private:
    void run(); // on the worker thread

    std::unique_ptr<session::VaultSession> m_connection;
    ImportJob m_job;
    ProgressHook m_hook;
    net::CancelToken m_cancel;
    std::unique_ptr<QThread> m_thread;
    bool m_finished = false; // GUI thread only
    std::optional<Outcome> m_outcome;
};

} // namespace techo::ui
