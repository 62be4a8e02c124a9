#pragma once

#include "core/session/VaultSession.h"

#include <QString>

#include <cstdint>

namespace techo::ui {

// What every record view of the main window (ダッシュボード, 健診結果, later 薬, 予防接種 …) does, so that the
// window can switch profiles, reload after an import and empty everything on lock in one place.
// Views read only through session::VaultSession (never a Database&, SQL or JSON).
class RecordView {
public:
    virtual ~RecordView() = default;
    // Shows `profileId`'s records from `session`. The session outlives the view's use of it: the window
    // calls clearRecords() before it locks or destroys the session. Called again after an import (reload).
    virtual void showProfile(session::VaultSession& session, std::int64_t profileId) = 0;
    // The vault is locking: drop every model row, cached value and pointer to the session.
    virtual void clearRecords() = 0;
};

} // namespace techo::ui
