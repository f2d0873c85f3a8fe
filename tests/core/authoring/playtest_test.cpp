// check --random: deterministic, every playthrough counted once, failures that replay.

#include "authoring/playtest.h"
#include "findings_support.h"

namespace attune {

using test::find_code;
using test::fixture;
using test::replay;

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

} // namespace attune
