#pragma once

#include "core/domain/Profile.h"

#include <QComboBox>

#include <cstdint>
#include <optional>
#include <vector>

namespace techo::ui {

// The tool bar's choice of whose records the views show: the vault's profiles (self and family, in creation
// order, HealthRecordQueries::profiles) by the name the person sees (Profile::shownName). Holds ids and names
// only — no record. Emptied while the vault is locked.
class ProfileSwitcher final : public QComboBox {
    Q_OBJECT
public:
    explicit ProfileSwitcher(QWidget* parent = nullptr);

    // Replaces the list; selects `keep` when it is still there, else the first profile. Emits profileSelected
    // when the selected id differs from before (also from none to one).
    void setProfiles(const std::vector<domain::Profile>& profiles, std::optional<std::int64_t> keep);
    void clearProfiles();
    [[nodiscard]] std::optional<std::int64_t> currentProfileId() const;
    // Selects `id` when listed (emits profileSelected); returns false when it is not.
    bool selectProfile(std::int64_t id);

signals:
    void profileSelected(std::int64_t id);

private:
    void onIndexChanged(int index);

    std::optional<std::int64_t> m_shown;
    bool m_updating = false;
};

} // namespace techo::ui
