// attune check PATH... [--json] [--strict]: validate stories and list every problem.

#include "commands.h"
#include "story_loader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace attune::cli {

namespace {

namespace fs = std::filesystem;

struct CheckArgs {
    std::vector<std::string> paths;
    bool json = false;
    bool strict = false;
};

// Story files under each path; a folder contributes its *.json files except the schema.
std::vector<std::string> story_files(const std::vector<std::string>& paths,
                                     std::vector<Diagnostic>& problems) {
    std::vector<std::string> files;
    for (const std::string& path : paths) {
        std::error_code ec;
        if (!fs::is_directory(path, ec)) {
            files.push_back(path);
            continue;
        }
        std::vector<std::string> found;
        for (const auto& entry : fs::recursive_directory_iterator(path, ec)) {
            if (entry.path().extension() == ".json" && entry.path().filename() != "schema.json") {
                found.push_back(entry.path().string());
            }
        }
        if (found.empty()) {
            problems.push_back({Severity::Error, "no-stories", path, 0, 0, "",
                                "this folder holds no story files",
                                "Point 'attune check' at .json story files or a folder of them."});
        }
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

nlohmann::json to_json(const Diagnostic& d) {
    return {{"severity", d.severity == Severity::Error ? "error" : "warning"},
            {"code", d.code},
            {"file", d.file},
            {"line", d.line},
            {"column", d.column},
            {"pointer", d.pointer},
            {"message", d.message},
            {"fix", d.fix}};
}

int run_check(const CheckArgs& args) {
    std::vector<Diagnostic> all;
    const std::vector<std::string> files = story_files(args.paths, all);
    for (const std::string& file : files) {
        LoadResult result = load_story_file(file);
        all.insert(all.end(), result.diagnostics.begin(), result.diagnostics.end());
    }
    const auto errors = std::count_if(
        all.begin(), all.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; });
    const auto warnings = static_cast<long>(all.size()) - errors;
    const bool clean = errors == 0 && (!args.strict || warnings == 0);
    if (args.json) {
        nlohmann::json report = {{"files", files},
                                 {"errors", errors},
                                 {"warnings", warnings},
                                 {"clean", clean},
                                 {"problems", nlohmann::json::array()}};
        for (const Diagnostic& d : all) {
            report["problems"].push_back(to_json(d));
        }
        std::cout << report.dump(2) << "\n";
    } else {
        for (const Diagnostic& d : all) {
            std::cout << format(d) << "\n";
        }
        std::cout << files.size() << (files.size() == 1 ? " story" : " stories")
                  << " checked: " << errors << (errors == 1 ? " error, " : " errors, ") << warnings
                  << (warnings == 1 ? " warning" : " warnings") << ".\n";
    }
    return clean ? 0 : 1;
}

} // namespace

void add_check_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<CheckArgs>();
    CLI::App* check =
        app.add_subcommand("check", "Check stories for problems; exits 0 only when all are clean.");
    check->add_option("paths", args->paths, "Story files or folders of them")->required();
    check->add_flag("--json", args->json, "Print the report as JSON for tools");
    check->add_flag("--strict", args->strict, "Count warnings as failures too");
    check->callback([args, &exit_code] { exit_code = run_check(*args); });
}

} // namespace attune::cli
