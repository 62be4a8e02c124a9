#pragma once

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace techo::ui {

// 設定: the person's preferences (AppSettings) — UI language (日本語 / English / the system's; applies at the
// next start, and the dialog says so), auto-lock minutes (0 = never), the API endpoint (an https URL, checked
// with core's net::Url, i.e. libcurl's URL parser, as the import will read it) and the CA file to trust for it,
// and dates as 西暦 only or with the Japanese era beside them. OK is enabled only while every field is valid;
// OK stores the values, applies the date style at once (setEraDisplay) and emits settingsChanged() when a value
// changed. Cancel stores nothing.
class SettingsDialog final : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    // Why `text` is not an acceptable API endpoint (empty = acceptable: an https URL with a host, or nothing).
    [[nodiscard]] static QString endpointProblem(const QString& text);

Q_SIGNALS:
    // Emitted after OK stored at least one changed value: views re-read AppSettings (e.g. redraw dates).
    void settingsChanged();

private:
    void load();
    void validate();
    void chooseCaFile();
    void store();
    void updateEraExample();

    QComboBox* m_language = nullptr;
    QSpinBox* m_autoLock = nullptr;
    QLineEdit* m_endpoint = nullptr;
    QLabel* m_endpointProblem = nullptr;
    QLineEdit* m_caFile = nullptr;
    QLabel* m_caFileProblem = nullptr;
    QRadioButton* m_western = nullptr;
    QRadioButton* m_withEra = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace techo::ui
