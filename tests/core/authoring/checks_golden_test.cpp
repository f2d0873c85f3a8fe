// check --explore and check --random on every test fixture story, against a golden report
// (tests/data/explore/report.txt): states, merges and transitions, what was reached, and
// every finding with its code, pointer, place (none: explore_story locates nothing),
// words, fix and path (within a budget of 3,000
// states, which one fixture reaches); for the random check, who
// reached what over 300 playthroughs from seed 1, the words and choices counted, and its
// findings.
//
// The stories are the fixtures under tests/data, and the model's parameters the frozen
// copy (tests/data/model/frozen.json), so neither the bundled stories nor a retuning of
// assets/model.json moves the report; a change to the checks, the engine or the model's
// code does. To accept a deliberate change, run with ATTUNE_UPDATE_GOLDEN=1 and read the
// changed lines by eye before committing them.

#include "authoring/explorer.h"
#include "authoring/playtest.h"
#include "findings_support.h"

namespace {

using namespace attune;
namespace fs = std::filesystem;

template <class T> std::string list(const std::vector<T>& values) {
    std::string out;
    for (const T& v : values) {
        out += (out.empty() ? "" : " ") + std::to_string(v);
    }
    return out;
}

std::string findings_text(const std::vector<Finding>& findings) {
    std::string out;
    for (const Finding& f : findings) {
        const Diagnostic& d = f.diagnostic;
        out += std::string("  ") + (d.severity == Severity::Error ? "error " : "warning ") +
               d.code + " " + d.pointer + " at " + std::to_string(d.line) + ":" +
               std::to_string(d.column) + "\n    " + d.message + "\n    fix: " + d.fix +
               "\n    path: " + (f.has_path ? list(f.choices) : "(none)") + " seed " +
               std::to_string(f.seed) + "\n";
    }
    return out;
}

std::string report_of(const fs::path& file) {
    const std::shared_ptr<const Story> story = test::story(file);
    std::string out =
        "== " + file.parent_path().filename().string() + "/" + file.filename().string() + "\n";
    ExploreOptions explore;
    explore.state_budget = 3000; // porch.json would go on to the default 250,000
    const ExploreReport e = explore_story(story, test::frozen_params(), explore);
    out += "explore: states " + std::to_string(e.states) + " merged " + std::to_string(e.merged) +
           " transitions " + std::to_string(e.transitions) + (e.budget_hit ? " BUDGET" : "") +
           "\n  scenes " + list(e.scene_reached) + "\n  endings " + list(e.ending_reached) +
           "\n  choices";
    for (const auto& scene : e.choice_taken) {
        out += " [" + list(scene) + "]";
    }
    out += "\n" + findings_text(e.findings);
    PlaytestOptions options;
    options.runs = 300;
    const PlaytestReport r = playtest_story(story, test::frozen_params(), options);
    out += "random: finished " + std::to_string(r.finished) + " words " +
           std::to_string(r.total_words) + " choices " + std::to_string(r.total_choices) +
           " longest " + std::to_string(r.longest_words) + " words, " +
           std::to_string(r.longest_choices) + " choices\n  scene runs " + list(r.scene_runs) +
           "\n  scene hits " + list(r.scene_hits) + "\n  ending runs " + list(r.ending_runs) +
           "\n" + findings_text(test::all_findings(*story, r));
    return out;
}

} // namespace

TEST_CASE("checks golden: explore and random on every fixture story, as the golden says") {
    const std::vector<fs::path> files = test::fixture_stories();
    REQUIRE(files.size() >= 14);
    std::string actual;
    for (const fs::path& file : files) {
        actual += report_of(file);
    }
    test::matches_golden(actual, test::source_dir() / "tests/data/explore/report.txt");
}
