// check --explore: what it finds on broken fixtures, and that every reported path replays
// to the problem it shows.

#include "authoring/explorer.h"
#include "findings_support.h"

namespace attune {

using test::find_code;
using test::fixture;
using test::replay;

TEST_CASE("explore: a clean small story reaches every scene, choice and ending") {
    const auto story = test::late_bus();
    const ExploreReport report = explore_story(story, test::params(), {});
    CHECK_FALSE(report.budget_hit);
    CHECK(std::count(report.scene_reached.begin(), report.scene_reached.end(), 1) == 3);
    CHECK(std::count(report.ending_reached.begin(), report.ending_reached.end(), 1) == 2);
    CHECK(report.states > 3);
    CHECK(find_code(report.findings, "never-reached") == nullptr);
    CHECK(find_code(report.findings, "dead-end-in-play") == nullptr);
}

TEST_CASE("explore: a choice that is never enabled hides its scene and ending") {
    const ExploreReport report = explore_story(fixture("never-enabled"), test::params(), {});
    const Finding* choice = find_code(report.findings, "choice-never-enabled");
    REQUIRE(choice);
    CHECK(choice->diagnostic.pointer == "/scenes/0/choices/1");
    CHECK(choice->diagnostic.severity == Severity::Error);
    REQUIRE(find_code(report.findings, "never-reached"));
    CHECK(find_code(report.findings, "never-reached")->diagnostic.pointer == "/scenes/2");
    REQUIRE(find_code(report.findings, "ending-never-reached"));
    CHECK(find_code(report.findings, "ending-never-reached")->diagnostic.pointer == "/endings/1");
}

TEST_CASE("explore: a scene left with no enabled choice is a dead end, with the path to it") {
    const auto story = fixture("dead-end-in-play");
    const ExploreReport report = explore_story(story, test::params(), {});
    const Finding* dead = find_code(report.findings, "dead-end-in-play");
    REQUIRE(dead);
    CHECK(dead->choices == std::vector<int>{2});
    const Session session = replay(story, *dead);
    CHECK(session.scene().id == "kitchen");
    CHECK(session.choices().empty());
}

TEST_CASE("explore: a loop with no way out is found") {
    const auto story = fixture("no-way-out");
    const ExploreReport report = explore_story(story, test::params(), {});
    const Finding* trap = find_code(report.findings, "no-way-out");
    REQUIRE(trap);
    CHECK(replay(story, *trap).scene().id == "garden");
}

TEST_CASE("explore: ruptures with no repair in reach and repaired endings with a rupture open") {
    const auto story = fixture("rupture-without-repair");
    const ExploreReport report = explore_story(story, test::params(), {});
    const Finding* rupture = find_code(report.findings, "rupture-without-repair");
    REQUIRE(rupture);
    CHECK(rupture->diagnostic.pointer == "/scenes/0/choices/0");
    CHECK(replay(story, *rupture).state().characters[0].rupture_open);
    const Finding* mismatch = find_code(report.findings, "ending-kind-mismatch");
    REQUIRE(mismatch);
    const Session end = replay(story, *mismatch);
    CHECK(end.is_finished());
    CHECK(end.ending()->id == "mended");
    CHECK(end.state().characters[0].rupture_open);
    CHECK(explore_story(story, test::params(), {100000, 10, 1, 1}).findings.size() >=
          report.findings.size());
}

TEST_CASE("explore: the state budget stops the search and says so") {
    ExploreOptions options;
    options.state_budget = 2;
    const ExploreReport report = explore_story(test::late_bus(), test::params(), options);
    CHECK(report.budget_hit);
    CHECK(report.states == 2);
    for (const Finding& f : report.findings) {
        if (f.diagnostic.code == "never-reached" || f.diagnostic.code == "ending-never-reached") {
            CHECK(f.diagnostic.severity == Severity::Warning);
        }
    }
}

TEST_CASE("explore: every bundled story is explored to the end within the default budget") {
    int explored = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "stories")) {
        if (entry.path().extension() != ".json" || entry.path().filename() == "schema.json") {
            continue;
        }
        CAPTURE(entry.path().string());
        const Result<std::shared_ptr<const Story>> loaded = load_story_file(entry.path().string());
        REQUIRE(loaded); // a bundled story always loads (the schema test agrees)
        const ExploreReport report = explore_story(*loaded, test::params(), {});
        CHECK_FALSE(report.budget_hit); // the whole story fits in the default state budget
        CHECK(report.states > 0);
        CHECK(report.states < ExploreOptions{}.state_budget);
        CHECK(report.scene_reached[(*loaded)->start] == 1);
        CHECK(std::count(report.ending_reached.begin(), report.ending_reached.end(), 1) >= 1);
        ++explored;
    }
    CHECK(explored >= 7); // the bundled stories, none skipped
}

} // namespace attune
