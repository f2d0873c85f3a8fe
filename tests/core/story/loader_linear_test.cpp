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
    const Result<std::shared_ptr<const Story>> result = load_story_text("keys.json", text);
    REQUIRE(result.diagnostics.size() == 100000);
    CHECK(result.diagnostics.back().line == 10 + 100000);
    CHECK(result.diagnostics.back().pointer == "/unknown99999");
}

TEST_CASE("stays linear: 200,000 text holes, in one line and over many") {
    std::string line;
    for (int i = 0; i < 1000; ++i) {
        line += "{ren.name} ";
    }
    std::string lines = "\"" + line + "\"";
    for (int i = 1; i < 200; ++i) {
        lines += ",\n\"" + line + "\"";
    }
    const auto at = late_bus_text().find("\"Your phone buzzes.");
    std::string text = late_bus_text();
    text.replace(at, text.find('\n', at) - at - 1, lines);
    const Result<std::shared_ptr<const Story>> many = load_story_text("holes.json", text);
    REQUIRE(many);
    CHECK((*many)->scenes[0].lines.size() == 201);
    CHECK((*many)->scenes[0].lines[199].text.parts().size() == 2000);

    std::string one;
    for (int i = 0; i < 200; ++i) {
        one += line;
    }
    const Result<std::shared_ptr<const Story>> long_line =
        load_story_text("line.json", replaced(late_bus_text(), "Your phone buzzes.", one));
    REQUIRE(long_line.diagnostics.size() == 1);
    CHECK(long_line.diagnostics[0].code == "too-long");
    CHECK(long_line.diagnostics[0].pointer == "/scenes/0/lines/0");
}
