// attune room [STORY] [--size 1920x1080] [--facilitator-size 1280x800] [--single | --rehearsal]
//             [--choices 1,2] [--show MOMENT] [--screenshot P.png] [--facilitator-shot F.png]
//             [--bench-frames N] [--stories DIR] [--vote] [--port N] [--address A]
//             [--min-votes N] [--cap N] [--print-join] [--auto-confirm N]:
// run a story for a group: the projector in the main window, the facilitator's notes and
// controls in a second one.

#include "commands.h"
#include "loading.h"
#include "options.h"

#ifdef ATTUNE_HAS_WINDOW
#include "host_voting.h"
#include "room_run.h"
#endif

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
    bool vote = false;
    int port = -1;       ///< -1: the settings' port
    std::string address; ///< empty: the settings' address
    int min_votes = 5;
    int cap = 60;
    bool print_join = false;
    int auto_confirm = 0;
};

#ifdef ATTUNE_HAS_WINDOW
int run_room_command(const RoomArgs& args) {
    RoomOptions options;
    // Both sizes were checked as the options were read.
    const WindowSize projector = *parse_window_size(args.size);
    const WindowSize facilitator = *parse_window_size(args.facilitator_size);
    options.app.width = projector.width;
    options.app.height = projector.height;
    options.facilitator_width = facilitator.width;
    options.facilitator_height = facilitator.height;
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
    host::HostOptions host;
    if (args.port >= 0) {
        run.port = args.port;
    }
    if (!args.address.empty()) {
        run.address = args.address;
    }
    host.room.min_votes = args.min_votes;
    host.room.max_devices = args.cap;
    run.voting = std::make_unique<HostVoting>(host);
    run.vote = args.vote;
    run.print_join = args.print_join;
    run.auto_confirm = args.auto_confirm;
    return run_room(std::move(run), options, params);
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
    room->add_option("--size", args->size, "Projector window size (default 1920x1080)")
        ->check(window_size_check());
    room->add_option("--facilitator-size", args->facilitator_size,
                     "Facilitator window size (default 1280x800)")
        ->check(window_size_check());
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
    room->add_flag("--vote", args->vote,
                   "Let the room vote from phones at once (else the facilitator's V key)");
    room->add_option("--port", args->port,
                     "The port phones connect to (default: the settings', 8080; 0: any)")
        ->check(CLI::Range(0, 65535));
    room->add_option(
        "--address", args->address,
        "The address shown to phones and listened on (default: the settings', else the "
        "Wi-Fi's)");
    room->add_option("--min-votes", args->min_votes,
                     "No count is shown below this many votes (default 5, never under 3)");
    room->add_option("--cap", args->cap, "How many phones may join (default 60)")
        ->check(CLI::Range(1, 500));
    room->add_flag("--print-join", args->print_join,
                   "Print the join address and room code (and each round's news) on stdout");
    room->add_option("--auto-confirm", args->auto_confirm,
                     "Tests: run by itself, taking the most votes once N phones took part; "
                     "save the debrief at the end")
        ->check(CLI::PositiveNumber);
    room->callback([args, &exit_code] { exit_code = run_room_command(*args); });
}

} // namespace attune::cli
