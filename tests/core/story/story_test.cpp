// A Story is plain data: copies are values, whatever is kept behind a pointer.

#include "support.h"

#include <doctest/doctest.h>

using namespace attune;

TEST_CASE(
    "story: editing a copy's rare parts (effects, notes, a line's moves) leaves the original") {
    const std::shared_ptr<const Story> story = test::late_bus();
    const Effects before = story->scenes[0].choices[1].effects();
    REQUIRE(before.add.size() == 1);
    Story copy = *story;

    copy.scenes[0].choices[1].extras.edit().effects.add.push_back({0, 5});
    CHECK(copy.scenes[0].choices[1].effects().add.size() == 2);
    CHECK(story->scenes[0].choices[1].effects().add.size() == 1);
    // A choice that had none gets its own; the original still has none.
    copy.scenes[0].choices[0].extras.edit().effects.set_flags.push_back(0);
    CHECK(copy.scenes[0].choices[0].effects().set_flags == std::vector<int>{0});
    CHECK(story->scenes[0].choices[0].effects().empty());

    copy.scenes[0].notes.edit().facilitator_note = "Changed.";
    CHECK(story->scenes[0].notes.get().facilitator_note ==
          "Most people feel the pull to say 'it's fine' here.");
    copy.scenes[1].lines[0].acts.edit().moves.clear();
    CHECK(copy.scenes[1].lines[0].moves().empty());
    CHECK(story->scenes[1].lines[0].moves().size() == 1);
}
