#include "rate_limiter.h"

#include <algorithm>

namespace attune::host {

RateLimiter::RateLimiter(Rate rate, std::size_t max_keys) : rate_(rate), max_keys_(max_keys) {}

double RateLimiter::refilled(const Bucket& bucket, Clock::time_point now) const {
    const double seconds =
        std::max(0.0, std::chrono::duration<double>(now - bucket.updated).count());
    return std::min(rate_.burst, bucket.tokens + seconds * rate_.per_second);
}

void RateLimiter::forget_full(Clock::time_point now) {
    for (auto it = buckets_.begin(); it != buckets_.end();) {
        it = refilled(it->second, now) >= rate_.burst ? buckets_.erase(it) : std::next(it);
    }
    if (buckets_.size() >= max_keys_) {
        buckets_.clear();
    }
}

bool RateLimiter::allow(const std::string& key, Clock::time_point now) {
    auto found = buckets_.find(key);
    if (found == buckets_.end()) {
        if (buckets_.size() >= max_keys_) {
            forget_full(now);
        }
        found = buckets_.emplace(key, Bucket{rate_.burst, now}).first;
    }
    Bucket& bucket = found->second;
    bucket.tokens = refilled(bucket, now);
    bucket.updated = now;
    if (bucket.tokens < 1) {
        return false;
    }
    bucket.tokens -= 1;
    return true;
}

} // namespace attune::host
