// The prompts the guide and the debrief print: a scene's discussion questions with their
// "personal" marks.

#include "report/prompt.h"

#include <doctest/doctest.h>

using namespace attune;

TEST_CASE("prompts: each discussion question keeps its own personal mark; a missing mark is not "
          "personal") {
    Scene scene;
    scene.notes.edit().discussion = {"What did Ren hear?", "When have you done this?", "What now?"};
    scene.notes.edit().discussion_personal = {false, true};
    const std::vector<report::Prompt> prompts = report::discussion_prompts(scene);
    REQUIRE(prompts.size() == 3);
    CHECK(prompts[0].text == "What did Ren hear?");
    CHECK_FALSE(prompts[0].personal);
    CHECK(prompts[1].text == "When have you done this?");
    CHECK(prompts[1].personal);
    CHECK(prompts[2].text == "What now?");
    CHECK_FALSE(prompts[2].personal);
    CHECK(report::discussion_prompts(Scene{}).empty());
}
