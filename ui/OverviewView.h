#pragma once

#include "ui/RecordView.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace techo::ui {

// The built-in first view until the dashboard arrives: how many records of each kind the vault holds
// (VaultSession::counts — the whole vault, whichever profile is selected) and where the file is.
class OverviewView final : public QWidget, public RecordView {
    Q_OBJECT
public:
    explicit OverviewView(QWidget* parent = nullptr);

    void showProfile(session::VaultSession& session, std::int64_t profileId) override;
    void clearRecords() override;
    // The counts do not depend on a profile: a vault without any profile still shows them (all zero).
    void showVault(session::VaultSession& session);

private:
    QLabel* m_summary = nullptr;
    QTableWidget* m_counts = nullptr;
};

} // namespace techo::ui
