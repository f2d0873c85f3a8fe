// attune generate: the benchmark story.

#include "authoring/generator.h"
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

} // namespace attune
