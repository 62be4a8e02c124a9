#pragma once

#include <QIcon>
#include <QString>

namespace techo::ui {

// One of the app's SVG icons (resources/icons/<name>.svg, monochrome line drawings), drawn at whatever size and
// device pixel ratio is asked for and tinted with the palette's text colour at paint time, so it stays sharp on
// high-DPI screens and readable in light and dark themes (disabled: the palette's disabled text colour).
// An unknown name gives a null icon.
[[nodiscard]] QIcon appIcon(const QString& name);

} // namespace techo::ui
