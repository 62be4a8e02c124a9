#pragma once

#include "core/export/ExportRequest.h"
#include "core/util/Error.h"
#include "ui/ExportWorker.h"

#include <QDate>
#include <QDialog>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
class QTableView;
class QUrl;

namespace techo::session {
class VaultSession;
}

namespace techo::ui {

class ExportCountsModel;

// File ▸ Export… (docs/app/export.md). Three pages: the choice — format (the PDF summary for a doctor, JSON,
// CSV as a folder or a .zip, FHIR R4 JP Core), person, period, kinds of record (or, for the PDF, its sections and
// how many checkups side by side), CSV header language and the destination — with a live preview of what will be
// written (exports::countRecords through the window's session, recounted at every change); the progress with
// Cancel (Esc); and the report (where, what, the SHA-256, Show in folder) or what went wrong (ErrorText). The
// export runs on a worker thread with a connection of its own (ExportWorker), so the window's views stay readable.
// A cancel, an error or a closed dialog leaves nothing at the destination and records no audit event.
class ExportDialog final : public QDialog {
    Q_OBJECT
public:
    enum class Stage { Choosing, Running, Finished };
    Q_ENUM(Stage)

    // session: the window's unlocked session, which must outlive the dialog: the preview counts through it and the
    // export through openAnotherConnection(). currentProfile: the person the window shows, chosen by default.
    ExportDialog(session::VaultSession& session, std::optional<std::int64_t> currentProfile, QWidget* parent = nullptr);
    ~ExportDialog() override;

    // The PDF summary's renderer (ui::renderDoctorSummaryPdf, wired by AppController). Without one the PDF choice is
    // disabled and says why.
    void setPdfRenderer(exports::PdfRenderer renderer);

    void setFormat(exports::ExportFormat format);
    [[nodiscard]] exports::ExportFormat format() const;
    // nullopt: every person (not for the PDF, which is about one person).
    void setProfile(std::optional<std::int64_t> profileId);
    void setPeriod(std::optional<QDate> from, std::optional<QDate> to);
    void setCategories(const exports::ExportCategories& categories);
    void setCsvZip(bool zip);
    // A path the person typed or chose; the default name then no longer follows the choices.
    void setDestination(const QString& path);
    [[nodiscard]] QString destination() const;
    // What the choices select, as the export and the preview use it.
    [[nodiscard]] exports::ExportSelection selection() const;
    // The preview as last counted (empty after an error, e.g. a period that ends before it starts).
    [[nodiscard]] const std::map<std::string, std::int64_t>& previewCounts() const noexcept { return m_preview; }
    // `path` with its name's ending made the format's (.pdf, .json, -csv.zip, -fhir.json; "-csv" for a CSV folder)
    // when it does not end as that format's output already: "…/period.pdf" → "…/period-csv" for a CSV folder. A known
    // ending of another format is replaced, other names get the ending added; a fitting name is returned as it is.
    [[nodiscard]] static QString retargetedName(const QString& path, exports::ExportFormat format, bool zip);

    [[nodiscard]] Stage stage() const noexcept { return m_stage; }
    [[nodiscard]] const std::optional<exports::ExportReport>& lastReport() const noexcept { return m_report; }
    [[nodiscard]] const std::optional<Error>& lastError() const noexcept { return m_error; }
    // Tests: runs on the worker thread at each progress report (ExportWorker::ProgressHook).
    void setWorkerProgressHook(ExportWorker::ProgressHook hook) { m_hook = std::move(hook); }
    // Opens a folder in the desktop's file manager; false when none could be started. QDesktopServices::openUrl
    // unless replaced (tests: a desktop without a file manager cannot be made on demand).
    using FolderOpener = std::function<bool(const QUrl&)>;
    void setFolderOpener(FolderOpener opener) { m_openFolder = std::move(opener); }

public slots:
    // As the Export button: checks the choices and the destination (an existing file or folder is refused before
    // anything starts), then starts the export.
    void startExport();
    // As the Cancel button during an export.
    void cancelExport();
    // Esc or the close button during an export cancels it first; otherwise (or the second time) closes, waiting for
    // the cancelled export to clean up (it stops at its next record). Destroying the dialog cancels the same way.
    void reject() override;

signals:
    void stageChanged(techo::ui::ExportDialog::Stage stage);

private:
    QWidget* buildChoicePage();
    QWidget* buildProgressPage();
    QWidget* buildReportPage();
    void loadProfiles(std::optional<std::int64_t> current);
    void updateControls();
    void updatePreview();
    void updateDefaultDestination();
    [[nodiscard]] QString defaultFileName() const;
    void chooseDestination();
    void showChoiceError(const QString& message);
    void setStage(Stage stage);
    // Shows a page and makes its main button the one Return presses (Export, none while exporting, Close).
    void showPage(int page);
    // After a change of format: a name the person typed gets the new format's ending (retargetedName).
    void retargetTypedName();
    void showInFolder();
    void onProgress(const exports::ExportProgress& progress);
    void onWorkerFinished();
    void showReport(const exports::ExportReport& report);
    void showFailure(const Error& error);

    session::VaultSession& m_session;
    Stage m_stage = Stage::Choosing;
    exports::PdfRenderer m_renderer;
    std::unique_ptr<ExportWorker> m_worker;
    ExportWorker::ProgressHook m_hook;
    std::map<std::string, std::int64_t> m_preview;
    std::optional<exports::ExportReport> m_report;
    std::optional<Error> m_error;
    bool m_cancelRequested = false;
    bool m_destinationEdited = false;
    bool m_settingDestination = false;
    exports::ExportFormat m_runningFormat = exports::ExportFormat::Json;
    FolderOpener m_openFolder;

    ExportCountsModel* m_previewModel = nullptr;
    ExportCountsModel* m_reportModel = nullptr;
    QStackedWidget* m_pages = nullptr;
    // choice page
    QButtonGroup* m_formatGroup = nullptr;
    QRadioButton* m_pdfRadio = nullptr;
    QRadioButton* m_jsonRadio = nullptr;
    QRadioButton* m_csvRadio = nullptr;
    QRadioButton* m_fhirRadio = nullptr;
    QComboBox* m_csvForm = nullptr;
    QComboBox* m_csvHeaders = nullptr;
    QComboBox* m_profile = nullptr;
    QCheckBox* m_limitDates = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QGroupBox* m_categoriesBox = nullptr;
    QCheckBox* m_checkups = nullptr;
    QCheckBox* m_vaccinations = nullptr;
    QCheckBox* m_medications = nullptr;
    QCheckBox* m_self = nullptr;
    QGroupBox* m_sectionsBox = nullptr;
    QCheckBox* m_latestSection = nullptr;
    QSpinBox* m_maxCheckups = nullptr;
    QCheckBox* m_trendsSection = nullptr;
    QCheckBox* m_medicinesSection = nullptr;
    QCheckBox* m_vaccinationsSection = nullptr;
    QCheckBox* m_qrSection = nullptr;
    QLineEdit* m_destination = nullptr;
    QGroupBox* m_previewBox = nullptr;
    QLabel* m_previewNote = nullptr;
    QLabel* m_choiceError = nullptr;
    QPushButton* m_exportButton = nullptr;
    // progress page
    QLabel* m_stageLabel = nullptr;
    QProgressBar* m_progressBar = nullptr;
    QLabel* m_progressWhere = nullptr;
    QPushButton* m_cancelButton = nullptr;
    // report page
    QLabel* m_headline = nullptr;
    QLabel* m_whereLabel = nullptr;
    QLabel* m_reportCaption = nullptr;
    QTableView* m_reportView = nullptr;
    QLabel* m_digestLabel = nullptr;
    QLabel* m_notes = nullptr;
    QLabel* m_showFailed = nullptr;
    QPushButton* m_showButton = nullptr;
    QPushButton* m_againButton = nullptr;
    QPushButton* m_closeButton = nullptr;
};

} // namespace techo::ui
