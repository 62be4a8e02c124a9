#include "ui/ImportDialog.h"

#include "core/session/VaultSession.h"
#include "ui/AppSettings.h"
#include "ui/DateText.h"
#include "ui/DialogLabels.h"
#include "ui/ErrorText.h"
#include "ui/ImportProgressModel.h"
#include "ui/ImportRejectionModel.h"
#include "ui/ImportReportModel.h"
#include "ui/PersonConflictDialog.h"
#include "ui/SandboxLauncher.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace techo::ui {
namespace {

enum Page { SourcePage = 0, ProgressPage = 1, ReportPage = 2 };

// Draws a JSON path with a break opportunity after each '.' and before each '[' (a path has no spaces, so a view
// could otherwise only cut it): "$.a.b[2].DataValue" wraps into lines that keep the index and the field whole.
class PathDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        constexpr QChar kBreak(0x200B); // ZERO WIDTH SPACE: a line may break here, nothing is drawn
        option->text.replace(QLatin1Char('.'), QStringLiteral(".") + kBreak)
            .replace(QLatin1Char('['), kBreak + QStringLiteral("["));
    }
};

QLabel* hint(const QString& text, QWidget* parent)
{
    QLabel* label = noteLabel(text, parent);
    label->setIndent(24); // under the radio button it explains
    return label;
}

QTableView* tableView(QAbstractItemModel* model, const QString& name, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setObjectName(name);
    view->setAccessibleName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

// A table as tall as its rows, up to kMaxVisibleRows (a short list needs no empty area below it; a family of
// many persons scrolls).
constexpr int kMaxVisibleRows = 8;
void fitHeightToRows(QTableView* view)
{
    const int rows = view->model()->rowCount();
    const int shown = std::min(rows, kMaxVisibleRows);
    const int rowsHeight = rows == 0 ? 0 : view->verticalHeader()->length() * shown / rows;
    view->setVerticalScrollBarPolicy(rows > kMaxVisibleRows ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
    view->setFixedHeight(view->horizontalHeader()->height() + rowsHeight + 2 * view->frameWidth());
}

} // namespace

ImportDialog::ImportDialog(session::VaultSession& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
{
    setWindowTitle(tr("Import records"));
    setObjectName(QStringLiteral("importDialog"));
    m_sandbox = new SandboxLauncher(this);
    m_progressModel = new ImportProgressModel(this);
    m_reportModel = new ImportReportModel(this);
    m_rejectionModel = new ImportRejectionModel(this);
    connect(m_sandbox, &SandboxLauncher::started, this, [this](const QString& url, const QString& ca) {
        if (m_stage == Stage::Preparing && m_runningSource == Source::Sandbox)
            runWorker(apiJob(url, ca, false));
    });
    connect(m_sandbox, &SandboxLauncher::failed, this, [this](const QString& message) {
        if (m_stage != Stage::Preparing)
            return;
        setStage(Stage::Idle);
        m_pages->setCurrentIndex(SourcePage);
        showSourceError(message);
    });

    auto* layout = new QVBoxLayout(this);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildSourcePage());
    m_pages->addWidget(buildProgressPage());
    m_pages->addWidget(buildReportPage());
    layout->addWidget(m_pages);
    resize(680, 480);
    setSource(Source::Sandbox);
}

ImportDialog::~ImportDialog()
{
    if (m_worker)
        m_worker->cancel(); // ~ImportWorker waits for the roll-back
    m_worker.reset();
    m_sandbox->stop();
}

QWidget* ImportDialog::buildSourcePage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);

    auto* from = new QGroupBox(tr("Where should the records come from?"), page);
    auto* fromLayout = new QGridLayout(from);
    m_sourceGroup = new QButtonGroup(this);
    m_sandboxRadio = new QRadioButton(tr("&Demo records from the built-in sandbox"), from);
    m_sandboxRadio->setObjectName(QStringLiteral("sandboxRadio"));
    m_apiRadio = new QRadioButton(tr("&My health records service (API)"), from);
    m_apiRadio->setObjectName(QStringLiteral("apiRadio"));
    m_fileRadio = new QRadioButton(tr("A &saved result file"), from);
    m_fileRadio->setObjectName(QStringLiteral("fileRadio"));
    m_sourceGroup->addButton(m_sandboxRadio, static_cast<int>(Source::Sandbox));
    m_sourceGroup->addButton(m_apiRadio, static_cast<int>(Source::Api));
    m_sourceGroup->addButton(m_fileRadio, static_cast<int>(Source::File));

    int row = 0;
    fromLayout->addWidget(m_sandboxRadio, row++, 0, 1, 3);
    fromLayout->addWidget(hint(tr("Techo starts a local test server with an invented family on this computer. "
                                  "Nothing is sent anywhere."),
                              from),
        row++, 0, 1, 3);

    fromLayout->addWidget(m_apiRadio, row++, 0, 1, 3);
    m_apiUrl = new QLineEdit(AppSettings::apiEndpoint(), from);
    m_apiUrl->setObjectName(QStringLiteral("apiUrlEdit"));
    m_apiUrl->setAccessibleName(tr("API address"));
    m_apiUrl->setPlaceholderText(QStringLiteral("https://"));
    auto* urlLabel = new QLabel(tr("&Address:"), from);
    urlLabel->setBuddy(m_apiUrl);
    urlLabel->setIndent(24);
    fromLayout->addWidget(urlLabel, row, 0);
    fromLayout->addWidget(m_apiUrl, row++, 1, 1, 2);
    m_caFile = new QLineEdit(AppSettings::caFile(), from);
    m_caFile->setObjectName(QStringLiteral("caFileEdit"));
    m_caFile->setAccessibleName(tr("CA file"));
    m_caFile->setPlaceholderText(tr("the system's certificates"));
    auto* caLabel = new QLabel(tr("C&A file:"), from);
    caLabel->setBuddy(m_caFile);
    caLabel->setIndent(24);
    m_caBrowse = new QPushButton(tr("Browse…"), from);
    m_caBrowse->setAccessibleName(tr("Choose the CA file"));
    connect(m_caBrowse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("CA file"), m_caFile->text(), tr("Certificates (*.pem *.crt);;All files (*)"));
        if (!path.isEmpty())
            m_caFile->setText(path);
    });
    fromLayout->addWidget(caLabel, row, 0);
    fromLayout->addWidget(m_caFile, row, 1);
    fromLayout->addWidget(m_caBrowse, row++, 2);
    fromLayout->addWidget(
        hint(tr("You log in and consent in your web browser; the browser then returns to Techo."), from), row++, 0, 1,
        3);

    fromLayout->addWidget(m_fileRadio, row++, 0, 1, 3);
    m_filePath = new QLineEdit(from);
    m_filePath->setObjectName(QStringLiteral("filePathEdit"));
    m_filePath->setAccessibleName(tr("Result file"));
    auto* fileLabel = new QLabel(tr("&File:"), from);
    fileLabel->setBuddy(m_filePath);
    fileLabel->setIndent(24);
    m_fileBrowse = new QPushButton(tr("Browse…"), from);
    m_fileBrowse->setAccessibleName(tr("Choose the result file"));
    connect(m_fileBrowse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Result file"), m_filePath->text(), tr("API results (*.json);;All files (*)"));
        if (!path.isEmpty())
            m_filePath->setText(path);
    });
    fromLayout->addWidget(fileLabel, row, 0);
    fromLayout->addWidget(m_filePath, row, 1);
    fromLayout->addWidget(m_fileBrowse, row++, 2);
    fromLayout->setColumnStretch(1, 1);
    layout->addWidget(from);

    auto* period = new QGroupBox(tr("Period"), page);
    auto* periodLayout = new QHBoxLayout(period);
    m_limitDates = new QCheckBox(tr("Only records &dated from"), period);
    m_limitDates->setObjectName(QStringLiteral("limitDatesCheck"));
    m_from = new QDateEdit(QDate::currentDate().addYears(-5), period);
    m_from->setObjectName(QStringLiteral("fromDateEdit"));
    m_from->setAccessibleName(tr("From date"));
    m_from->setDisplayFormat(dateEditFormat());
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(QDate::currentDate(), period);
    m_to->setObjectName(QStringLiteral("toDateEdit"));
    m_to->setAccessibleName(tr("To date"));
    m_to->setDisplayFormat(dateEditFormat());
    m_to->setCalendarPopup(true);
    auto* toLabel = new QLabel(tr("to"), period);
    periodLayout->addWidget(m_limitDates);
    periodLayout->addWidget(m_from);
    periodLayout->addWidget(toLabel);
    periodLayout->addWidget(m_to);
    periodLayout->addStretch();
    layout->addWidget(period);
    layout->addWidget(hint(tr("Without a period, everything the source holds is imported. Records already in the "
                              "vault are recognised and not added twice."),
        page));

    m_sourceError = new QLabel(page);
    m_sourceError->setObjectName(QStringLiteral("sourceErrorLabel"));
    m_sourceError->setWordWrap(true);
    m_sourceError->hide();
    layout->addWidget(m_sourceError);
    layout->addStretch();

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    m_importButton = new QPushButton(tr("&Import"), page);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setDefault(true);
    auto* close = new QPushButton(tr("Close"), page);
    buttons->addWidget(m_importButton);
    buttons->addWidget(close);
    layout->addLayout(buttons);
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(close, &QPushButton::clicked, this, &ImportDialog::reject);
    connect(m_sourceGroup, &QButtonGroup::idToggled, this, [this] { updateSourceControls(); });
    connect(m_limitDates, &QCheckBox::toggled, this, [this] { updateSourceControls(); });
    return page;
}

QWidget* ImportDialog::buildProgressPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_stageLabel = boldLabel(page, QStringLiteral("stageLabel"));
    layout->addWidget(m_stageLabel);
    m_browserLink = new QLabel(page);
    m_browserLink->setObjectName(QStringLiteral("browserLinkLabel"));
    m_browserLink->setWordWrap(true);
    m_browserLink->setOpenExternalLinks(true);
    m_browserLink->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_browserLink->hide();
    layout->addWidget(m_browserLink);
    m_progressBar = new QProgressBar(page);
    m_progressBar->setObjectName(QStringLiteral("importProgressBar"));
    m_progressBar->setAccessibleName(tr("Import progress"));
    layout->addWidget(m_progressBar);
    m_progressView = tableView(m_progressModel, QStringLiteral("progressView"), page);
    m_progressView->setAccessibleName(tr("Progress per person and kind of record"));
    m_progressView->setSelectionMode(QAbstractItemView::NoSelection);
    const auto fitProgress = [this] { fitHeightToRows(m_progressView); };
    connect(m_progressModel, &QAbstractItemModel::rowsInserted, this, fitProgress);
    connect(m_progressModel, &QAbstractItemModel::modelReset, this, fitProgress);
    layout->addWidget(m_progressView);
    layout->addWidget(hint(tr("The vault is not changed until the records have been received; then they are written "
                              "all at once. Cancel at any time leaves the vault as it was."),
        page));
    layout->addStretch(1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    m_cancelButton = new QPushButton(tr("Cancel"), page);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setToolTip(tr("Stops the import; the vault stays as it was (Esc)"));
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportDialog::cancelImport);
    buttons->addWidget(m_cancelButton);
    layout->addLayout(buttons);
    return page;
}

QWidget* ImportDialog::buildReportPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_headline = boldLabel(page, QStringLiteral("reportHeadline"));
    layout->addWidget(m_headline);
    m_countsView = tableView(m_reportModel, QStringLiteral("countsView"), page);
    m_countsView->setAccessibleName(tr("Imported records per kind"));
    m_countsView->setSelectionMode(QAbstractItemView::NoSelection);
    connect(m_reportModel, &QAbstractItemModel::modelReset, this, [this] { fitHeightToRows(m_countsView); });
    layout->addWidget(m_countsView);
    m_rejectionsLabel = new QLabel(page);
    m_rejectionsLabel->setObjectName(QStringLiteral("rejectionsLabel"));
    layout->addWidget(m_rejectionsLabel);
    m_rejectionsView = tableView(m_rejectionModel, QStringLiteral("rejectionsView"), page);
    m_rejectionsView->setAccessibleName(tr("Rejected records and values"));
    // What: as wide as its text; Why and Where share the rest and wrap (a JSON path at its dots and brackets), so
    // the index and the field at a path's end are never cut off. Anything still too long for a row is elided in
    // the middle, and the tooltip holds the whole text.
    m_rejectionsView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_rejectionsView->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_rejectionsView->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_rejectionsView->setWordWrap(true);
    m_rejectionsView->setTextElideMode(Qt::ElideMiddle);
    m_rejectionsView->setItemDelegateForColumn(2, new PathDelegate(m_rejectionsView));
    layout->addWidget(m_rejectionsView, 1);
    m_notes = new QLabel(page);
    m_notes->setObjectName(QStringLiteral("reportNotes"));
    m_notes->setWordWrap(true);
    layout->addWidget(m_notes);
    layout->addStretch(0); // takes the room when there is no list of rejections
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    m_againButton = new QPushButton(tr("Import &more…"), page);
    m_againButton->setObjectName(QStringLiteral("againButton"));
    connect(m_againButton, &QPushButton::clicked, this, [this] {
        m_pages->setCurrentIndex(SourcePage);
        setStage(Stage::Idle);
    });
    m_closeButton = new QPushButton(tr("Close"), page);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    m_closeButton->setDefault(true);
    connect(m_closeButton, &QPushButton::clicked, this, &ImportDialog::accept);
    buttons->addWidget(m_againButton);
    buttons->addWidget(m_closeButton);
    layout->addLayout(buttons);
    return page;
}

void ImportDialog::setSource(Source source)
{
    switch (source) {
    case Source::Sandbox:
        m_sandboxRadio->setChecked(true);
        break;
    case Source::Api:
        m_apiRadio->setChecked(true);
        break;
    case Source::File:
        m_fileRadio->setChecked(true);
        break;
    }
    updateSourceControls();
}

ImportDialog::Source ImportDialog::source() const
{
    return static_cast<Source>(m_sourceGroup->checkedId());
}

void ImportDialog::setFilePath(const QString& path)
{
    m_filePath->setText(path);
}

void ImportDialog::setApi(const QString& baseUrl, const QString& caFile)
{
    m_apiUrl->setText(baseUrl);
    m_caFile->setText(caFile);
}

void ImportDialog::setDateRange(std::optional<QDate> from, std::optional<QDate> to)
{
    m_limitDates->setChecked(from || to);
    if (from)
        m_from->setDate(*from);
    if (to)
        m_to->setDate(*to);
    updateSourceControls();
}

void ImportDialog::updateSourceControls()
{
    const Source s = source();
    for (QWidget* w : std::initializer_list<QWidget*> {m_apiUrl, m_caFile, m_caBrowse})
        w->setEnabled(s == Source::Api);
    for (QWidget* w : std::initializer_list<QWidget*> {m_filePath, m_fileBrowse})
        w->setEnabled(s == Source::File);
    // A saved file holds what it holds: the period applies to what is asked of an API.
    m_limitDates->setEnabled(s != Source::File);
    m_from->setEnabled(s != Source::File && m_limitDates->isChecked());
    m_to->setEnabled(s != Source::File && m_limitDates->isChecked());
}

void ImportDialog::showSourceError(const QString& message)
{
    m_sourceError->setText(message);
    m_sourceError->setVisible(!message.isEmpty());
}

void ImportDialog::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    emit stageChanged(stage);
}

ImportJob ImportDialog::apiJob(const QString& baseUrl, const QString& caFile, bool browser) const
{
    ImportJob job;
    job.source = ImportJob::Source::Api;
    job.request.client.baseUrl = baseUrl.toStdString();
    job.request.client.http.caFile = caFile.toStdString();
    job.request.client.sandboxAutoApprove = !browser;
    if (browser) // a placeholder: ImportWorker puts the real opener in (it opens from the GUI thread)
        job.request.openBrowser = [](const std::string&) -> Status { return {}; };
    if (m_limitDates->isChecked()) {
        job.request.since = toDomainDate(std::min(m_from->date(), m_to->date()));
        job.request.until = toDomainDate(std::max(m_from->date(), m_to->date()));
    }
    return job;
}

void ImportDialog::startImport()
{
    if (m_worker || m_stage == Stage::Preparing)
        return;
    showSourceError({});
    m_policy = {};
    m_report.reset();
    m_error.reset();
    m_runningSource = source();
    std::optional<ImportJob> job;
    switch (m_runningSource) {
    case Source::Sandbox:
        break; // the job is made when the demo server has started
    case Source::Api: {
        const QString url = m_apiUrl->text().trimmed();
        if (url.isEmpty()) {
            showSourceError(tr("Enter the address of your health records service."));
            m_apiUrl->setFocus();
            return;
        }
        AppSettings::setApiEndpoint(url);
        AppSettings::setCaFile(m_caFile->text().trimmed());
        job = apiJob(url, m_caFile->text().trimmed(), true);
        break;
    }
    case Source::File: {
        const QString path = m_filePath->text().trimmed();
        if (path.isEmpty()) {
            showSourceError(tr("Choose a saved result file."));
            m_filePath->setFocus();
            return;
        }
        ImportJob fileJob;
        fileJob.source = ImportJob::Source::File;
        fileJob.filePath = path.toStdString();
        job = std::move(fileJob);
        break;
    }
    }
    m_progressModel->clear();
    m_browserLink->hide();
    m_progressBar->setRange(0, 0);
    m_cancelButton->setEnabled(true);
    m_cancelRequested = false;
    m_pages->setCurrentIndex(ProgressPage);
    m_cancelButton->setFocus();
    setStage(Stage::Preparing);
    if (m_runningSource == Source::Sandbox) {
        m_stageLabel->setText(tr("Starting the demo server…"));
        m_sandbox->start();
        return;
    }
    runWorker(std::move(*job));
}

void ImportDialog::runWorker(ImportJob job)
{
    job.request.policy = m_policy;
    m_job = job;
    m_stageLabel->setText(tr("Connecting…"));
    auto connection = m_session.openAnotherConnection();
    if (!connection.ok()) {
        showFailure(connection.error());
        return;
    }
    m_worker = std::make_unique<ImportWorker>(std::move(connection).value(), std::move(job));
    m_worker->setProgressHook(m_hook);
    connect(m_worker.get(), &ImportWorker::progressed, this, &ImportDialog::onProgress);
    connect(m_worker.get(), &ImportWorker::finished, this, &ImportDialog::onWorkerFinished);
    connect(m_worker.get(), &ImportWorker::authorizationUrl, this, [this](const QString& url) {
        m_browserLink->setText(tr("If your browser did not open, open this address: <a href=\"%1\">%2</a>")
                                   .arg(url.toHtmlEscaped(), tr("log in and consent")));
        m_browserLink->show();
    });
    if (m_cancelRequested)
        m_worker->cancel();
    m_worker->start();
}

void ImportDialog::onProgress(const import::ImportProgress& progress)
{
    if (!m_worker || m_cancelRequested)
        return;
    m_progressModel->apply(progress);
    switch (progress.stage) {
    case import::ImportStage::Authorize:
        setStage(Stage::Network);
        m_stageLabel->setText(m_job && m_job->request.openBrowser
                ? tr("Log in and consent in your web browser; Techo waits for it…")
                : tr("Connecting and authorizing…"));
        break;
    case import::ImportStage::Fetch:
        setStage(Stage::Network);
        m_browserLink->hide();
        m_stageLabel->setText(tr("Receiving records… You can keep using Techo meanwhile."));
        m_progressBar->setRange(0, std::max(1, m_progressModel->cellCount()));
        m_progressBar->setValue(m_progressModel->cellsReceived());
        break;
    case import::ImportStage::Write:
        setStage(Stage::Writing);
        m_stageLabel->setText(tr("Writing the import into the vault…"));
        m_progressBar->setRange(0, std::max(1, m_progressModel->partsFetched()));
        m_progressBar->setValue(m_progressModel->partsWritten());
        break;
    case import::ImportStage::Commit:
        setStage(Stage::Writing);
        m_stageLabel->setText(tr("Saving…"));
        m_progressBar->setRange(0, 1);
        m_progressBar->setValue(1);
        break;
    }
}

void ImportDialog::cancelImport()
{
    if (m_stage != Stage::Preparing && m_stage != Stage::Network && m_stage != Stage::Writing)
        return;
    m_cancelRequested = true;
    m_cancelButton->setEnabled(false);
    m_stageLabel->setText(tr("Cancelling…"));
    if (m_worker) {
        m_worker->cancel(); // onWorkerFinished follows within milliseconds, after the roll-back
        return;
    }
    // Still starting the demo server: nothing has begun.
    m_sandbox->stop();
    Error cancelled(ErrorCode::Cancelled, "cancelled");
    cancelled.key = "import.cancelled";
    showFailure(cancelled);
}

void ImportDialog::reject()
{
    // Esc (or the window's close button) during an import cancels it first and shows that nothing changed; a
    // second Esc closes.
    if ((m_worker || m_stage == Stage::Preparing) && !m_cancelRequested) {
        cancelImport();
        return;
    }
    m_worker.reset(); // waits for the roll-back: the vault is as it was when the dialog closes
    m_sandbox->stop();
    QDialog::reject();
}

void ImportDialog::onWorkerFinished()
{
    const std::unique_ptr<ImportWorker> worker = std::move(m_worker);
    if (!worker || !worker->outcome())
        return;
    const auto& outcome = *worker->outcome();
    if (outcome.ok()) {
        showReport(outcome.value());
        return;
    }
    if (PersonConflictDialog::isPersonConflict(outcome.error()) && !m_cancelRequested) {
        askAboutConflict(outcome.error());
        return;
    }
    showFailure(m_cancelRequested && outcome.error().code == ErrorCode::Cancelled
            ? Error(outcome.error()).withKey("import.cancelled")
            : outcome.error());
}

void ImportDialog::askAboutConflict(const Error& conflict)
{
    m_stageLabel->setText(tr("Waiting for your decision about a person…"));
    setStage(Stage::WaitingForDecision); // the worker has rolled back: nothing is being written
    auto* dialog = new PersonConflictDialog(conflict, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog, conflict](int result) {
        if (result != QDialog::Accepted || !m_job) {
            Error cancelled(ErrorCode::Cancelled, "cancelled");
            cancelled.key = "import.cancelled";
            showFailure(cancelled);
            return;
        }
        m_policy.personResolutions[dialog->personId()] = dialog->resolution();
        ImportJob again = *m_job;
        m_progressModel->clear();
        runWorker(std::move(again));
    });
    dialog->open();
}

void ImportDialog::showReport(const import::ImportReport& report)
{
    m_sandbox->stop();
    m_report = report;
    m_error.reset();
    m_reportModel->setReport(report);
    m_rejectionModel->setRejections(report.rejections);
    const auto& c = report.counts;
    const int rejected = static_cast<int>(report.rejections.size());
    m_headline->setText(headlineFor(c, rejected));
    m_countsView->show();
    m_rejectionsLabel->setText(rejected == 0 ? tr("Nothing was rejected.")
                                             : tr("Records and values rejected and not imported: %1").arg(rejected));
    m_rejectionsLabel->show();
    m_rejectionsView->setVisible(rejected > 0);
    QStringList notes;
    for (const auto& conflict : report.personConflicts) {
        const QString who = QString::fromStdString(conflict.incoming.name);
        notes << (conflict.resolution == import::PersonResolution::KeepApart
                ? tr("%1 (person ID %2) was kept apart in a profile of their own.")
                      .arg(who, QString::fromStdString(conflict.sourcePersonId))
                : tr("The records of %1 (person ID %2) were left out.")
                      .arg(who, QString::fromStdString(conflict.sourcePersonId)));
    }
    if (report.skippedRecords > 0)
        notes << tr("Records of skipped persons left out: %1").arg(report.skippedRecords);
    m_notes->setText(notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!notes.isEmpty());
    m_pages->setCurrentIndex(ReportPage);
    m_closeButton->setFocus();
    setStage(Stage::Finished);
    if (c.added + c.updated > 0 || !report.personConflicts.empty())
        emit recordsChanged();
}

QString ImportDialog::headlineFor(const domain::ImportCounts& counts, int rejected)
{
    // The headline says what happened by the counts: "nothing new" only when the source's records were all in the
    // vault already; refusals are named, not hidden behind "finished".
    if (counts.added + counts.updated > 0)
        return rejected == 0 ? tr("Import finished. The new records are in your vault.")
                             : tr("Import finished. The new records are in your vault; %1 records or values were "
                                  "rejected — see the list below.")
                                   .arg(rejected);
    if (rejected > 0)
        return tr("Nothing was added: %1 records or values were rejected — see the list below.").arg(rejected);
    if (counts.unchanged > 0)
        return tr("Import finished. Nothing new: the vault already held these records.");
    return tr("Import finished. The source held no records.");
}

void ImportDialog::showFailure(const Error& error)
{
    m_sandbox->stop();
    m_report.reset();
    m_error = error;
    m_worker.reset();
    m_reportModel->clear();
    m_rejectionModel->setRejections({});
    const QString what = describeError(error);
    m_headline->setText(error.code == ErrorCode::Cancelled ? tr("The import was cancelled. Nothing was changed.")
                                                           : tr("The import did not complete. Nothing was changed."));
    m_notes->setText(error.code == ErrorCode::Cancelled ? QString() : what);
    m_notes->setVisible(error.code != ErrorCode::Cancelled);
    m_countsView->hide();
    m_rejectionsLabel->hide();
    m_rejectionsView->hide();
    m_pages->setCurrentIndex(ReportPage);
    m_closeButton->setFocus();
    setStage(Stage::Finished);
}

} // namespace techo::ui
