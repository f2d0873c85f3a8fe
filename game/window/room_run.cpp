#include "room_run.h"

#include <SFML/System/Clock.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <sys/resource.h>
#include <thread>
#include <time.h>
#include <unistd.h>

namespace attune {

namespace {

// Takes the room's choices as a facilitator would: each scene read, then the choices up.
bool take_choices(Room& room, const std::vector<int>& choices) {
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (!room.choose_nth(choices[i])) {
            std::cerr << "attune room: choice " << i + 1 << " (" << choices[i]
                      << ") cannot be taken here.\n";
            return false;
        }
    }
    return true;
}

int first_sendable_prompt(const Room& room) {
    const std::vector<RoomPrompt> prompts = room.prompts();
    for (std::size_t i = 0; i < prompts.size(); ++i) {
        if (!prompts[i].personal) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

bool show_moment(Room& room, const std::string& show) {
    if (show == "headsup") {
        return true; // still preparing
    }
    if (show.empty() || show == "play") {
        return true;
    }
    if (show == "choices") {
        while (room.phase() == RoomPhase::Reading || room.phase() == RoomPhase::Discussing) {
            const RoomPhase before = room.phase();
            const int page = room.page();
            room.next();
            if (room.phase() == before && room.page() == page) {
                break;
            }
        }
        return true;
    }
    if (show == "discussion") {
        room.toggle_discussion();
        const int prompt = first_sendable_prompt(room);
        if (prompt >= 0) {
            room.show_prompt(prompt, true);
        }
        return true;
    }
    if (show == "stepout") {
        room.step_out();
        return true;
    }
    if (show == "ended") {
        room.end_story();
        return true;
    }
    if (show == "whatif") {
        const std::size_t taken = room.game().session()->history().size();
        if (taken == 0) {
            std::cerr << "attune room: a \"what if\" needs at least one choice (--choices).\n";
            return false;
        }
        // The other choice at the room's first choice, played on for as many choices as
        // the room made, then both side by side.
        const auto others = room.alternatives(0);
        if (others.empty() || !room.start_what_if(0, others.front().index)) {
            std::cerr << "attune room: there was no other choice at the first choice.\n";
            return false;
        }
        for (std::size_t i = 1; i < taken && !room.shown().is_finished(); ++i) {
            room.choose_nth(1);
        }
        return room.compare();
    }
    std::cerr << "attune room: unknown moment '" << show
              << "' (headsup, play, choices, discussion, stepout, whatif or ended).\n";
    return false;
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<std::size_t>(p / 100 * values.size()))];
}

// For the bench: the hosting calls the room makes from the render thread (a poll each
// frame, a round opened or cleared), each timed, so that what hosting adds to a frame is
// measured on its own, apart from everything else the frame does.
class TimedVoting : public RoomVoting {
public:
    explicit TimedVoting(std::unique_ptr<RoomVoting> voting) : voting_(std::move(voting)) {}

    /// Milliseconds spent in the host since the last call.
    double take_ms() { return std::exchange(spent_ms_, 0.0); }

    Result<VoteJoin> start(int port, const std::string& address) override {
        return voting_->start(port, address);
    }
    void stop() override { voting_->stop(); }
    VoteState poll() override {
        const Stopwatch timing(spent_ms_);
        return voting_->poll();
    }
    void open_round(const Session& session) override {
        const Stopwatch timing(spent_ms_);
        voting_->open_round(session);
    }
    void close_round() override {
        const Stopwatch timing(spent_ms_);
        voting_->close_round();
    }
    void clear_round() override {
        const Stopwatch timing(spent_ms_);
        voting_->clear_round();
    }
    bool reveal() override {
        const Stopwatch timing(spent_ms_);
        return voting_->reveal();
    }
    VoteDecision confirm(const Session& session, std::optional<int> position,
                         const std::string& reason) override {
        const Stopwatch timing(spent_ms_);
        return voting_->confirm(session, position, reason);
    }
    void set_paused(bool paused) override {
        const Stopwatch timing(spent_ms_);
        voting_->set_paused(paused);
    }
    void set_locked(bool locked) override { voting_->set_locked(locked); }
    void set_max_devices(int devices) override { voting_->set_max_devices(devices); }
    bool remove_phone(int phone) override { return voting_->remove_phone(phone); }

private:
    /// Adds the time from its making to its end to `total`.
    class Stopwatch {
    public:
        explicit Stopwatch(double& total) : total_(total) {}
        ~Stopwatch() {
            total_ +=
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began_)
                    .count();
        }

    private:
        double& total_;
        std::chrono::steady_clock::time_point began_ = std::chrono::steady_clock::now();
    };

    std::unique_ptr<RoomVoting> voting_;
    double spent_ms_ = 0;
};

double process_cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1000 + static_cast<double>(now.tv_nsec) / 1e6;
}

/// CPU time and involuntary switches (the scheduler took the CPU away) of one group of
/// this process's threads.
struct ThreadCpu {
    double seconds = 0;
    long preempted = 0;
};

// This process's threads' CPU so far, by kind: the render thread (the main one), Mesa's
// software renderer ("llvmpipe-N"), the room's server ("attune-room", see server.cpp) and
// the rest. Read from /proc (schedstat: nanoseconds on a CPU), per thread id.
std::map<std::string, std::map<int, ThreadCpu>> thread_cpu() {
    std::map<std::string, std::map<int, ThreadCpu>> kinds;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/task", error)) {
        const int tid = std::atoi(entry.path().filename().c_str());
        std::string name;
        std::ifstream(entry.path() / "comm") >> name;
        const std::string kind = tid == getpid()                  ? "render thread"
                                 : name.rfind("llvmpipe", 0) == 0 ? "Mesa's threads"
                                 : name == "attune-room"          ? "room server"
                                                                  : "other";
        ThreadCpu cpu;
        long long nanoseconds = 0;
        std::ifstream(entry.path() / "schedstat") >> nanoseconds;
        cpu.seconds = static_cast<double>(nanoseconds) / 1e9;
        std::ifstream status(entry.path() / "status");
        for (std::string line; std::getline(status, line);) {
            if (line.rfind("nonvoluntary_ctxt_switches:", 0) == 0) {
                cpu.preempted = std::atol(line.c_str() + line.find(':') + 1);
            }
        }
        kinds[kind][tid] = cpu;
    }
    return kinds;
}

void print_thread_cpu(const std::map<std::string, std::map<int, ThreadCpu>>& before,
                      double wall_seconds) {
    std::printf("CPU during the frames (%.2f s of wall time):", wall_seconds);
    for (const auto& [kind, threads] : thread_cpu()) {
        ThreadCpu spent;
        for (const auto& [tid, now] : threads) {
            ThreadCpu then;
            if (const auto found = before.find(kind); found != before.end()) {
                if (const auto old = found->second.find(tid); old != found->second.end()) {
                    then = old->second;
                }
            }
            spent.seconds += now.seconds - then.seconds;
            spent.preempted += now.preempted - then.preempted;
        }
        std::printf(" %s %.3f s (%zu threads, preempted %ld times);", kind.c_str(), spent.seconds,
                    threads.size(), spent.preempted);
    }
    std::printf("\n");
}

// The room plays by itself: every 20 frames the facilitator continues or the room takes
// its first choice; at the end it goes back to the start. Both windows draw every frame.
// With `voting` (the room hosts), the time each frame spent in the host is reported too.
int bench(RoomApp& app, int frames, TimedVoting* voting) {
    Room& room = app.room();
    std::vector<double> times;
    std::vector<double> cpu_times; // every thread's, the room's server included
    std::vector<double> host_times;
    double load[3] = {};
    getloadavg(load, 3);
    const auto cpu_before = thread_cpu();
    const auto began = std::chrono::steady_clock::now();
    sf::Clock clock;
    for (int frame = 0; frame < frames; ++frame) {
        if (frame % 20 == 19) {
            if (room.shown().is_finished()) {
                room.rewind_to(0);
            } else if (room.phase() == RoomPhase::Choosing) {
                room.choose_nth(1);
            } else {
                room.next();
            }
        }
        const float seconds = clock.restart().asSeconds();
        const double cpu_began = process_cpu_ms();
        app.draw_frame(frame == 0 ? 1 / 60.0f : seconds);
        app.present();
        times.push_back(clock.getElapsedTime().asSeconds() * 1000);
        cpu_times.push_back(process_cpu_ms() - cpu_began);
        if (voting != nullptr) {
            host_times.push_back(voting->take_ms());
        }
    }
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("frames: %d, projector %ux%u and the facilitator's window\n"
                "frame time (both windows): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n"
                "peak memory: %.1f MB\n",
                frames, app.projector_size().x, app.projector_size().y, percentile(times, 50),
                percentile(times, 95), percentile(times, 99), usage.ru_maxrss / 1024.0);
    // On a shared machine the wall time depends on what else runs; the CPU a frame takes
    // (all of this process's threads while it is drawn) does not, and shows what hosting adds.
    std::printf("CPU per frame (all threads): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n",
                percentile(cpu_times, 50), percentile(cpu_times, 95), percentile(cpu_times, 99));
    if (voting != nullptr) {
        std::printf("of which in the host (poll, rounds): p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
                    percentile(host_times, 50), percentile(host_times, 99),
                    percentile(host_times, 100));
    }
    print_thread_cpu(cpu_before, wall);
    double load_after[3] = {};
    getloadavg(load_after, 3);
    std::printf("load average (1 min): %.2f before, %.2f after\n", load[0], load_after[0]);
    return 0;
}

void print_log(RoomVote& vote) {
    for (const std::string& line : vote.take_log()) {
        std::cout << line << "\n";
    }
    std::cout.flush();
}

// Lines typed on stdin, read on their own thread so the frame loop never waits for them.
class StdinLines {
public:
    StdinLines() {
        std::thread([this] {
            std::string line;
            while (std::getline(std::cin, line)) {
                const std::lock_guard<std::mutex> lock(mutex_);
                lines_.push_back(line);
            }
        }).detach(); // blocked in a read until the process ends
    }
    std::optional<std::string> take() {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (lines_.empty()) {
            return std::nullopt;
        }
        std::string line = std::move(lines_.front());
        lines_.pop_front();
        return line;
    }

private:
    std::mutex mutex_;
    std::deque<std::string> lines_;
};

// The room runs itself for tests: once `phones` joined, through the text, each round decided by its
// most votes once `phones` took part (a tie or too few: the first open choice, as a facilitator's
// call), the room's pause and resume from stdin, and at the end the debrief page.
int auto_room(RoomApp& app, int phones) {
    static StdinLines* input = new StdinLines(); // lives as long as its reading thread
    Room& room = app.room();
    sf::Clock clock;
    for (;;) {
        app.poll_events();
        if (app.game().nav().quit) {
            return 0;
        }
        while (const std::optional<std::string> line = input->take()) {
            if (*line == "step out") {
                room.step_out();
                std::cout << "stepped out" << std::endl;
            } else if (*line == "step in") {
                room.step_back_in();
                std::cout << "back in" << std::endl;
            } else if (*line == "quit") {
                return 0;
            }
        }
        app.draw_frame(clock.restart().asSeconds());
        app.present();
        print_log(room.vote());
        if (room.stepped_out()) {
            continue;
        }
        const Session& session = room.shown();
        if (session.is_finished()) {
            const std::optional<std::filesystem::path> saved = app.game().save_debrief();
            if (!saved) {
                std::cerr << "attune room: the debrief page could not be saved\n";
                return 1;
            }
            std::cout << "debrief: " << saved->string() << std::endl;
            return 0;
        }
        const VoteState& state = room.vote().state();
        if (state.phones < phones) {
            continue; // the story waits for the room to join
        }
        if (room.phase() != RoomPhase::Choosing) {
            room.next();
            continue;
        }
        if (!state.has_round || !state.enough || state.taking_part < phones) {
            continue;
        }
        RoomVote& vote = room.vote();
        VoteDecision decision = vote.decide(room, std::nullopt, {});
        if (!decision.ok) {
            std::cout << "facilitator's call: " << decision.problem << std::endl;
            int first_open = 0;
            for (const ChoiceView& choice : session.choices()) {
                if (choice.enabled) {
                    break;
                }
                ++first_open;
            }
            decision = vote.decide(room, first_open, "a tie");
        }
        if (!decision.ok) {
            std::cerr << "attune room: " << decision.problem << "\n";
            return 1;
        }
        print_log(vote);
    }
}

} // namespace

int run_room(RoomRun run, const RoomOptions& options, std::shared_ptr<const model::Params> params) {
    RoomApp app(options, std::move(params));
    if (!app.ready()) {
        std::cerr << "attune room: " << app.error() << "\n";
        return 1;
    }
    Room& room = app.room();
    TimedVoting* timed = nullptr;
    if (run.voting && run.bench_frames > 0) {
        auto wrapped = std::make_unique<TimedVoting>(std::move(run.voting));
        timed = wrapped.get();
        run.voting = std::move(wrapped);
    }
    if (run.voting) {
        room.vote().set_voting(std::move(run.voting));
    }
    room.vote().keep_log = run.auto_confirm > 0;
    room.vote().port_given = run.port;
    room.vote().address_given = run.address;
    if (run.vote || run.auto_confirm > 0) {
        if (!room.vote().start(app.game().settings())) {
            std::cerr << "attune room: " << room.vote().error() << "\n";
            return 1;
        }
        if (run.print_join) {
            std::cout << "join address: " << room.vote().join()->address_url << "\n"
                      << "room code: " << room.vote().join()->code << std::endl;
        }
    }
    if (run.story) {
        room.prepare(run.story);
        const bool scripted = run.bench_frames > 0 || !run.choices.empty() ||
                              run.auto_confirm > 0 || (!run.show.empty() && run.show != "headsup");
        if (scripted) {
            room.begin();
        }
    }
    if (run.bench_frames > 0) {
        return run.story ? bench(app, run.bench_frames, room.vote().hosting() ? timed : nullptr)
                         : 1;
    }
    if (run.auto_confirm > 0) {
        return run.story ? auto_room(app, run.auto_confirm) : 1;
    }
    if (!take_choices(room, run.choices) || !show_moment(room, run.show)) {
        return 1;
    }
    if (!run.projector_png.empty() || !run.facilitator_png.empty()) {
        if (!app.screenshot(run.projector_png, run.facilitator_png)) {
            std::cerr << "attune room: could not write the screenshots\n";
            return 1;
        }
        return 0;
    }
    return app.run();
}

} // namespace attune
