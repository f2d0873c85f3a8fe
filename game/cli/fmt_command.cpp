// attune fmt STORY... [--check]: rewrites stories in the one layout Attune writes (the
// layout `attune import` uses too), so diffs between versions show only what changed.

#include "base/atomic_file.h"
#include "base/json_document.h"
#include "base/text_file.h"
#include "commands.h"
#include "interchange/story_text.h"

#include <iostream>

namespace attune::cli {

namespace {

struct FmtArgs {
    std::vector<std::string> files;
    bool check = false;
};

// 0 already laid out, 1 rewritten (or, with --check, would be), 2 cannot be read.
int format_file(const std::string& file, bool check) {
    const Result<std::string> text = read_text_file(file);
    const Result<JsonDocument> document =
        text ? parse_json_document(file, *text)
             : Result<JsonDocument>{std::nullopt, text.diagnostics};
    if (!document) {
        for (const Diagnostic& d : document.diagnostics) {
            std::cerr << format(d) << "\n";
        }
        return 2;
    }
    // Parsed again keeping the order of keys, so names the author ordered stay in order.
    const std::string laid_out = story_text(nlohmann::ordered_json::parse(*text));
    if (laid_out == *text) {
        return 0;
    }
    if (check) {
        std::cout << file << " is not in Attune's layout; `attune fmt " << file
                  << "` rewrites it.\n";
        return 1;
    }
    if (const Result<> written = write_file_atomically(file, laid_out); !written) {
        std::cerr << "attune fmt: " << error_message(written.diagnostics) << "\n";
        return 2;
    }
    std::cout << "Rewrote " << file << " in Attune's layout.\n";
    return 1;
}

int run_fmt(const FmtArgs& args) {
    int worst = 0;
    for (const std::string& file : args.files) {
        worst = std::max(worst, format_file(file, args.check));
    }
    return worst == 2 || (args.check && worst == 1) ? 1 : 0;
}

} // namespace

void add_fmt_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<FmtArgs>();
    CLI::App* command = app.add_subcommand(
        "fmt", "Rewrite stories in Attune's one layout, the one `attune import` writes too.");
    command->add_option("stories", args->files, "story.json files")->required();
    command->add_flag("--check", args->check,
                      "Change nothing; exit 1 if a story is not in the layout");
    command->callback([args, &exit_code] { exit_code = run_fmt(*args); });
}

} // namespace attune::cli
