// The authors' story map panel, drawn headless with Dear ImGui: it culls what is off
// screen, follows the current scene, and reports a click on a scene in author mode.

#include "support.h"

#include "play/session.h"
#include "story_map_panel.h"

#include <imgui.h>

#include <algorithm>

namespace {

using namespace attune;

// A long story: scene i leads to i+1 and i+2, the last ones to one ending.
std::shared_ptr<const Story> long_story(int scenes) {
    nlohmann::json story = {{"id", "long"},      {"title", "Long"},          {"version", "1"},
                            {"summary", "s"},    {"relationship", "friend"}, {"minutes", 1},
                            {"age_band", "all"}, {"author", "tests"},        {"start", "s0"}};
    story["characters"] = {{{"id", "a"},
                            {"name", "A"},
                            {"pronouns", "they/them"},
                            {"role", "friend"},
                            {"anxiety", 0.3},
                            {"avoidance", 0.3},
                            {"safety", 50},
                            {"distance", 50}}};
    for (int i = 0; i < scenes; ++i) {
        auto next = [&](int j) {
            return j < scenes ? "s" + std::to_string(j) : std::string("end");
        };
        story["scenes"].push_back({{"id", "s" + std::to_string(i)},
                                   {"choices",
                                    {{{"id", "a"},
                                      {"text", "On."},
                                      {"moves", {{{"move", "validate"}}}},
                                      {"next", next(i + 1)}},
                                     {{"id", "b"},
                                      {"text", "Skip."},
                                      {"moves", {{{"move", "dismiss"}}}},
                                      {"next", next(i + 2)}}}}});
    }
    story["endings"] = {{{"id", "end"}, {"kind", "open"}, {"title", "End"}, {"reflection", {"?"}}}};
    Result<std::shared_ptr<const Story>> result = load_story_text("long.json", story.dump());
    REQUIRE(result);
    return *result;
}

/// One ImGui frame with no renderer behind it: enough to build draw lists.
struct HeadlessImGui {
    HeadlessImGui() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1280, 720);
        io.IniFilename = nullptr;
        unsigned char* pixels = nullptr;
        int w = 0;
        int h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~HeadlessImGui() { ImGui::DestroyContext(); }

    MapFrame frame(const Story& story, const StoryMap& map, int current, MapView& view, bool author,
                   const std::vector<MapSight>& sight = {}) {
        ImGui::GetIO().DeltaTime = 1.f / 60;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1280, 720));
        ImGui::Begin("map");
        const MapFrame drawn = show_story_map(story, map, current, view, author, palette(false),
                                              ImVec2(1200, 640), sight);
        ImGui::End();
        ImGui::Render();
        return drawn;
    }
};

} // namespace

TEST_CASE("story map panel: draws only what is visible, at 2,000 scenes") {
    const auto story = long_story(2000);
    const StoryMap map = layout_story(*story);
    HeadlessImGui imgui;
    MapView view;
    const MapFrame near = imgui.frame(*story, map, 1000, view, false);
    CHECK(view.centred);
    CHECK(near.nodes_drawn > 0);
    CHECK(near.nodes_drawn < 40);
    CHECK(near.edges_drawn < 80);
    view.zoom = 0.08f;
    const MapFrame far = imgui.frame(*story, map, 1000, view, false);
    CHECK(far.nodes_drawn > near.nodes_drawn);
    CHECK(far.nodes_drawn < 2001);
}

TEST_CASE("story map panel: clicking a scene jumps there only in author mode") {
    const auto story = long_story(6);
    const StoryMap map = layout_story(*story);
    HeadlessImGui imgui;
    for (const bool author : {false, true}) {
        MapView view;
        imgui.frame(*story, map, 0, view, author); // centres on scene 0
        // Where scene 0's box is on screen now: the panel starts at the window's cursor.
        const ImVec2 cursor =
            ImVec2(ImGui::GetStyle().WindowPadding.x, ImGui::GetStyle().WindowPadding.y);
        const ImVec2 centre(cursor.x + (map.nodes[0].x - view.offset.x) * view.zoom,
                            cursor.y + (map.nodes[0].y - view.offset.y) * view.zoom);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = centre;
        io.MouseDown[0] = true;
        imgui.frame(*story, map, 0, view, author);
        io.MouseDown[0] = false;
        const MapFrame released = imgui.frame(*story, map, 0, view, author);
        CHECK(released.clicked_scene == (author ? 0 : -1));
    }
}

TEST_CASE("story map panel: a player sees where they have been and ? where choices lead") {
    const auto story = long_story(12);
    const StoryMap map = layout_story(*story);
    Session session(story, test::params(), 1);
    REQUIRE(session.choose("a")); // s0 -> s1
    REQUIRE(session.choose("b")); // s1 -> s3
    const std::vector<MapSight> sight = map_sight(session, map);
    auto count = [&](MapSight kind) { return std::count(sight.begin(), sight.end(), kind); };
    CHECK(count(MapSight::Seen) == 3); // s0, s1 and s3, where the player is
    CHECK(sight[0] == MapSight::Seen);
    CHECK(sight[2] == MapSight::Hidden); // skipped, never seen
    CHECK(sight[3] == MapSight::Seen);
    CHECK(sight[4] == MapSight::Ahead); // s3's choices lead to s4 and s5
    CHECK(sight[5] == MapSight::Ahead);
    CHECK(count(MapSight::Ahead) == 2);

    HeadlessImGui imgui;
    MapView view;
    view.zoom = 0.3f; // the whole story in view
    const MapFrame player = imgui.frame(*story, map, 3, view, false, sight);
    CHECK(player.nodes_drawn == 5);
    CHECK(player.edges_drawn == 4); // s0-s1, s1-s3, and the two ways on from s3
    const MapFrame author = imgui.frame(*story, map, 3, view, true, sight);
    CHECK(author.nodes_drawn == static_cast<int>(map.nodes.size()));
}
