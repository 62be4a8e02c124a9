#pragma once

#include "core/import/ImportReport.h"
#include "core/util/Error.h"
#include "ui/ImportWorker.h"

#include <QDate>
#include <QDialog>

#include <memory>
#include <optional>

class QButtonGroup;
class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTableView;

namespace techo::session {
class VaultSession;
}

namespace techo::ui {

class ImportProgressModel;
class ImportRejectionModel;
class ImportReportModel;
class PersonConflictDialog;
class SandboxLauncher;

// Imports records into the open vault (docs/app/import.md). Three pages: the source (the built-in demo server,
// the person's own API with its CA file and the browser login, or a saved result file) and a date range; the
// progress per person and kind, with Cancel; and the report (added / updated / unchanged / rejected per kind, each
// rejection with its reason in the UI language). The import runs on a worker thread with a connection of its own
// (VaultSession::openAnotherConnection), so the main window keeps reading during the network phase. A person
// conflict opens PersonConflictDialog and, once the person has chosen, the import runs again with that decision.
// A cancel, an error or a closed dialog leaves the vault as it was.
class ImportDialog final : public QDialog {
    Q_OBJECT
public:
    enum class Source { Sandbox, Api, File };
    Q_ENUM(Source)
    // Where the import is. Network: authorization and download; the vault is not locked. Writing: the write
    // phase (one transaction); a read of the main window may wait until the commit — say "writing the import…".
    // WaitingForDecision: a person conflict is asked (PersonConflictDialog); nothing runs and the vault is as it
    // was, so the main window stays usable.
    enum class Stage { Idle, Preparing, Network, Writing, WaitingForDecision, Finished };
    Q_ENUM(Stage)

    // session: the main window's unlocked session; it must outlive the dialog. Only its
    // openAnotherConnection() is used.
    explicit ImportDialog(session::VaultSession& session, QWidget* parent = nullptr);
    ~ImportDialog() override;

    // Preselects a source (the welcome page opens the dialog with Source::Sandbox).
    void setSource(Source source);
    [[nodiscard]] Source source() const;
    void setFilePath(const QString& path);
    void setApi(const QString& baseUrl, const QString& caFile);
    // Only records dated in [from, to] (either end open); applies to API sources.
    void setDateRange(std::optional<QDate> from, std::optional<QDate> to);
    [[nodiscard]] Stage stage() const noexcept { return m_stage; }
    // The last import's report (after a commit) or error (after a failure or a cancel).
    [[nodiscard]] const std::optional<import::ImportReport>& lastReport() const noexcept { return m_report; }
    [[nodiscard]] const std::optional<Error>& lastError() const noexcept { return m_error; }
    // Tests: runs on the worker thread at every progress step, before it is forwarded.
    void setWorkerProgressHook(ImportWorker::ProgressHook hook) { m_hook = std::move(hook); }

public slots:
    // As the Import button: starts with the chosen source.
    void startImport();
    // As the Cancel button during an import.
    void cancelImport();
    // Esc or the close button during an import cancels it (the report page then says nothing changed); otherwise,
    // or the second time, closes — waiting for a cancelled import's roll-back (milliseconds). To end an import
    // at once (the window locks), destroy the dialog: ~ImportDialog cancels and waits the same way.
    void reject() override;

signals:
    void stageChanged(techo::ui::ImportDialog::Stage stage);
    // After an import committed: the window reloads its views.
    void recordsChanged();

private:
    QWidget* buildSourcePage();
    QWidget* buildProgressPage();
    QWidget* buildReportPage();
    void updateSourceControls();
    void setStage(Stage stage);
    void runWorker(ImportJob job);
    void onProgress(const import::ImportProgress& progress);
    void onWorkerFinished();
    void askAboutConflict(const Error& conflict);
    void showReport(const import::ImportReport& report);
    void showFailure(const Error& error);
    [[nodiscard]] static QString headlineFor(const domain::ImportCounts& counts, int rejected);
    void showSourceError(const QString& message);
    [[nodiscard]] ImportJob apiJob(const QString& baseUrl, const QString& caFile, bool browser) const;

    session::VaultSession& m_session;
    Stage m_stage = Stage::Idle;
    Source m_runningSource = Source::Sandbox;
    import::ImportPolicy m_policy; // the person's decisions, kept across the runs of one import
    std::optional<ImportJob> m_job; // the job of the current import (re-run after a decision)
    std::unique_ptr<ImportWorker> m_worker;
    ImportWorker::ProgressHook m_hook;
    std::optional<import::ImportReport> m_report;
    std::optional<Error> m_error;
    bool m_cancelRequested = false;

    SandboxLauncher* m_sandbox = nullptr;
    ImportProgressModel* m_progressModel = nullptr;
    ImportReportModel* m_reportModel = nullptr;
    ImportRejectionModel* m_rejectionModel = nullptr;

    QStackedWidget* m_pages = nullptr;
    // source page
    QButtonGroup* m_sourceGroup = nullptr;
    QRadioButton* m_sandboxRadio = nullptr;
    QRadioButton* m_apiRadio = nullptr;
    QRadioButton* m_fileRadio = nullptr;
    QLineEdit* m_apiUrl = nullptr;
    QLineEdit* m_caFile = nullptr;
    QPushButton* m_caBrowse = nullptr;
    QLineEdit* m_filePath = nullptr;
    QPushButton* m_fileBrowse = nullptr;
    QCheckBox* m_limitDates = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QLabel* m_sourceError = nullptr;
    QPushButton* m_importButton = nullptr;
    // progress page
    QLabel* m_stageLabel = nullptr;
    QLabel* m_browserLink = nullptr;
    QProgressBar* m_progressBar = nullptr;
    QTableView* m_progressView = nullptr;
    QPushButton* m_cancelButton = nullptr;
    // report page
    QLabel* m_headline = nullptr;
    QTableView* m_countsView = nullptr;
    QLabel* m_rejectionsLabel = nullptr;
    QTableView* m_rejectionsView = nullptr;
    QLabel* m_notes = nullptr;
    QPushButton* m_againButton = nullptr;
    QPushButton* m_closeButton = nullptr;
};

} // namespace techo::ui
