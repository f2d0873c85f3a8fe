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
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <utility>

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

// What --json says of a random playtest, but for its "scenes": an empty list in their
// place, which print_random_json fills one scene at a time (a big story has 45,000).
json random_json(const Story& story, const PlaytestReport& r) {
    json endings = json::array();
    for (std::size_t e = 0; e < story.endings.size(); ++e) {
        endings.push_back(
            {{"id", story.endings[e].id},
             {"kind", ending_kind_name(story.endings[e].kind)},
             {"runs", r.ending_runs[e]},
             {"share", r.options.runs ? double(r.ending_runs[e]) / r.options.runs : 0}});
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
            {"scenes", json::array()}};
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

// The findings of one input, in order: a folder with no stories, a story's load problems,
// or what playing a story found. A random playtest's report is kept whole and its
// hard-to-reach findings (one for nearly every scene of a big story: 43,000 of 45,000,
// 20 MB as Findings) are made one at a time each time the findings are read, so that
// `check --random` holds each finding at most once, most of them never.
struct Part {
    std::vector<Finding> findings;        ///< located
    std::optional<PlaytestReport> played; ///< a random playtest's, after `findings`
    std::shared_ptr<const Story> story;   ///< with `played`: the story it played
    std::vector<TextPosition> played_at;  ///< with `played`: where each of its findings is
};

// Calls `take` with each finding of the part in order, as `attune check` reports it.
void for_each_finding(const Part& part, const std::function<void(const Finding&)>& take) {
    std::for_each(part.findings.begin(), part.findings.end(), take);
    if (!part.played) {
        return;
    }
    std::size_t next = 0;
    attune::for_each_finding(*part.story, *part.played, [&](const Finding& f) {
        Finding located = f;
        located.diagnostic.file = part.story->file;
        located.diagnostic.line = part.played_at[next].line;
        located.diagnostic.column = part.played_at[next].column;
        ++next;
        take(located);
    });
}

void for_each_finding(const std::vector<Part>& parts,
                      const std::function<void(const Finding&)>& take) {
    for (const Part& part : parts) {
        for_each_finding(part, take);
    }
}

struct Totals {
    std::vector<Part> parts;
    json explore = json::array();
};

void play_story(const std::shared_ptr<const Story>& story,
                const std::shared_ptr<const model::Params>& params, const CheckArgs& args,
                Totals& totals) {
    Part& part = totals.parts.emplace_back();
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
        ExploreReport r = explore_story(story, params, options);
        line.clear();
        totals.explore.push_back(explore_json(*story, r));
        if (!args.json) {
            print_explore(*story, r);
        }
        part.findings = std::move(r.findings);
    }
    if (args.random) {
        ProgressLine line(stderr, shown, "random playthroughs of " + story->file);
        PlaytestOptions options;
        options.runs = args.runs;
        options.seed = args.seed;
        options.repair_within = args.repair_within;
        options.progress = [&line](long done, long total) { line.update(done, total); };
        part.played = playtest_story(story, params, options);
        line.clear();
        if (!args.json) {
            print_random(*story, *part.played);
        }
    }
    // One walk over the file locates what both testers found.
    std::vector<std::string> pointers;
    for (const Finding& f : part.findings) {
        pointers.push_back(f.diagnostic.pointer);
    }
    if (part.played) {
        part.story = story;
        attune::for_each_finding(*story, *part.played, [&](const Finding& f) {
            pointers.push_back(f.diagnostic.pointer);
        });
    }
    std::vector<TextPosition> at = locate_in_story(*story, pointers);
    for (std::size_t i = 0; i < part.findings.size(); ++i) {
        part.findings[i].diagnostic.file = story->file;
        part.findings[i].diagnostic.line = at[i].line;
        part.findings[i].diagnostic.column = at[i].column;
    }
    at.erase(at.begin(), at.begin() + static_cast<std::ptrdiff_t>(part.findings.size()));
    part.played_at = std::move(at);
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
// interleaved with other kinds' under a heading that counts only its own.) Two passes, as
// the findings are made as they are read: one counts each kind and keeps its first few.
void print_findings(const std::vector<Part>& parts) {
    struct Kind {
        long count = 0;
        std::vector<Finding> first;
        bool printed = false;
    };
    std::map<std::pair<std::string, std::string>, Kind> kinds; // by file and code
    for_each_finding(parts, [&](const Finding& f) {
        Kind& kind = kinds[{f.diagnostic.file, f.diagnostic.code}];
        if (kind.count++ < shown_per_kind) {
            kind.first.push_back(f);
        }
    });
    for_each_finding(parts, [&](const Finding& f) {
        Kind& kind = kinds[{f.diagnostic.file, f.diagnostic.code}];
        if (kind.count <= shown_per_kind) {
            print_finding(f);
            return;
        }
        if (std::exchange(kind.printed, true)) {
            return;
        }
        std::cout << f.diagnostic.file << ": " << grouped_number(kind.count) << " "
                  << kind_words(f.diagnostic.code) << "; the first " << shown_per_kind << ":\n";
        for (const Finding& shown : kind.first) {
            print_finding(shown);
        }
        std::cout << "  ... and " << grouped_number(kind.count - shown_per_kind)
                  << " more like these ('attune check --json' lists them all).\n";
    });
}

// Prints JSON as dump_json(value, 2) does, a piece at a time: --json on a big story lists
// 45,000 findings and 45,000 scenes, which as one JSON value, and then as its text, were
// held several times over. Lists and objects are opened and closed by hand; whole values
// in them are dumped as they come.
class JsonPrinter {
public:
    void value(const json& v) {
        slot();
        // JSON strings hold no raw line breaks: each one in the dump starts a line.
        const std::string text = dump_json(v, 2);
        std::size_t from = 0;
        for (std::size_t nl = text.find('\n'); nl != std::string::npos;
             from = nl + 1, nl = text.find('\n', from)) {
            std::cout.write(text.data() + from, static_cast<std::streamsize>(nl + 1 - from));
            indent();
        }
        std::cout.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
    }
    void key(const std::string& name) {
        separate();
        std::cout << dump_json(json(name)) << ": ";
        after_key_ = true;
    }
    void open(char bracket) {
        slot();
        std::cout << bracket;
        empty_.push_back(true);
    }
    void close(char bracket) {
        const bool empty = empty_.back();
        empty_.pop_back();
        if (!empty) {
            std::cout << '\n';
            indent();
        }
        std::cout << bracket;
    }
    /// The members of `object` in its order, those named in `streamed` printed by their
    /// function instead of from `object` (where an empty list holds their place).
    void members(const json& object, const std::map<std::string, std::function<void()>>& streamed) {
        open('{');
        for (const auto& [name, v] : object.items()) {
            key(name);
            if (const auto it = streamed.find(name); it != streamed.end()) {
                it->second();
            } else {
                value(v);
            }
        }
        close('}');
    }

private:
    std::vector<bool> empty_; ///< per list or object open: nothing in it yet
    bool after_key_ = false;

    void indent() { std::cout << std::string(2 * empty_.size(), ' '); }
    // Before a member or an element: the comma after the last one, and a new line.
    void separate() {
        if (!empty_.empty()) {
            std::cout << (empty_.back() ? "\n" : ",\n");
            empty_.back() = false;
            indent();
        }
    }
    void slot() {
        if (!std::exchange(after_key_, false)) {
            separate();
        }
    }
};

void print_random_json(JsonPrinter& out, const Story& story, const PlaytestReport& r) {
    const auto scenes = [&] {
        out.open('[');
        for (std::size_t s = 0; s < story.scenes.size(); ++s) {
            out.value(
                {{"id", story.scenes[s].id}, {"runs", r.scene_runs[s]}, {"hits", r.scene_hits[s]}});
        }
        out.close(']');
    };
    out.members(random_json(story, r), {{"scenes", scenes}});
}

// `report`, with its "problems" and "random" (empty lists there) from the parts.
void print_json_report(const json& report, const std::vector<Part>& parts) {
    JsonPrinter out;
    const auto problems = [&] {
        out.open('[');
        for_each_finding(parts, [&](const Finding& f) { out.value(to_json(f)); });
        out.close(']');
    };
    const auto random = [&] {
        out.open('[');
        for (const Part& part : parts) {
            if (part.played) {
                print_random_json(out, *part.story, *part.played);
            }
        }
        out.close(']');
    };
    out.members(report, {{"problems", problems}, {"random", random}});
    std::cout << "\n";
}

int run_check(const CheckArgs& args) {
    Totals totals;
    const std::vector<std::string> files =
        story_files(args.paths, totals.parts.emplace_back().findings);
    const bool playing = args.explore || args.random;
    const auto params = playing ? load_params_or_explain() : nullptr;
    if (playing && !params) {
        return 1;
    }
    for (const std::string& file : files) {
        Result<std::shared_ptr<const Story>> result = load_story_file(file);
        std::vector<Finding>& problems = totals.parts.emplace_back().findings;
        for (Diagnostic& d : result.diagnostics) {
            problems.emplace_back().diagnostic = std::move(d);
        }
        if (playing && result) {
            play_story(*result, params, args, totals);
        }
    }
    long errors = 0;
    long warnings = 0;
    for_each_finding(totals.parts, [&](const Finding& f) {
        ++(f.diagnostic.severity == Severity::Error ? errors : warnings);
    });
    const bool clean = errors == 0 && (!args.strict || warnings == 0);
    if (args.json) {
        json report = {{"files", files},
                       {"errors", errors},
                       {"warnings", warnings},
                       {"clean", clean},
                       {"problems", json::array()}};
        if (args.explore) {
            report["explore"] = std::move(totals.explore);
        }
        if (args.random) {
            report["random"] = json::array(); // print_json_report lists them
        }
        print_json_report(report, totals.parts); // file names need not be UTF-8
        return clean ? 0 : 1;
    }
    print_findings(totals.parts);
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
