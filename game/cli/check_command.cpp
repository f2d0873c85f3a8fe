// attune check PATH... [--json] [--strict] [--explore] [--random [N]] [--seed S]
//                      [--repair-within K] [--budget N] [--tolerance T]
// Validates stories and lists every problem; --explore and --random also play them.

#include "authoring/explorer.h"
#include "authoring/playtest.h"
#include "base/json_document.h"
#include "commands.h"
#include "loading.h"
#include "options.h"
#include "progress_line.h"
#include "story/loader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

namespace attune::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct CheckArgs {
    std::vector<std::string> paths;
    bool json = false;
    bool strict = false;
    bool explore = false;
    bool random = false;
    int runs = 10000;
    std::uint64_t seed = 1;
    int repair_within = 5;
    std::size_t budget = ExploreOptions{}.state_budget;
    double tolerance = ExploreOptions{}.tolerance;
};

// Story files under each path; a folder contributes its *.json files except the schema.
std::vector<std::string> story_files(const std::vector<std::string>& paths,
                                     std::vector<Finding>& problems) {
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
            Finding f;
            f.diagnostic = {Severity::Error,
                            "no-stories",
                            path,
                            0,
                            0,
                            "",
                            "this folder holds no story files",
                            "Point 'attune check' at .json story files or a folder of them."};
            problems.push_back(std::move(f));
        }
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

json to_json(const Finding& f) {
    const Diagnostic& d = f.diagnostic;
    json out = {{"severity", d.severity == Severity::Error ? "error" : "warning"},
                {"code", d.code},
                {"file", d.file},
                {"line", d.line},
                {"column", d.column},
                {"pointer", d.pointer},
                {"message", d.message},
                {"fix", d.fix}};
    if (f.has_path) {
        out["choices"] = f.choices;
        out["seed"] = f.seed;
        out["replay"] = reproduce_command(d.file, f);
    }
    return out;
}

std::string percent(double part, double whole) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", whole > 0 ? 100.0 * part / whole : 0.0);
    return buffer;
}

std::string fixed1(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

json explore_json(const Story& story, const ExploreReport& r) {
    const auto count = [](const std::vector<std::uint8_t>& v) {
        return std::count(v.begin(), v.end(), 1);
    };
    return {{"file", story.file},
            {"states", r.states},
            {"merged", r.merged},
            {"tolerance", r.options.tolerance},
            {"transitions", r.transitions},
            {"budget", r.options.state_budget},
            {"budget_hit", r.budget_hit},
            {"seed", r.options.seed},
            {"scenes", story.scenes.size()},
            {"scenes_reached", count(r.scene_reached)},
            {"endings", story.endings.size()},
            {"endings_reached", count(r.ending_reached)}};
}

void print_explore(const Story& story, const ExploreReport& r) {
    const json j = explore_json(story, r);
    std::cout << story.file << ": explored " << r.states << " distinct states and " << r.transitions
              << " choices; " << j["scenes_reached"] << " of " << story.scenes.size()
              << " scenes and " << j["endings_reached"] << " of " << story.endings.size()
              << " endings reached.\n"
              << "  States whose relational numbers fall in the same "
              << fixed1(r.options.tolerance) << "-point band were merged (" << r.merged
              << " arrivals); the model's random draws follow seed " << r.options.seed << ".\n";
    if (r.budget_hit) {
        std::cout
            << "  The state budget of " << r.options.state_budget
            << " states was reached, so the exploration is incomplete: raise it with --budget, or "
               "merge more with a larger --tolerance.\n";
    }
}

json random_json(const Story& story, const PlaytestReport& r) {
    json endings = json::array();
    for (std::size_t e = 0; e < story.endings.size(); ++e) {
        endings.push_back(
            {{"id", story.endings[e].id},
             {"kind", ending_kind_name(story.endings[e].kind)},
             {"runs", r.ending_runs[e]},
             {"share", r.options.runs ? double(r.ending_runs[e]) / r.options.runs : 0}});
    }
    json scenes = json::array();
    for (std::size_t s = 0; s < story.scenes.size(); ++s) {
        scenes.push_back(
            {{"id", story.scenes[s].id}, {"runs", r.scene_runs[s]}, {"hits", r.scene_hits[s]}});
    }
    return {{"file", story.file},
            {"runs", r.options.runs},
            {"seed", r.options.seed},
            {"finished", r.finished},
            {"average_words", r.average_words()},
            {"average_choices", r.average_choices()},
            {"longest_words", r.longest_words},
            {"longest_choices", r.longest_choices},
            {"endings", endings},
            {"scenes", scenes}};
}

void print_random(const Story& story, const PlaytestReport& r) {
    std::cout << story.file << ": " << r.options.runs << " random playthroughs (seed "
              << r.options.seed << "), " << r.finished << " reached an ending.\n"
              << "  average " << fixed1(r.average_words()) << " words and "
              << fixed1(r.average_choices()) << " choices; longest " << r.longest_words
              << " words, " << r.longest_choices << " choices.\n"
              << "  endings:\n";
    for (std::size_t e = 0; e < story.endings.size(); ++e) {
        std::cout << "    " << story.endings[e].id << " ("
                  << ending_kind_name(story.endings[e].kind) << "): " << r.ending_runs[e] << " ("
                  << percent(r.ending_runs[e], r.options.runs) << ")\n";
    }
    std::cout << "  scenes (playthroughs reaching it, and visits):\n";
    for (std::size_t s = 0; s < story.scenes.size(); ++s) {
        std::cout << "    " << story.scenes[s].id << ": " << r.scene_runs[s] << " ("
                  << percent(r.scene_runs[s], r.options.runs) << "), " << r.scene_hits[s]
                  << " visits\n";
    }
}

struct Totals {
    std::vector<Finding> findings;
    json explore = json::array();
    json random = json::array();
};

void play_story(const std::shared_ptr<const Story>& story,
                const std::shared_ptr<const model::Params>& params, const CheckArgs& args,
                Totals& totals) {
    std::vector<Finding> found;
    // Long runs show one line of progress on a terminal, cleared before the report.
    const bool shown = !args.json && progress_wanted();
    if (args.explore) {
        ProgressLine line(stderr, shown, "states explored in " + story->file);
        ExploreOptions options;
        options.state_budget = args.budget;
        options.tolerance = args.tolerance;
        options.repair_within = args.repair_within;
        options.seed = args.seed;
        options.progress = [&line](long explored) { line.update(explored, 0); };
        const ExploreReport r = explore_story(story, params, options);
        line.clear();
        totals.explore.push_back(explore_json(*story, r));
        if (!args.json) {
            print_explore(*story, r);
        }
        found.insert(found.end(), r.findings.begin(), r.findings.end());
    }
    if (args.random) {
        ProgressLine line(stderr, shown, "random playthroughs of " + story->file);
        PlaytestOptions options;
        options.runs = args.runs;
        options.seed = args.seed;
        options.repair_within = args.repair_within;
        options.progress = [&line](long done, long total) { line.update(done, total); };
        const PlaytestReport r = playtest_story(story, params, options);
        line.clear();
        totals.random.push_back(random_json(*story, r));
        if (!args.json) {
            print_random(*story, r);
        }
        found.insert(found.end(), r.findings.begin(), r.findings.end());
    }
    locate_findings(story->file, found);
    totals.findings.insert(totals.findings.end(), found.begin(), found.end());
}

void print_finding(const Finding& f) {
    std::cout << format(f.diagnostic) << "\n";
    if (f.has_path) {
        std::cout << "    replay: " << reproduce_command(f.diagnostic.file, f) << "\n";
    }
}

/// A story can have thousands of findings of one kind; the report shows this many of
/// each kind per file, says how many there are, and --json lists every one.
constexpr long shown_per_kind = 10;

// What many findings of one kind are, in the plural.
std::string kind_words(const std::string& code) {
    static const std::map<std::string, std::string> words = {
        {"inert-move", "moves that never changed anything"},
        {"hard-to-reach", "scenes and endings rarely reached"},
        {"rupture-never-repaired", "choices whose ruptures no playthrough repaired in time"},
        {"rupture-without-repair", "choices whose ruptures no repair can close in time"},
        {"ending-kind-mismatch", "'repaired' endings reached with a rupture open"},
        {"never-reached", "scenes never reached"},
        {"choice-never-enabled", "choices never available"},
        {"condition-always-true", "conditions that always hold"},
        {"line-never-shown", "lines never shown"},
        {"unknown-character", "uses of a character the story does not have"},
        {"unknown-scene", "links to a scene or ending the story does not have"},
        {"unknown-flag", "uses of a flag the story does not declare"},
        {"unknown-variable", "uses of a variable the story does not declare"},
        {"wrong-type", "values of the wrong type"},
    };
    const auto it = words.find(code);
    return it != words.end() ? it->second : "problems of the kind '" + code + "'";
}

// Findings in their order; a large kind is one block where its first finding stands:
// its count, its first few, and how many more. (Printed in place, its findings would be
// interleaved with other kinds' under a heading that counts only its own.)
void print_findings(const std::vector<Finding>& findings) {
    using Kind = std::pair<std::string, std::string>; // file and code
    std::map<Kind, std::vector<const Finding*>> by_kind;
    for (const Finding& f : findings) {
        by_kind[{f.diagnostic.file, f.diagnostic.code}].push_back(&f);
    }
    std::set<Kind> printed;
    for (const Finding& f : findings) {
        const Kind kind{f.diagnostic.file, f.diagnostic.code};
        const std::vector<const Finding*>& same = by_kind[kind];
        const long all = static_cast<long>(same.size());
        if (all <= shown_per_kind) {
            print_finding(f);
            continue;
        }
        if (!printed.insert(kind).second) {
            continue;
        }
        std::cout << f.diagnostic.file << ": " << grouped_number(all) << " "
                  << kind_words(f.diagnostic.code) << "; the first " << shown_per_kind << ":\n";
        for (long i = 0; i < shown_per_kind; ++i) {
            print_finding(*same[static_cast<std::size_t>(i)]);
        }
        std::cout << "  ... and " << grouped_number(all - shown_per_kind)
                  << " more like these ('attune check --json' lists them all).\n";
    }
}

int run_check(const CheckArgs& args) {
    Totals totals;
    const std::vector<std::string> files = story_files(args.paths, totals.findings);
    const bool playing = args.explore || args.random;
    const auto params = playing ? load_params_or_explain() : nullptr;
    if (playing && !params) {
        return 1;
    }
    for (const std::string& file : files) {
        Result<std::shared_ptr<const Story>> result = load_story_file(file);
        for (Diagnostic& d : result.diagnostics) {
            totals.findings.emplace_back().diagnostic = std::move(d);
        }
        if (playing && result) {
            play_story(*result, params, args, totals);
        }
    }
    const auto errors =
        std::count_if(totals.findings.begin(), totals.findings.end(),
                      [](const Finding& f) { return f.diagnostic.severity == Severity::Error; });
    const auto warnings = static_cast<long>(totals.findings.size()) - errors;
    const bool clean = errors == 0 && (!args.strict || warnings == 0);
    if (args.json) {
        json report = {{"files", files},
                       {"errors", errors},
                       {"warnings", warnings},
                       {"clean", clean},
                       {"problems", json::array()}};
        for (const Finding& f : totals.findings) {
            report["problems"].push_back(to_json(f));
        }
        if (args.explore) {
            report["explore"] = totals.explore;
        }
        if (args.random) {
            report["random"] = totals.random;
        }
        std::cout << dump_json(report, 2) << "\n"; // file names need not be UTF-8
        return clean ? 0 : 1;
    }
    print_findings(totals.findings);
    std::cout << files.size() << (files.size() == 1 ? " story" : " stories")
              << " checked: " << errors << (errors == 1 ? " error, " : " errors, ") << warnings
              << (warnings == 1 ? " warning" : " warnings") << ".\n";
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
    check->add_flag("--explore", args->explore,
                    "Play every choice from every distinct state: unreachable scenes and choices, "
                    "endings never "
                    "reached, dead ends and loops with no way out");
    check->add_option("--random", args->runs, "Play N seeded random playthroughs (default 10000)")
        ->expected(0, 1)
        ->check(optional_count(1, 10000000))
        ->each([args](const std::string&) { args->random = true; });
    check
        ->add_option("--seed", args->seed,
                     "Seed for --random and for the model's draws (default 1)")
        ->check(seed_check());
    check
        ->add_option("--repair-within", args->repair_within,
                     "Choices after a rupture within which a repair must be reachable (default 5)")
        ->check(CLI::Range(1, 1000));
    check
        ->add_option("--budget", args->budget,
                     "Most distinct states --explore visits (default 250000)")
        ->check(CLI::Range(1, 100000000));
    check
        ->add_option("--tolerance", args->tolerance,
                     "--explore merges states whose relational numbers fall in the same band this "
                     "wide (default 10)")
        ->check(finite_range(0.001, 100.0));
    check->callback([args, &exit_code, check] {
        args->random = args->random || check->count("--random") > 0;
        if (args->random && args->runs <= 0) {
            args->runs = 10000; // --random given without a number
        }
        exit_code = run_check(*args);
    });
}

} // namespace attune::cli
