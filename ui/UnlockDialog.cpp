#include "ui/UnlockDialog.h"

#include "core/session/VaultSession.h"
#include "ui/ErrorText.h"
#include "ui/MainWindow.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrent>

namespace techo::ui {
namespace {

// Errors another passphrase can fix (or that pass: a busy disk, another Techo program finishing its work with
// the vault) keep the dialog open for a retry.
bool canRetry(ErrorCode code)
{
    return code == ErrorCode::WrongPassphrase || code == ErrorCode::Io || code == ErrorCode::InUse;
}

} // namespace

UnlockDialog::UnlockDialog(Mode mode, const QString& vaultPath, QWidget* parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_path(vaultPath.toStdString())
{
    setWindowTitle(mode == Mode::Create ? tr("Create vault") : tr("Unlock vault"));
    setMinimumWidth(440); // room for a vault path on one line
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(mode == Mode::Create
            ? tr("Choose a passphrase for your new vault:\n%1\nIt cannot be recovered if you "
                 "forget it.")
                  .arg(vaultPath)
            : tr("Enter the passphrase of\n%1").arg(vaultPath),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphraseLineEdit"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Passphrase:"), m_passphrase);
    if (mode == Mode::Create) {
        m_confirm = new QLineEdit(this);
        m_confirm->setObjectName(QStringLiteral("confirmLineEdit"));
        m_confirm->setEchoMode(QLineEdit::Password);
        form->addRow(tr("&Repeat:"), m_confirm);
    }
    layout->addLayout(form);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);

    m_busyLabel = new QLabel(mode == Mode::Create ? tr("Creating the vault…") : tr("Unlocking…"), this);
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    m_busyLabel->hide();
    layout->addWidget(m_busyLabel);
    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("busyBar"));
    m_busyBar->setRange(0, 0); // Argon2id reports no progress: an indeterminate bar
    m_busyBar->setTextVisible(false);
    m_busyBar->hide();
    layout->addWidget(m_busyBar);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(mode == Mode::Create ? tr("Create") : tr("Unlock"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &UnlockDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &UnlockDialog::reject);
    layout->addWidget(m_buttons);
}

UnlockDialog::~UnlockDialog()
{
    // QLineEdit keeps its text in a QString we cannot wipe reliably; at least drop it early.
    m_passphrase->clear();
    if (m_confirm)
        m_confirm->clear();
}

bool UnlockDialog::isBusy() const noexcept
{
    return m_watcher != nullptr;
}

std::unique_ptr<session::VaultSession> UnlockDialog::takeVault()
{
    return std::move(m_vault);
}

void UnlockDialog::reject()
{
    // Deleting the watcher disconnects it; the worker finishes on its own and its result (a vault it may
    // have opened) is destroyed with the future, which closes it again.
    m_watcher.reset();
    setBusy(false);
    QDialog::reject();
}

void UnlockDialog::submit()
{
    if (isBusy())
        return;
    if (m_passphrase->text().isEmpty()) {
        showError(tr("The passphrase must not be empty."));
        return;
    }
    if (m_mode == Mode::Create && m_confirm->text() != m_passphrase->text()) {
        showError(tr("The two passphrases do not match."));
        // Keep the first one; the person types the repetition again.
        m_confirm->clear();
        m_confirm->setFocus();
        return;
    }

    QByteArray utf8 = m_passphrase->text().toUtf8();
    auto passphrase = std::make_shared<crypto::SecretBytes>(
        crypto::SecretBytes::fromString(std::string_view(utf8.constData(), std::size_t(utf8.size()))));
    utf8.fill('\0');

    VaultOpener opener = m_opener;
    if (!opener) {
        if (m_mode == Mode::Create) {
            opener = [kdf = m_newVaultKdf](const std::string& path, const crypto::SecretBytes& secret) {
                return session::VaultSession::create(path, secret, kdf);
            };
        } else {
            opener = [](const std::string& path, const crypto::SecretBytes& secret) {
                return session::VaultSession::open(path, secret);
            };
        }
    }

    setBusy(true);
    m_watcher = std::make_unique<QFutureWatcher<VaultResult>>();
    connect(m_watcher.get(), &QFutureWatcherBase::finished, this, &UnlockDialog::onWorkerFinished);
    // The lambda owns copies of everything it touches: the dialog may be gone before it ends.
    m_watcher->setFuture(QtConcurrent::run(
        [opener = std::move(opener), path = m_path, passphrase] { return opener(path, *passphrase); }));
}

void UnlockDialog::onWorkerFinished()
{
    VaultResult result = m_watcher->future().takeResult();
    // The watcher is the sender of this very signal: let the event loop delete it.
    m_watcher.release()->deleteLater();
    setBusy(false);
    if (result.ok()) {
        m_vault = std::move(result).value();
        m_passphrase->clear();
        if (m_confirm)
            m_confirm->clear();
        accept();
        return;
    }
    const Error& error = result.error();
    showError(describeError(error));
    if (!canRetry(error.code)) {
        m_passphrase->clear();
        m_passphrase->setEnabled(false);
        if (m_confirm) {
            m_confirm->clear();
            m_confirm->setEnabled(false);
        }
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
        m_buttons->button(QDialogButtonBox::Cancel)->setFocus();
    }
}

void UnlockDialog::setBusy(bool busy)
{
    m_passphrase->setEnabled(!busy);
    if (m_confirm)
        m_confirm->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    m_busyLabel->setVisible(busy);
    m_busyBar->setVisible(busy);
    if (busy)
        m_error->hide();
}

void UnlockDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
    m_passphrase->selectAll();
    m_passphrase->setFocus();
}

} // namespace techo::ui
