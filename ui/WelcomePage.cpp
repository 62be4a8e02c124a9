#include "ui/WelcomePage.h"

#include "core/crypto/PassphraseStrength.h"
#include "core/session/VaultSession.h"
#include "ui/DialogLabels.h"
#include "ui/ErrorText.h"
#include "ui/Icons.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace techo::ui {
namespace {

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    label->setFont(font);
    label->setWordWrap(true);
    return label;
}

QLabel* wrapped(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// A line with an icon before wrapped text (the warning, the file's place).
QWidget* iconLine(const QString& iconName, QLabel* text, QWidget* parent)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* icon = new QLabel(row);
    const int size = row->style()->pixelMetric(QStyle::PM_SmallIconSize) * 3 / 2;
    icon->setPixmap(appIcon(iconName).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);
    icon->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    layout->addWidget(icon, 0, Qt::AlignTop);
    text->setParent(row);
    layout->addWidget(text, 1);
    return row;
}

} // namespace

WelcomePage::WelcomePage(const QString& vaultPath, QWidget* parent)
    : QWidget(parent)
    , m_path(vaultPath)
{
    m_task = new VaultTask(this);
    // A column of readable width in the middle of the window (long lines of Japanese text are hard to read).
    auto* outer = new QHBoxLayout(this);
    m_steps = new QStackedWidget(this);
    m_steps->setObjectName(QStringLiteral("welcomeSteps"));
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_steps->setMinimumWidth(std::min(36 * em, 520));
    m_steps->setMaximumWidth(52 * em);
    outer->addStretch(1);
    outer->addWidget(m_steps, 6);
    outer->addStretch(1);

    // Step 1: create the vault.
    auto* createStep = new QWidget(m_steps);
    createStep->setObjectName(QStringLiteral("createStep"));
    auto* layout = new QVBoxLayout(createStep);
    layout->addWidget(heading(tr("Welcome to Techo"), createStep));
    layout->addWidget(wrapped(tr("Techo keeps your and your family's checkup results, medicines and vaccinations "
                                 "in one encrypted file on this computer. Nothing leaves it unless you share it."),
        createStep));

    auto* box = new QGroupBox(tr("Create your vault"), createStep);
    auto* boxLayout = new QVBoxLayout(box);
    auto* form = new QFormLayout;
    m_passphrase = new QLineEdit(box);
    m_passphrase->setObjectName(QStringLiteral("newPassphraseLineEdit"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(tr("New passphrase"));
    form->addRow(tr("&Passphrase:"), m_passphrase);
    m_confirm = new QLineEdit(box);
    m_confirm->setObjectName(QStringLiteral("confirmPassphraseLineEdit"));
    m_confirm->setEchoMode(QLineEdit::Password);
    m_confirm->setAccessibleName(tr("Repeat the passphrase"));
    form->addRow(tr("&Repeat:"), m_confirm);
    m_strengthBar = new QProgressBar(box);
    m_strengthBar->setObjectName(QStringLiteral("strengthBar"));
    m_strengthBar->setRange(0, 4);
    m_strengthBar->setTextVisible(false);
    m_strengthBar->setMaximumHeight(m_strengthBar->fontMetrics().height() / 2 + 2);
    m_strengthBar->setAccessibleName(tr("Passphrase strength"));
    m_strengthLabel = new QLabel(box);
    m_strengthLabel->setObjectName(QStringLiteral("strengthLabel"));
    m_strengthLabel->setWordWrap(true);
    auto* strength = new QVBoxLayout;
    strength->addWidget(m_strengthBar);
    strength->addWidget(m_strengthLabel);
    form->addRow(tr("Strength:"), strength);
    boxLayout->addLayout(form);

    auto* warning = wrapped(tr("<b>Keep your passphrase safe.</b> If you forget it, nobody can open the vault — "
                               "not you, not Techo's makers — and the records in it are lost. Write it down and "
                               "keep it somewhere only you can reach."),
        box);
    warning->setObjectName(QStringLiteral("forgottenWarning"));
    boxLayout->addWidget(iconLine(QStringLiteral("warning"), warning, box));
    auto* where = wrapped(
        tr("The vault will be saved as %1 in the folder %2.")
            .arg(QFileInfo(vaultPath).fileName(), QDir::toNativeSeparators(QFileInfo(vaultPath).absolutePath())),
        box);
    where->setObjectName(QStringLiteral("vaultLocationLabel"));
    boxLayout->addWidget(iconLine(QStringLiteral("file"), where, box));

    m_error = boldLabel(box, QStringLiteral("createErrorLabel"));
    m_error->hide();
    boxLayout->addWidget(m_error);
    m_busyLabel = new QLabel(tr("Creating the vault…"), box);
    m_busyLabel->hide();
    boxLayout->addWidget(m_busyLabel);
    m_busyBar = new QProgressBar(box);
    m_busyBar->setObjectName(QStringLiteral("createBusyBar"));
    m_busyBar->setRange(0, 0); // Argon2id reports no progress
    m_busyBar->setTextVisible(false);
    m_busyBar->setAccessibleName(tr("Creating the vault…"));
    m_busyBar->hide();
    boxLayout->addWidget(m_busyBar);
    m_createButton = new QPushButton(appIcon(QStringLiteral("lock")), tr("&Create vault"), box);
    m_createButton->setObjectName(QStringLiteral("createVaultButton"));
    m_createButton->setDefault(true);
    boxLayout->addWidget(m_createButton, 0, Qt::AlignRight);
    layout->addWidget(box);
    layout->addStretch(1);
    m_steps->addWidget(createStep);

    // Step 2: where the records come from.
    auto* sourceStep = new QWidget(m_steps);
    sourceStep->setObjectName(QStringLiteral("sourceStep"));
    auto* sourceLayout = new QVBoxLayout(sourceStep);
    sourceLayout->addWidget(heading(tr("Your vault is ready"), sourceStep));
    sourceLayout->addWidget(wrapped(tr("Where do your records come from? You can import more at any time with "
                                       "File ▸ Import (Ctrl+I)."),
        sourceStep));
    const auto addChoice = [&](const char* object, const QString& icon, const QString& title, const QString& detail,
                               void (WelcomePage::*signal)()) {
        auto* button = new QCommandLinkButton(title, detail, sourceStep);
        button->setObjectName(QLatin1String(object));
        button->setIcon(appIcon(icon));
        button->setAccessibleName(title);
        connect(button, &QCommandLinkButton::clicked, this, signal);
        sourceLayout->addWidget(button);
    };
    addChoice("demoImportButton", QStringLiteral("demo"), tr("Try it with demo records"),
        tr("Made-up records of a demo family from Techo's built-in test server, to look around safely."),
        &WelcomePage::demoImportRequested);
    addChoice("apiImportButton", QStringLiteral("server"), tr("From my health record service"),
        tr("Sign in at your service's own page in the browser and import your records."),
        &WelcomePage::apiImportRequested);
    addChoice("fileImportButton", QStringLiteral("file"), tr("From a saved file"),
        tr("A file downloaded from your health record service earlier."), &WelcomePage::fileImportRequested);
    addChoice("importLaterButton", QStringLiteral("later"), tr("Later"), tr("Start with an empty vault."),
        &WelcomePage::importLater);
    sourceLayout->addStretch(1);
    m_steps->addWidget(sourceStep);

    connect(m_passphrase, &QLineEdit::textChanged, this, &WelcomePage::updateStrength);
    // A warning about what was typed goes as soon as the person types again (textEdited: not when create()
    // itself empties the repetition after a mismatch, which keeps its warning).
    connect(m_passphrase, &QLineEdit::textEdited, m_error, &QWidget::hide);
    connect(m_confirm, &QLineEdit::textEdited, m_error, &QWidget::hide);
    connect(m_passphrase, &QLineEdit::returnPressed, m_confirm, qOverload<>(&QWidget::setFocus));
    connect(m_confirm, &QLineEdit::returnPressed, this, &WelcomePage::create);
    connect(m_createButton, &QPushButton::clicked, this, &WelcomePage::create);
    setFocusProxy(m_passphrase);
    updateStrength();
}

WelcomePage::~WelcomePage()
{
    m_passphrase->clear();
    m_confirm->clear();
}

bool WelcomePage::isBusy() const noexcept
{
    return m_task->isRunning();
}

bool WelcomePage::isAskingForSource() const noexcept
{
    return m_steps->currentIndex() == 1;
}

std::unique_ptr<session::VaultSession> WelcomePage::takeVault()
{
    return std::move(m_vault);
}

void WelcomePage::restart()
{
    m_task->cancel();
    setBusy(false);
    m_passphrase->clear();
    m_confirm->clear();
    m_error->hide();
    m_steps->setCurrentIndex(0);
}

void WelcomePage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateStrength();
    QWidget::changeEvent(event);
}

void WelcomePage::updateStrength()
{
    const QString text = m_passphrase->text();
    if (text.isEmpty()) {
        m_strengthBar->setValue(0);
        m_strengthLabel->setText(tr("Use several unrelated words; a whole sentence works well."));
        return;
    }
    QByteArray utf8 = text.toUtf8();
    const QString fileName = QFileInfo(m_path).completeBaseName().toLower();
    const auto strength = crypto::estimatePassphraseStrength(
        std::string_view(utf8.constData(), std::size_t(utf8.size())), {"techo", fileName.toStdString()});
    utf8.fill('\0');
    QString verdict;
    switch (strength.quality) {
    case crypto::PassphraseQuality::Bad:
    case crypto::PassphraseQuality::Poor:
        verdict = tr("Very weak: easily guessed. Add more unrelated words.");
        break;
    case crypto::PassphraseQuality::Weak:
        verdict = tr("Weak: add another word or two.");
        break;
    case crypto::PassphraseQuality::Good:
        verdict = tr("Good.");
        break;
    case crypto::PassphraseQuality::Excellent:
        verdict = tr("Excellent.");
        break;
    }
    m_strengthBar->setValue(static_cast<int>(strength.quality));
    m_strengthLabel->setText(verdict);
}

void WelcomePage::create()
{
    if (isBusy())
        return;
    if (m_passphrase->text().isEmpty()) {
        showError(tr("The passphrase must not be empty."));
        m_passphrase->setFocus();
        return;
    }
    if (m_confirm->text() != m_passphrase->text()) {
        showError(tr("The two passphrases do not match."));
        // Keep the first one; the person types the repetition again.
        m_confirm->clear();
        m_confirm->setFocus();
        return;
    }
    VaultTask::Opener opener = m_opener;
    if (!opener) {
        opener = [kdf = m_kdf](const std::string& path, const crypto::SecretBytes& secret) {
            return session::VaultSession::create(path, secret, kdf);
        };
    }
    setBusy(true);
    m_task->start(std::move(opener), m_path.toStdString(), VaultTask::secretFromText(m_passphrase->text()),
        [this](VaultTask::VaultResult result) { onCreated(std::move(result)); });
}

void WelcomePage::onCreated(VaultTask::VaultResult result)
{
    setBusy(false);
    if (!result.ok()) {
        const Error& error = result.error();
        // Create makes the folder and writes a new file in it: a missing path part or an I/O error here means
        // the folder cannot be made or written (the generic texts would say "no longer exists" or "(io)").
        if (error.code == ErrorCode::NotFound || error.code == ErrorCode::Io)
            showError(tr("Techo cannot create the vault in the folder %1: the folder cannot be created, or "
                         "Techo may not write in it.")
                          .arg(QDir::toNativeSeparators(QFileInfo(m_path).absolutePath())));
        else
            showError(describeError(error));
        return;
    }
    m_vault = std::move(result).value();
    m_passphrase->clear();
    m_confirm->clear();
    m_error->hide();
    m_steps->setCurrentIndex(1);
    if (auto* first = m_steps->currentWidget()->findChild<QCommandLinkButton*>())
        first->setFocus();
    emit vaultCreated();
}

void WelcomePage::setBusy(bool busy)
{
    m_passphrase->setEnabled(!busy);
    m_confirm->setEnabled(!busy);
    m_createButton->setEnabled(!busy);
    m_busyBar->setVisible(busy);
    m_busyLabel->setVisible(busy);
    if (busy)
        m_error->hide();
}

void WelcomePage::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

} // namespace techo::ui
