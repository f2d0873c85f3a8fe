#include "story_map_panel.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace attune {

namespace {

constexpr float min_zoom = 0.08f;
constexpr float max_zoom = 2.5f;
constexpr float labels_from_zoom = 0.45f; // smaller than this, labels would be unreadable

struct Transform {
    ImVec2 origin; ///< screen position of the panel's top-left
    ImVec2 offset; ///< map point at the top-left
    float zoom;

    ImVec2 to_screen(float x, float y) const {
        return {origin.x + (x - offset.x) * zoom, origin.y + (y - offset.y) * zoom};
    }
};

ImU32 edge_color(MoveKind kind, const Palette& colors) {
    switch (kind) {
    case MoveKind::Attuning:
        return colors.warm;
    case MoveKind::Misattuning:
        return colors.rupture;
    default:
        return colors.dim;
    }
}

ImU32 ending_color(EndingKind kind, const Palette& colors) {
    switch (kind) {
    case EndingKind::Repaired:
        return colors.repair;
    case EndingKind::Ruptured:
        return colors.rupture;
    default:
        return colors.cool;
    }
}

const std::string& node_label(const Story& story, const MapNode& node) {
    return node.is_ending ? story.endings[node.index].id : story.scenes[node.index].id;
}

// Drag to pan, wheel or +/- to zoom about the pointer, Home to centre on the current scene.
void handle_input(MapView& view, const Transform& t, ImVec2 size, bool hovered, bool focused) {
    ImGuiIO& io = ImGui::GetIO();
    if (hovered && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        view.offset.x -= io.MouseDelta.x / view.zoom;
        view.offset.y -= io.MouseDelta.y / view.zoom;
    }
    float wheel = hovered ? io.MouseWheel : 0;
    if (focused) {
        wheel += ImGui::IsKeyPressed('=') || ImGui::IsKeyPressed('+') ? 1.f : 0.f;
        wheel -= ImGui::IsKeyPressed('-') ? 1.f : 0.f;
        const float step = 60 / view.zoom;
        view.offset.x += (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)) -
                          ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) *
                         step;
        view.offset.y += (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)) -
                          ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) *
                         step;
        view.centred = view.centred && !ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home));
    }
    if (wheel != 0) {
        const ImVec2 anchor =
            hovered ? io.MousePos : ImVec2(t.origin.x + size.x / 2, t.origin.y + size.y / 2);
        const float before_x = t.offset.x + (anchor.x - t.origin.x) / view.zoom;
        const float before_y = t.offset.y + (anchor.y - t.origin.y) / view.zoom;
        view.zoom = std::clamp(view.zoom * std::pow(1.15f, wheel), min_zoom, max_zoom);
        view.offset = {before_x - (anchor.x - t.origin.x) / view.zoom,
                       before_y - (anchor.y - t.origin.y) / view.zoom};
    }
}

void centre_on(MapView& view, const MapNode& node, ImVec2 size) {
    view.offset = {node.x - size.x / 2 / view.zoom, node.y - size.y / 2 / view.zoom};
    view.centred = true;
}

bool box_visible(float x0, float y0, float x1, float y1, const ImVec2& view_min,
                 const ImVec2& view_max) {
    return x1 >= view_min.x && x0 <= view_max.x && y1 >= view_min.y && y0 <= view_max.y;
}

int draw_edges(ImDrawList* draw, const StoryMap& map, const Transform& t, ImVec2 view_min,
               ImVec2 view_max, const Palette& colors) {
    int drawn = 0;
    const float half_w = map_node_width / 2;
    for (const MapEdge& e : map.edges) {
        const MapNode& a = map.nodes[e.from];
        const MapNode& b = map.nodes[e.to];
        if (!box_visible(std::min(a.x, b.x) - half_w, std::min(a.y, b.y),
                         std::max(a.x, b.x) + half_w, std::max(a.y, b.y), view_min, view_max)) {
            continue;
        }
        const ImVec2 from = t.to_screen(a.x + half_w, a.y);
        const ImVec2 to = t.to_screen(b.x - half_w, b.y);
        const float bend = std::max(40.f, std::abs(to.x - from.x) * 0.4f);
        // Arrows that go back (loops) arc out and round instead of cutting through boxes.
        draw->AddBezierCubic(from, ImVec2(from.x + bend, from.y), ImVec2(to.x - bend, to.y), to,
                             edge_color(e.kind, colors), std::max(1.f, 2 * t.zoom));
        draw->AddCircleFilled(to, std::max(2.f, 4 * t.zoom), edge_color(e.kind, colors));
        ++drawn;
    }
    return drawn;
}

} // namespace

MapFrame show_story_map(const Story& story, const StoryMap& map, int current_node, MapView& view,
                        bool author_mode, const Palette& colors, ImVec2 size) {
    MapFrame frame;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("story-map", size);
    const bool hovered = ImGui::IsItemHovered();
    const bool focused = ImGui::IsItemFocused();
    if (!view.centred && current_node >= 0) {
        centre_on(view, map.nodes[current_node], size);
    }
    handle_input(view, Transform{origin, view.offset, view.zoom}, size, hovered, focused);
    const Transform t{origin, view.offset, view.zoom};
    const ImVec2 view_min = view.offset;
    const ImVec2 view_max(view.offset.x + size.x / view.zoom, view.offset.y + size.y / view.zoom);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
    draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y),
                        colors.background_top);
    frame.edges_drawn = draw_edges(draw, map, t, view_min, view_max, colors);

    const float half_w = map_node_width / 2;
    const float half_h = map_node_height / 2;
    const bool labels = view.zoom >= labels_from_zoom;
    for (std::size_t i = 0; i < map.nodes.size(); ++i) {
        const MapNode& node = map.nodes[i];
        if (!box_visible(node.x - half_w, node.y - half_h, node.x + half_w, node.y + half_h,
                         view_min, view_max)) {
            continue;
        }
        ++frame.nodes_drawn;
        const ImVec2 min = t.to_screen(node.x - half_w, node.y - half_h);
        const ImVec2 max = t.to_screen(node.x + half_w, node.y + half_h);
        const ImU32 fill =
            node.is_ending ? ending_color(story.endings[node.index].kind, colors) : colors.panel;
        const float rounding = 6 * view.zoom;
        draw->AddRectFilled(min, max, fill, rounding);
        const bool here = static_cast<int>(i) == current_node;
        draw->AddRect(min, max,
                      here ? colors.warm : (node.reachable ? colors.grid : colors.rupture),
                      rounding, 0, here ? 3.f : 1.f);
        if (labels) {
            const std::string& label = node_label(story, node);
            draw->PushClipRect(min, max, true);
            draw->AddText(
                ImVec2(min.x + 8 * view.zoom, min.y + (max.y - min.y - ImGui::GetFontSize()) / 2),
                node.is_ending ? colors.background_top : colors.text, label.c_str());
            draw->PopClipRect();
        }
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        const bool over =
            hovered && mouse.x >= min.x && mouse.x <= max.x && mouse.y >= min.y && mouse.y <= max.y;
        if (over && !node.is_ending && author_mode &&
            ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
            ImGui::GetIO().MouseDragMaxDistanceSqr[0] <
                ImGui::GetIO().MouseDragThreshold * ImGui::GetIO().MouseDragThreshold) {
            frame.clicked_scene = node.index;
        }
        if (over) {
            ImGui::SetTooltip("%s", node.is_ending
                                        ? story.endings[node.index].title.c_str()
                                        : (story.scenes[node.index].title.empty()
                                               ? story.scenes[node.index].id.c_str()
                                               : story.scenes[node.index].title.c_str()));
        }
    }
    draw->PopClipRect();
    return frame;
}

} // namespace attune
