#include "core/net/Clock.h"

namespace techo::net {
namespace {

class SystemClock final : public Clock {
public:
    [[nodiscard]] std::chrono::steady_clock::time_point now() const override
    {
        return std::chrono::steady_clock::now();
    }
    [[nodiscard]] std::chrono::system_clock::time_point wallNow() const override
    {
        return std::chrono::system_clock::now();
    }
    [[nodiscard]] bool sleepFor(std::chrono::milliseconds duration, const CancelToken* cancel) override
    {
        return CancelToken::sleepFor(cancel, duration);
    }
};

} // namespace

std::shared_ptr<Clock> Clock::system()
{
    static const std::shared_ptr<Clock> instance = std::make_shared<SystemClock>();
    return instance;
}

} // namespace techo::net
