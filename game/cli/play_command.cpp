// attune play STORY [--choices 1,2,1] [--screenshot shot.png] [--size 1280x720] [--watch]
// [--author]
//                   [--screen library|play|map|intro|ending|settings] [--bench-frames N] [--stories
//                   DIR]:
// play a story in the game window, or script it for screenshots and benchmarks.

#include "commands.h"
#include "loading.h"
#include "options.h"

#ifdef ATTUNE_HAS_WINDOW
#include "scripted_run.h"
#endif

#include <iostream>

namespace attune::cli {

namespace {

struct PlayArgs {
    std::string story;
    std::vector<int> choices;
    std::string screenshot;
    std::string size = "1280x720";
    std::string screen;
    int bench_frames = 0;
    std::vector<std::string> stories;
    bool watch = false;
    bool author = false;
};

#ifdef ATTUNE_HAS_WINDOW
int run_play_command(const PlayArgs& args) {
    AppOptions options;
    const WindowSize size = *parse_window_size(args.size); // checked as the option was read
    options.width = size.width;
    options.height = size.height;
    if (!display_available()) {
        std::cerr << "attune play: no display found, so the window cannot open. Play in the "
                     "terminal with: attune text "
                  << args.story << "\n";
        return 1;
    }
    const auto params = load_params_or_explain();
    const auto story = load_story_or_explain(args.story);
    if (!params || !story) {
        return 1;
    }
    options.story_folders = args.stories;
    options.author = args.author;
    options.watch = args.watch ? args.story : "";
    ScriptedRun run{story, args.choices, args.screenshot, args.screen, args.bench_frames};
    return run_play(run, options, params);
}
#else
int run_play_command(const PlayArgs&) {
    std::cerr << "attune play: this build has no game window (ATTUNE_WINDOW is off). Play in "
                 "the terminal with `attune text`.\n";
    return 1;
}
#endif

} // namespace

void add_play_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<PlayArgs>();
    CLI::App* play = app.add_subcommand("play", "Play a story in the game window.");
    play->add_option("story", args->story, "Story file")->required();
    play->add_option("--choices", args->choices,
                     "Take these choices first, numbered as the menu shows them (struck-through "
                     "choices count), as in `attune text` and check's replay lines")
        ->delimiter(',');
    play->add_option("--screenshot", args->screenshot,
                     "Let animations settle, save a PNG of the window and exit");
    play->add_option("--size", args->size, "Window size, WIDTHxHEIGHT (default 1280x720)")
        ->check(window_size_check());
    play->add_option("--screen", args->screen,
                     "Screen to show: library, before, play, map, intro, ending, settings");
    play->add_option("--bench-frames", args->bench_frames,
                     "Play by itself for N frames, then print frame times and peak memory")
        ->check(CLI::PositiveNumber);
    play->add_flag("--watch", args->watch,
                   "Reload the story when its file changes, keeping your place; show any problems");
    play->add_flag("--author", args->author,
                   "Author mode: the story map (key M) can jump to any scene");
    play->add_option("--stories", args->stories, "Another folder of stories for the library");
    play->callback([args, &exit_code] { exit_code = run_play_command(*args); });
}

bool open_library_window(int& exit_code) {
#ifdef ATTUNE_HAS_WINDOW
    if (!display_available()) {
        return false;
    }
    const auto params = load_params_or_explain();
    exit_code = params ? run_library(AppOptions{}, params) : 1;
    return true;
#else
    (void)exit_code;
    return false;
#endif
}

} // namespace attune::cli
