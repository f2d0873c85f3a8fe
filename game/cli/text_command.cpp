// attune text [STORY] [--trace] [--seed N]: play a story in the terminal.

#include "authoring/plot.h"
#include "base/atomic_file.h"
#include "commands.h"
#include "loading.h"
#include "text_player.h"

#include <algorithm>
#include <iostream>
#include <sstream>

namespace attune::cli {

namespace {

struct TextArgs {
    std::string story;
    bool trace = false;
    std::uint64_t seed = 0;
    bool seeded = false;
    std::string choices; ///< "1,3,2": played instead of stdin (check's "replay" lines give them)
    std::string plot;    ///< run.svg: a picture of the playthrough, written at the end
};

// The playthrough as a picture: each character's numbers over the choices taken.
int write_plot(const Session& session, const std::string& path, int status) {
    if (path.empty()) {
        return status;
    }
    if (const Result<> written = write_file_atomically(path, plot_svg(plot_of_session(session)));
        !written) {
        std::cerr << "attune text: " << error_message(written.diagnostics) << "\n";
        return 1;
    }
    std::cout << "\nWrote a picture of the " << session.history().size() << " choices to " << path
              << ".\n";
    return status;
}

int run_text(const TextArgs& args) {
    const auto params = load_params_or_explain();
    const auto story = load_story_or_explain(args.story);
    if (!params || !story) {
        return 1;
    }
    Session session(story, params, args.seeded ? args.seed : fresh_seed());
    if (args.choices.empty()) {
        return write_plot(session, args.plot,
                          play_text(session, std::cin, std::cout, TextOptions{args.trace}));
    }
    std::string lines = args.choices;
    std::replace(lines.begin(), lines.end(), ',', '\n');
    std::stringstream input(lines + "\n");
    return write_plot(session, args.plot,
                      play_text(session, input, std::cout, TextOptions{args.trace}));
}

} // namespace

void add_text_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<TextArgs>();
    CLI::App* text = app.add_subcommand(
        "text", "Play a story in the terminal (plain text, screen-reader friendly).");
    text->add_option("story", args->story, "Story file (default: the bundled first story)");
    text->add_flag("--trace", args->trace,
                   "Print each character's state, with numbers, after every choice");
    text->add_option("--seed", args->seed, "Fix the randomness so a playthrough can be repeated")
        ->each([args](const std::string&) { args->seeded = true; });
    text->add_option("--plot", args->plot,
                     "run.svg: afterwards, draw each character's safety, distance and arousal "
                     "over the choices")
        ->check(CLI::Validator(
            [](const std::string& name) {
                return name.ends_with(".svg") ? "" : "the picture's name should end in .svg";
            },
            "run.svg"));
    text->add_option("--choices", args->choices,
                     "Play these choice numbers (1,3,2) as the menu shows them, struck-through "
                     "choices included, instead of reading them")
        ->check(CLI::Validator(
            [](const std::string& text) {
                return text.find_first_not_of("0123456789, ") == std::string::npos
                           ? ""
                           : "write numbers such as 1,3,2";
            },
            "1,3,2"));
    text->callback([args, &exit_code] { exit_code = run_text(*args); });
}

int run_default(int, char**) {
    if (int exit_code = 0; open_library_window(exit_code)) {
        return exit_code;
    }
    std::cout << "The game window is not available here, so the story plays in the terminal.\n\n";
    TextArgs args;
    return run_text(args);
}

} // namespace attune::cli
