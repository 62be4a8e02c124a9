#include "ui/LockController.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QEvent>
#include <QTimer>

#include <algorithm>
#include <unistd.h>

namespace techo::ui {
namespace {

constexpr auto kDefaultCheckInterval = std::chrono::seconds(10);

bool isInput(QEvent::Type type)
{
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
    case QEvent::InputMethod:
        return true;
    default:
        return false;
    }
}

} // namespace

LockController::LockController(QObject* parent, Clock clock)
    : QObject(parent)
{
    setClock(std::move(clock));
    m_timer = new QTimer(this);
    m_timer->setInterval(kDefaultCheckInterval);
    connect(m_timer, &QTimer::timeout, this, &LockController::checkIdle);
    m_lastActivity = m_clock();
}

LockController::~LockController() = default;

void LockController::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return std::chrono::steady_clock::now(); });
    m_lastActivity = m_clock();
}

void LockController::setIdleMinutes(int minutes)
{
    m_idleMinutes = std::max(0, minutes);
}

void LockController::setArmed(bool armed)
{
    m_armed = armed;
    if (armed) {
        noteActivity();
        m_timer->start();
    } else {
        m_timer->stop();
    }
}

void LockController::setCheckInterval(std::chrono::milliseconds interval)
{
    m_timer->setInterval(interval);
}

void LockController::noteActivity()
{
    m_lastActivity = m_clock();
}

void LockController::checkIdle()
{
    if (!m_armed || m_idleMinutes <= 0)
        return;
    if (m_clock() - m_lastActivity >= std::chrono::minutes(m_idleMinutes)) {
        m_armed = false; // one request per unlock; the window re-arms after the next unlock
        m_timer->stop();
        emit lockRequested(Reason::Idle);
    }
}

bool LockController::eventFilter(QObject* watched, QEvent* event)
{
    if (isInput(event->type()))
        noteActivity();
    return QObject::eventFilter(watched, event);
}

int LockController::connectDesktopSession()
{
    int connected = 0;
    // An empty service name matches any sender: a screen saver that has not claimed its well-known name yet still
    // counts. Someone else on the bus sending the signal can only lock the vault, never open it.
    QDBusConnection session = QDBusConnection::sessionBus();
    if (session.isConnected()) {
        connected += session.connect(QString(), QStringLiteral("/org/freedesktop/ScreenSaver"),
            QStringLiteral("org.freedesktop.ScreenSaver"), QStringLiteral("ActiveChanged"), this,
            SLOT(onScreenSaverActiveChanged(bool)));
        connected += session.connect(QString(), QStringLiteral("/org/gnome/ScreenSaver"),
            QStringLiteral("org.gnome.ScreenSaver"), QStringLiteral("ActiveChanged"), this,
            SLOT(onScreenSaverActiveChanged(bool)));
    }
    QDBusConnection system = QDBusConnection::systemBus();
    if (system.isConnected()) {
        // Our own logind session's object path, asked asynchronously: a slow or absent logind never blocks the GUI.
        QDBusMessage ask = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.login1"),
            QStringLiteral("/org/freedesktop/login1"), QStringLiteral("org.freedesktop.login1.Manager"),
            QStringLiteral("GetSessionByPID"));
        ask << quint32(::getpid());
        auto* watcher = new QDBusPendingCallWatcher(system.asyncCall(ask), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher* call) {
            const QDBusPendingReply<QDBusObjectPath> reply = *call;
            call->deleteLater();
            if (reply.isError())
                return; // no logind, or this process is not in a session: nothing to listen to
            QDBusConnection::systemBus().connect(QStringLiteral("org.freedesktop.login1"), reply.value().path(),
                QStringLiteral("org.freedesktop.login1.Session"), QStringLiteral("Lock"), this, SLOT(onSessionLock()));
        });
        ++connected;
    }
    return connected;
}

void LockController::onScreenSaverActiveChanged(bool active)
{
    if (active)
        desktopLocked();
}

void LockController::onSessionLock()
{
    desktopLocked();
}

void LockController::desktopLocked()
{
    if (!m_armed)
        return;
    m_armed = false;
    m_timer->stop();
    emit lockRequested(Reason::DesktopLocked);
}

} // namespace techo::ui
