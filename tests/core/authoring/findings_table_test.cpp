// Every finding of check --explore and check --random on each fixture, by its code,
// severity and JSON pointer: a finding that goes missing, appears, or points elsewhere
// fails here with its name. Each finding with a path replays to the place it names.

#include "authoring/explorer.h"
#include "authoring/playtest.h"
#include "findings_support.h"
#include <set>
#include <unistd.h>

namespace attune {

namespace {

using test::fixture;

std::vector<std::string> rows(const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const Finding& f : findings) {
        out.push_back(
            std::string(f.diagnostic.severity == Severity::Error ? "error " : "warning ") +
            f.diagnostic.code + " " + f.diagnostic.pointer);
    }
    return out;
}

std::shared_ptr<const Story> story_named(const std::string& name) {
    return name.starts_with("data/") ? test::story(test::source_dir() / "tests" / (name + ".json"))
                                     : fixture(name);
}

// The scene or ending a pointer names ("/scenes/2/choices/1" is scene 2).
std::string place_of(const Story& story, const std::string& pointer) {
    int index = -1;
    if (std::sscanf(pointer.c_str(), "/scenes/%d", &index) == 1) {
        return story.scenes[index].id;
    }
    if (std::sscanf(pointer.c_str(), "/endings/%d", &index) == 1) {
        return story.endings[index].id;
    }
    return "";
}

// A finding with a path replays to the scene its pointer is in, or (for a choice that
// opens a rupture, or an ending) to a session past it.
void check_paths(const std::shared_ptr<const Story>& story, const std::vector<Finding>& findings) {
    for (const Finding& f : findings) {
        if (!f.has_path) {
            continue;
        }
        CAPTURE(f.diagnostic.code);
        const Session session = test::replay(story, f);
        const std::string place = place_of(*story, f.diagnostic.pointer);
        if (f.diagnostic.code == "rupture-without-repair" ||
            f.diagnostic.code == "rupture-never-repaired") {
            REQUIRE_FALSE(session.history().empty());
            const Step& last = session.history().back();
            CHECK(story->scenes[last.scene].id == place);
        } else if (session.is_finished()) {
            CHECK(session.ending()->id == place);
        } else {
            CHECK(session.scene().id == place);
        }
    }
}

} // namespace

TEST_CASE("findings: check --explore reports each problem by code and pointer") {
    const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
        {"conditions",
         {"warning condition-always-true /scenes/0/choices/0/if",
          "error choice-never-enabled /scenes/0/choices/4",
          "warning line-never-shown /scenes/0/lines/1/if",
          "warning condition-always-true /scenes/0/lines/2/if",
          "error choice-never-enabled /scenes/1/choices/1",
          "error ending-never-reached /endings/2"}},
        {"dead-end-in-play",
         {"error dead-end-in-play /scenes/1/choices",
          "error rupture-without-repair /scenes/0/choices/1"}},
        {"never-enabled",
         {"error choice-never-enabled /scenes/0/choices/1", "error never-reached /scenes/2",
          "error ending-never-reached /endings/1"}},
        {"no-way-out",
         {"error no-way-out /scenes/1", "error no-way-out /scenes/2",
          "error rupture-without-repair /scenes/0/choices/1"}},
        {"rupture-without-repair",
         {"error ending-kind-mismatch /endings/0/kind",
          "error rupture-without-repair /scenes/0/choices/0"}},
        {"data/stories/flood",
         {"error choice-never-enabled /scenes/0/choices/0",
          "error choice-never-enabled /scenes/1/choices/1",
          "error choice-never-enabled /scenes/1/choices/2"}},
        {"data/stories/late-bus", {"warning line-never-shown /scenes/2/lines/0/if"}},
        {"data/stories/porch", {"error rupture-without-repair /scenes/0/choices/1"}},
    };
    for (const auto& [name, findings] : expected) {
        CAPTURE(name);
        const auto story = story_named(name);
        const ExploreReport report = explore_story(story, test::params(), {});
        CHECK(rows(report.findings) == findings);
        CHECK(report.budget_hit == (name == "data/stories/porch")); // porch counts rounds forever
        check_paths(story, report.findings);
    }
}

TEST_CASE("findings: check --random reports each problem by code and pointer") {
    const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
        {"conditions", {"warning hard-to-reach /endings/2"}},
        {"dead-end-in-play",
         {"error dead-end-in-play /scenes/1/choices",
          "warning rupture-never-repaired /scenes/0/choices/1"}},
        {"never-enabled", {"warning hard-to-reach /endings/1", "warning hard-to-reach /scenes/2"}},
        {"no-way-out",
         {"error loop /scenes/2", "warning rupture-never-repaired /scenes/0/choices/1"}},
        {"rupture-without-repair",
         {"error ending-kind-mismatch /endings/0/kind",
          "warning rupture-never-repaired /scenes/0/choices/0"}},
        {"data/stories/late-bus", {"warning minutes-far-off /minutes"}},
    };
    for (const auto& [name, findings] : expected) {
        CAPTURE(name);
        const auto story = story_named(name);
        const PlaytestReport report =
            playtest_story(story, test::params(), {300, 1, 1000, 5, 0.01});
        CHECK(rows(test::all_findings(*story, report)) == findings);
        check_paths(story, report.findings);
    }
}

TEST_CASE("findings: what --explore reached, scene by scene and choice by choice") {
    const auto story = fixture("conditions");
    const ExploreReport report = explore_story(story, test::params(), {});
    CHECK(report.scene_reached == std::vector<std::uint8_t>{1, 1});
    CHECK(report.ending_reached == std::vector<std::uint8_t>{1, 1, 0});
    CHECK(report.choice_taken == std::vector<std::vector<std::uint8_t>>{{1, 1, 1, 1, 0}, {1, 0}});
    CHECK(report.states >= 2);
    CHECK(report.transitions >= 5);
}

TEST_CASE("findings: --random flags endings and scenes under its threshold, not above") {
    // From the porch, one of four open choices runs off to 'rare'; the other three go
    // through the hall to 'common'. 'lost' is never reached.
    const auto story = fixture("conditions");
    const PlaytestReport report = playtest_story(story, test::params(), {1000, 3, 1000, 5, 0.3});
    CHECK(report.finished == 1000);
    CHECK(report.ending_runs[0] + report.ending_runs[1] == 1000);
    CHECK(report.ending_runs[1] > 150);
    CHECK(report.ending_runs[1] < 350);
    CHECK(report.ending_runs[2] == 0);
    CHECK(report.scene_runs[0] == 1000);
    CHECK(report.scene_runs[1] == report.ending_runs[0]);
    CHECK(report.scene_hits[1] == report.scene_runs[1]);
    CHECK(rows(test::all_findings(*story, report)) ==
          std::vector<std::string>{"warning hard-to-reach /endings/1",
                                   "warning hard-to-reach /endings/2"});
    // At a threshold of 10% only the ending never reached is left.
    const PlaytestReport lower = playtest_story(story, test::params(), {1000, 3, 1000, 5, 0.1});
    const std::vector<Finding> rare = test::all_findings(*story, lower);
    CHECK(rows(rare) == std::vector<std::string>{"warning hard-to-reach /endings/2"});
    const Finding& lost = rare[0];
    CHECK(lost.diagnostic.message ==
          "ending 'lost' was reached in 0 of 1000 random playthroughs (under 10%)");
    CHECK_FALSE(lost.has_path);
}

TEST_CASE("findings: explore messages name the choice, scene and condition") {
    const ExploreReport report = explore_story(fixture("conditions"), test::params(), {});
    REQUIRE(report.findings.size() == 6);
    CHECK(report.findings[0].diagnostic.message ==
          "the condition 'visits(porch) >= 1' of choice 'in' holds every time scene 'porch' is "
          "reached");
    CHECK(report.findings[1].diagnostic.message ==
          "choice 'never' in scene 'porch' is never available in play");
    CHECK(report.findings[1].diagnostic.fix ==
          "Its condition 'visits(hall) > 0' never holds here; check it.");
    CHECK(report.findings[2].diagnostic.message ==
          "the condition 'visits(porch) > 1' of this line never holds");
    CHECK(report.findings[5].diagnostic.message == "ending 'lost' is never reached in play");
    // With a budget too small to see everything, what was not seen is only a warning and
    // says so.
    ExploreOptions small;
    small.state_budget = 1;
    const ExploreReport cut = explore_story(fixture("conditions"), test::params(), small);
    CHECK(cut.budget_hit);
    const Finding* lost = test::find_code(cut.findings, "ending-never-reached");
    REQUIRE(lost);
    CHECK(lost->diagnostic.severity == Severity::Warning);
    CHECK(lost->diagnostic.message.ends_with("(within the state budget of 1)"));
}

TEST_CASE("findings: --random counts each failure once per playthrough that shows it") {
    const auto story = fixture("dead-end-in-play");
    const PlaytestReport report = playtest_story(story, test::params(), {300, 1, 1000, 5, 0.01});
    REQUIRE(report.findings.size() == 2);
    // Every playthrough that says nothing opens a rupture and ends stuck in the kitchen;
    // every other one finishes.
    const int stuck = 300 - report.finished;
    CHECK(stuck > 100);
    CHECK(stuck < 200);
    CHECK(report.findings[0].diagnostic.message ==
          "scene 'kitchen' was reached with no choice available (in " + std::to_string(stuck) +
              " of 300 playthroughs)");
    CHECK(report.findings[1].diagnostic.message ==
          "choice 'nothing' in scene 'start' opened a rupture with Ren in " +
              std::to_string(stuck) +
              " playthroughs, and no repair landed within 5 choices in any of them");
    CHECK(report.ending_runs[0] == report.finished);
    CHECK(report.scene_runs[1] == 300); // everyone reaches the kitchen
    CHECK(report.scene_hits[1] == 300);
}

TEST_CASE("findings: located in the story file only by locate_in_story") {
    const std::string file =
        (test::source_dir() / "tests/data/explore/dead-end-in-play.json").string();
    const auto story = fixture("dead-end-in-play");
    std::vector<Finding> findings = explore_story(story, test::params(), {}).findings;
    REQUIRE(findings.size() == 2);
    for (const Finding& f : findings) {
        CHECK(f.diagnostic.line == 0);
        CHECK(f.diagnostic.column == 0);
    }
    for (const char* name : {"no-way-out", "never-enabled", "rupture-without-repair"}) {
        const auto played = fixture(name);
        for (const Finding& f : test::all_findings(
                 *played, playtest_story(played, test::params(), {100, 1, 60, 5, 0.5}))) {
            CAPTURE(f.diagnostic.code);
            CHECK(f.diagnostic.line == 0);
            CHECK(f.diagnostic.column == 0);
        }
    }
    const std::vector<TextPosition> at =
        locate_in_story(*story, {findings[0].diagnostic.pointer, findings[1].diagnostic.pointer});
    CHECK(at[0].line == 69); // "choices" of scene 1
    CHECK(at[0].column == 18);
    CHECK(at[1].line == 51); // scene 0, choice 1
    CHECK(at[1].column == 9);
    CHECK(reproduce_command(file, findings[0]) == "attune text " + file + " --seed 1 --choices 2");
}

TEST_CASE("findings: a loaded story is located in its own bytes, not the file read again") {
    // A 45,000-scene story's file is 47 MB: reading it again to locate findings held it
    // twice. Here the file is gone by then, and the places are still found.
    const std::filesystem::path copy =
        std::filesystem::temp_directory_path() /
        ("attune-findings-gone-" + std::to_string(::getpid()) + ".json");
    std::filesystem::copy_file(test::source_dir() / "tests/data/explore/dead-end-in-play.json",
                               copy, std::filesystem::copy_options::overwrite_existing);
    const std::shared_ptr<const Story> story = test::story(copy);
    std::filesystem::remove(copy);
    const std::vector<TextPosition> at = locate_in_story(*story, {"/scenes/1/choices", ""});
    CHECK(std::pair{at[0].line, at[0].column} == std::pair{69, 18});
    CHECK(std::pair{at[1].line, at[1].column} == std::pair{0, 0}); // no pointer, no place
}

TEST_CASE("findings: --random lists every unrepaired rupture, each with its place and path") {
    nlohmann::json story = nlohmann::json::parse(
        test::read_text(test::source_dir() / "tests/data/explore/never-enabled.json"));
    nlohmann::json choices = nlohmann::json::array();
    for (int i = 0; i < 52; ++i) {
        choices.push_back({{"id", "sneer-" + std::to_string(i)},
                           {"text", "Sneer."},
                           {"moves", {{{"move", "contempt"}, {"to", "ren"}}}},
                           {"next", "hall"}});
    }
    story["scenes"][0]["choices"] = choices;
    story["scenes"].erase(2); // the attic, no longer reached
    story["endings"].erase(1);
    const Result<std::shared_ptr<const Story>> loaded = load_story_text("many.json", story.dump());
    REQUIRE_MESSAGE(loaded, (loaded.diagnostics.empty() ? "" : format(loaded.diagnostics[0])));
    const PlaytestReport report = playtest_story(*loaded, test::params(), {2000, 1, 1000, 5, 0.0});
    std::vector<const Finding*> ruptures;
    for (const Finding& f : report.findings) {
        if (f.diagnostic.code == "rupture-never-repaired") {
            ruptures.push_back(&f);
        }
    }
    // Every one is listed (check's human output groups them; --json keeps them all).
    REQUIRE(ruptures.size() == 52);
    std::set<std::string> pointers;
    for (const Finding* f : ruptures) {
        CHECK(f->diagnostic.pointer.starts_with("/scenes/0/choices/"));
        CHECK(f->has_path);
        pointers.insert(f->diagnostic.pointer);
    }
    CHECK(pointers.size() == 52);
}

} // namespace attune
