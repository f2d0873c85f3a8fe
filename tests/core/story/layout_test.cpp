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

namespace {

// s leads to x and y; x leads on to q and y to p, though p is written before q.
std::shared_ptr<const Story> crossing_story() {
    const std::string text = R"({"id": "cross", "title": "Cross", "version": "1", "summary": "s",
      "relationship": "friend", "minutes": 1, "age_band": "all", "author": "tests", "start": "s",
      "characters": [{"id": "c", "name": "C", "pronouns": "they/them", "role": "friend",
                      "anxiety": 0.3, "avoidance": 0.3, "safety": 50, "distance": 50}],
      "scenes": [
        {"id": "s", "lines": ["."], "choices": [
          {"id": "x", "text": ".", "moves": [{"move": "ask", "to": "c"}], "next": "x"},
          {"id": "y", "text": ".", "moves": [{"move": "blame", "to": "c"}], "next": "y"}]},
        {"id": "p", "lines": ["."], "choices": [
          {"id": "e", "text": ".", "moves": [{"move": "neutral", "to": "c"}], "next": "end"}]},
        {"id": "x", "lines": ["."], "choices": [
          {"id": "q", "text": ".", "moves": [{"move": "ask", "to": "c"}, {"move": "blame", "to": "c"}], "next": "q"}]},
        {"id": "y", "lines": ["."], "choices": [
          {"id": "p", "text": ".", "moves": [{"move": "neutral", "to": "c"}], "next": "p"}]},
        {"id": "q", "lines": ["."], "choices": [
          {"id": "e", "text": ".", "moves": [{"move": "neutral", "to": "c"}], "next": "end"}]}],
      "endings": [{"id": "end", "kind": "open", "title": "End", "reflection": ["?"]}]})";
    const Result<std::shared_ptr<const Story>> loaded = load_story_text("cross.json", text);
    REQUIRE(loaded);
    return *loaded;
}

} // namespace

TEST_CASE("story map: within a layer, scenes line up with the scenes that lead to them") {
    const auto story = crossing_story();
    const StoryMap map = layout_story(*story);
    auto node = [&](const char* id) { return map.nodes[story->find_scene(id)]; };
    CHECK(node("s").layer == 0);
    CHECK(node("x").layer == 1);
    CHECK(node("y").layer == 1);
    CHECK(node("p").layer == 2);
    CHECK(node("q").layer == 2);
    CHECK(map.nodes[map_node_of(*story, true, 0)].layer == 3);
    CHECK(node("x").y < node("y").y);
    CHECK(node("q").y < node("p").y); // q follows x, so it sits above p, which follows y
    CHECK(node("x").x == node("y").x);
    CHECK(node("s").x < node("x").x);
    CHECK(node("x").x < node("q").x);
    // Columns 270 apart, rows 82 apart, boxes 180 by 56, centred.
    CHECK(node("s").x == 90);
    CHECK(node("q").x == 90 + 2 * 270);
    CHECK(node("q").y == 28);
    CHECK(node("p").y == 28 + 82);
    CHECK(map.width == 3 * 270 + 180);
    CHECK(map.height == 82 + 56);
}

TEST_CASE("story map: a choice's kind is misattuning if any move is, else attuning if any is") {
    const auto story = crossing_story();
    const auto kind = [&](const char* scene, int choice) {
        return choice_kind(story->scenes[story->find_scene(scene)].choices[choice]);
    };
    CHECK(kind("s", 0) == MoveKind::Attuning);
    CHECK(kind("s", 1) == MoveKind::Misattuning);
    CHECK(kind("x", 0) == MoveKind::Misattuning); // ask and blame together
    CHECK(kind("y", 0) == MoveKind::Neutral);
}
