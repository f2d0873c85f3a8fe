#include "support.h"

#include "story/layout.h"

#include <cmath>
#include <set>

using namespace attune;

TEST_CASE("story map: layers follow the shortest path from the start") {
    const auto story = test::late_bus();
    const StoryMap map = layout_story(*story);
    REQUIRE(map.nodes.size() == story->scenes.size() + story->endings.size());
    auto node = [&](std::string_view id) {
        const int scene = story->find_scene(id);
        return map.nodes[scene >= 0 ? map_node_of(*story, false, scene)
                                    : map_node_of(*story, true, story->find_ending(id))];
    };
    CHECK(node("text").layer == 0);
    CHECK(node("quiet").layer == 1);
    CHECK(node("call").layer == 1); // "name-it" reaches it directly
    CHECK(node("cold").layer == 2);
    CHECK(node("together").layer == 2);
    CHECK(node("together").is_ending);
    CHECK(node("text").x < node("call").x);
    CHECK(map.edges.size() == 6);
}

TEST_CASE("story map: edges carry the kind of their choice's moves") {
    const auto story = test::late_bus();
    const StoryMap map = layout_story(*story);
    std::multiset<MoveKind> kinds;
    for (const MapEdge& e : map.edges) {
        kinds.insert(e.kind);
    }
    CHECK(kinds.count(MoveKind::Misattuning) == 3); // minimize, withdraw, advise
    CHECK(kinds.count(MoveKind::Attuning) == 3);
}

TEST_CASE("story map: no two boxes overlap, in every bundled story") {
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "stories")) {
        if (entry.path().filename() == "schema.json") {
            continue;
        }
        CAPTURE(entry.path().string());
        const StoryMap map = layout_story(*test::story(entry.path()));
        for (std::size_t a = 0; a < map.nodes.size(); ++a) {
            CHECK(map.nodes[a].reachable);
            for (std::size_t b = a + 1; b < map.nodes.size(); ++b) {
                const bool apart = std::abs(map.nodes[a].x - map.nodes[b].x) >= map_node_width ||
                                   std::abs(map.nodes[a].y - map.nodes[b].y) >= map_node_height;
                CHECK(apart);
            }
        }
        CHECK(map.width > 0);
        CHECK(map.height > 0);
    }
}
