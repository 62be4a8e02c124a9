#pragma once

#include "core/domain/RecordBatch.h"
#include "core/util/Error.h"

#include <QCoreApplication>
#include <QString>

namespace techo::ui {

// The translation context of core errors shown to the person.
class ErrorText final {
    Q_DECLARE_TR_FUNCTIONS(techo::ui::ErrorText)
};

// User-facing text for a core error in the UI language, by its key (docs/app/import.md lists them) and else by
// its code. Never the English `message` of core: an error without a known key gets a translated sentence for its
// code and the code's name, e.g. "… (Network)". Never includes health data (a person conflict names the person,
// which is what the person must see to decide).
[[nodiscard]] QString describeError(const Error& error);

// Why the mapping or the importer refused a record or a value (domain::Rejection::reasonKey + params, the field
// named by its element name, e.g. "DiDate"), in the UI language. An unknown key gets a generic sentence.
[[nodiscard]] QString describeRejectionReason(
    const std::string& reasonKey, const std::vector<std::pair<std::string, std::string>>& params);

// What was refused, in words: "Checkup", "Checkup result 体重" (a known item by its official name, see
// CheckupText::itemName; an unknown code as the code), "Medicine line 1/2", "Vaccination" …
[[nodiscard]] QString describeRejectedRecord(const domain::Rejection& rejection);

} // namespace techo::ui
