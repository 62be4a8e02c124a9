#include "ui/VaultTask.h"

#include "core/session/VaultSession.h"

#include <QFutureWatcher>
#include <QString>
#include <QtConcurrent/QtConcurrent>

namespace techo::ui {

VaultTask::VaultTask(QObject* parent)
    : QObject(parent)
{ }

VaultTask::~VaultTask() = default;

bool VaultTask::start(Opener opener, std::string path, crypto::SecretBytes passphrase, Done done)
{
    if (isRunning())
        return false;
    m_done = std::move(done);
    auto secret = std::make_shared<crypto::SecretBytes>(std::move(passphrase));
    m_watcher = std::make_unique<QFutureWatcher<VaultResult>>();
    connect(m_watcher.get(), &QFutureWatcherBase::finished, this, &VaultTask::onFinished);
    // The lambda owns copies of everything it touches: this object may be gone before it ends.
    m_watcher->setFuture(QtConcurrent::run(
        [opener = std::move(opener), path = std::move(path), secret] { return opener(path, *secret); }));
    return true;
}

void VaultTask::cancel()
{
    // Deleting the watcher disconnects it; the worker finishes on its own and its result (a vault it may have
    // opened) is destroyed with the future, which closes it again.
    m_watcher.reset();
    m_done = nullptr;
}

crypto::SecretBytes VaultTask::secretFromText(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    crypto::SecretBytes secret
        = crypto::SecretBytes::fromString(std::string_view(utf8.constData(), std::size_t(utf8.size())));
    utf8.fill('\0');
    return secret;
}

void VaultTask::onFinished()
{
    VaultResult result = m_watcher->future().takeResult();
    // The watcher is the sender of this very signal: let the event loop delete it.
    m_watcher.release()->deleteLater();
    Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(std::move(result));
}

} // namespace techo::ui
