#pragma once

#include "core/util/Error.h"

#include <QCoreApplication>
#include <QString>

namespace techo::ui {

// The translation context of core errors shown to the person.
class ErrorText final {
    Q_DECLARE_TR_FUNCTIONS(techo::ui::ErrorText)
};

// User-facing text for a core error in the UI language (by its code and key; never includes health data).
[[nodiscard]] QString describeError(const Error& error);

} // namespace techo::ui
