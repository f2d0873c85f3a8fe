#include "story/layout.h"

#include <algorithm>
#include <queue>

namespace attune {

namespace {

constexpr float column_gap = 90;
constexpr float row_gap = 26;

// Shortest number of choices from the start to each node; -1 when unreachable.
std::vector<int> layers_from_start(const Story& story) {
    const int scene_count = static_cast<int>(story.scenes.size());
    std::vector<int> layer(story.scenes.size() + story.endings.size(), -1);
    std::queue<int> todo;
    layer[story.start] = 0;
    todo.push(story.start);
    while (!todo.empty()) {
        const int scene = todo.front();
        todo.pop();
        for (const Choice& choice : story.scenes[scene].choices) {
            const int node = map_node_of(story, choice.next.is_ending, choice.next.index);
            if (layer[node] >= 0) {
                continue;
            }
            layer[node] = layer[scene] + 1;
            if (node < scene_count) {
                todo.push(node);
            }
        }
    }
    return layer;
}

// Within each layer, orders nodes by the average row of the nodes leading to them (one
// barycentre pass, layer by layer), so most arrows run straight rather than across.
std::vector<std::vector<int>> ordered_columns(const StoryMap& map, int layers) {
    std::vector<std::vector<int>> incoming(map.nodes.size());
    for (const MapEdge& e : map.edges) {
        if (map.nodes[e.from].layer < map.nodes[e.to].layer) {
            incoming[e.to].push_back(e.from);
        }
    }
    std::vector<std::vector<int>> columns(layers);
    for (std::size_t i = 0; i < map.nodes.size(); ++i) {
        columns[map.nodes[i].layer].push_back(static_cast<int>(i));
    }
    std::vector<float> row(map.nodes.size(), 0);
    for (std::vector<int>& column : columns) {
        std::vector<std::pair<float, int>> keyed;
        for (std::size_t k = 0; k < column.size(); ++k) {
            float sum = 0;
            for (const int from : incoming[column[k]]) {
                sum += row[from];
            }
            const std::size_t count = incoming[column[k]].size();
            keyed.push_back({count ? sum / count : static_cast<float>(k), column[k]});
        }
        std::stable_sort(keyed.begin(), keyed.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t k = 0; k < keyed.size(); ++k) {
            column[k] = keyed[k].second;
            row[column[k]] = static_cast<float>(k);
        }
    }
    return columns;
}

} // namespace

MoveKind choice_kind(const Choice& choice) {
    MoveKind kind = MoveKind::Neutral;
    for (const MoveRef& ref : choice.moves) {
        const MoveKind k = move_kind(ref.move);
        if (k == MoveKind::Misattuning) {
            return k;
        }
        if (k == MoveKind::Attuning) {
            kind = k;
        }
    }
    return kind;
}

StoryMap layout_story(const Story& story) {
    StoryMap map;
    const std::vector<int> layer = layers_from_start(story);
    const int last = *std::max_element(layer.begin(), layer.end()) + 1;
    map.nodes.resize(layer.size());
    for (std::size_t i = 0; i < layer.size(); ++i) {
        const bool ending = i >= story.scenes.size();
        const int index = ending ? static_cast<int>(i - story.scenes.size()) : static_cast<int>(i);
        map.nodes[i] = MapNode{ending, index, layer[i] >= 0 ? layer[i] : last, layer[i] >= 0, 0, 0};
    }
    for (std::size_t s = 0; s < story.scenes.size(); ++s) {
        for (const Choice& choice : story.scenes[s].choices) {
            map.edges.push_back({static_cast<int>(s),
                                 map_node_of(story, choice.next.is_ending, choice.next.index),
                                 choice_kind(choice)});
        }
    }
    const std::vector<std::vector<int>> columns = ordered_columns(map, last + 1);
    for (std::size_t c = 0; c < columns.size(); ++c) {
        for (std::size_t k = 0; k < columns[c].size(); ++k) {
            MapNode& node = map.nodes[columns[c][k]];
            node.x = c * (map_node_width + column_gap) + map_node_width / 2;
            node.y = k * (map_node_height + row_gap) + map_node_height / 2;
            map.width = std::max(map.width, node.x + map_node_width / 2);
            map.height = std::max(map.height, node.y + map_node_height / 2);
        }
    }
    return map;
}

} // namespace attune
