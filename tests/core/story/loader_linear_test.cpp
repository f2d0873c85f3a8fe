// Work that must stay linear in the size of the story: at these sizes quadratic work
// takes many minutes, and ctest gives these tests 60 s (tests/CMakeLists.txt).

#include "support.h"

namespace {

using namespace attune;

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

std::string late_bus_text() {
    return test::read_text(test::source_dir() / "tests/data/stories/late-bus.json");
}

} // namespace

TEST_CASE("stays linear: locating 100,000 unknown keys") {
    std::string text = replaced(late_bus_text(), "\"minutes\": 3,", "\"minutes\": 3,\n@KEYS@");
    std::string keys;
    for (int i = 0; i < 100000; ++i) {
        keys += "\"unknown" + std::to_string(i) + "\": 1,\n";
    }
    text = replaced(text, "@KEYS@", keys);
    const LoadResult result = load_story_text("keys.json", text);
    REQUIRE(result.diagnostics.size() == 100000);
    CHECK(result.diagnostics.back().line == 10 + 100000);
    CHECK(result.diagnostics.back().pointer == "/unknown99999");
}

TEST_CASE("stays linear: a line with 200,000 text holes") {
    std::string holes;
    for (int i = 0; i < 200000; ++i) {
        holes += "{ren.name} ";
    }
    const LoadResult result =
        load_story_text("holes.json", replaced(late_bus_text(), "Your phone buzzes.", holes));
    REQUIRE(result.story);
    CHECK(result.story->scenes[0].lines[0].text.parts.size() >= 200000);
}
