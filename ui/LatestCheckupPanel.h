#pragma once

#include "core/session/VaultSession.h"

#include <QGroupBox>

#include <cstdint>

class QComboBox;
class QLabel;
class QTableView;

namespace techo::ui {

class LatestCheckupModel;

// The dashboard's "latest checkup" panel: a profile selector (the vault's profiles by shown name, the first
// selected), the latest checkup day and its items judged (LatestCheckupModel), or why there is nothing to
// show. Reads only through session::VaultSession::healthRecords(); holds the session without owning it.
class LatestCheckupPanel final : public QGroupBox {
    Q_OBJECT
public:
    explicit LatestCheckupPanel(QWidget* parent = nullptr);

    // Shows the profiles of `session` (nullptr: the vault is locked, everything is emptied). The session
    // must outlive the panel's use of it: call setSession(nullptr) before it is destroyed.
    void setSession(session::VaultSession* session);
    [[nodiscard]] LatestCheckupModel* model() const noexcept { return m_model; }

private:
    void showProfile(int comboIndex);

    session::VaultSession* m_session = nullptr;
    QComboBox* m_profiles = nullptr;
    QLabel* m_date = nullptr;
    QLabel* m_empty = nullptr;
    QTableView* m_table = nullptr;
    LatestCheckupModel* m_model = nullptr;
};

} // namespace techo::ui
