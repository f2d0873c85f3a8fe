#pragma once
// The story map for authors: every scene as a box, every choice as an arrow coloured by
// the kind of move it makes, the current scene highlighted. Pan by dragging, zoom with the
// wheel (or + and -), Home centres on where you are. Only what is on screen is drawn, so
// a story of thousands of scenes stays smooth.

#include "story/layout.h"
#include "theme.h"

#include <imgui.h>

#include <vector>

namespace attune {

/// Where the map is looking. Kept by the caller between frames.
struct MapView {
    float zoom = 1;
    ImVec2 offset{0, 0};  ///< map point shown at the panel's top-left corner
    bool centred = false; ///< centre on the current scene at the next frame
};

/// What the last frame drew, for tests and benchmarks.
struct MapFrame {
    int nodes_drawn = 0;
    int edges_drawn = 0;
    int clicked_scene = -1; ///< a scene clicked in author mode, else -1
};

/// How much of a node a player may see: the map shows players where they have been and
/// a "?" where the current choices lead, never the scenes ahead.
enum class MapSight : unsigned char { Hidden, Seen, Ahead };

class Session;

/// For each map node: the scenes on the path played (and the ending, once reached) are
/// seen; where the current scene's choices lead, unless seen, is ahead.
std::vector<MapSight> map_sight(const Session& session, const StoryMap& map);

/// Draws the map filling `size` at the cursor of the current ImGui window. In author mode
/// every node shows with its id; otherwise only what `sight` allows, with titles.
MapFrame show_story_map(const Story& story, const StoryMap& map, int current_node, MapView& view,
                        bool author_mode, const Palette& colors, ImVec2 size,
                        const std::vector<MapSight>& sight = {});

} // namespace attune
