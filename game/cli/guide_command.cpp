// attune guide STORY -o guide.html: the facilitator's printable prep sheet (or .md).

#include "base/atomic_file.h"
#include "commands.h"
#include "loading.h"
#include "report/guide.h"

#include <filesystem>
#include <iostream>

namespace attune::cli {

namespace {

struct GuideArgs {
    std::string story;
    std::string output;
    std::string talk_to;
};

int run_guide(const GuideArgs& args) {
    const std::string extension = std::filesystem::path(args.output).extension().string();
    if (extension != ".html" && extension != ".htm" && extension != ".md") {
        std::cerr << "attune guide: " << args.output
                  << " should end in .html (a page to print) or .md (Markdown).\n";
        return 2;
    }
    const auto story = load_story_or_explain(args.story);
    if (!story) {
        return 1;
    }
    const report::PrepSheet sheet = report::prep_sheet(*story, {args.talk_to});
    const std::string text =
        extension == ".md" ? report::guide_markdown(sheet) : report::guide_html(sheet);
    const Result<> written = write_file_atomically(args.output, text);
    for (const Diagnostic& d : written.diagnostics) {
        std::cerr << format(d) << "\n";
    }
    return written ? 0 : 1;
}

} // namespace

void add_guide_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<GuideArgs>();
    CLI::App* command = app.add_subcommand(
        "guide", "Write a facilitator's prep sheet for a story: a page to print (.html) or "
                 "Markdown (.md). See docs/facilitating.md.");
    command->add_option("story", args->story, "story.json")->required();
    command->add_option("-o,--output", args->output, "guide.html or guide.md to write")->required();
    command->add_option("--talk-to", args->talk_to,
                        "Who someone can talk to if the story brought something up, e.g. "
                        "\"Ms Okafor, room 12\"; left blank to fill in by hand when not given");
    command->callback([args, &exit_code] { exit_code = run_guide(*args); });
}

} // namespace attune::cli
