// attune export INPUT -o OUTPUT: what is exported depends on what INPUT is.
//   a story (story.json)  -> Twee 3 for Twine tools (story.twee)
//   a save (from the game) -> the session's debrief: debrief.html, debrief.md, or with
//                             --csv (or a .csv name) the state trace

#include "base/atomic_file.h"
#include "base/json_document.h"
#include "base/paths.h"
#include "commands.h"
#include "interchange/twee.h"
#include "loading.h"
#include "play/save.h"
#include "report/debrief.h"
#include "story/loader.h"

#include <filesystem>
#include <iostream>

namespace attune::cli {

namespace {

namespace fs = std::filesystem;

struct ExportArgs {
    std::string input;
    std::string output;
    std::string story; ///< the save's story, when it is not where the save says
    std::string talk_to;
    bool csv = false;
};

bool write_or_explain(const std::string& path, const std::string& text) {
    const Result<> written = write_file_atomically(path, text);
    for (const Diagnostic& d : written.diagnostics) {
        std::cerr << format(d) << "\n";
    }
    return static_cast<bool>(written);
}

int export_story(const ExportArgs& args, const JsonDocument& document) {
    if (fs::path(args.output).extension() != ".twee" || args.csv) {
        std::cerr << "attune export: " << args.input
                  << " is a story, which exports to Twee: name the output story.twee. "
                     "For a facilitator's sheet, use `attune guide "
                  << args.input << " -o guide.html`.\n";
        return 2;
    }
    if (!load_story_or_explain(args.input)) {
        return 1;
    }
    const Result<std::string> exported = export_twee(args.input, document.value());
    for (const Diagnostic& d : exported.diagnostics) {
        std::cerr << format(d) << "\n";
    }
    return exported && write_or_explain(args.output, *exported) ? 0 : 1;
}

// The save's story: --story when given, else the file the game recorded in the save,
// else the bundled story with the save's id.
std::string story_file_for(const ExportArgs& args, const nlohmann::json& save) {
    if (!args.story.empty()) {
        return args.story;
    }
    const std::string id = save["story"].value("id", "");
    std::error_code ec;
    if (save.contains("slot") && save["slot"].is_object()) {
        const std::string recorded = save["slot"].value("story_file", "");
        if (!recorded.empty() && fs::is_regular_file(recorded, ec)) {
            return recorded;
        }
    }
    for (const fs::directory_entry& entry : fs::directory_iterator(data_dir() / "stories", ec)) {
        if (entry.path().extension() == ".json" && entry.path().stem() == id) {
            return entry.path().string();
        }
    }
    return "";
}

int export_save(const ExportArgs& args, const nlohmann::json& save) {
    const std::string extension = fs::path(args.output).extension().string();
    const bool csv = args.csv || extension == ".csv";
    if (!csv && extension != ".html" && extension != ".htm" && extension != ".md") {
        std::cerr << "attune export: " << args.input
                  << " is a save, which exports to a debrief: name the output debrief.html or "
                     "debrief.md, or add --csv for the state trace.\n";
        return 2;
    }
    if (!save.contains("story") || !save["story"].is_object()) {
        std::cerr << "attune export: " << args.input
                  << " says it is a save but names no story; it may be damaged.\n";
        return 1;
    }
    const std::string story_file = story_file_for(args, save);
    if (story_file.empty()) {
        std::cerr << "attune export: " << args.input << " is a save of the story '"
                  << save["story"].value("id", "")
                  << "', which is not among the bundled stories; give its file with --story "
                     "STORY.json.\n";
        return 1;
    }
    const auto params = load_params_or_explain();
    const auto story = load_story_or_explain(story_file);
    if (!params || !story) {
        return 1;
    }
    Result<Session> session = load_session(save, story, params);
    for (const Diagnostic& d : session.diagnostics) {
        std::cerr << "attune export: " << args.input << ": " << d.message << "\n";
    }
    if (!session) {
        return 1;
    }
    report::DebriefRecord record = report::debrief_record(*session);
    record.talk_to = args.talk_to;
    if (args.csv) {
        return write_or_explain(args.output, report::state_trace_csv(record)) ? 0 : 1;
    }
    const Result<> written = report::write_debrief(record, args.output);
    for (const Diagnostic& d : written.diagnostics) {
        std::cerr << format(d) << "\n";
    }
    return written ? 0 : 1;
}

int run_export(const ExportArgs& args) {
    const Result<JsonDocument> document = read_json_document(args.input);
    for (const Diagnostic& d : document.diagnostics) {
        std::cerr << format(d) << "\n";
    }
    if (!document) {
        std::cerr << "attune export: " << args.input
                  << " could not be read as a story or a save (see above).\n";
        return 1;
    }
    const nlohmann::json& value = document->value();
    if (value.is_object() && value.value("format", nlohmann::json()) == "attune-save") {
        return export_save(args, value);
    }
    return export_story(args, *document);
}

} // namespace

void add_export_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<ExportArgs>();
    CLI::App* command = app.add_subcommand(
        "export",
        "Export what INPUT is: a story to Twee 3 for Twine (story.twee, see docs/twine.md), or "
        "a save to its session's debrief (debrief.html to print, debrief.md, or --csv for the "
        "state trace; see docs/facilitating.md).");
    command->add_option("input", args->input, "story.json, or a save from the game")->required();
    command
        ->add_option("-o,--output", args->output,
                     "what to write: story.twee for a story; debrief.html, debrief.md or "
                     "trace.csv for a save")
        ->required();
    command->add_flag("--csv", args->csv,
                      "For a save: write the state trace (every character's numbers after each "
                      "choice) as CSV");
    command->add_option("--story", args->story,
                        "For a save: the story file it was played from, when not where the save "
                        "says and not bundled");
    command->add_option("--talk-to", args->talk_to,
                        "For a save: who someone can talk to if the story brought something up");
    command->callback([args, &exit_code] { exit_code = run_export(*args); });
}

} // namespace attune::cli
