#include "core/net/CancelToken.h"

#include <algorithm>
#include <thread>

namespace techo::net {

bool CancelToken::sleepFor(std::chrono::milliseconds duration) const
{
    return sleepFor(this, duration);
}

bool CancelToken::sleepFor(const CancelToken* token, std::chrono::milliseconds duration)
{
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + duration;
    while (true) {
        if (token != nullptr && token->isCancelled())
            return true;
        const auto left = deadline - Clock::now();
        if (left <= Clock::duration::zero())
            return false;
        std::this_thread::sleep_for(std::min<Clock::duration>(left, kPollSlice));
    }
}

} // namespace techo::net
