// check --explore and check --random: what they find on broken fixtures, that they are
// deterministic, and that every reported path replays to the problem it shows.

#include "../support.h"
#include "playtest.h"
#include "session.h"
#include "story_explorer.h"

#include <algorithm>

namespace attune {

namespace {

std::shared_ptr<const Story> fixture(const std::string& name) {
    return test::story(test::source_dir() / "tests" / "data" / "explore" / (name + ".json"));
}

const Finding* find_code(const std::vector<Finding>& findings, const std::string& code) {
    const auto it = std::find_if(findings.begin(), findings.end(),
                                 [&](const Finding& f) { return f.diagnostic.code == code; });
    return it == findings.end() ? nullptr : &*it;
}

// Plays the numbers as `attune text` would: 1-based positions among the shown choices.
Session replay(const std::shared_ptr<const Story>& story, const Finding& finding) {
    Session session(story, test::params(), finding.seed);
    for (const int number : finding.choices) {
        const std::vector<ChoiceView> views = session.choices();
        REQUIRE(number >= 1);
        REQUIRE(number <= static_cast<int>(views.size()));
        REQUIRE(session.choose(views[number - 1].index));
    }
    return session;
}

} // namespace

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

TEST_CASE("explore: every bundled story is explored within the default budget's time") {
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "stories")) {
        if (entry.path().extension() != ".json" || entry.path().filename() == "schema.json") {
            continue;
        }
        CAPTURE(entry.path().string());
        const LoadResult loaded = load_story_file(entry.path().string());
        if (!loaded.story) {
            continue; // a story being written; `check` reports it
        }
        const ExploreReport report = explore_story(loaded.story, test::params(), {});
        CHECK(report.states > 0);
        CHECK(report.scene_reached[loaded.story->start] == 1);
    }
}

TEST_CASE("random: the same seed gives the same report; every playthrough is counted once") {
    const auto story = test::late_bus();
    const PlaytestReport a = playtest_story(story, test::params(), {500, 7, 1000, 5, 0.01});
    const PlaytestReport b = playtest_story(story, test::params(), {500, 7, 1000, 5, 0.01});
    CHECK(a.ending_runs == b.ending_runs);
    CHECK(a.scene_hits == b.scene_hits);
    CHECK(a.total_words == b.total_words);
    CHECK(a.finished == 500);
    int endings = 0;
    for (const int n : a.ending_runs) {
        endings += n;
    }
    CHECK(endings == 500);
    CHECK(a.scene_runs[story->start] == 500);
    CHECK(a.average_choices() >= 2);
    CHECK(a.longest_choices <= 3);
    CHECK(a.average_words() > 10);
    const PlaytestReport c = playtest_story(story, test::params(), {500, 8, 1000, 5, 0.01});
    CHECK(c.total_words != a.total_words);
}

TEST_CASE("random: failures come with a seed and choices that replay them") {
    const auto story = fixture("dead-end-in-play");
    const PlaytestReport report = playtest_story(story, test::params(), {200, 1, 1000, 5, 0.01});
    const Finding* dead = find_code(report.findings, "dead-end-in-play");
    REQUIRE(dead);
    CHECK(dead->has_path);
    const Session session = replay(story, *dead);
    CHECK(session.scene().id == "kitchen");
    CHECK(session.choices().empty());

    const auto ruptured = fixture("rupture-without-repair");
    const PlaytestReport r = playtest_story(ruptured, test::params(), {200, 1, 1000, 5, 0.01});
    const Finding* mismatch = find_code(r.findings, "ending-kind-mismatch");
    REQUIRE(mismatch);
    CHECK(replay(ruptured, *mismatch).state().characters[0].rupture_open);
    CHECK(find_code(r.findings, "rupture-never-repaired"));
}

TEST_CASE("random: a loop is cut at the length cap and reported") {
    const auto story = fixture("no-way-out");
    const PlaytestReport report = playtest_story(story, test::params(), {100, 1, 50, 5, 0.01});
    const Finding* loop = find_code(report.findings, "loop");
    REQUIRE(loop);
    CHECK(loop->choices.size() == 50);
    CHECK(report.finished < 100);
}

TEST_CASE("random: scenes and endings under 1% are hard to reach") {
    const PlaytestReport report =
        playtest_story(fixture("never-enabled"), test::params(), {100, 1, 1000, 5, 0.01});
    const Finding* hard = find_code(report.findings, "hard-to-reach");
    REQUIRE(hard);
    CHECK(hard->diagnostic.severity == Severity::Warning);
}

TEST_CASE("moves that never change anything are reported; moves that do are not") {
    const auto story = test::late_bus();
    MoveEffectTracker tracker(*story);
    model::Outcome nothing;
    tracker.note(0, 0, nothing);
    model::Outcome moved;
    moved.causes.push_back({"Ren", Move::Disclose, "rule", 1, 0, 0, ""});
    tracker.note(0, 1, moved);
    std::vector<Finding> findings;
    tracker.report(findings);
    REQUIRE(findings.size() == 2); // its-fine's minimize, and name-it's reassure
    CHECK(findings[0].diagnostic.pointer == "/scenes/0/choices/0/moves/0");
    CHECK(findings[1].diagnostic.pointer == "/scenes/0/choices/1/moves/1");
    CHECK(findings[0].diagnostic.code == "inert-move");
}

} // namespace attune
