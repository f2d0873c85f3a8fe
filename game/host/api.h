#pragma once
// What the server answers: every request, from any client, goes through Api::handle,
// which takes and gives plain data, so it is tested and fuzzed without sockets (the
// HTTP library only carries bytes to and from it). docs/voting.md describes the API.

#include "rate_limiter.h"
#include "room.h"
#include "web_files.h"

#include <chrono>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace attune::host {

/// Rates and sizes. Per address counts every request from one network address; on a
/// school network that is one phone, so the bench (200 phones on one loopback address)
/// raises it.
struct ApiLimits {
    Rate per_address{200, 100};
    Rate joins_per_address{10, 10.0 / 60}; ///< join attempts, so codes cannot be guessed
    Rate votes_per_device{10, 2};
    Rate polls_per_device{20, 5};
    Rate pauses_per_device{3, 0.2};
    std::size_t max_body = 1024;    ///< bytes of a request body
    std::size_t max_path = 256;     ///< bytes of a path
    std::size_t max_tracked = 4096; ///< addresses and phones remembered by the rate limits
};

/// A request as the server read it. `path` is already percent-decoded, without the
/// query; `device` is the X-Device header.
struct ApiRequest {
    std::string method;
    std::string path;
    std::string device;
    std::string body;
    std::string address; ///< the peer's address, used only for rate limits, never kept
};

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct ApiResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    HeaderList headers; ///< besides security_headers(), which every response carries
};

/// Sent with every response, errors included: nothing cached, nothing loaded from
/// anywhere but the room itself, nothing framed.
const HeaderList& security_headers();

class Api {
public:
    using Clock = std::chrono::steady_clock;

    Api(Room& room, WebFiles files, ApiLimits limits = {});

    /// Safe from any number of threads at once; never throws.
    ApiResponse handle(const ApiRequest& request, Clock::time_point now);
    ApiResponse handle(const ApiRequest& request) { return handle(request, Clock::now()); }

    const ApiLimits& limits() const { return limits_; }

private:
    Room& room_;
    WebFiles files_;
    ApiLimits limits_;
    std::mutex limits_mutex_;
    RateLimiter per_address_;
    RateLimiter joins_;
    RateLimiter votes_;
    RateLimiter polls_;
    RateLimiter pauses_;

    bool allow(RateLimiter& limiter, const std::string& key, Clock::time_point now);
    ApiResponse route(const ApiRequest& request, Clock::time_point now);
    ApiResponse join(const ApiRequest& request, Clock::time_point now);
    ApiResponse state(const ApiRequest& request, Clock::time_point now);
    ApiResponse vote(const ApiRequest& request, Clock::time_point now);
    ApiResponse pause(const ApiRequest& request, Clock::time_point now);
};

} // namespace attune::host
