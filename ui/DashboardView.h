#pragma once

#include "core/domain/Clock.h"
#include "ui/RecordView.h"

#include <QWidget>

#include <cstdint>

class QFrame;
class QGroupBox;
class QLabel;
class QTableView;
class QVBoxLayout;

namespace techo::ui {

class CurrentMedicinesModel;
class LatestCheckupPanel;
class VaccinationsModel;

// ダッシュボード (Home): for the profile the window's switcher selects, the latest checkup judged with the change
// since the previous one (LatestCheckupPanel), the medicines at hand today with a warning when core finds a
// duplicate medication active today (CurrentMedicinesModel), the latest vaccinations (VaccinationsModel), and
// when records were last imported and from where. Each part says what to do when it has nothing to show.
// Reads only through session::VaultSession::healthRecords() while showProfile runs; keeps no session pointer.
class DashboardView final : public QWidget, public RecordView {
    Q_OBJECT
public:
    // How many vaccinations the card lists (newest first).
    static constexpr int kVaccinationsShown = 8;
    // How many full-width characters of a vaccine's name the card always has room for (a longer name is cut
    // with "…" and whole in its tooltip).
    static constexpr int kVaccineNameChars = 6;

    explicit DashboardView(QWidget* parent = nullptr);

    void showProfile(session::VaultSession& session, std::int64_t profileId) override;
    void clearRecords() override;

    // Where "today" (in Japan) comes from for the medicines at hand and active duplicates; the system clock by
    // default. Tests fix it. Applies at the next showProfile.
    void setClock(domain::Clock clock);

    [[nodiscard]] LatestCheckupPanel* latestCheckup() const noexcept { return m_checkup; }
    [[nodiscard]] CurrentMedicinesModel* medicinesModel() const noexcept { return m_medicines; }
    [[nodiscard]] VaccinationsModel* vaccinationsModel() const noexcept { return m_vaccinations; }

private:
    void showMedicines(session::VaultSession& session, std::int64_t profileId, const QString& personName);
    void showVaccinations(session::VaultSession& session, std::int64_t profileId, const QString& personName);
    void showLastImport(session::VaultSession& session);
    void arrange();
    void setCardsVisible(bool visible);

    // Items of the view's top-level layout whose stretch arrange() sets.
    static constexpr int kTopRow = 1;
    static constexpr int kBottomSpace = 3;

    domain::Clock m_clock;
    QVBoxLayout* m_root = nullptr;
    QLabel* m_person = nullptr;
    QLabel* m_import = nullptr;
    LatestCheckupPanel* m_checkup = nullptr;
    QGroupBox* m_medicinesCard = nullptr;
    QFrame* m_duplicateBanner = nullptr;
    QLabel* m_duplicateText = nullptr;
    QLabel* m_medicinesEmpty = nullptr;
    QTableView* m_medicinesTable = nullptr;
    CurrentMedicinesModel* m_medicines = nullptr;
    QGroupBox* m_vaccinationsCard = nullptr;
    QLabel* m_vaccinationsEmpty = nullptr;
    QTableView* m_vaccinationsTable = nullptr;
    VaccinationsModel* m_vaccinations = nullptr;
};

} // namespace techo::ui
