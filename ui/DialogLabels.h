#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace techo::ui {

// A quiet, word-wrapped explanation under a choice: the palette's placeholder colour, so it stays readable and
// secondary in light and dark palettes (never a hard-coded grey).
[[nodiscard]] QLabel* noteLabel(const QString& text, QWidget* parent, const QString& objectName = {});
// A word-wrapped bold line: a stage or a report's headline, or an error said in words (bold, not colour alone).
[[nodiscard]] QLabel* boldLabel(QWidget* parent, const QString& objectName, const QString& text = {});

} // namespace techo::ui
