#include "ui/ErrorText.h"

#include "core/clinical/ItemCatalog.h"
#include "ui/CheckupText.h"

namespace techo::ui {
namespace {

QString param(const Error& error, std::string_view name)
{
    return QString::fromStdString(error.param(name));
}

QString paramOf(const std::vector<std::pair<std::string, std::string>>& params, std::string_view name)
{
    for (const auto& [n, v] : params)
        if (n == name)
            return QString::fromStdString(v);
    return {};
}

// A field's element name as the person may look it up in the source's layout ("DiDate"); "?" when unnamed.
QString fieldName(const std::vector<std::pair<std::string, std::string>>& params)
{
    const QString field = paramOf(params, "field");
    return field.isEmpty() ? QStringLiteral("?") : field;
}

QString sexText(const QString& sex)
{
    if (sex == QLatin1String("male"))
        return ErrorText::tr("male");
    if (sex == QLatin1String("female"))
        return ErrorText::tr("female");
    if (sex == QLatin1String("other"))
        return ErrorText::tr("other");
    return ErrorText::tr("unknown");
}

// The generic sentence for an error whose key has no text of its own, by code; the code's name follows so that
// support can tell errors apart.
QString byCode(const Error& error)
{
    QString text;
    switch (error.code) {
    case ErrorCode::WrongPassphrase:
        return ErrorText::tr("The passphrase is not correct.");
    case ErrorCode::NotAVault:
        return ErrorText::tr("This file is not a Techo vault.");
    case ErrorCode::Damaged:
        return ErrorText::tr("The vault is damaged and cannot be opened safely.");
    case ErrorCode::NewerFormat:
        return ErrorText::tr("This vault was written by a newer version of Techo. Please update Techo.");
    case ErrorCode::NotFound:
        return ErrorText::tr("The vault file no longer exists.");
    case ErrorCode::AlreadyExists:
        return ErrorText::tr("A file already exists at this place. Techo never overwrites a file.");
    case ErrorCode::InUse:
        return ErrorText::tr("Another Techo program is using this vault (for example changing its passphrase). "
                             "Try again when it has finished.");
    case ErrorCode::Io:
        text = ErrorText::tr("A file could not be read or written (permissions, a full disk or a missing file).");
        break;
    case ErrorCode::Network:
        text = ErrorText::tr("Techo could not get the records from the service: the connection, its certificate "
                             "(check the CA file) or the service's answer failed. Nothing was changed.");
        break;
    case ErrorCode::InvalidData:
        text = ErrorText::tr("The data received is not in the expected form. Nothing was changed.");
        break;
    case ErrorCode::Cancelled:
        return ErrorText::tr("Cancelled. Nothing was changed.");
    case ErrorCode::Usage:
        text = ErrorText::tr("Techo was asked for something it cannot do with this input.");
        break;
    case ErrorCode::Internal:
        text = ErrorText::tr("An unexpected error occurred in Techo.");
        break;
    }
    return ErrorText::tr("%1 (%2)").arg(text,
        QString::fromUtf8(errorCodeName(error.code).data(), static_cast<qsizetype>(errorCodeName(error.code).size())));
}

} // namespace

QString describeError(const Error& error)
{
    const std::string& key = error.key;
    if (key == "vault.in_use")
        return ErrorText::tr("Another Techo program is using this vault (for example changing its passphrase). "
                             "Try again when it has finished.");
    if (key == "vault.passphrase_not_utf8")
        return ErrorText::tr("The passphrase contains characters that cannot be used.");
    if (key == "query.vault_locked")
        return ErrorText::tr("The vault is locked. Unlock it and try again.");
    if (key == "query.unknown_item")
        return ErrorText::tr("This checkup item is not known to Techo.");
    if (key == "import.cancelled")
        return ErrorText::tr("The import was cancelled. Nothing was changed.");
    if (key == "import.person_conflict")
        return ErrorText::tr("Person %1 is stored as %2 (%3, born %4), but the new records say %5 (%6, born %7). "
                             "Nothing was imported.")
            .arg(param(error, "personId"), param(error, "storedName"), sexText(param(error, "storedSex")),
                param(error, "storedBirthDate"), param(error, "incomingName"), sexText(param(error, "incomingSex")),
                param(error, "incomingBirthDate"));
    if (key == "import.no_person")
        return ErrorText::tr("The service gave access to no person's records. Nothing was imported.");
    if (key == "import.wrong_person")
        return ErrorText::tr("The service sent another person's records than the ones asked for. Nothing was "
                             "imported.");
    if (key == "import.cannot_read")
        return ErrorText::tr("The file %1 cannot be read.").arg(param(error, "path"));
    // Another kind of file than Techo imports (core/import/ImportJobs.cpp, recogniseOtherFile).
    if (key == "import.file_is_fhir")
        return ErrorText::tr("%1 is a FHIR file. Techo imports its own JSON export and Mynaportal-style responses, "
                             "not FHIR. Nothing was imported.")
            .arg(param(error, "name"));
    if (key == "import.file_is_csv")
        return ErrorText::tr("%1 is a CSV file. Techo cannot import CSV: import its JSON export or a "
                             "Mynaportal-style response instead. Nothing was imported.")
            .arg(param(error, "name"));
    if (key == "import.folder_is_csv")
        return ErrorText::tr("%1 is a folder of a Techo CSV export. Techo cannot import CSV: import its JSON export "
                             "instead. Nothing was imported.")
            .arg(param(error, "name"));
    if (key == "import.file_is_folder")
        return ErrorText::tr("%1 is a folder. Choose one file: a Techo JSON export or a Mynaportal-style response. "
                             "Nothing was imported.")
            .arg(param(error, "name"));
    if (key == "import.file_is_zip")
        return ErrorText::tr("%1 is a zip archive (a CSV export can be one). Techo imports its own JSON export and "
                             "Mynaportal-style responses, not zip or CSV. Nothing was imported.")
            .arg(param(error, "name"));
    if (key == "import.malformed_response") {
        const QString path = param(error, "path");
        const QString reason = describeRejectionReason(error.param("reason"), error.params);
        // Core names the place of every structural error; without one the text could not be read as JSON at all.
        return path.isEmpty() ? ErrorText::tr("The data is not valid JSON (it may have been cut off). Nothing was "
                                              "imported.")
                              : ErrorText::tr("The data received is not in the expected form at %1: %2 "
                                              "Nothing was imported.")
                                    .arg(path, reason);
    }
    if (key == "import.api_refused")
        return ErrorText::tr("The service refused the request (code %1). Nothing was imported.")
            .arg(param(error, "code"));
    if (key == "import.part_mismatch")
        return ErrorText::tr("The service sent another part of the records than the one asked for. Nothing was "
                             "imported.");
    if (key == "import.too_many_parts")
        return ErrorText::tr("The service announced more parts than Techo accepts. Nothing was imported.");
    if (key == "import.parts_changed")
        return ErrorText::tr("The service changed the number of parts while sending. Nothing was imported.");
    if (key == "net.access_declined")
        return ErrorText::tr("Access was declined in the browser. Nothing was imported.");
    if (key == "net.card_expired")
        return ErrorText::tr("The certificate of the My Number Card has expired. Renew it at your municipal "
                             "office, then try again.");
    if (key == "net.consent_ended")
        return ErrorText::tr("Techo's access to your health data has ended. Authorize Techo again, then import.");
    if (key == "net.authorization_timeout")
        return ErrorText::tr("The authorization in the browser was not completed in time. Try again.");
    // A Techo export read back through the import dialog (docs/export-format.md), or written by the export.
    if (key == "export.not_json")
        return ErrorText::tr("This file is not a Techo export (it is not JSON). Nothing was imported.");
    if (key == "export.bad_field")
        return ErrorText::tr("This Techo export cannot be imported: %1 is not as expected. Nothing was imported.")
            .arg(param(error, "path"));
    if (key == "export.newer_format")
        return ErrorText::tr("This export was written by a newer version of Techo (format %1). Please update Techo.")
            .arg(param(error, "version"));
    if (key == "export.no_such_profile")
        return ErrorText::tr("This person is no longer in the vault.");
    if (key == "export.bad_period")
        return ErrorText::tr("The start of the period is after its end.");
    if (key == "export.bad_path")
        return ErrorText::tr("This is not a file or folder name.");
    if (key == "export.target_exists")
        return ErrorText::tr("%1 already exists. An export never replaces a file.").arg(param(error, "path"));
    if (key == "export.name_too_long")
        return ErrorText::tr(
            "The file name %1 is too long for this disk (%2 bytes; at most %3). Choose a shorter name.")
            .arg(param(error, "name"), param(error, "bytes"), param(error, "max"));
    if (key == "export.cancelled")
        return ErrorText::tr("The export was cancelled. Nothing was written.");
    if (key == "export.zip_failed")
        return ErrorText::tr("The zip file could not be written (permissions or a full disk). Nothing was written.");
    if (key == "export.zip_not_csv")
        return ErrorText::tr("Only the CSV export can be saved as one zip file.");
    if (key == "export.summary_code_too_small")
        return ErrorText::tr("The summary's QR code cannot hold even the person and the dates.");
    if (key == "export.not_utf8")
        return ErrorText::tr("A record holds text that is not valid Unicode; it cannot be exported.");
    // The PDF summary for a doctor.
    if (key == "export.summary_needs_profile")
        return ErrorText::tr("A summary for a doctor is about one person: choose whose records it shows.");
    if (key == "export.summary_no_profile")
        return ErrorText::tr("The vault holds no records of a person yet: there is nothing to summarise.");
    if (key == "export.summary_empty")
        return ErrorText::tr("The summary would be empty: this person has no records of the chosen parts in this "
                             "period. Choose other parts or a longer period.");
    if (key == "export.bad_checkup_count")
        return ErrorText::tr("Between 1 and 5 checkups can be shown side by side.");
    if (key == "export.pdf_unavailable")
        return ErrorText::tr("This program cannot make PDF files (it was built without the desktop app).");
    if (key == "export.pdf_font_missing")
        return ErrorText::tr("The Japanese font for the PDF (Noto Sans CJK JP, package fonts-noto-cjk) is not "
                             "installed.");
    return byCode(error);
}

QString describeRejectionReason(
    const std::string& reasonKey, const std::vector<std::pair<std::string, std::string>>& params)
{
    const QString f = fieldName(params);
    const std::string& k = reasonKey;
    if (k == "missing")
        return ErrorText::tr("%1 is missing.").arg(f);
    if (k == "not_string")
        return ErrorText::tr("%1 must be text.").arg(f);
    if (k == "not_number")
        return ErrorText::tr("%1 is not a number.").arg(f);
    if (k == "not_whole_number")
        return ErrorText::tr("%1 is not a whole number.").arg(f);
    if (k == "not_positive")
        return ErrorText::tr("%1 must be greater than zero.").arg(f);
    if (k == "out_of_range")
        return ErrorText::tr("%1 is out of range.").arg(f);
    if (k == "not_boolean")
        return ErrorText::tr("%1 must be true or false.").arg(f);
    if (k == "not_array")
        return ErrorText::tr("%1 must be a list.").arg(f);
    if (k == "not_object")
        return ErrorText::tr("%1 must be a group of fields.").arg(f);
    if (k == "date_form")
        return ErrorText::tr("%1 is not a date in a known form.").arg(f);
    if (k == "date_invalid")
        return ErrorText::tr("%1 is not a real calendar date.").arg(f);
    if (k == "date_in_future")
        return ErrorText::tr("%1 is in the future.").arg(f);
    if (k == "date_before_birth")
        return ErrorText::tr("%1 is before the person's date of birth.").arg(f);
    if (k == "empty")
        return ErrorText::tr("%1 is empty.").arg(f);
    if (k == "item_code_form")
        return ErrorText::tr("%1 is not a 17-character checkup item code.").arg(f);
    if (k == "unknown_item")
        return ErrorText::tr("%1 is a checkup item code Techo does not know.").arg(f);
    if (k == "data_type")
        return ErrorText::tr("%1 must be PQ, CD, CO or ST.").arg(f);
    if (k == "data_type_mismatch")
        return ErrorText::tr("%1 does not match the kind of value this item has.").arg(f);
    if (k == "unit_not_allowed")
        return ErrorText::tr("%1 is not a unit this item can have.").arg(f);
    if (k == "value_impossible")
        return ErrorText::tr("%1 is outside the possible range for this item.").arg(f);
    if (k == "code_system_not_allowed")
        return ErrorText::tr("%1 names a code system this item does not use.").arg(f);
    if (k == "code_not_in_system")
        return ErrorText::tr("%1 is not a code of this item's code system.").arg(f);
    if (k == "range_flag")
        return ErrorText::tr("%1 must be H or L.").arg(f);
    if (k == "duplicate_item")
        return ErrorText::tr("%1 repeats an item of this checkup.").arg(f);
    if (k == "duplicate_line")
        return ErrorText::tr("%1 repeats a line of this dispensing.").arg(f);
    if (k == "dispensing_unit")
        return ErrorText::tr("%1 is not a unit a medicine is dispensed in.").arg(f);
    if (k == "yj_code_form")
        return ErrorText::tr("%1 is not a 12-character YJ code.").arg(f);
    if (k == "receipt_code_form")
        return ErrorText::tr("%1 is not a 9-digit receipt drug code.").arg(f);
    if (k == "institution_missing")
        return ErrorText::tr("The dispensing institution is missing (%1).").arg(f);
    if (k == "vaccine_code_system")
        return ErrorText::tr("%1 is not a known vaccine code system.").arg(f);
    if (k == "info_kind")
        return ErrorText::tr("%1 is not TKK, YZK or PMH_VAC.").arg(f);
    if (k == "info_kind_unexpected")
        return ErrorText::tr("%1 is not the kind of records that was asked for.").arg(f);
    if (k == "part_beyond_total")
        return ErrorText::tr("%1 is larger than the number of parts.").arg(f);
    if (k == "conflicting_duplicate")
        return ErrorText::tr("Two copies of this record give different values; neither was taken.");
    return ErrorText::tr("%1 was refused (%2).").arg(f, QString::fromStdString(reasonKey));
}

QString describeRejectedRecord(const domain::Rejection& rejection)
{
    const QString child = QString::fromStdString(rejection.childKey);
    const std::string& kind = rejection.recordKind;
    if (kind == "checkup")
        return ErrorText::tr("Checkup");
    if (kind == "observation") {
        if (child.isEmpty())
            return ErrorText::tr("Checkup result");
        // The item's official name, as the views title it; a code this build does not know stays a code.
        if (const auto variant = clinical::variantOf(rejection.childKey); variant && variant->item != nullptr)
            return ErrorText::tr("Checkup result %1").arg(CheckupText::itemName(*variant->item));
        return ErrorText::tr("Checkup result %1").arg(child);
    }
    if (kind == "dispensing")
        return ErrorText::tr("Dispensing");
    if (kind == "medication_line")
        return child.isEmpty() ? ErrorText::tr("Medicine line") : ErrorText::tr("Medicine line %1").arg(child);
    if (kind == "vaccination")
        return ErrorText::tr("Vaccination");
    return ErrorText::tr("Record");
}

} // namespace techo::ui
