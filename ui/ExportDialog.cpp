#include "ui/ExportDialog.h"

#include "core/session/VaultSession.h"
#include "ui/DateText.h"
#include "ui/DialogLabels.h"
#include "ui/ErrorText.h"
#include "ui/ExportCountsModel.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
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
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <cstring>

namespace techo::ui {
namespace {

enum Page { ChoicePage = 0, ProgressPage = 1, ReportPage = 2 };
constexpr qlonglong kEveryone = -1; // the person combo's "everyone" entry

QLabel* hint(const QString& text, QWidget* parent)
{
    return noteLabel(text, parent);
}

QTableView* countsView(QAbstractItemModel* model, const QString& name, const QString& accessible, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setObjectName(name);
    view->setAccessibleName(accessible);
    view->setSelectionMode(QAbstractItemView::NoSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setFocusPolicy(Qt::NoFocus);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(ExportCountsModel::KindColumn, QHeaderView::Stretch);
    view->horizontalHeader()->setSectionResizeMode(ExportCountsModel::CountColumn, QHeaderView::ResizeToContents);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // As tall as its rows (at most a dozen kinds): no empty area below a short list.
    const auto fit = [view] {
        view->setFixedHeight(
            view->horizontalHeader()->height() + view->verticalHeader()->length() + 2 * view->frameWidth());
    };
    QObject::connect(model, &QAbstractItemModel::modelReset, view, fit);
    fit();
    return view;
}

// A person's name as part of a file name: no path separators, no characters other systems refuse, no spaces.
QString fileNamePart(const QString& name)
{
    static const QRegularExpression kUnsafe(QStringLiteral(R"([\s/\\:*?"<>|\x{3000}]+)"));
    QString part = name.trimmed();
    part.replace(kUnsafe, QStringLiteral("-"));
    return part.isEmpty() ? QStringLiteral("profile") : part;
}

// The ending of the dialog's names for a format (the default name is techo-<person>-<day> + this).
QString suffixOf(exports::ExportFormat format, bool zip)
{
    switch (format) {
    case exports::ExportFormat::Pdf:
        return QStringLiteral(".pdf");
    case exports::ExportFormat::Json:
        return QStringLiteral(".json");
    case exports::ExportFormat::Csv:
        return zip ? QStringLiteral("-csv.zip") : QStringLiteral("-csv");
    case exports::ExportFormat::Fhir:
        return QStringLiteral("-fhir.json");
    }
    return {};
}

// Whether a path's name already ends as the format's output does (a CSV folder: no file ending of another format).
bool fitsFormat(const QString& name, exports::ExportFormat format, bool zip)
{
    const auto ends = [&](const char* ending) { return name.endsWith(QLatin1String(ending), Qt::CaseInsensitive); };
    switch (format) {
    case exports::ExportFormat::Pdf:
        return ends(".pdf");
    case exports::ExportFormat::Json:
    case exports::ExportFormat::Fhir:
        return ends(".json");
    case exports::ExportFormat::Csv:
        return zip ? ends(".zip") : !(ends(".pdf") || ends(".json") || ends(".zip"));
    }
    return true;
}

} // namespace

QString ExportDialog::retargetedName(const QString& path, exports::ExportFormat format, bool zip)
{
    const qsizetype slash = std::max(path.lastIndexOf(QLatin1Char('/')), path.lastIndexOf(QDir::separator()));
    const QString name = path.mid(slash + 1);
    if (name.isEmpty() || fitsFormat(name, format, zip))
        return path;
    // The longest known ending first: "-csv.zip" before ".zip", "-fhir.json" before ".json".
    QString stem = name;
    for (const char* ending : {"-csv.zip", "-fhir.json", ".fhir.json", "-csv", ".pdf", ".json", ".zip"})
        if (stem.endsWith(QLatin1String(ending), Qt::CaseInsensitive)) {
            stem.chop(static_cast<qsizetype>(std::strlen(ending)));
            break;
        }
    return path.left(slash + 1) + stem + suffixOf(format, zip);
}

ExportDialog::ExportDialog(session::VaultSession& session, std::optional<std::int64_t> currentProfile, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
{
    setWindowTitle(tr("Export records"));
    setObjectName(QStringLiteral("exportDialog"));
    m_previewModel = new ExportCountsModel(this);
    m_reportModel = new ExportCountsModel(this);
    auto* layout = new QVBoxLayout(this);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildChoicePage());
    m_pages->addWidget(buildProgressPage());
    m_pages->addWidget(buildReportPage());
    layout->addWidget(m_pages);
    m_openFolder = [](const QUrl& url) { return QDesktopServices::openUrl(url); };
    loadProfiles(currentProfile);
    setPdfRenderer({});
    setFormat(exports::ExportFormat::Json);
    showPage(ChoicePage);
    resize(860, 600);
}

ExportDialog::~ExportDialog()
{
    if (m_worker)
        m_worker->cancel(); // ~ExportWorker waits until the export has removed what it staged
    m_worker.reset();
}

QWidget* ExportDialog::buildChoicePage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* columns = new QHBoxLayout;
    auto* left = new QVBoxLayout;

    auto* formatBox = new QGroupBox(tr("Format"), page);
    auto* formatLayout = new QGridLayout(formatBox);
    m_formatGroup = new QButtonGroup(this);
    m_pdfRadio = new QRadioButton(tr("&PDF for your doctor"), formatBox);
    m_pdfRadio->setObjectName(QStringLiteral("pdfRadio"));
    m_jsonRadio = new QRadioButton(tr("&JSON — everything, can be imported again"), formatBox);
    m_jsonRadio->setObjectName(QStringLiteral("jsonRadio"));
    m_csvRadio = new QRadioButton(tr("&CSV — for spreadsheets (Excel)"), formatBox);
    m_csvRadio->setObjectName(QStringLiteral("csvRadio"));
    m_fhirRadio = new QRadioButton(tr("&FHIR R4 (JP Core) — for medical systems"), formatBox);
    m_fhirRadio->setObjectName(QStringLiteral("fhirRadio"));
    m_formatGroup->addButton(m_pdfRadio, static_cast<int>(exports::ExportFormat::Pdf));
    m_formatGroup->addButton(m_jsonRadio, static_cast<int>(exports::ExportFormat::Json));
    m_formatGroup->addButton(m_csvRadio, static_cast<int>(exports::ExportFormat::Csv));
    m_formatGroup->addButton(m_fhirRadio, static_cast<int>(exports::ExportFormat::Fhir));
    int row = 0;
    formatLayout->addWidget(m_pdfRadio, row++, 0, 1, 4);
    formatLayout->addWidget(m_jsonRadio, row++, 0, 1, 4);
    formatLayout->addWidget(m_csvRadio, row++, 0, 1, 4);
    m_csvForm = new QComboBox(formatBox);
    m_csvForm->setObjectName(QStringLiteral("csvFormCombo"));
    m_csvForm->setAccessibleName(tr("CSV as a folder or a zip file"));
    m_csvForm->addItem(tr("a folder of files"), false);
    m_csvForm->addItem(tr("one .zip file"), true);
    m_csvHeaders = new QComboBox(formatBox);
    m_csvHeaders->setObjectName(QStringLiteral("csvHeadersCombo"));
    m_csvHeaders->setAccessibleName(tr("CSV column names"));
    m_csvHeaders->addItem(tr("English column names"), false);
    m_csvHeaders->addItem(tr("Japanese column names"), true);
    auto* csvLabel = new QLabel(tr("&Save as"), formatBox);
    csvLabel->setBuddy(m_csvForm);
    csvLabel->setIndent(24);
    formatLayout->addWidget(csvLabel, row, 0);
    formatLayout->addWidget(m_csvForm, row, 1);
    formatLayout->addWidget(m_csvHeaders, row++, 2);
    formatLayout->setColumnStretch(3, 1);
    formatLayout->addWidget(m_fhirRadio, row++, 0, 1, 4);
    left->addWidget(formatBox);

    auto* recordsBox = new QGroupBox(tr("Records"), page);
    auto* recordsLayout = new QGridLayout(recordsBox);
    m_profile = new QComboBox(recordsBox);
    m_profile->setObjectName(QStringLiteral("profileCombo"));
    m_profile->setAccessibleName(tr("Person"));
    auto* profileLabel = new QLabel(tr("Pers&on:"), recordsBox);
    profileLabel->setBuddy(m_profile);
    recordsLayout->addWidget(profileLabel, 0, 0);
    recordsLayout->addWidget(m_profile, 0, 1, 1, 3);
    m_limitDates = new QCheckBox(tr("Only records &dated from"), recordsBox);
    m_limitDates->setObjectName(QStringLiteral("limitDatesCheck"));
    m_from = new QDateEdit(QDate::currentDate().addYears(-5), recordsBox);
    m_from->setObjectName(QStringLiteral("fromDateEdit"));
    m_from->setAccessibleName(tr("From date"));
    m_from->setDisplayFormat(dateEditFormat());
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(QDate::currentDate(), recordsBox);
    m_to->setObjectName(QStringLiteral("toDateEdit"));
    m_to->setAccessibleName(tr("To date"));
    m_to->setDisplayFormat(dateEditFormat());
    m_to->setCalendarPopup(true);
    recordsLayout->addWidget(m_limitDates, 1, 0, 1, 2);
    auto* period = new QHBoxLayout;
    period->addWidget(m_from);
    period->addWidget(new QLabel(tr("to"), recordsBox));
    period->addWidget(m_to);
    period->addStretch();
    recordsLayout->addLayout(period, 2, 0, 1, 4);
    recordsLayout->setColumnStretch(3, 1);
    left->addWidget(recordsBox);

    m_categoriesBox = new QGroupBox(tr("Kinds of record"), page);
    m_categoriesBox->setObjectName(QStringLiteral("categoriesBox"));
    auto* categories = new QGridLayout(m_categoriesBox);
    m_checkups = new QCheckBox(tr("C&heckups"), m_categoriesBox);
    m_checkups->setObjectName(QStringLiteral("checkupsCheck"));
    m_medications = new QCheckBox(tr("&Medicines (dispensings)"), m_categoriesBox);
    m_medications->setObjectName(QStringLiteral("medicationsCheck"));
    m_vaccinations = new QCheckBox(tr("&Vaccinations"), m_categoriesBox);
    m_vaccinations->setObjectName(QStringLiteral("vaccinationsCheck"));
    m_self = new QCheckBox(tr("Self-&recorded measurements"), m_categoriesBox);
    m_self->setObjectName(QStringLiteral("selfCheck"));
    categories->addWidget(m_checkups, 0, 0);
    categories->addWidget(m_medications, 0, 1);
    categories->addWidget(m_vaccinations, 1, 0);
    categories->addWidget(m_self, 1, 1);
    left->addWidget(m_categoriesBox);

    m_sectionsBox = new QGroupBox(tr("Sections of the summary"), page);
    m_sectionsBox->setObjectName(QStringLiteral("sectionsBox"));
    auto* sections = new QGridLayout(m_sectionsBox);
    m_latestSection = new QCheckBox(tr("&Latest checkups side by side, up to"), m_sectionsBox);
    m_latestSection->setObjectName(QStringLiteral("latestSectionCheck"));
    m_maxCheckups = new QSpinBox(m_sectionsBox);
    m_maxCheckups->setObjectName(QStringLiteral("maxCheckupsSpin"));
    m_maxCheckups->setAccessibleName(tr("Number of checkups side by side"));
    m_maxCheckups->setRange(1, 5);
    m_maxCheckups->setValue(5);
    m_trendsSection = new QCheckBox(tr("&Trend charts of the key items"), m_sectionsBox);
    m_trendsSection->setObjectName(QStringLiteral("trendsSectionCheck"));
    m_medicinesSection = new QCheckBox(tr("Current &medicines and recent dispensings"), m_sectionsBox);
    m_medicinesSection->setObjectName(QStringLiteral("medicinesSectionCheck"));
    m_vaccinationsSection = new QCheckBox(tr("&Vaccination history"), m_sectionsBox);
    m_vaccinationsSection->setObjectName(QStringLiteral("vaccinationsSectionCheck"));
    m_qrSection = new QCheckBox(tr("&QR code of the key values on the last page"), m_sectionsBox);
    m_qrSection->setObjectName(QStringLiteral("qrSectionCheck"));
    m_qrSection->setAccessibleName(tr("QR code of the key values"));
    m_qrSection->setToolTip(tr("A clinic can read the summary's key values from it without retyping them. "
                               "It is not signed."));
    auto* latestRow = new QHBoxLayout;
    latestRow->addWidget(m_latestSection);
    latestRow->addWidget(m_maxCheckups);
    latestRow->addStretch();
    sections->addLayout(latestRow, 0, 0, 1, 2);
    sections->addWidget(m_trendsSection, 1, 0, 1, 2);
    sections->addWidget(m_medicinesSection, 2, 0, 1, 2);
    sections->addWidget(m_vaccinationsSection, 3, 0, 1, 2);
    sections->addWidget(m_qrSection, 4, 0, 1, 2);
    left->addWidget(m_sectionsBox);
    for (QCheckBox* box : {m_checkups, m_medications, m_vaccinations, m_self, m_latestSection, m_trendsSection,
             m_medicinesSection, m_vaccinationsSection, m_qrSection})
        box->setChecked(true);
    left->addStretch();
    columns->addLayout(left, 3);

    m_previewBox = new QGroupBox(tr("What will be written"), page);
    m_previewBox->setObjectName(QStringLiteral("previewBox"));
    auto* previewBox = m_previewBox;
    auto* previewLayout = new QVBoxLayout(previewBox);
    auto* previewView
        = countsView(m_previewModel, QStringLiteral("previewView"), tr("Records to be exported, by kind"), previewBox);
    previewLayout->addWidget(previewView);
    m_previewNote = hint(QString(), previewBox);
    m_previewNote->setObjectName(QStringLiteral("previewNote"));
    previewLayout->addWidget(m_previewNote);
    previewLayout->addStretch(1);
    columns->addWidget(previewBox, 2);
    layout->addLayout(columns, 1);

    auto* whereBox = new QGroupBox(tr("Save to"), page);
    auto* whereLayout = new QHBoxLayout(whereBox);
    m_destination = new QLineEdit(whereBox);
    m_destination->setObjectName(QStringLiteral("destinationEdit"));
    m_destination->setAccessibleName(tr("Where the export is saved"));
    auto* browse = new QPushButton(tr("&Browse…"), whereBox);
    browse->setObjectName(QStringLiteral("browseButton"));
    browse->setAccessibleName(tr("Choose where the export is saved"));
    whereLayout->addWidget(m_destination, 1);
    whereLayout->addWidget(browse);
    layout->addWidget(whereBox);

    m_choiceError = new QLabel(page);
    m_choiceError->setObjectName(QStringLiteral("choiceErrorLabel"));
    m_choiceError->setWordWrap(true);
    m_choiceError->hide();
    layout->addWidget(m_choiceError);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(hint(tr("An export never replaces a file. It is recorded in the vault's audit log (what, "
                               "when, how many; never the data)."),
                           page),
        1);
    m_exportButton = new QPushButton(tr("&Export"), page);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setToolTip(tr("Starts the export (Return)"));
    auto* close = new QPushButton(tr("Close"), page);
    close->setObjectName(QStringLiteral("choiceCloseButton"));
    buttons->addWidget(m_exportButton);
    buttons->addWidget(close);
    layout->addLayout(buttons);

    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(close, &QPushButton::clicked, this, &ExportDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::chooseDestination);
    connect(m_destination, &QLineEdit::textEdited, this, [this] { m_destinationEdited = true; });
    // A refusal names the path it refused: once the path changes, it no longer applies (Export checks again).
    connect(m_destination, &QLineEdit::textChanged, this, [this] { showChoiceError({}); });
    const auto changed = [this] {
        updateControls();
        updatePreview();
        updateDefaultDestination();
    };
    const auto formatChanged = [this, changed] {
        changed();
        retargetTypedName();
    };
    connect(m_formatGroup, &QButtonGroup::idToggled, this, [formatChanged](int, bool on) {
        if (on)
            formatChanged();
    });
    connect(m_csvForm, &QComboBox::currentIndexChanged, this, formatChanged);
    connect(m_profile, &QComboBox::currentIndexChanged, this, changed);
    connect(m_limitDates, &QCheckBox::toggled, this, changed);
    connect(m_from, &QDateEdit::dateChanged, this, changed);
    connect(m_to, &QDateEdit::dateChanged, this, changed);
    connect(m_maxCheckups, &QSpinBox::valueChanged, this, changed);
    for (QCheckBox* box : {m_checkups, m_medications, m_vaccinations, m_self, m_latestSection, m_trendsSection,
             m_medicinesSection, m_vaccinationsSection, m_qrSection})
        connect(box, &QCheckBox::toggled, this, changed);
    return page;
}

QWidget* ExportDialog::buildProgressPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_stageLabel = boldLabel(page, QStringLiteral("stageLabel"));
    layout->addWidget(m_stageLabel);
    m_progressBar = new QProgressBar(page);
    m_progressBar->setObjectName(QStringLiteral("exportProgressBar"));
    m_progressBar->setAccessibleName(tr("Export progress"));
    layout->addWidget(m_progressBar);
    m_progressWhere = new QLabel(page);
    m_progressWhere->setObjectName(QStringLiteral("progressWhereLabel"));
    m_progressWhere->setWordWrap(true);
    layout->addWidget(m_progressWhere);
    layout->addWidget(
        countsView(m_previewModel, QStringLiteral("progressCountsView"), tr("Records being exported, by kind"), page));
    layout->addWidget(hint(tr("The export is written to a hidden file beside the destination and put in place only "
                              "when it is complete. Cancel at any time leaves nothing behind. You can keep using "
                              "Techo meanwhile."),
        page));
    layout->addStretch(1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    m_cancelButton = new QPushButton(tr("Cancel"), page);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setToolTip(tr("Stops the export; nothing is written (Esc)"));
    // Return must not stop an export the person just started with Return: Esc, a click or Space on it does.
    m_cancelButton->setAutoDefault(false);
    connect(m_cancelButton, &QPushButton::clicked, this, &ExportDialog::cancelExport);
    buttons->addWidget(m_cancelButton);
    layout->addLayout(buttons);
    return page;
}

QWidget* ExportDialog::buildReportPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_headline = boldLabel(page, QStringLiteral("reportHeadline"));
    layout->addWidget(m_headline);
    m_whereLabel = new QLabel(page);
    m_whereLabel->setObjectName(QStringLiteral("whereLabel"));
    m_whereLabel->setWordWrap(true);
    m_whereLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_whereLabel);
    m_reportCaption = new QLabel(page);
    m_reportCaption->setObjectName(QStringLiteral("reportCaption"));
    m_reportCaption->setWordWrap(true);
    layout->addWidget(m_reportCaption);
    m_reportView = countsView(m_reportModel, QStringLiteral("reportView"), tr("Records exported, by kind"), page);
    layout->addWidget(m_reportView);
    m_digestLabel = new QLabel(page);
    m_digestLabel->setObjectName(QStringLiteral("digestLabel"));
    m_digestLabel->setWordWrap(true);
    m_digestLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_digestLabel);
    m_notes = new QLabel(page);
    m_notes->setObjectName(QStringLiteral("reportNotes"));
    m_notes->setWordWrap(true);
    layout->addWidget(m_notes);
    m_showFailed = new QLabel(page);
    m_showFailed->setObjectName(QStringLiteral("showInFolderFailedLabel"));
    m_showFailed->setWordWrap(true);
    m_showFailed->setTextFormat(Qt::PlainText);
    m_showFailed->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_showFailed->hide();
    layout->addWidget(m_showFailed);
    layout->addStretch(1);
    auto* buttons = new QHBoxLayout;
    m_showButton = new QPushButton(tr("&Show in folder"), page);
    m_showButton->setObjectName(QStringLiteral("showInFolderButton"));
    m_showButton->setToolTip(tr("Opens the folder that holds the export in the file manager"));
    connect(m_showButton, &QPushButton::clicked, this, &ExportDialog::showInFolder);
    buttons->addWidget(m_showButton);
    buttons->addStretch();
    m_againButton = new QPushButton(tr("Export &more…"), page);
    m_againButton->setObjectName(QStringLiteral("againButton"));
    connect(m_againButton, &QPushButton::clicked, this, [this] {
        showPage(ChoicePage);
        setStage(Stage::Choosing);
        updatePreview();
        updateDefaultDestination();
    });
    m_closeButton = new QPushButton(tr("Close"), page);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    connect(m_closeButton, &QPushButton::clicked, this, &ExportDialog::accept);
    buttons->addWidget(m_againButton);
    buttons->addWidget(m_closeButton);
    layout->addLayout(buttons);
    return page;
}

void ExportDialog::loadProfiles(std::optional<std::int64_t> current)
{
    const QSignalBlocker block(m_profile);
    m_profile->clear();
    m_profile->addItem(tr("Everyone in the vault"), kEveryone);
    auto profiles = m_session.healthRecords().profiles();
    if (!profiles.ok()) {
        showChoiceError(describeError(profiles.error()));
        return;
    }
    for (const domain::Profile& p : profiles.value())
        m_profile->addItem(QString::fromStdString(p.shownName()), static_cast<qlonglong>(p.id));
    const int index = current ? m_profile->findData(static_cast<qlonglong>(*current)) : -1;
    m_profile->setCurrentIndex(index >= 0 ? index : 0);
}

void ExportDialog::setPdfRenderer(exports::PdfRenderer renderer)
{
    m_renderer = std::move(renderer);
    m_pdfRadio->setEnabled(static_cast<bool>(m_renderer));
    m_pdfRadio->setToolTip(m_renderer ? tr("A summary of the chosen sections on A4 pages, in Japanese")
                                      : tr("The PDF summary is not available in this version of Techo."));
    if (!m_renderer && format() == exports::ExportFormat::Pdf)
        setFormat(exports::ExportFormat::Json);
}

void ExportDialog::setFormat(exports::ExportFormat format)
{
    if (QAbstractButton* button = m_formatGroup->button(static_cast<int>(format)); button && button->isEnabled())
        button->setChecked(true);
    updateControls();
    updatePreview();
    updateDefaultDestination();
    retargetTypedName();
}

exports::ExportFormat ExportDialog::format() const
{
    const int id = m_formatGroup->checkedId();
    return id < 0 ? exports::ExportFormat::Json : static_cast<exports::ExportFormat>(id);
}

void ExportDialog::setProfile(std::optional<std::int64_t> profileId)
{
    const int index = m_profile->findData(profileId ? static_cast<qlonglong>(*profileId) : kEveryone);
    if (index >= 0)
        m_profile->setCurrentIndex(index);
}

void ExportDialog::setPeriod(std::optional<QDate> from, std::optional<QDate> to)
{
    m_limitDates->setChecked(from || to);
    if (from)
        m_from->setDate(*from);
    if (to)
        m_to->setDate(*to);
}

void ExportDialog::setCategories(const exports::ExportCategories& categories)
{
    m_checkups->setChecked(categories.checkups);
    m_vaccinations->setChecked(categories.vaccinations);
    m_medications->setChecked(categories.medications);
    m_self->setChecked(categories.self);
}

void ExportDialog::setCsvZip(bool zip)
{
    m_csvForm->setCurrentIndex(zip ? 1 : 0);
}

void ExportDialog::setDestination(const QString& path)
{
    m_destination->setText(path);
    m_destinationEdited = true;
}

QString ExportDialog::destination() const
{
    return m_destination->text().trimmed();
}

exports::ExportSelection ExportDialog::selection() const
{
    exports::ExportSelection s;
    const qlonglong id = m_profile->currentData().toLongLong();
    if (id != kEveryone)
        s.profileId = id;
    if (m_limitDates->isChecked()) {
        // As chosen, not reordered: a period that ends before it starts is named in the preview (export.bad_period).
        s.from = toDomainDate(m_from->date());
        s.to = toDomainDate(m_to->date());
    }
    if (format() == exports::ExportFormat::Pdf) {
        // The summary's sections draw on these kinds; self-recorded measurements have no section yet.
        s.categories.checkups = m_latestSection->isChecked() || m_trendsSection->isChecked();
        s.categories.medications = m_medicinesSection->isChecked();
        s.categories.vaccinations = m_vaccinationsSection->isChecked();
        s.categories.self = false;
    } else {
        s.categories.checkups = m_checkups->isChecked();
        s.categories.medications = m_medications->isChecked();
        s.categories.vaccinations = m_vaccinations->isChecked();
        s.categories.self = m_self->isChecked();
    }
    return s;
}

void ExportDialog::updateControls()
{
    const exports::ExportFormat f = format();
    const bool pdf = f == exports::ExportFormat::Pdf;
    m_csvForm->setEnabled(f == exports::ExportFormat::Csv);
    m_csvHeaders->setEnabled(f == exports::ExportFormat::Csv);
    m_categoriesBox->setVisible(!pdf);
    m_sectionsBox->setVisible(pdf);
    m_maxCheckups->setEnabled(m_latestSection->isChecked());
    m_from->setEnabled(m_limitDates->isChecked());
    m_to->setEnabled(m_limitDates->isChecked());
    // The summary is about one person: "everyone" cannot be chosen for it.
    if (auto* items = qobject_cast<QStandardItemModel*>(m_profile->model()); items && items->item(0))
        items->item(0)->setEnabled(!pdf);
    if (pdf && m_profile->currentData().toLongLong() == kEveryone && m_profile->count() > 1) {
        const QSignalBlocker block(m_profile);
        m_profile->setCurrentIndex(1);
    }
}

void ExportDialog::updatePreview()
{
    showChoiceError({});
    const exports::ExportSelection s = selection();
    auto counted = m_session.countRecords(s);
    if (!counted.ok()) {
        m_preview.clear();
        m_previewModel->clear();
        m_previewNote->setText(describeError(counted.error()));
        m_exportButton->setEnabled(false);
        return;
    }
    m_preview = counted.value();
    // The kinds chosen, and the persons; a kind left out would only add zeros.
    std::map<std::string, std::int64_t> shown {{"profiles", m_preview["profiles"]}};
    if (s.categories.checkups) {
        shown["checkups"] = m_preview["checkups"];
        shown["observations"] = m_preview["observations"];
    }
    if (s.categories.medications) {
        shown["dispensings"] = m_preview["dispensings"];
        shown["medication_lines"] = m_preview["medication_lines"];
    }
    if (s.categories.vaccinations)
        shown["vaccinations"] = m_preview["vaccinations"];
    if (s.categories.self)
        shown["measurements"] = m_preview["measurements"];
    m_previewModel->setCounts(shown);
    // JSON and CSV write a record as a record; FHIR writes resources (a dispensing line becomes a MedicationDispense
    // or a MedicationRequest, some dispensings none) and the PDF a selection: for those the preview counts what is
    // read, and says so.
    const bool reads = format() == exports::ExportFormat::Fhir || format() == exports::ExportFormat::Pdf;
    m_previewBox->setTitle(reads ? tr("What will be read") : tr("What will be written"));
    m_previewModel->setKindHeader(reads ? tr("Records (to be read)") : QString());

    const bool anyKind
        = s.categories.checkups || s.categories.medications || s.categories.vaccinations || s.categories.self;
    QString note;
    switch (format()) {
    case exports::ExportFormat::Pdf:
        note = tr("A summary a doctor can read in a minute: the latest %n checkup(s) side by side, with the "
                  "judgement marks and reference values; the counts are the records it draws on.",
            "", m_maxCheckups->value());
        break;
    case exports::ExportFormat::Json:
        note = tr("Every chosen record with where it came from. Techo can import this file again.");
        break;
    case exports::ExportFormat::Csv:
        note = tr("One file per kind of record (checkups one row per result), UTF-8 that Excel opens as it is.");
        break;
    case exports::ExportFormat::Fhir:
        note = tr("One FHIR R4 Bundle with JP Core profiles, for systems that read FHIR.");
        break;
    }
    if (!anyKind)
        note = tr("Choose at least one kind of record.");
    m_previewNote->setText(note);
    m_exportButton->setEnabled(anyKind);
}

QString ExportDialog::defaultFileName() const
{
    const qlonglong id = m_profile->currentData().toLongLong();
    const QString who = id == kEveryone ? QStringLiteral("all") : fileNamePart(m_profile->currentText());
    const QString stem
        = QStringLiteral("techo-%1-%2").arg(who, QDate::currentDate().toString(QStringLiteral("yyyy-MM-dd")));
    QString suffix;
    switch (format()) {
    case exports::ExportFormat::Pdf:
        suffix = QStringLiteral(".pdf");
        break;
    case exports::ExportFormat::Json:
        suffix = QStringLiteral(".json");
        break;
    case exports::ExportFormat::Csv:
        suffix = m_csvForm->currentData().toBool() ? QStringLiteral("-csv.zip") : QStringLiteral("-csv");
        break;
    case exports::ExportFormat::Fhir:
        suffix = QStringLiteral("-fhir.json");
        break;
    }
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    // A second export the same day gets its own name: an export never replaces one.
    QString path = QDir(folder).filePath(stem + suffix);
    for (int n = 2; QFileInfo::exists(path) && n < 1000; ++n)
        path = QDir(folder).filePath(QStringLiteral("%1-%2%3").arg(stem).arg(n).arg(suffix));
    return QDir::toNativeSeparators(path);
}

void ExportDialog::updateDefaultDestination()
{
    if (m_destinationEdited)
        return;
    m_destination->setText(defaultFileName());
}

void ExportDialog::retargetTypedName()
{
    if (!m_destinationEdited)
        return; // the default name follows the choices by itself
    const QString now = destination();
    const QString fitted = retargetedName(now, format(), m_csvForm->currentData().toBool());
    if (fitted != now)
        m_destination->setText(fitted);
}

void ExportDialog::showPage(int page)
{
    m_pages->setCurrentIndex(page);
    // QDialog presses the visible default button on Return. One main default per page: setDefault(true) also makes
    // it the one QDialog restores when a focused button loses focus (a hidden page's default would swallow Return).
    // setDefault(true) on a button that is already default (e.g. it has focus) does nothing, so both go off first.
    m_exportButton->setDefault(false);
    m_closeButton->setDefault(false);
    if (page == ChoicePage)
        m_exportButton->setDefault(true);
    else if (page == ReportPage)
        m_closeButton->setDefault(true);
}

void ExportDialog::showInFolder()
{
    if (!m_report)
        return;
    const QString folder = QFileInfo(QString::fromStdString(m_report->path)).absolutePath();
    if (m_openFolder(QUrl::fromLocalFile(folder))) {
        m_showFailed->hide();
        return;
    }
    // No file manager answered (Qt logs "Unable to detect a launcher"): say so, and give the path to copy.
    m_showFailed->setText(
        tr("No file manager could be opened. The export is in this folder:\n%1").arg(QDir::toNativeSeparators(folder)));
    m_showFailed->show();
}

void ExportDialog::chooseDestination()
{
    QString filter;
    switch (format()) {
    case exports::ExportFormat::Pdf:
        filter = tr("PDF (*.pdf)");
        break;
    case exports::ExportFormat::Json:
    case exports::ExportFormat::Fhir:
        filter = tr("JSON (*.json)");
        break;
    case exports::ExportFormat::Csv:
        filter = m_csvForm->currentData().toBool() ? tr("Zip (*.zip)") : QString();
        break;
    }
    // The CSV folder is a new folder: it is named like a file; Techo creates it.
    const QString path = QFileDialog::getSaveFileName(this,
        format() == exports::ExportFormat::Csv && !m_csvForm->currentData().toBool() ? tr("Name of the new folder")
                                                                                     : tr("Save the export as"),
        destination(), filter, nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    setDestination(QDir::toNativeSeparators(path));
    showChoiceError({});
}

void ExportDialog::showChoiceError(const QString& message)
{
    m_choiceError->setText(message);
    m_choiceError->setVisible(!message.isEmpty());
}

void ExportDialog::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    emit stageChanged(stage);
}

void ExportDialog::startExport()
{
    if (m_worker || m_stage == Stage::Running)
        return;
    showChoiceError({});
    const QString path = QDir::fromNativeSeparators(destination());
    const QFileInfo info(path);
    if (path.isEmpty() || !info.isAbsolute()) {
        showChoiceError(tr("Choose where to save the export (a full path)."));
        m_destination->setFocus();
        return;
    }
    if (info.exists() || info.isSymLink()) {
        // Refused here, before anything runs; core refuses it again (it never replaces a file).
        showChoiceError(describeError(makeError(ErrorCode::AlreadyExists, "the target exists")
                                          .withKey("export.target_exists")
                                          .with("path", QDir::toNativeSeparators(path).toStdString())));
        m_destination->setFocus();
        return;
    }
    if (!QFileInfo(info.absolutePath()).isDir()) {
        showChoiceError(tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(info.absolutePath())));
        m_destination->setFocus();
        return;
    }
    const exports::ExportSelection chosen = selection();
    if (!(chosen.categories.checkups || chosen.categories.medications || chosen.categories.vaccinations
            || chosen.categories.self)) {
        showChoiceError(tr("Choose at least one kind of record."));
        return;
    }
    auto counted = m_session.countRecords(chosen);
    if (!counted.ok()) {
        showChoiceError(describeError(counted.error()));
        return;
    }
    m_preview = counted.value();

    exports::ExportRequest request;
    request.format = format();
    request.outPath = path.toStdString();
    request.selection = chosen;
    request.japaneseCsvHeaders = request.format == exports::ExportFormat::Csv && m_csvHeaders->currentData().toBool();
    request.zip = request.format == exports::ExportFormat::Csv && m_csvForm->currentData().toBool();
    request.summary.latestCheckups = m_latestSection->isChecked();
    request.summary.trends = m_trendsSection->isChecked();
    request.summary.medicines = m_medicinesSection->isChecked();
    request.summary.vaccinations = m_vaccinationsSection->isChecked();
    request.summary.qrCode = m_qrSection->isChecked();
    request.summary.maxCheckups = m_maxCheckups->value();
    request.renderPdf = m_renderer;
    m_runningFormat = request.format;
    if (!QCoreApplication::applicationVersion().isEmpty())
        request.generator = "Techo " + QCoreApplication::applicationVersion().toStdString();

    m_report.reset();
    m_error.reset();
    auto connection = m_session.openAnotherConnection();
    if (!connection.ok()) {
        showFailure(connection.error());
        return;
    }
    m_worker = std::make_unique<ExportWorker>(std::move(connection).value(), std::move(request));
    m_worker->setProgressHook(m_hook);
    connect(m_worker.get(), &ExportWorker::progressed, this, &ExportDialog::onProgress);
    connect(m_worker.get(), &ExportWorker::finished, this, &ExportDialog::onWorkerFinished);
    const std::int64_t total = m_preview["checkups"] + m_preview["dispensings"] + m_preview["vaccinations"];
    m_progressBar->setRange(0, static_cast<int>(std::max<std::int64_t>(1, total)));
    m_progressBar->setValue(0);
    m_stageLabel->setText(tr("Exporting…"));
    m_progressWhere->setText(tr("Saving to %1").arg(QDir::toNativeSeparators(path)));
    m_cancelButton->setEnabled(true);
    m_cancelRequested = false;
    showPage(ProgressPage);
    m_cancelButton->setFocus();
    setStage(Stage::Running);
    m_worker->start();
}

void ExportDialog::onProgress(const exports::ExportProgress& progress)
{
    if (!m_worker || m_cancelRequested)
        return;
    QString what;
    if (progress.kind == "checkups")
        what = tr("Writing checkups…");
    else if (progress.kind == "dispensings")
        what = tr("Writing dispensings…");
    else if (progress.kind == "vaccinations")
        what = tr("Writing vaccinations…");
    else if (progress.kind == "rendering")
        what = tr("Laying out the PDF…");
    else
        what = tr("Saving the file…");
    if (progress.total > 0) {
        m_progressBar->setRange(0, static_cast<int>(progress.total));
        m_progressBar->setValue(static_cast<int>(std::min(progress.done, progress.total)));
        what += QLatin1Char(' ')
            + tr("%1 of %2 records")
                  .arg(QLocale().toString(static_cast<qlonglong>(progress.done)),
                      QLocale().toString(static_cast<qlonglong>(progress.total)));
    } else {
        m_progressBar->setRange(0, 0);
    }
    m_stageLabel->setText(what);
}

void ExportDialog::cancelExport()
{
    if (!m_worker || m_cancelRequested)
        return;
    m_cancelRequested = true;
    m_cancelButton->setEnabled(false);
    m_stageLabel->setText(tr("Cancelling…"));
    m_worker->cancel(); // onWorkerFinished follows once the export has removed what it staged
}

void ExportDialog::reject()
{
    if (m_worker && !m_cancelRequested) {
        cancelExport();
        return;
    }
    m_worker.reset(); // waits for the cancelled export to clean up
    QDialog::reject();
}

void ExportDialog::onWorkerFinished()
{
    const std::unique_ptr<ExportWorker> worker = std::move(m_worker);
    if (!worker || !worker->outcome())
        return;
    const auto& outcome = *worker->outcome();
    if (outcome.ok()) {
        showReport(outcome.value());
        return;
    }
    showFailure(m_cancelRequested && outcome.error().code == ErrorCode::Cancelled
            ? Error(outcome.error()).withKey("export.cancelled")
            : outcome.error());
}

void ExportDialog::showReport(const exports::ExportReport& report)
{
    m_report = report;
    m_error.reset();
    using Counted = ExportCountsModel::Counted;
    switch (m_runningFormat) {
    case exports::ExportFormat::Fhir:
        m_reportModel->setCounts(report.counts, Counted::FhirResources);
        m_reportCaption->setText(tr("FHIR resources written to the Bundle:"));
        break;
    case exports::ExportFormat::Pdf:
        m_reportModel->setCounts(report.counts, Counted::PdfSections);
        m_reportCaption->setText(tr("What the summary shows:"));
        break;
    case exports::ExportFormat::Json:
    case exports::ExportFormat::Csv:
        m_reportModel->setCounts(report.counts, Counted::Records);
        m_reportCaption->setText(tr("Records written, by kind:"));
        break;
    }
    const QString where = QDir::toNativeSeparators(QString::fromStdString(report.path));
    m_headline->setText(tr("Export finished."));
    m_whereLabel->setText(
        tr("Saved to %1 (%2)").arg(where, QLocale().formattedDataSize(static_cast<qint64>(report.bytes))));
    m_digestLabel->setText(tr("SHA-256: %1").arg(QString::fromStdString(report.sha256)));
    m_digestLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    QString notes = tr("The export is recorded in the vault's audit log. The file holds health data: keep it as "
                       "safe as the vault, and delete it when it is no longer needed.");
    if (m_runningFormat == exports::ExportFormat::Fhir)
        // Why these numbers differ from the preview's records (core's FhirExport, docs/export-format.md).
        notes = tr("A record can become several resources, or none: each medicine line of a dispensing is one "
                   "MedicationDispense, each line of an e-prescription (処方) one MedicationRequest; a claims "
                   "dispensing superseded by the e-prescription dispensing of the same visit, and a dispensing "
                   "without medicine lines, are written as no resource. Organizations include the sources of the "
                   "records.")
            + QStringLiteral("\n\n") + notes;
    m_notes->setText(notes);
    m_showFailed->hide();
    for (QWidget* w :
        std::initializer_list<QWidget*> {m_whereLabel, m_reportCaption, m_reportView, m_digestLabel, m_showButton})
        w->show();
    m_notes->show();
    showPage(ReportPage);
    m_closeButton->setFocus();
    setStage(Stage::Finished);
}

void ExportDialog::showFailure(const Error& error)
{
    m_report.reset();
    m_error = error;
    m_worker.reset();
    m_reportModel->clear();
    const bool cancelled = error.code == ErrorCode::Cancelled;
    m_headline->setText(cancelled ? tr("The export was cancelled. Nothing was written.")
                                  : tr("The export did not complete. Nothing was written."));
    m_notes->setText(cancelled ? QString() : describeError(error));
    m_notes->setVisible(!cancelled);
    for (QWidget* w : std::initializer_list<QWidget*> {
             m_whereLabel, m_reportCaption, m_reportView, m_digestLabel, m_showButton, m_showFailed})
        w->hide();
    showPage(ReportPage);
    m_closeButton->setFocus();
    setStage(Stage::Finished);
}

} // namespace techo::ui
