#include "ui/ErrorText.h"

namespace techo::ui {

QString describeError(const Error& error)
{
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
    case ErrorCode::Io:
        return ErrorText::tr("The file could not be read or written (%1).").arg(QString::fromStdString(error.message));
    case ErrorCode::InUse:
        return ErrorText::tr("Another Techo program is using this vault (for example changing its passphrase). "
                             "Try again when it has finished.");
    default:
        return QString::fromStdString(error.message);
    }
}

} // namespace techo::ui
