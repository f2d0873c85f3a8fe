// attune graph: the story map as Graphviz DOT.

#include "authoring/graph.h"
#include "support.h"

namespace attune {

namespace {

nlohmann::json read_json(const std::filesystem::path& path) {
    return nlohmann::json::parse(test::read_text(path));
}

} // namespace

TEST_CASE(
    "graph: scenes, endings by kind, moves by colour, broken links and unreachable scenes in red") {
    nlohmann::json story =
        read_json(test::source_dir() / "tests" / "data" / "stories" / "late-bus.json");
    story["scenes"][1]["choices"][1]["next"] = "nowhere";
    story["scenes"].push_back({{"id", "island"}, {"choices", nlohmann::json::array()}});
    const StoryGraph map = story_graph(story);
    CHECK(map.scenes.size() == 4);
    CHECK_FALSE(map.scenes[3].reachable);
    const std::string dot = to_dot(map);
    CHECK(dot.rfind("digraph story {", 0) == 0);
    CHECK(dot.find("\"text\" -> \"quiet\" [label=\"its-fine\"") != std::string::npos);
    CHECK(dot.find("\"missing: nowhere\"") != std::string::npos);
    CHECK(dot.find("\"island\" [label=\"island\" color=\"#d32f2f\"") != std::string::npos);
    CHECK(dot.find("\"together\" [shape=octagon style=filled fillcolor=\"#c8e6c9\"") !=
          std::string::npos);
    CHECK(dot.find("color=\"#ef6c00\"") != std::string::npos); // misattuning
    CHECK(dot.find("color=\"#2e7d32\"") != std::string::npos); // attuning
    CHECK(to_dot(story_graph(nlohmann::json::array())).find("digraph") ==
          0); // not a story: still no crash
}

} // namespace attune
