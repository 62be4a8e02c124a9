#include "core/util/Error.h"

namespace techo {

std::string_view errorCodeName(ErrorCode code) noexcept
{
    switch (code) {
    case ErrorCode::Internal:
        return "internal";
    case ErrorCode::Usage:
        return "usage";
    case ErrorCode::WrongPassphrase:
        return "wrong-passphrase";
    case ErrorCode::NotAVault:
        return "not-a-vault";
    case ErrorCode::Damaged:
        return "damaged";
    case ErrorCode::NewerFormat:
        return "newer-format";
    case ErrorCode::Io:
        return "io";
    case ErrorCode::AlreadyExists:
        return "already-exists";
    case ErrorCode::NotFound:
        return "not-found";
    case ErrorCode::Network:
        return "network";
    case ErrorCode::InvalidData:
        return "invalid-data";
    case ErrorCode::Cancelled:
        return "cancelled";
    case ErrorCode::InUse:
        return "in-use";
    }
    return "unknown";
}

} // namespace techo
