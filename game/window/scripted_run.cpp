#include "scripted_run.h"

#include "room_run.h"

#include <SFML/System/Clock.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sys/resource.h>
#include <unistd.h>

namespace attune {

namespace {

bool take_choices(Game& game, const std::vector<int>& choices) {
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (!game.choose_number(choices[i])) {
            std::cerr << "attune play: choice " << i + 1 << " (" << choices[i]
                      << ") cannot be taken here.\n";
            return false;
        }
    }
    return true;
}

bool show_screen(Game& game, const std::string& screen) {
    if (screen.empty() || screen == "play") {
        return true;
    }
    if (screen == "library") {
        game.to_library();
    } else if (screen == "settings") {
        game.open_settings();
    } else if (screen == "map") {
        game.show_map(true);
    } else if (screen == "intro") {
        game.open_intro();
    } else if (screen == "before") {
        game.offer_story(game.session()->shared_story());
    } else if (screen == "ending") {
        if (!game.session()->is_finished()) {
            std::cerr << "attune play: the story has not ended after these choices, so there is "
                         "no ending screen to show.\n";
            return false;
        }
    } else {
        std::cerr << "attune play: unknown screen '" << screen
                  << "' (library, before, play, map, intro, ending or settings).\n";
        return false;
    }
    return true;
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const std::size_t index =
        std::min(values.size() - 1, static_cast<std::size_t>(p / 100 * values.size()));
    return values[index];
}

double resident_mb() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0;
    long resident = 0;
    statm >> pages >> resident;
    return static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE)) / 1048576;
}

// Plays on its own: a scripted choice every 20 frames, back to the start at the end.
// Reports each tenth of the run too, so a long run shows whether memory or frame time
// drift between its start and its end.
int bench(App& app, const std::vector<int>& choices, int frames) {
    std::vector<double> times;
    sf::Clock clock;
    std::size_t next = 0;
    const int tenth = std::max(1, frames / 10);
    for (int frame = 0; frame < frames; ++frame) {
        if (frame % 20 == 19) {
            Game& game = app.game();
            if (game.session()->is_finished()) {
                game.rewind_to(0);
                next = 0;
            } else if (next < choices.size() && game.choose_number(choices[next])) {
                ++next;
            } else {
                game.choose_first_open();
            }
        }
        const float seconds = clock.restart().asSeconds();
        app.draw_frame(frame == 0 ? 1 / 60.0f : seconds);
        app.present();
        times.push_back(clock.getElapsedTime().asSeconds() * 1000);
        if ((frame + 1) % tenth == 0) {
            const std::vector<double> part(times.end() - tenth, times.end());
            std::printf("frames %d-%d: p50 %.2f ms, p99 %.2f ms, memory now %.1f MB\n",
                        frame + 2 - tenth, frame + 1, percentile(part, 50), percentile(part, 99),
                        resident_mb());
            std::fflush(stdout); // a long run's progress shows as it goes, even in a log
        }
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("frames: %d at %ux%u\nframe time: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n"
                "peak memory: %.1f MB\n",
                frames, app.size().x, app.size().y, percentile(times, 50), percentile(times, 95),
                percentile(times, 99), usage.ru_maxrss / 1024.0);
    return 0;
}

} // namespace

int run_play(const ScriptedRun& run, const AppOptions& options,
             std::shared_ptr<const model::Params> params) {
    App app(options, std::move(params));
    if (!app.ready()) {
        std::cerr << "attune play: " << app.error() << "\n";
        return 1;
    }
    Game& game = app.game();
    game.start(run.story);
    if (run.bench_frames > 0) {
        return bench(app, run.choices, run.bench_frames);
    }
    if (!take_choices(game, run.choices) || !show_screen(game, run.screen)) {
        return 1;
    }
    if (!run.screenshot.empty()) {
        if (!app.screenshot(run.screenshot)) {
            std::cerr << "attune play: could not write " << run.screenshot << "\n";
            return 1;
        }
        return 0;
    }
    game.offer_intro();
    return app.run();
}

int run_library(const AppOptions& options, std::shared_ptr<const model::Params> params) {
    RoomRun room;
    {
        App app(options, params);
        if (!app.ready()) {
            std::cerr << "attune: " << app.error() << "\n";
            return 1;
        }
        app.game().offer_intro();
        const int status = app.run();
        room.story = app.game().nav().room_story;
        if (!room.story) {
            return status;
        }
    }
    // "With a room": the library's window has closed; the two windows open with the story
    // being prepared in the facilitator's.
    RoomOptions room_options;
    room_options.app = options;
    room_options.app.width = std::max(options.width, 1280u);
    room_options.app.height = std::max(options.height, 720u);
    return run_room(std::move(room), room_options, std::move(params));
}

} // namespace attune
