// attune import story.twee -o story.json: a Twine story (Twee 3) as an Attune story.

#include "base/json_document.h"
#include "base/text_file.h"
#include "commands.h"
#include "interchange/story_text.h"
#include "interchange/twee.h"
#include "story/loader.h"

#include <fstream>
#include <iostream>

namespace attune::cli {

namespace {

struct ImportArgs {
    std::string input;
    std::string output;
};

int run_import(const ImportArgs& args) {
    const Result<std::string> text = read_text_file(args.input);
    if (!text) {
        std::cerr << format(text.diagnostics.front()) << "\n";
        return 1;
    }
    const Result<nlohmann::ordered_json> imported = import_twee(args.input, *text);
    for (const Diagnostic& d : imported.diagnostics) {
        std::cerr << format(d) << "\n";
    }
    if (has_errors(imported.diagnostics)) {
        std::cerr << "attune import: " << args.input
                  << " has errors (listed above); nothing was written.\n";
        return 1;
    }
    const std::string json = story_text(*imported); // the layout `attune fmt` writes
    // The imported story must pass the same checks as any other before it is written.
    const Result<std::shared_ptr<const Story>> checked = load_story_text(args.output, json);
    for (const Diagnostic& d : checked.diagnostics) {
        std::cerr << format(d) << "\n";
    }
    if (!checked) {
        std::cerr << "attune import: the imported story does not pass 'attune check' (listed "
                     "above); nothing was written.\n";
        return 1;
    }
    std::ofstream out(args.output, std::ios::binary);
    out << json;
    if (!out.flush()) {
        std::cerr << "attune import: cannot write " << args.output << "\n";
        return 1;
    }
    std::cout << "Imported " << (*checked)->scenes.size() << " scenes and "
              << (*checked)->endings.size() << " endings into " << args.output << ".\n";
    return 0;
}

} // namespace

void add_import_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<ImportArgs>();
    CLI::App* command =
        app.add_subcommand("import", "Import a Twine story written in Twee 3 (see docs/twine.md).");
    command->add_option("input", args->input, "story.twee")->required();
    command->add_option("-o,--output", args->output, "story.json to write")->required();
    command->callback([args, &exit_code] { exit_code = run_import(*args); });
}

} // namespace attune::cli
