#pragma once

#include "core/import/ImportReport.h"
#include "core/util/Error.h"

#include <QDialog>

#include <string>

class QDialogButtonBox;
class QRadioButton;

namespace techo::ui {

// A person conflict (core error key import.person_conflict): a person id the vault knows now arrives with another
// name, sex or date of birth. Shows both versions side by side — what the vault holds and what the new records
// say, differing rows marked with ≠ and in bold — and asks the person to choose: keep apart (the records belong to
// someone else and go to a new profile) or skip this person's records. Nothing is chosen beforehand: Continue is
// enabled once a choice is made. Rejected means: cancel the import (nothing is changed).
class PersonConflictDialog final : public QDialog {
    Q_OBJECT
public:
    PersonConflictDialog(const Error& conflict, QWidget* parent = nullptr);

    [[nodiscard]] static bool isPersonConflict(const Error& error) { return error.key == "import.person_conflict"; }
    // The source's person id the choice applies to (ImportPolicy::personResolutions' key).
    [[nodiscard]] const std::string& personId() const noexcept { return m_personId; }
    // Valid once accepted.
    [[nodiscard]] import::PersonResolution resolution() const;

private:
    std::string m_personId;
    QRadioButton* m_keepApart = nullptr;
    QRadioButton* m_skip = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace techo::ui
