#pragma once

#include "core/session/VaultSession.h"
#include "ui/RecordView.h"

#include <QGroupBox>

#include <cstdint>

class QLabel;
class QTableView;

namespace techo::ui {

class LatestCheckupModel;

// The dashboard's "latest checkup" card: the latest checkup day of the profile the view shows and its items
// judged (LatestCheckupModel), or why there is nothing to show. It has no person selector of its own: it
// follows DashboardView, which follows the window's profile switcher. Reads only through
// session::VaultSession::healthRecords() and keeps no pointer to the session.
class LatestCheckupPanel final : public QGroupBox, public RecordView {
    Q_OBJECT
public:
    explicit LatestCheckupPanel(QWidget* parent = nullptr);

    // Reads `profileId`'s latest checkup (and the one before it) and shows it; an unknown profile or a vault
    // error is said in the card (describeError), never thrown.
    void showProfile(session::VaultSession& session, std::int64_t profileId) override;
    // Empties the model and every label (the vault is locking).
    void clearRecords() override;

    // Transitional, for the window of main until it registers DashboardView: shows the vault's first profile
    // (nullptr: clearRecords()). Remove once nothing calls it.
    void setSession(session::VaultSession* session);

    [[nodiscard]] LatestCheckupModel* model() const noexcept { return m_model; }
    // The card's table (the dashboard puts it first in its tab order).
    [[nodiscard]] QTableView* table() const noexcept { return m_table; }

private:
    void showMessage(const QString& text);

    QLabel* m_date = nullptr;
    QLabel* m_empty = nullptr;
    QTableView* m_table = nullptr;
    LatestCheckupModel* m_model = nullptr;
};

} // namespace techo::ui
