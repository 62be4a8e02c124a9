#pragma once

#include "ui/DateText.h"

#include <QString>

namespace techo::ui {

// The person's preferences (Settings dialog), stored with QSettings under the organisation "Techo" — never a
// health record or a secret. Every getter returns a sensible default when nothing is stored.
class AppSettings final {
public:
    // "system" (the desktop's language), "ja" or "en". Applies at the next start.
    [[nodiscard]] static QString language();
    static void setLanguage(const QString& code);
    // Minutes without keyboard or mouse input before the vault locks itself; 0 = never. Default 5.
    [[nodiscard]] static int autoLockMinutes();
    static void setAutoLockMinutes(int minutes);
    // The person's own API (base URL, https) and the CA file to trust for it (empty: the system's CAs).
    [[nodiscard]] static QString apiEndpoint();
    static void setApiEndpoint(const QString& url);
    [[nodiscard]] static QString caFile();
    static void setCaFile(const QString& path);
    // 西暦 only (default) or with the Japanese era beside it.
    [[nodiscard]] static EraDisplay eraDisplay();
    static void setEraDisplay(EraDisplay display);
};

} // namespace techo::ui
