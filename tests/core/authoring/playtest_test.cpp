// check --random: deterministic, every playthrough counted once, failures that replay.

#include "authoring/generator.h"
#include "authoring/playtest.h"
#include "authoring/stats.h"
#include "findings_support.h"

#include <cmath>

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

TEST_CASE("random: minutes within half to twice what a playthrough takes are left alone") {
    nlohmann::ordered_json story = generate_story({300, 1});
    auto report_with = [&](int minutes) {
        story["minutes"] = minutes;
        const Result<std::shared_ptr<const Story>> loaded = load_story_text("g.json", story.dump());
        REQUIRE(loaded);
        return playtest_story(*loaded, test::params(), {200, 1, 1000, 5, 0.01});
    };
    auto warned = [&](int minutes) {
        CAPTURE(minutes);
        return test::find_code(report_with(minutes).findings, "minutes-far-off") != nullptr;
    };
    const PlaytestReport first = report_with(10);
    const double measured = play_minutes(first.average_words(), first.average_choices());
    CAPTURE(measured);
    REQUIRE(measured > 6); // far enough past 2 minutes that the factor of two decides
    const int twice = static_cast<int>(std::floor(2 * measured));
    CHECK_FALSE(warned(twice));
    CHECK(warned(twice + 1));
    const int half = static_cast<int>(std::ceil(measured / 2));
    CHECK_FALSE(warned(half));
    CHECK(warned(half - 1));
}

TEST_CASE("random: progress is told every 100 playthroughs, with how many of how many") {
    std::vector<std::pair<long, long>> told;
    PlaytestOptions options;
    options.runs = 250;
    options.progress = [&](long done, long total) { told.emplace_back(done, total); };
    const PlaytestReport report = playtest_story(test::late_bus(), test::params(), options);
    CHECK(report.finished == 250);
    CHECK(told == std::vector<std::pair<long, long>>{{100, 250}, {200, 250}});
}

} // namespace attune
