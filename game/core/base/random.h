#pragma once
// A small deterministic random source. std::uniform_*_distribution differs between
// standard libraries, so the same seed could give different stories on different
// machines; this one is defined bit for bit and its whole state is one number,
// which makes it trivial to save and rewind.

#include <cstdint>

namespace attune {

/// SplitMix64: fast, well mixed, and its state is a single integer.
struct Random {
    std::uint64_t state = 0;

    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    /// Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    /// Uniform integer in [0, bound); bound must be positive.
    int below(int bound) { return static_cast<int>(unit() * bound); }

    bool operator==(const Random&) const = default;
};

} // namespace attune
