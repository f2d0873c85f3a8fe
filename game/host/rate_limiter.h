#pragma once
// Token buckets by key (a phone's token or an address): a burst, then a steady rate.
// Memory is bounded: past `max_keys` the buckets that are full again are forgotten, and
// if that is not enough, all of them (a forgotten bucket starts full, which only errs
// on the side of letting a phone vote).

#include <chrono>
#include <cstddef>
#include <string>
#include <unordered_map>

namespace attune::host {

/// `burst` requests at once, then `per_second`.
struct Rate {
    double burst = 10;
    double per_second = 1;
};

/// Not thread-safe: its owner (Api) locks.
class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    explicit RateLimiter(Rate rate, std::size_t max_keys = 4096);

    /// Takes one request from `key`'s bucket; false when it is empty.
    bool allow(const std::string& key, Clock::time_point now);

private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point updated;
    };

    Rate rate_;
    std::size_t max_keys_;
    std::unordered_map<std::string, Bucket> buckets_;

    double refilled(const Bucket& bucket, Clock::time_point now) const;
    void forget_full(Clock::time_point now);
};

} // namespace attune::host
