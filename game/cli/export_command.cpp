// attune export story.json -o story.twee: an Attune story as Twee 3 for Twine tools.

#include "base/json_document.h"
#include "commands.h"
#include "interchange/twee.h"
#include "loading.h"

#include <fstream>
#include <iostream>

namespace attune::cli {

namespace {

struct ExportArgs {
    std::string input;
    std::string output;
};

int run_export(const ExportArgs& args) {
    if (!load_story_or_explain(args.input)) {
        return 1;
    }
    const Result<JsonDocument> document = read_json_document(args.input);
    if (!document) {
        return 1;
    }
    const Result<std::string> exported = export_twee(args.input, document->value());
    for (const Diagnostic& d : exported.diagnostics) {
        std::cerr << format(d) << "\n";
    }
    std::ofstream out(args.output, std::ios::binary);
    out << *exported;
    if (!out.flush()) {
        std::cerr << "attune export: cannot write " << args.output << "\n";
        return 1;
    }
    return 0;
}

} // namespace

void add_export_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<ExportArgs>();
    CLI::App* command =
        app.add_subcommand("export", "Export a story as Twee 3 for Twine (see docs/twine.md).");
    command->add_option("input", args->input, "story.json")->required();
    command->add_option("-o,--output", args->output, "story.twee to write")->required();
    command->callback([args, &exit_code] { exit_code = run_export(*args); });
}

} // namespace attune::cli
