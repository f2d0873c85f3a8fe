// attune room [STORY] [--size 1920x1080] [--facilitator-size 1280x800] [--single | --rehearsal]
//             [--choices 1,2] [--show MOMENT] [--screenshot P.png] [--facilitator-shot F.png]
//             [--bench-frames N] [--stories DIR]:
// run a story for a group: the projector in the main window, the facilitator's notes and
// controls in a second one.

#include "commands.h"
#include "loading.h"

#ifdef ATTUNE_HAS_WINDOW
#include "room_run.h"
#endif

#include <cstdio>
#include <iostream>

namespace attune::cli {

namespace {

struct RoomArgs {
    std::string story;
    std::vector<int> choices;
    std::string size = "1920x1080";
    std::string facilitator_size = "1280x800";
    bool single = false;
    bool rehearsal = false;
    std::string show;
    std::string screenshot;
    std::string facilitator_shot;
    int bench_frames = 0;
    std::vector<std::string> stories;
};

#ifdef ATTUNE_HAS_WINDOW
bool parse_size(const std::string& text, unsigned& width, unsigned& height) {
    char extra = 0;
    return std::sscanf(text.c_str(), "%ux%u%c", &width, &height, &extra) == 2 && width >= 320 &&
           height >= 240 && width <= 7680 && height <= 4320;
}

int run_room_command(const RoomArgs& args) {
    RoomOptions options;
    if (!parse_size(args.size, options.app.width, options.app.height) ||
        !parse_size(args.facilitator_size, options.facilitator_width, options.facilitator_height)) {
        std::cerr << "attune room: sizes are WIDTHxHEIGHT, e.g. 1920x1080.\n";
        return 2;
    }
    if (!display_available()) {
        std::cerr << "attune room: no display found, so the windows cannot open.\n";
        return 1;
    }
    const auto params = load_params_or_explain();
    if (!params) {
        return 1;
    }
    RoomRun run;
    if (!args.story.empty()) {
        run.story = load_story_or_explain(args.story);
        if (!run.story) {
            return 1;
        }
    }
    options.app.story_folders = args.stories;
    options.displays = args.rehearsal ? RoomDisplays::Rehearsal
                       : args.single  ? RoomDisplays::One
                                      : RoomDisplays::Two;
    run.choices = args.choices;
    run.show = args.show;
    run.projector_png = args.screenshot;
    run.facilitator_png = args.facilitator_shot;
    run.bench_frames = args.bench_frames;
    return run_room(run, options, params);
}
#else
int run_room_command(const RoomArgs&) {
    std::cerr << "attune room: this build has no game window (ATTUNE_WINDOW is off).\n";
    return 1;
}
#endif

} // namespace

void add_room_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<RoomArgs>();
    CLI::App* room = app.add_subcommand(
        "room", "Run a story for a group: a projector window and a facilitator's window.");
    room->add_option("story", args->story,
                     "Story file (else choose one in the facilitator's window)");
    room->add_option("--size", args->size, "Projector window size (default 1920x1080)");
    room->add_option("--facilitator-size", args->facilitator_size,
                     "Facilitator window size (default 1280x800)");
    room->add_flag("--single", args->single,
                   "One display: F2 switches between the projector and the facilitator's view");
    room->add_flag("--rehearsal", args->rehearsal, "Both windows side by side, to prepare");
    room->add_option("--choices", args->choices,
                     "The room's choices first (1-based among the choices that can be taken)")
        ->delimiter(',');
    room->add_option(
        "--show", args->show,
        "A moment to show: headsup, play, choices, discussion, stepout, whatif, ended");
    room->add_option("--screenshot", args->screenshot,
                     "Save a PNG of the projector (and see --facilitator-shot), then exit");
    room->add_option("--facilitator-shot", args->facilitator_shot,
                     "Save a PNG of the facilitator's window, then exit");
    room->add_option("--bench-frames", args->bench_frames,
                     "Run by itself for N frames with both windows, then print frame times")
        ->check(CLI::PositiveNumber);
    room->add_option("--stories", args->stories, "Another folder of stories");
    room->callback([args, &exit_code] { exit_code = run_room_command(*args); });
}

} // namespace attune::cli
