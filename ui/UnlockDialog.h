#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace techo::ui {

// Asks for the vault passphrase (twice when creating). The text never leaves this dialog except
// through passphraseUtf8(), which the caller turns into a wiping SecretBytes at once.
class UnlockDialog final : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Unlock, Create };
    UnlockDialog(Mode mode, const QString& vaultPath, QWidget* parent = nullptr);
    ~UnlockDialog() override;

    [[nodiscard]] QByteArray passphraseUtf8() const;
    void showError(const QString& message);

private:
    void validate();

    Mode m_mode;
    QLineEdit* m_passphrase = nullptr;
    QLineEdit* m_confirm = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace techo::ui
