#include "ui/ExportWorker.h"

#include <QThread>

namespace techo::ui {

ExportWorker::ExportWorker(
    std::unique_ptr<session::VaultSession> connection, exports::ExportRequest request, QObject* parent)
    : QObject(parent)
    , m_connection(std::move(connection))
    , m_request(std::move(request))
{
    qRegisterMetaType<techo::exports::ExportProgress>();
}

ExportWorker::~ExportWorker()
{
    if (m_thread != nullptr) {
        m_cancel.cancel();
        // A PDF's layout waits for the GUI thread, which is this one, now waiting: interruption makes it give up.
        m_thread->requestInterruption();
        m_thread->wait();
    }
}

bool ExportWorker::isRunning() const noexcept
{
    return m_thread != nullptr && !m_finished;
}

void ExportWorker::start()
{
    if (m_thread != nullptr)
        return;
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("export"));
    connect(m_thread.get(), &QThread::finished, this, [this] {
        m_thread->wait();
        m_finished = true;
        emit finished();
    });
    m_thread->start();
}

void ExportWorker::run()
{
    m_request.cancel = &m_cancel;
    m_request.progress = [this](const exports::ExportProgress& progress) {
        emit progressed(progress);
        if (m_hook)
            m_hook(progress, m_cancel);
    };
    Outcome outcome = m_connection->exportRecords(m_request);
    m_connection->lock(); // the connection ends with the work, on the thread that used it
    m_outcome = std::move(outcome);
}

} // namespace techo::ui
