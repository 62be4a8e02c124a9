#pragma once

#include <QObject>

#include <chrono>
#include <functional>

class QTimer;

namespace techo::ui {

// Decides when the unlocked vault must lock by itself (issue 11, Lock): after an idle time without keyboard,
// mouse, wheel or touch input anywhere in the application, and when the desktop session locks — logind's
// Session.Lock on the system bus, org.freedesktop.ScreenSaver / org.gnome.ScreenSaver ActiveChanged(true) on the
// session bus, as KeePassXC does (src/gui/osutils/nixutils/ScreenLockListenerDBus.cpp). A missing bus or service
// is no error: that source simply never fires. Locking itself is the window's job (lockRequested).
//
// Install it as an event filter on the application (QApplication::installEventFilter) to see the input. The
// clock is injectable so tests can move time; the check runs on a timer (every 10 s by default) and on demand.
class LockController final : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    enum class Reason { Idle, DesktopLocked };
    Q_ENUM(Reason)

    // `clock` defaults to std::chrono::steady_clock::now.
    explicit LockController(QObject* parent = nullptr, Clock clock = {});
    ~LockController() override;

    void setClock(Clock clock);
    // 0 = never (AppSettings::autoLockMinutes). Applies from the next check.
    void setIdleMinutes(int minutes);
    [[nodiscard]] int idleMinutes() const noexcept { return m_idleMinutes; }
    // Only an armed controller (a vault is unlocked) asks to lock; arming counts as activity.
    void setArmed(bool armed);
    [[nodiscard]] bool isArmed() const noexcept { return m_armed; }
    void setCheckInterval(std::chrono::milliseconds interval);
    // Input seen now.
    void noteActivity();
    // Emits lockRequested(Idle) when armed, idle minutes > 0 and that long has passed since the last input.
    void checkIdle();
    // Subscribes to the desktop's lock signals on the buses there are; returns how many subscriptions took.
    int connectDesktopSession();

    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void lockRequested(techo::ui::LockController::Reason reason);

private slots:
    void onScreenSaverActiveChanged(bool active);
    void onSessionLock();

private:
    void desktopLocked();

    Clock m_clock;
    QTimer* m_timer = nullptr;
    std::chrono::steady_clock::time_point m_lastActivity {};
    int m_idleMinutes = 0;
    bool m_armed = false;
};

} // namespace techo::ui
