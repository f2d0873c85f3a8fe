#include "story_map_panel.h"

#include "play/session.h"

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

// Authors see ids; players see titles (an untitled scene by its id in plain words) and
// a "?" where a choice would take them.
std::string node_label(const Story& story, const MapNode& node, bool author_mode, MapSight sight) {
    if (author_mode) {
        return node.is_ending ? story.endings[node.index].id : story.scenes[node.index].id;
    }
    if (sight == MapSight::Ahead) {
        return "?";
    }
    std::string title =
        node.is_ending ? story.endings[node.index].title : story.scenes[node.index].title;
    if (title.empty()) {
        title = node.is_ending ? story.endings[node.index].id : story.scenes[node.index].id;
        std::replace(title.begin(), title.end(), '-', ' ');
        title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    }
    return title;
}

// `text` cut to `width` with an ellipsis.
std::string ellipsized(std::string text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) {
        return text;
    }
    while (!text.empty() && ImGui::CalcTextSize((text + "\xE2\x80\xA6").c_str()).x > width) {
        text.pop_back();
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) {
            text.pop_back(); // never leave half a UTF-8 character
        }
    }
    return text + "\xE2\x80\xA6";
}

// The label in at most `lines` lines of `width`, broken at a space near the middle.
std::vector<std::string> fit_label(const std::string& text, float width, int lines) {
    if (lines < 2 || ImGui::CalcTextSize(text.c_str()).x <= width) {
        return {ellipsized(text, width)};
    }
    std::size_t best = std::string::npos;
    for (std::size_t at = text.find(' '); at != std::string::npos; at = text.find(' ', at + 1)) {
        if (ImGui::CalcTextSize(text.substr(0, at).c_str()).x <= width) {
            best = at;
        }
    }
    if (best == std::string::npos) {
        return {ellipsized(text, width)};
    }
    return {text.substr(0, best), ellipsized(text.substr(best + 1), width)};
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

MapSight sight_of(const std::vector<MapSight>& sight, std::size_t node) {
    return sight.empty() ? MapSight::Seen : sight[node];
}

int draw_edges(ImDrawList* draw, const StoryMap& map, const Transform& t, ImVec2 view_min,
               ImVec2 view_max, const Palette& colors, const std::vector<MapSight>& sight) {
    int drawn = 0;
    const float half_w = map_node_width / 2;
    for (const MapEdge& e : map.edges) {
        if (sight_of(sight, e.from) != MapSight::Seen ||
            sight_of(sight, e.to) == MapSight::Hidden) {
            continue;
        }
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

std::vector<MapSight> map_sight(const Session& session, const StoryMap& map) {
    const Story& story = session.story();
    std::vector<MapSight> sight(map.nodes.size(), MapSight::Hidden);
    for (const Step& step : session.history()) {
        sight[map_node_of(story, false, step.scene)] = MapSight::Seen;
    }
    if (session.is_finished()) {
        sight[map_node_of(story, true, session.state().ending)] = MapSight::Seen;
        return sight;
    }
    sight[map_node_of(story, false, session.state().scene)] = MapSight::Seen;
    for (const Choice& choice : session.scene().choices) {
        MapSight& next = sight[map_node_of(story, choice.next.is_ending, choice.next.index)];
        if (next == MapSight::Hidden) {
            next = MapSight::Ahead;
        }
    }
    return sight;
}

MapFrame show_story_map(const Story& story, const StoryMap& map, int current_node, MapView& view,
                        bool author_mode, const Palette& colors, ImVec2 size,
                        const std::vector<MapSight>& sight_in) {
    const std::vector<MapSight> everything;
    const std::vector<MapSight>& sight = author_mode ? everything : sight_in;
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
    frame.edges_drawn = draw_edges(draw, map, t, view_min, view_max, colors, sight);

    const float half_w = map_node_width / 2;
    const float half_h = map_node_height / 2;
    const bool labels = view.zoom >= labels_from_zoom;
    for (std::size_t i = 0; i < map.nodes.size(); ++i) {
        const MapNode& node = map.nodes[i];
        const MapSight seen = sight_of(sight, i);
        if (seen == MapSight::Hidden) {
            continue;
        }
        if (!box_visible(node.x - half_w, node.y - half_h, node.x + half_w, node.y + half_h,
                         view_min, view_max)) {
            continue;
        }
        ++frame.nodes_drawn;
        const ImVec2 min = t.to_screen(node.x - half_w, node.y - half_h);
        const ImVec2 max = t.to_screen(node.x + half_w, node.y + half_h);
        const bool ahead = seen == MapSight::Ahead;
        const ImU32 fill = node.is_ending && !ahead
                               ? ending_color(story.endings[node.index].kind, colors)
                               : colors.panel;
        const float rounding = 6 * view.zoom;
        draw->AddRectFilled(min, max, fill, rounding);
        const bool here = static_cast<int>(i) == current_node;
        const ImU32 border = here                               ? colors.warm
                             : ahead                            ? colors.dim
                             : (node.reachable || !author_mode) ? colors.grid
                                                                : colors.rupture;
        draw->AddRect(min, max, border, rounding, 0, here ? 3.f : 1.f);
        if (labels) {
            // A box cut by the panel's left edge keeps its label in view.
            const float pad = 8 * view.zoom;
            const float left = std::max(min.x + pad, origin.x + 6);
            const float font = ImGui::GetFontSize();
            const int fits = (max.y - min.y) >= 2.3f * font ? 2 : 1;
            const std::vector<std::string> lines =
                fit_label(node_label(story, node, author_mode, seen), max.x - pad - left, fits);
            const ImU32 ink = node.is_ending && !ahead ? colors.background_top
                              : ahead                  ? colors.dim
                                                       : colors.text;
            float y = min.y + (max.y - min.y - font * static_cast<float>(lines.size())) / 2;
            draw->PushClipRect(min, max, true);
            for (const std::string& line : lines) {
                const float x =
                    ahead ? (min.x + max.x - ImGui::CalcTextSize(line.c_str()).x) / 2 : left;
                draw->AddText(ImVec2(x, y), ink, line.c_str());
                y += font;
            }
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
            const std::string tip = ahead ? std::string("Where one of your choices leads")
                                          : node_label(story, node, false, seen);
            ImGui::SetTooltip("%s", tip.c_str());
        }
    }
    draw->PopClipRect();
    return frame;
}

} // namespace attune
