#include "ui/ImportWorker.h"

#include <QDesktopServices>
#include <QThread>
#include <QUrl>

namespace techo::ui {

ImportWorker::ImportWorker(std::unique_ptr<session::VaultSession> connection, ImportJob job, QObject* parent)
    : QObject(parent)
    , m_connection(std::move(connection))
    , m_job(std::move(job))
{
    qRegisterMetaType<techo::import::ImportProgress>();
}

ImportWorker::~ImportWorker()
{
    if (m_thread != nullptr) {
        m_cancel.cancel();
        m_thread->wait();
    }
}

bool ImportWorker::isRunning() const noexcept
{
    return m_thread != nullptr && !m_finished;
}

void ImportWorker::start()
{
    if (m_thread != nullptr)
        return;
    if (m_job.source == ImportJob::Source::Api && m_job.request.openBrowser) {
        // The core client calls this on the worker thread; the browser is opened from the GUI thread.
        m_job.request.openBrowser = [this](const std::string& url) -> Status {
            const QString address = QString::fromStdString(url);
            emit authorizationUrl(address);
            QMetaObject::invokeMethod(
                this, [address] { QDesktopServices::openUrl(QUrl(address)); }, Qt::QueuedConnection);
            return {};
        };
    }
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("import"));
    connect(m_thread.get(), &QThread::finished, this, [this] {
        m_thread->wait();
        m_finished = true;
        emit finished();
    });
    m_thread->start();
}

void ImportWorker::run()
{
    const auto forward = [this](const import::ImportProgress& progress) {
        if (m_hook)
            m_hook(progress);
        emit progressed(progress);
    };
    Outcome outcome = m_job.source == ImportJob::Source::File
        ? m_connection->importFromFile(m_job.filePath, forward, &m_cancel, m_job.request.policy)
        : m_connection->importFromApi(m_job.request, forward, &m_cancel);
    m_connection->lock(); // the connection ends with the work, on the thread that used it
    m_outcome = std::move(outcome);
}

} // namespace techo::ui
