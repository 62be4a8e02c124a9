#include "ui/UnlockDialog.h"

#include "core/session/VaultSession.h"
#include "ui/ErrorText.h"
#include "ui/Icons.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace techo::ui {
namespace {

// Errors another passphrase can fix (or that pass: a busy disk, another Techo program finishing its work with
// the vault) keep the dialog open for a retry.
bool canRetry(ErrorCode code)
{
    return code == ErrorCode::WrongPassphrase || code == ErrorCode::Io || code == ErrorCode::InUse;
}

} // namespace

UnlockDialog::UnlockDialog(const QString& vaultPath, QWidget* parent)
    : QDialog(parent)
    , m_path(vaultPath.toStdString())
{
    setWindowTitle(tr("Unlock vault"));
    setWindowIcon(appIcon(QStringLiteral("unlock")));
    setMinimumWidth(440); // room for a vault path on one line
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Enter the passphrase of\n%1").arg(vaultPath), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphraseLineEdit"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(tr("Passphrase"));
    form->addRow(tr("&Passphrase:"), m_passphrase);
    layout->addLayout(form);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);

    m_busyLabel = new QLabel(tr("Unlocking…"), this);
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    m_busyLabel->hide();
    layout->addWidget(m_busyLabel);
    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("busyBar"));
    m_busyBar->setRange(0, 0); // Argon2id reports no progress: an indeterminate bar
    m_busyBar->setTextVisible(false);
    m_busyBar->setAccessibleName(tr("Unlocking…"));
    m_busyBar->hide();
    layout->addWidget(m_busyBar);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Unlock"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &UnlockDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &UnlockDialog::reject);
    layout->addWidget(m_buttons);

    m_task = new VaultTask(this);
    checkFile();
}

void UnlockDialog::checkFile()
{
    // Only a file a passphrase may open is worth asking for one: the header is plain text, read at once.
    const QFileInfo file(QString::fromStdString(m_path));
    QString problem;
    if (file.isDir()) {
        problem = tr("%1 is a folder, not a vault file. Start Techo with the path of a vault file.")
                      .arg(file.absoluteFilePath());
    } else if (file.exists() && !file.isReadable()) {
        problem = tr("Techo may not read the file %1 (its permissions do not allow it).").arg(file.absoluteFilePath());
    } else if (Status probed = session::VaultSession::probe(m_path); !probed.ok()) {
        if (canRetry(probed.error().code))
            return; // the open says it again, and a retry may then work
        problem = describeError(probed.error());
    }
    if (problem.isEmpty())
        return;
    refuseFile(problem);
}

void UnlockDialog::refuseFile(const QString& message)
{
    showError(message);
    m_passphrase->clear();
    m_passphrase->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setFocus();
}

UnlockDialog::~UnlockDialog()
{
    // QLineEdit keeps its text in a QString we cannot wipe reliably; at least drop it early.
    m_passphrase->clear();
}

bool UnlockDialog::isBusy() const noexcept
{
    return m_task->isRunning();
}

std::unique_ptr<session::VaultSession> UnlockDialog::takeVault()
{
    return std::move(m_vault);
}

void UnlockDialog::reject()
{
    m_task->cancel();
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
    VaultOpener opener = m_opener;
    if (!opener) {
        opener = [](const std::string& path, const crypto::SecretBytes& secret) {
            return session::VaultSession::open(path, secret);
        };
    }
    setBusy(true);
    m_task->start(std::move(opener), m_path, VaultTask::secretFromText(m_passphrase->text()),
        [this](VaultResult result) { onWorkerFinished(std::move(result)); });
}

void UnlockDialog::onWorkerFinished(VaultResult result)
{
    setBusy(false);
    if (result.ok()) {
        m_vault = std::move(result).value();
        m_passphrase->clear();
        accept();
        return;
    }
    const Error& error = result.error();
    if (canRetry(error.code))
        showError(describeError(error));
    else
        refuseFile(describeError(error));
}

void UnlockDialog::setBusy(bool busy)
{
    m_passphrase->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    m_busyLabel->setVisible(busy);
    m_busyBar->setVisible(busy);
    if (busy)
        m_error->hide();
}

void UnlockDialog::showError(const QString& message)
{
    // Bold text, not a hard-coded red: readable in light and dark palettes, and not colour alone.
    m_error->setText(message);
    QFont bold = m_error->font();
    bold.setBold(true);
    m_error->setFont(bold);
    m_error->show();
    m_passphrase->selectAll();
    m_passphrase->setFocus();
}

} // namespace techo::ui
