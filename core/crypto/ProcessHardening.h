#pragma once

namespace techo::crypto {

// Called first thing in every executable: no core dumps (they would hold keys and health data)
// and no ptrace attach from other processes of the same user.
void hardenProcess() noexcept;

} // namespace techo::crypto
