#pragma once

// A small deterministic PRNG (xoshiro256**, seeded with splitmix64). The standard <random>
// distributions are not used on purpose: their output differs between library versions, and the
// sandbox promises byte-identical data for the same --seed on every build.

#include <cstdint>
#include <string>
#include <vector>

namespace techo::sandbox {

inline std::uint64_t splitmix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
}

// FNV-1a (64-bit) of a string: a stable, platform-independent hash for deterministic choices and
// opaque identifiers.
inline std::uint64_t fnv1a(const std::string& text)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

class Rng {
public:
    explicit Rng(std::uint64_t seed)
    {
        for (auto& word : m_state)
            word = splitmix64(seed);
    }
    // A stream derived from a parent seed and any number of labels (person index, record kind…).
    static Rng derive(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0)
    {
        std::uint64_t state = seed ^ 0xA0761D6478BD642FULL;
        std::uint64_t mixed = splitmix64(state) ^ (a * 0xE7037ED1A0B428DBULL);
        state = mixed;
        mixed = splitmix64(state) ^ (b * 0x8EBC6AF09C88C6E3ULL);
        return Rng(mixed);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17U;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }
    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11U) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [lo, hi] (inclusive).
    int range(int lo, int hi)
    {
        const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo + 1);
        return lo + static_cast<int>(next() % span);
    }
    bool chance(double p) { return uniform() < p; }
    // Approximately standard normal (Irwin–Hall, 12 uniforms): pure arithmetic, so identical everywhere.
    double normal()
    {
        double sum = 0;
        for (int i = 0; i < 12; ++i)
            sum += uniform();
        return sum - 6.0;
    }
    double normal(double mean, double sd) { return mean + sd * normal(); }
    template <typename T> const T& pick(const std::vector<T>& items)
    {
        return items[static_cast<std::size_t>(range(0, static_cast<int>(items.size()) - 1))];
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_state[4] {};
};

} // namespace techo::sandbox
