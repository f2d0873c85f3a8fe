#pragma once
// Where each scene sits on the story map: a layered layout computed once per story.
// Layers follow the shortest path from the start, so a reader sees the story flow left
// to right; within a layer scenes are ordered next to the scenes that lead to them.

#include "model/moves.h"
#include "story/story.h"

#include <vector>

namespace attune {

/// One box on the map: a scene or an ending, with its centre in map units.
struct MapNode {
    bool is_ending = false;
    int index = 0; ///< into Story::scenes or Story::endings
    int layer = 0; ///< steps from the start; unreachable nodes go in a last layer
    bool reachable = true;
    float x = 0;
    float y = 0;
};

/// One arrow: a choice from one node to another, coloured by the kind of its moves.
struct MapEdge {
    int from = 0; ///< node indices
    int to = 0;
    MoveKind kind = MoveKind::Neutral;
};

struct StoryMap {
    std::vector<MapNode> nodes; ///< scenes first (node i is scene i), then endings
    std::vector<MapEdge> edges;
    float width = 0; ///< extent of the layout in map units
    float height = 0;
};

inline constexpr float map_node_width = 180;
inline constexpr float map_node_height = 56;

/// The kind a choice shows on the map: misattuning if any of its moves is, else
/// attuning if any is, else neutral.
MoveKind choice_kind(const Choice& choice);

StoryMap layout_story(const Story& story);

/// The node a scene or ending is drawn as.
inline int map_node_of(const Story& story, bool is_ending, int index) {
    return is_ending ? static_cast<int>(story.scenes.size()) + index : index;
}

} // namespace attune
