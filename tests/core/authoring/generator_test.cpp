// attune generate: the benchmark story.

#include "authoring/generator.h"
#include "authoring/playtest.h"
#include "authoring/stats.h"
#include "support.h"

namespace attune {

TEST_CASE("generate: the benchmark story has the shape the issue asks for") {
    const auto json = generate_story({1500, 1});
    CHECK(generate_story({1500, 1}) == json);
    Result<std::shared_ptr<const Story>> loaded = load_story_text("big.json", json.dump());
    REQUIRE(loaded);
    CHECK_FALSE(has_errors(loaded.diagnostics));
    const Story& story = **loaded;
    CHECK(story.scenes.size() + story.endings.size() == 1500);
    CHECK(story.endings.size() == 30);
    const StoryStats stats = story_stats(*loaded, test::params(), 300, 1);
    CHECK(stats.words > 140000);
    CHECK(stats.average_choices > 25);
    CHECK(stats.average_choices < 40);
    for (const Scene& scene : story.scenes) {
        CHECK(scene.choices.size() == 3);
    }
}

TEST_CASE("generate: the story passes its own random check, repaired endings included") {
    for (const std::uint64_t seed : {1u, 2u, 3u}) {
        CAPTURE(seed);
        Result<std::shared_ptr<const Story>> loaded =
            load_story_text("big.json", generate_story({600, seed}).dump());
        REQUIRE(loaded);
        PlaytestOptions options;
        options.runs = 3000;
        const PlaytestReport report = playtest_story(*loaded, test::params(), options);
        CHECK(report.finished == options.runs);
        int repaired = 0;
        for (std::size_t e = 0; e < (*loaded)->endings.size(); ++e) {
            repaired +=
                (*loaded)->endings[e].kind == EndingKind::Repaired ? report.ending_runs[e] : 0;
        }
        CHECK(repaired > 0); // the repaired endings are still reached, only never with a rupture
        for (const Finding& finding : report.findings) {
            CAPTURE(finding.diagnostic.message);
            CHECK(finding.diagnostic.severity != Severity::Error);
        }
    }
}

} // namespace attune
