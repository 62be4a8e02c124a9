#include "ui/SettingsDialog.h"

#include "core/domain/Clock.h"
#include "core/net/Url.h"
#include "ui/AppSettings.h"
#include "ui/DateText.h"
#include "ui/DialogLabels.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace techo::ui {
namespace {

QLabel* makeNote(QWidget* parent, const QString& objectName)
{
    return noteLabel({}, parent, objectName);
}

// A problem is said in words (and marked with ⚠), never by colour alone.
QLabel* makeProblem(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->hide();
    return label;
}

// A form label whose mnemonic (Alt+letter) moves the focus to `buddy`.
QLabel* buddyLabel(const QString& text, QWidget* buddy)
{
    auto* label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    return label;
}

void showProblem(QLabel* label, const QString& problem)
{
    label->setText(problem.isEmpty() ? QString() : QStringLiteral("⚠ ") + problem);
    label->setVisible(!problem.isEmpty());
}

} // namespace

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto* root = new QVBoxLayout(this);

    // Language.
    auto* general = new QGroupBox(tr("Display"), this);
    auto* generalForm = new QFormLayout(general);
    generalForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_language = new QComboBox(general);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("The system's language"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    auto* languageNote = makeNote(general, QStringLiteral("languageNote"));
    languageNote->setText(tr("A new language applies the next time Techo starts."));
    auto* languageBox = new QVBoxLayout;
    languageBox->addWidget(m_language);
    languageBox->addWidget(languageNote);
    generalForm->addRow(buddyLabel(tr("&Language:"), m_language), languageBox);

    // Dates.
    m_western = new QRadioButton(general);
    m_western->setObjectName(QStringLiteral("westernDatesRadio"));
    m_withEra = new QRadioButton(general);
    m_withEra->setObjectName(QStringLiteral("eraDatesRadio"));
    auto* dates = new QVBoxLayout;
    dates->addWidget(m_western);
    dates->addWidget(m_withEra);
    generalForm->addRow(buddyLabel(tr("&Dates:"), m_western), dates);
    updateEraExample();
    root->addWidget(general);

    // Security.
    auto* security = new QGroupBox(tr("Security"), this);
    auto* securityForm = new QFormLayout(security);
    m_autoLock = new QSpinBox(security);
    m_autoLock->setObjectName(QStringLiteral("autoLockSpin"));
    m_autoLock->setAccessibleName(tr("Minutes without input before the vault locks itself"));
    m_autoLock->setRange(0, 24 * 60);
    m_autoLock->setSuffix(tr(" min"));
    m_autoLock->setSpecialValueText(tr("Never"));
    auto* lockBox = new QVBoxLayout;
    lockBox->addWidget(m_autoLock, 0, Qt::AlignLeft);
    auto* lockNote = makeNote(security, QStringLiteral("autoLockNote"));
    lockNote->setText(tr("The vault locks itself after this many minutes without keyboard or mouse input "
                         "(0 = never). Ctrl+L locks it at once."));
    lockBox->addWidget(lockNote);
    securityForm->addRow(buddyLabel(tr("Loc&k after:"), m_autoLock), lockBox);
    root->addWidget(security);

    // Import source.
    auto* api = new QGroupBox(tr("Your Mynaportal API"), this);
    auto* apiForm = new QFormLayout(api);
    apiForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_endpoint = new QLineEdit(api);
    m_endpoint->setObjectName(QStringLiteral("endpointEdit"));
    m_endpoint->setAccessibleName(tr("API endpoint"));
    m_endpoint->setPlaceholderText(QStringLiteral("https://api.example.jp/"));
    m_endpoint->setClearButtonEnabled(true);
    m_endpointProblem = makeProblem(api, QStringLiteral("endpointProblemLabel"));
    auto* endpointBox = new QVBoxLayout;
    endpointBox->addWidget(m_endpoint);
    endpointBox->addWidget(m_endpointProblem);
    auto* endpointNote = makeNote(api, QStringLiteral("endpointNote"));
    endpointNote->setText(tr("Empty: imports use the built-in demo sandbox."));
    endpointBox->addWidget(endpointNote);
    apiForm->addRow(buddyLabel(tr("API &endpoint:"), m_endpoint), endpointBox);
    m_caFile = new QLineEdit(api);
    m_caFile->setObjectName(QStringLiteral("caFileEdit"));
    m_caFile->setAccessibleName(tr("CA certificate file"));
    m_caFile->setPlaceholderText(tr("the system's certificate authorities"));
    m_caFile->setClearButtonEnabled(true);
    auto* browse = new QPushButton(tr("&Browse…"), api);
    browse->setObjectName(QStringLiteral("caFileBrowseButton"));
    browse->setAccessibleName(tr("Choose a CA certificate file"));
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::chooseCaFile);
    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    m_caFileProblem = makeProblem(api, QStringLiteral("caFileProblemLabel"));
    auto* caBox = new QVBoxLayout;
    caBox->addLayout(caRow);
    caBox->addWidget(m_caFileProblem);
    apiForm->addRow(buddyLabel(tr("&CA file:"), m_caFile), caBox);
    root->addWidget(api);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("settingsButtons"));
    root->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        store();
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    load();
    connect(m_endpoint, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_caFile, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    validate();
    setMinimumWidth(560);
}

QString SettingsDialog::endpointProblem(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    auto url = net::Url::parse(trimmed.toStdString());
    if (!url.ok() || url->host().empty())
        return tr("This is not a web address. Example: https://api.example.jp/");
    if (url->scheme() != "https")
        return tr("The address must start with https:// (records travel encrypted).");
    return {};
}

void SettingsDialog::load()
{
    const int language = m_language->findData(AppSettings::language());
    m_language->setCurrentIndex(language < 0 ? 0 : language);
    m_autoLock->setValue(AppSettings::autoLockMinutes());
    m_endpoint->setText(AppSettings::apiEndpoint());
    m_caFile->setText(AppSettings::caFile());
    (AppSettings::eraDisplay() == EraDisplay::WithJapaneseEra ? m_withEra : m_western)->setChecked(true);
}

void SettingsDialog::validate()
{
    const QString endpoint = endpointProblem(m_endpoint->text());
    showProblem(m_endpointProblem, endpoint);
    QString ca;
    const QString caPath = m_caFile->text().trimmed();
    if (!caPath.isEmpty()) {
        const QFileInfo info(caPath);
        if (!info.exists())
            ca = tr("There is no file at this path.");
        else if (!info.isFile() || !info.isReadable())
            ca = tr("This is not a file Techo can read.");
    }
    showProblem(m_caFileProblem, ca);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(endpoint.isEmpty() && ca.isEmpty());
}

void SettingsDialog::chooseCaFile()
{
    const QString start = m_caFile->text().isEmpty() ? QString() : QFileInfo(m_caFile->text()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("CA certificate file"), start, tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!path.isEmpty())
        m_caFile->setText(path);
}

void SettingsDialog::updateEraExample()
{
    const domain::Date today = domain::Clock {}.todayInJapan();
    const EraDisplay current = eraDisplay();
    setEraDisplay(EraDisplay::Western);
    const QString western = dateText(today);
    setEraDisplay(EraDisplay::WithJapaneseEra);
    const QString withEra = dateText(today);
    setEraDisplay(current);
    m_western->setText(tr("Western calendar only (%1)").arg(western));
    m_withEra->setText(tr("With the Japanese era beside it (%1)").arg(withEra));
}

void SettingsDialog::store()
{
    const QString language = m_language->currentData().toString();
    const int minutes = m_autoLock->value();
    const QString endpoint = m_endpoint->text().trimmed();
    const QString caFile = m_caFile->text().trimmed();
    const EraDisplay era = m_withEra->isChecked() ? EraDisplay::WithJapaneseEra : EraDisplay::Western;
    const bool changed = language != AppSettings::language() || minutes != AppSettings::autoLockMinutes()
        || endpoint != AppSettings::apiEndpoint() || caFile != AppSettings::caFile()
        || era != AppSettings::eraDisplay();
    AppSettings::setLanguage(language);
    AppSettings::setAutoLockMinutes(minutes);
    AppSettings::setApiEndpoint(endpoint);
    AppSettings::setCaFile(caFile);
    AppSettings::setEraDisplay(era);
    setEraDisplay(era);
    if (changed)
        Q_EMIT settingsChanged();
}

} // namespace techo::ui
