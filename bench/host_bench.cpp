// Load bench for room voting: 200 simulated phones on loopback vote through 20 rounds,
// a fifth of them changing their vote and a few passing, each round read back once. Every
// round's tally must equal the votes the phones last sent (the bench fails otherwise),
// and each request's latency, from connect to the last byte, is reported as p50/p99.
// Not a test: it prints figures for docs/performance.md.
//
//   build/bench/attune_bench_host [PHONES] [ROUNDS] [SPREAD_MS]
//
// SPREAD_MS 0 (the default) has every phone send at the same instant, the worst case; a
// spread such as 1000 has each phone wait a random time up to that before voting, as
// people tap at different moments.
//
//   build/bench/attune_bench_host phones ADDRESS CODE [PHONES] [POLL_MS]
//
// Simulated phones for a room hosted by another process (`attune room STORY --vote
// --bench-frames N`, see docs/performance.md): PHONES (30) phones join the room at ADDRESS
// (http://127.0.0.1:PORT/) with CODE, each from its own loopback address as phones on a
// network have their own, then each reads its state every POLL_MS (1500, as the page does)
// and votes in every round it sees open, until the room goes away. They sleep between
// requests, and print their own CPU time so it can be set beside the game's.

#include "host.h"
#include "loopback.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <barrier>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <sys/resource.h>
#include <thread>
#include <vector>

namespace {

using namespace attune;
using Clock = std::chrono::steady_clock;

std::string request(const std::string& method, const std::string& path, const std::string& body,
                    const std::string& device) {
    std::string text = method + " " + path +
                       " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Device: " + device +
                       "\r\n";
    if (method == "POST") {
        text += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                "\r\n";
    }
    return text + "\r\n" + body;
}

struct Timed {
    int status = 0;
    std::string body;
    double ms = 0;
};

Timed send(int port, const std::string& bytes) {
    const auto began = Clock::now();
    const std::string response = test::round_trip(port, bytes);
    Timed timed;
    timed.ms = std::chrono::duration<double, std::milli>(Clock::now() - began).count();
    timed.status = test::status_of(response);
    const std::size_t start = response.find("\r\n\r\n");
    timed.body = start == std::string::npos ? "" : response.substr(start + 4);
    return timed;
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

double cpu_seconds(const rusage& usage) {
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct PhoneCounts {
    int requests = 0;
    int votes = 0;
    int refused = 0; ///< answered, but not 200 (a closed round, a rate limit)
};

// One phone as the page behaves: join, then read the state every poll, voting once in
// each open round it sees (one round in ten it changes its mind once, one vote in
// twenty is a pass). Returns when the room no longer answers.
PhoneCounts run_phone(int port, const std::string& code, const std::string& from, int poll_ms,
                      unsigned seed) {
    PhoneCounts counts;
    std::mt19937 random(seed);
    const auto ask = [&](const std::string& bytes) {
        const std::string response = test::round_trip(port, bytes, from.c_str());
        ++counts.requests;
        const int status = test::status_of(response);
        counts.refused += status != 200 && status != 0;
        const std::size_t start = response.find("\r\n\r\n");
        Timed answer;
        answer.status = status;
        answer.body = start == std::string::npos ? "" : response.substr(start + 4);
        return answer;
    };
    const Timed joined = ask(request("POST", "/api/join", R"({"code":")" + code + "\"}", ""));
    if (joined.status != 200) {
        return counts;
    }
    const std::string device = nlohmann::json::parse(joined.body)["device"].get<std::string>();
    std::map<int, int> changes_left; // per round seen open: votes still to send
    std::this_thread::sleep_for(
        std::chrono::milliseconds(random() % static_cast<unsigned>(poll_ms)));
    for (;;) {
        const Timed state = ask(request("GET", "/api/state", "", device));
        if (state.status == 0 || state.status == 401) {
            return counts; // the room closed
        }
        const nlohmann::json view = nlohmann::json::parse(state.body, nullptr, false);
        if (state.status == 200 && view.value("open", false)) {
            const int round = view.value("round", 0);
            if (!changes_left.count(round)) {
                changes_left[round] = random() % 10 == 0 ? 2 : 1;
            }
            std::vector<int> open_choices;
            for (std::size_t i = 0; i < view["choices"].size(); ++i) {
                if (view["choices"][i].value("open", false)) {
                    open_choices.push_back(static_cast<int>(i));
                }
            }
            if (changes_left[round] > 0 && !open_choices.empty()) {
                --changes_left[round];
                const std::string ballot =
                    random() % 20 == 0
                        ? R"({"round":)" + std::to_string(round) + R"(,"pass":true})"
                        : R"({"round":)" + std::to_string(round) + R"(,"choice":)" +
                              std::to_string(open_choices[random() % open_choices.size()]) + "}";
                ask(request("POST", "/api/vote", ballot, device));
                ++counts.votes;
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(poll_ms));
    }
}

int run_phones(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: attune_bench_host phones ADDRESS CODE [PHONES] [POLL_MS]\n");
        return 2;
    }
    const std::string address = argv[2];
    const std::string code = argv[3];
    const int phones = argc > 4 ? std::max(1, std::atoi(argv[4])) : 30;
    const int poll_ms = argc > 5 ? std::max(10, std::atoi(argv[5])) : 1500;
    const std::size_t colon = address.rfind(':');
    const int port = colon == std::string::npos ? 0 : std::atoi(address.c_str() + colon + 1);
    if (port <= 0 || address.find("127.0.0.1") == std::string::npos) {
        std::fprintf(stderr, "attune_bench_host phones: ADDRESS must be http://127.0.0.1:PORT/\n");
        return 2;
    }
    std::mutex mutex;
    PhoneCounts total;
    std::vector<std::thread> threads;
    for (int p = 0; p < phones; ++p) {
        threads.emplace_back([&, p] {
            const std::string from = "127.0.1." + std::to_string(10 + p % 240);
            const PhoneCounts mine =
                run_phone(port, code, from, poll_ms, static_cast<unsigned>(p) * 7919u + 1u);
            const std::lock_guard lock(mutex);
            total.requests += mine.requests;
            total.votes += mine.votes;
            total.refused += mine.refused;
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("phones: %d, reading every %d ms: %d requests, %d votes, %d refused; their CPU "
                "%.3f s\n",
                phones, poll_ms, total.requests, total.votes, total.refused, cpu_seconds(usage));
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::string(argv[1]) == "phones") {
        return run_phones(argc, argv);
    }
    const int phones = argc > 1 ? std::max(5, std::atoi(argv[1])) : 200;
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 20;
    const int spread_ms = argc > 3 ? std::max(0, std::atoi(argv[3])) : 0;

    host::HostOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    options.room.max_devices = phones;
    // On loopback every phone has the same address (on a real network each has its own),
    // and 20 rounds pass in seconds instead of half an hour, far faster than the per-phone
    // limits let a person vote: the bench measures the server and the tally, so it lifts
    // the rate limits (tests/host/api_test.cpp shows them working).
    const host::Rate unlimited{1e9, 1e9};
    options.limits.per_address = unlimited;
    options.limits.joins_per_address = unlimited;
    options.limits.votes_per_device = unlimited;
    options.limits.polls_per_device = unlimited;
    auto started = host::Host::start(options);
    if (!started) {
        std::fprintf(stderr, "host bench: %s\n", error_message(started.diagnostics).c_str());
        return 1;
    }
    host::Host& room_host = **started;
    host::Room& room = room_host.room();
    const int port = room_host.port();
    const host::Menu menu{
        "bench",
        {"A scene."},
        {{"a", "One", true, ""}, {"b", "Two", true, ""}, {"c", "Three", true, ""}}};

    std::mutex mutex;
    std::vector<double> latencies;
    std::vector<double> join_latencies; // the start, every phone at once: reported apart
    std::vector<int> last_vote(static_cast<std::size_t>(phones), -2);
    int failures = 0;
    std::map<int, int> failed_statuses;
    std::barrier opened(phones + 1);
    std::barrier voted(phones + 1);

    std::vector<std::thread> threads;
    for (int p = 0; p < phones; ++p) {
        threads.emplace_back([&, p] {
            std::mt19937 random(static_cast<unsigned>(p) * 7919u + 1u);
            std::vector<double> mine;
            double my_join = 0;
            int my_failures = 0;
            std::vector<int> my_statuses;
            const Timed joined =
                send(port, request("POST", "/api/join", R"({"code":")" + room.code() + "\"}", ""));
            mine.push_back(joined.ms);
            my_join = joined.ms;
            const std::string device =
                joined.status == 200
                    ? nlohmann::json::parse(joined.body)["device"].get<std::string>()
                    : "";
            my_failures += joined.status != 200;
            for (int r = 1; r <= rounds; ++r) {
                opened.arrive_and_wait();
                if (spread_ms > 0) {
                    std::this_thread::sleep_for(
                        std::chrono::milliseconds(random() % static_cast<unsigned>(spread_ms)));
                }
                const int votes = random() % 5 == 0 ? 2 : 1; // a fifth change their vote
                int vote = -2;
                for (int v = 0; v < votes; ++v) {
                    vote = random() % 20 == 0 ? -1 : static_cast<int>(random() % 3);
                    const std::string ballot =
                        vote == -1 ? R"({"round":)" + std::to_string(r) + R"(,"pass":true})"
                                   : R"({"round":)" + std::to_string(r) + R"(,"choice":)" +
                                         std::to_string(vote) + "}";
                    const Timed sent = send(port, request("POST", "/api/vote", ballot, device));
                    mine.push_back(sent.ms);
                    my_failures += sent.status != 200;
                    if (sent.status != 200) {
                        my_statuses.push_back(sent.status);
                    }
                }
                const Timed state = send(port, request("GET", "/api/state", "", device));
                mine.push_back(state.ms);
                my_failures += state.status != 200;
                if (state.status != 200) {
                    my_statuses.push_back(1000 + state.status);
                }
                {
                    const std::lock_guard lock(mutex);
                    last_vote[static_cast<std::size_t>(p)] = vote;
                }
                voted.arrive_and_wait();
            }
            const std::lock_guard lock(mutex);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
            join_latencies.push_back(my_join);
            failures += my_failures;
            for (const int status : my_statuses) {
                ++failed_statuses[status];
            }
        });
    }

    int lost = 0;
    const auto began = Clock::now();
    for (int r = 1; r <= rounds; ++r) {
        room.open_round(menu);
        opened.arrive_and_wait();
        voted.arrive_and_wait();
        room.close_round();
        std::vector<int> expected(3, 0);
        int passes = 0;
        for (const int vote : last_vote) {
            vote == -1 ? ++passes : ++expected[static_cast<std::size_t>(vote)];
        }
        const host::Tally tally = room.tally();
        if (tally.counts != expected || tally.passes != passes || tally.taking_part != phones) {
            ++lost;
            std::printf("round %d: the tally does not match the votes sent (%d %d %d pass %d, "
                        "taking part %d; sent %d %d %d pass %d)\n",
                        r, tally.counts.empty() ? -1 : tally.counts[0],
                        tally.counts.empty() ? -1 : tally.counts[1],
                        tally.counts.empty() ? -1 : tally.counts[2], tally.passes,
                        tally.taking_part, expected[0], expected[1], expected[2], passes);
        }
        room.confirm();
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - began).count();
    for (std::thread& thread : threads) {
        thread.join();
    }
    std::printf("host bench: %d phones, %d rounds, votes spread over %d ms, %zu requests in "
                "%.2f s (%.0f per second)\n",
                phones, rounds, spread_ms, latencies.size(), seconds,
                static_cast<double>(latencies.size()) / seconds);
    std::printf("latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", percentile(latencies, 0.5),
                percentile(latencies, 0.99), percentile(latencies, 1.0));
    // The joins (one per phone, all in the same instant) are 2% of the requests, enough to
    // be the whole p99 by themselves: shown on their own so a slow join is seen as one.
    std::printf("  of which the %zu joins: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                join_latencies.size(), percentile(join_latencies, 0.5),
                percentile(join_latencies, 0.99), percentile(join_latencies, 1.0));
    std::printf("failed requests: %d; rounds whose tally did not match: %d of %d\n", failures, lost,
                rounds);
    for (const auto& [status, count] : failed_statuses) {
        std::printf("  answered %d: %d\n", status, count);
    }
    return failures == 0 && lost == 0 ? 0 : 1;
}
