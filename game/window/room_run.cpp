#include "room_run.h"

#include <SFML/System/Clock.hpp>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <iostream>
#include <mutex>
#include <sys/resource.h>
#include <thread>

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

// The room plays by itself: every 20 frames the facilitator continues or the room takes
// its first choice; at the end it goes back to the start. Both windows draw every frame.
int bench(RoomApp& app, int frames) {
    Room& room = app.room();
    std::vector<double> times;
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
        app.draw_frame(frame == 0 ? 1 / 60.0f : seconds);
        app.present();
        times.push_back(clock.getElapsedTime().asSeconds() * 1000);
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("frames: %d, projector %ux%u and the facilitator's window\n"
                "frame time (both windows): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n"
                "peak memory: %.1f MB\n",
                frames, app.projector_size().x, app.projector_size().y, percentile(times, 50),
                percentile(times, 95), percentile(times, 99), usage.ru_maxrss / 1024.0);
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
        return run.story ? bench(app, run.bench_frames) : 1;
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
