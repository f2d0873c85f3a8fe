#include "widgets.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace attune {

namespace {

constexpr float line_height_factor = 1.4f;

// ImGui may break before a closing quote or full stop; move such a break back to the
// previous space so punctuation never starts a line on its own.
const char* keep_punctuation_attached(const char* start, const char* stop, const char* end) {
    const char* word_end = std::find(stop, end, ' ');
    const bool only_punctuation = std::all_of(
        stop, word_end, [](char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; });
    if (stop == end || *stop == ' ' || stop[-1] == ' ' || !only_punctuation) {
        return stop;
    }
    for (const char* space = stop - 1; space > start; --space) {
        if (*space == ' ') {
            return space;
        }
    }
    return stop;
}

// Calls `line` for each wrapped line of `text`; returns how many lines there were.
template <typename Visit> int each_wrapped_line(std::string_view text, float width, Visit line) {
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const char* start = text.data();
    const char* const end = text.data() + text.size();
    int count = 0;
    while (start < end) {
        const char* newline = std::find(start, end, '\n');
        const char* stop =
            font->CalcWordWrapPositionA(size / font->FontSize, start, newline, width);
        if (stop == start) {
            stop = std::min(start + 1, newline); // a word wider than the line: break inside it
        }
        stop = keep_punctuation_attached(start, stop, newline);
        line(start, stop);
        ++count;
        start = stop;
        while (start < end && (*start == ' ' || *start == '\n')) {
            ++start;
        }
    }
    return count;
}

// Draws the wrapped lines of `text` from `origin` without adding a layout item; returns
// the number of lines.
int draw_lines(ImVec2 origin, std::string_view text, ImU32 color, float width,
               std::size_t limit = std::string_view::npos) {
    const float line_height = ImGui::GetFontSize() * line_height_factor;
    const float lead = (line_height - ImGui::GetFontSize()) / 2;
    const char* const cut = text.data() + std::min(limit, text.size());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    int lines = 0;
    each_wrapped_line(text, width, [&](const char* from, const char* to) {
        if (from < cut) {
            draw->AddText(ImVec2(origin.x, origin.y + lines * line_height + lead), color, from,
                          std::min(to, cut));
        }
        ++lines;
    });
    return lines;
}

// Pressable items in the order drawn this frame, for Tab and Shift+Tab.
struct TabStop {
    ImGuiID id;
    ImGuiWindow* window;
    ImRect rect;
};
std::vector<TabStop> tab_stops;

} // namespace

void tab_stop(ImGuiID id, const ImRect& rect) {
    if (id != 0) {
        tab_stops.push_back({id, ImGui::GetCurrentWindow(), rect});
    }
}

void tab_stop_last_item() {
    tab_stop(ImGui::GetItemID(), ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
}

void tab_focus_end_frame() {
    const std::vector<TabStop> stops = std::exchange(tab_stops, {});
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (stops.empty() || !ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab), false) ||
        g.ActiveId != 0 || ImGui::GetIO().KeyCtrl) {
        return;
    }
    // The ring runs through the front-most menu: the focused window's, else the last drawn.
    ImGuiWindow* root = g.NavWindow ? g.NavWindow->RootWindow : nullptr;
    auto in_root = [&](const TabStop& stop) { return stop.window->RootWindow == root; };
    if (!root || std::none_of(stops.begin(), stops.end(), in_root)) {
        root = stops.back().window->RootWindow;
    }
    std::vector<TabStop> ring;
    std::copy_if(stops.begin(), stops.end(), std::back_inserter(ring), in_root);
    const int count = static_cast<int>(ring.size());
    const int step = ImGui::GetIO().KeyShift ? -1 : 1;
    // Without a visible ring (ImGui quietly focuses a window's first item), the first Tab
    // shows it on the first stop, Shift+Tab on the last.
    const auto here = g.NavDisableHighlight
                          ? ring.end()
                          : std::find_if(ring.begin(), ring.end(),
                                         [&](const TabStop& stop) { return stop.id == g.NavId; });
    const int next = here == ring.end()
                         ? (step > 0 ? 0 : count - 1)
                         : (static_cast<int>(here - ring.begin()) + step + count) % count;
    const TabStop& target = ring[next];

    ImGui::FocusWindow(target.window);
    ImGui::SetFocusID(target.id, target.window);
    target.window->NavRectRel[0] = ImGui::WindowRectAbsToRel(target.window, target.rect);
    g.NavDisableHighlight = false; // show the focus ring, as the arrow keys do
    g.NavDisableMouseHover = true;
    ImGui::ScrollToBringRectIntoView(target.window, target.rect);
}

void paragraph(std::string_view text, ImU32 color, float width, std::size_t limit) {
    const int lines = draw_lines(ImGui::GetCursorScreenPos(), text, color, width, limit);
    // Space is reserved for the whole paragraph so revealing text never moves the layout.
    ImGui::Dummy(ImVec2(width, lines * ImGui::GetFontSize() * line_height_factor));
}

float paragraph_height(std::string_view text, float width) {
    const int lines = each_wrapped_line(text, width, [](const char*, const char*) {});
    return lines * ImGui::GetFontSize() * line_height_factor;
}

bool text_field(const char* id, const char* hint, std::string& value, float width) {
    ImGui::SetNextItemWidth(width);
    ImGui::PushItemFlag(ImGuiItemFlags_NoTabStop, true);
    const bool changed = ImGui::InputTextWithHint(id, hint, &value);
    ImGui::PopItemFlag();
    tab_stop_last_item();
    return changed;
}

bool number_field(const char* label, int& value, float width) {
    ImGui::SetNextItemWidth(width);
    ImGui::PushItemFlag(ImGuiItemFlags_NoTabStop, true);
    const bool changed = ImGui::InputInt(label, &value);
    ImGui::PopItemFlag();
    tab_stop_last_item();
    return changed;
}

float target_height() {
    return std::max(44.0f, ImGui::GetFontSize() * 2.2f);
}

namespace {

float badge_width(std::string_view badge) {
    return badge.empty() ? 0 : ImGui::GetFontSize() * 1.9f;
}

// Above and below a wrapped label; it stops growing with large text so long choices stay
// compact (the target height still grows with the text).
float button_padding_y() {
    return std::min(ImGui::GetStyle().FramePadding.y, 12.0f);
}

float button_text_width(float width, std::string_view badge) {
    return width - 2 * ImGui::GetStyle().FramePadding.x - badge_width(badge);
}

} // namespace

float wrapped_button_height(std::string_view label, float width, std::string_view badge) {
    const float text_height = paragraph_height(label, button_text_width(width, badge));
    return std::max(target_height(), text_height + 2 * button_padding_y());
}

bool wrapped_button(const char* id, std::string_view label, float width, std::string_view badge) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float text_width = button_text_width(width, badge);
    const float text_height = paragraph_height(label, text_width);
    const float height = wrapped_button_height(label, width, badge);
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::Button(id, ImVec2(width, height));

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    if (!badge.empty()) {
        const float radius = ImGui::GetFontSize() * 0.72f;
        const ImVec2 centre(top_left.x + style.FramePadding.x + radius, top_left.y + height / 2);
        draw->AddCircle(centre, radius, ImGui::GetColorU32(ImGuiCol_CheckMark), 0, 1.5f);
        const ImVec2 size = ImGui::CalcTextSize(badge.data(), badge.data() + badge.size());
        draw->AddText(ImVec2(centre.x - size.x / 2, centre.y - size.y / 2), text, badge.data(),
                      badge.data() + badge.size());
    }
    const ImVec2 text_pos(top_left.x + style.FramePadding.x + badge_width(badge),
                          top_left.y + (height - text_height) / 2);
    draw_lines(text_pos, label, text, text_width);
    tab_stop_last_item();
    return pressed;
}

void struck_through(std::string_view label, float width, ImU32 color, std::string_view badge) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float text_width = button_text_width(width, "0");
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    if (!badge.empty()) {
        const float radius = ImGui::GetFontSize() * 0.72f;
        const float line_height = ImGui::GetFontSize() * line_height_factor;
        const ImVec2 centre(top_left.x + style.FramePadding.x + radius,
                            top_left.y + line_height / 2);
        const ImVec2 size = ImGui::CalcTextSize(badge.data(), badge.data() + badge.size());
        ImGui::GetWindowDrawList()->AddText(ImVec2(centre.x - size.x / 2, centre.y - size.y / 2),
                                            color, badge.data(), badge.data() + badge.size());
    }
    ImGui::SetCursorScreenPos(
        ImVec2(top_left.x + style.FramePadding.x + badge_width("0"), top_left.y));
    const float line_height = ImGui::GetFontSize() * line_height_factor;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    int lines = 0;
    each_wrapped_line(label, text_width, [&](const char* from, const char* to) {
        const float y = start.y + lines * line_height + (line_height - ImGui::GetFontSize()) / 2;
        draw->AddText(ImVec2(start.x, y), color, from, to);
        const float strike_y = y + ImGui::GetFontSize() * 0.55f;
        const float length = ImGui::CalcTextSize(from, to).x;
        draw->AddLine(ImVec2(start.x, strike_y), ImVec2(start.x + length, strike_y), color,
                      std::max(1.0f, ImGui::GetFontSize() / 14));
        ++lines;
    });
    ImGui::Dummy(ImVec2(text_width, lines * line_height));
}

float struck_through_height(std::string_view label, float width) {
    return paragraph_height(label, button_text_width(width, "0"));
}

void begin_panel(const char* id, ImVec2 min, ImVec2 max, bool scroll) {
    ImGui::SetNextWindowPos(min);
    ImGui::SetNextWindowSize(ImVec2(max.x - min.x, max.y - min.y));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                             ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (!scroll) {
        flags |= ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::Begin(id, nullptr, flags);
    ImGui::PopStyleVar();
}

} // namespace attune
