#include "ui/UnlockDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace techo::ui {

UnlockDialog::UnlockDialog(Mode mode, const QString& vaultPath, QWidget* parent)
    : QDialog(parent)
    , m_mode(mode)
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

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(mode == Mode::Create ? tr("Create") : tr("Unlock"));
    connect(buttons, &QDialogButtonBox::accepted, this, &UnlockDialog::validate);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

UnlockDialog::~UnlockDialog()
{
    // QLineEdit keeps its text in a QString we cannot wipe reliably; at least drop it early.
    m_passphrase->clear();
    if (m_confirm)
        m_confirm->clear();
}

QByteArray UnlockDialog::passphraseUtf8() const
{
    return m_passphrase->text().toUtf8();
}

void UnlockDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
    m_passphrase->selectAll();
    m_passphrase->setFocus();
}

void UnlockDialog::validate()
{
    if (m_passphrase->text().isEmpty()) {
        showError(tr("The passphrase must not be empty."));
        return;
    }
    if (m_mode == Mode::Create && m_confirm->text() != m_passphrase->text()) {
        showError(tr("The two passphrases do not match."));
        return;
    }
    accept();
}

} // namespace techo::ui
