// The pause menu over the play screen, the save and load lists, and the quiet
// "take a pause" screen.

#include "screens.h"
#include "widgets.h"

#include <imgui_internal.h>

#include <cmath>
#include <ctime>
#include <string>

namespace attune {

namespace {

constexpr int named_slots = 6;

std::string when(std::int64_t seconds) {
    const std::time_t time = static_cast<std::time_t>(seconds);
    std::tm local{};
    localtime_r(&time, &local);
    char text[40];
    std::strftime(text, sizeof text, "%e %b, %H:%M", &local);
    return text;
}

std::string describe_slot(const SlotInfo& slot) {
    const std::string name = slot.is_autosave ? "Autosave" : slot.name;
    return name + ": " + slot.story_title + ", " + slot.scene_title + " (" + when(slot.saved_at) +
           ")";
}

// A centred window over a dimmed screen; returns its content width.
float begin_menu(ScreenContext& context, const char* id, float width_in_text,
                 ImGuiWindowFlags extra = 0) {
    const float width = std::min(context.size.x * 0.9f, context.text_px * width_in_text);
    ImGui::SetNextWindowPos(ImVec2(context.size.x / 2, context.size.y / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, context.size.y * 0.92f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, to_vec4(context.colors.panel));
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | extra);
    ImGui::PopStyleColor();
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    return width - 2 * ImGui::GetStyle().WindowPadding.x;
}

void dim_behind(ScreenContext& context) {
    begin_panel("dim", ImVec2(0, 0), context.size, false);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(ImVec2(0, 0), context.size, false); // past the window's padding
    draw->AddRectFilled(ImVec2(0, 0), context.size, IM_COL32(8, 10, 16, 170));
    draw->PopClipRect();
    // Above the screen's own panels, which were drawn earlier in the frame.
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    ImGui::End();
}

// On a short window with large text the pause menu's buttons go in two columns, so
// all of them fit without scrolling.
bool pause_in_two_columns(const ScreenContext& context) {
    return context.size.y < context.text_px * 24;
}

void pause_buttons(ScreenContext& context, float width) {
    Game& game = context.game;
    ImGui::PushFont(context.fonts.heading);
    paragraph("Paused", context.colors.warm, width);
    ImGui::PopFont();
    const bool two = pause_in_two_columns(context);
    const float button = two ? (width - ImGui::GetStyle().ItemSpacing.x) / 2 : width;
    int placed = 0;
    auto item = [&](const char* id, const char* label) {
        if (two && placed++ % 2 == 1) {
            ImGui::SameLine();
        }
        return wrapped_button(id, label, button);
    };
    focus_if_asked(game);
    if (item("##resume", "Resume")) {
        game.resume();
    }
    if (item("##save", "Save")) {
        game.open_save();
    }
    if (item("##load", "Load")) {
        game.open_load();
    }
    if (item("##settings", "Settings")) {
        game.open_settings();
    }
    if (item("##intro", "How this works")) {
        game.open_intro();
    }
    if (item("##stepout", "Step out for a moment")) {
        game.step_out();
    }
    if (item("##library", "Back to the library")) {
        game.to_library();
    }
}

void save_list(ScreenContext& context, float width) {
    Game& game = context.game;
    ImGui::PushFont(context.fonts.heading);
    paragraph("Save", context.colors.warm, width);
    ImGui::PopFont();
    const auto& slots = game.slots();
    for (int n = 1; n <= named_slots; ++n) {
        const std::string name = "Slot " + std::to_string(n);
        std::string label = name + ": empty";
        for (const SlotInfo& slot : slots) {
            if (!slot.is_autosave && slot.name == name) {
                label = describe_slot(slot);
            }
        }
        ImGui::PushID(n);
        if (n == 1) {
            focus_if_asked(game);
        }
        if (wrapped_button("##slot", label, width)) {
            game.save_slot(name);
            game.close_slots();
        }
        ImGui::PopID();
    }
    if (wrapped_button("##back", "Back", width)) {
        game.close_slots();
    }
}

void load_list(ScreenContext& context, float width) {
    Game& game = context.game;
    ImGui::PushFont(context.fonts.heading);
    paragraph("Load", context.colors.warm, width);
    ImGui::PopFont();
    const std::vector<SlotInfo> slots = game.slots(); // a copy: loading changes the list
    if (slots.empty()) {
        paragraph("No saves yet. The game saves by itself after every choice.", context.colors.dim,
                  width);
    }
    focus_if_asked(game);
    for (std::size_t i = 0; i < slots.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (wrapped_button("##slot", describe_slot(slots[i]), width)) {
            game.load_slot(slots[i]);
        }
        ImGui::PopID();
    }
    if (wrapped_button("##back", "Back", width)) {
        game.close_slots();
    }
}

// A small picture before each line of the card: the thing the line is about.
enum class Sign { Figures, Warmth, Space, Thread, Breath, Keys };

void sign(ScreenContext& context, Sign what, ImVec2 at, float size) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Palette& c = context.colors;
    const float r = size * 0.16f;
    const ImVec2 mid(at.x + size / 2, at.y + size / 2);
    auto figure = [&](float x, ImU32 color) {
        draw->AddCircleFilled(ImVec2(x, mid.y - r * 1.6f), r * 0.8f, color);
        draw->AddRectFilled(ImVec2(x - r, mid.y - r * 0.6f), ImVec2(x + r, mid.y + r * 2.2f), color,
                            r);
    };
    switch (what) {
    case Sign::Figures:
        figure(at.x + size * 0.3f, c.warm);
        figure(at.x + size * 0.7f, c.repair);
        break;
    case Sign::Warmth:
        draw->AddCircleFilled(ImVec2(at.x + size * 0.3f, mid.y), r * 1.4f, c.cool);
        draw->AddCircleFilled(ImVec2(at.x + size * 0.72f, mid.y), r * 1.4f, c.warm);
        break;
    case Sign::Space:
        figure(at.x + size * 0.15f, c.dim);
        figure(at.x + size * 0.85f, c.dim);
        draw->AddLine(ImVec2(at.x + size * 0.3f, mid.y + r * 2.6f),
                      ImVec2(at.x + size * 0.7f, mid.y + r * 2.6f), c.dim, 1.5f);
        break;
    case Sign::Thread:
        draw->AddBezierQuadratic(ImVec2(at.x + size * 0.08f, mid.y),
                                 ImVec2(mid.x, mid.y + size * 0.35f),
                                 ImVec2(at.x + size * 0.92f, mid.y), c.warm, 2.5f);
        break;
    case Sign::Breath:
        draw->AddCircle(mid, r * 1.2f, c.warm, 0, 2);
        draw->AddCircle(mid, r * 2.2f, c.warm & 0x80ffffffu, 0, 1.5f);
        break;
    case Sign::Keys:
        draw->AddRect(ImVec2(at.x + size * 0.12f, mid.y - r * 1.6f),
                      ImVec2(at.x + size * 0.88f, mid.y + r * 1.6f), c.dim, r * 0.6f, 0, 1.5f);
        break;
    }
}

// The first-run card: what the stage shows and how to play, in the game's own words.
void intro_card(ScreenContext& context, float width) {
    Game& game = context.game;
    const bool first = !game.settings().seen_intro;
    // The way on sits by the heading, so it is in reach (and focused) without scrolling
    // when large text makes the card taller than the window.
    const float button = std::min(width * 0.4f, context.text_px * 7);
    const float heading = width - button - ImGui::GetStyle().ItemSpacing.x;
    ImGui::PushFont(context.fonts.heading);
    paragraph(first ? "Before you begin" : "How this works", context.colors.warm, heading);
    ImGui::PopFont();
    ImGui::SameLine();
    focus_if_asked(game);
    if (wrapped_button("##intro-done", first ? "Begin" : "Back", button)) {
        game.close_intro();
    }
    const struct {
        Sign sign;
        const char* text;
    } lines[] = {
        {Sign::Figures, "The figures on the stage are you, on the left, and the people you are "
                        "with."},
        {Sign::Warmth, "Their glow is how safe they feel with you: warm amber when they are at "
                       "ease, cool blue when they are on guard."},
        {Sign::Space, "The space between you is how close you are right now. Someone who pulls "
                      "away steps back, and may turn aside."},
        {Sign::Thread, "The thread between your hearts is the connection. It pulls taut when "
                       "you are in tune, and frays when something goes wrong. It can be mended."},
        {Sign::Breath, "A quick, uneven breath means someone is stirred up; a slow one, that "
                       "they are settled."},
        {Sign::Keys, "Choose with the number keys, Tab and Enter, or the mouse. Space shows the "
                     "words at once, PageUp goes back a choice, M shows where you have been, "
                     "Esc pauses."},
    };
    const float icon = context.text_px * 2.2f;
    const float gap = context.text_px * 0.6f;
    for (const auto& line : lines) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        sign(context, line.sign, ImVec2(at.x, at.y), icon);
        ImGui::SetCursorScreenPos(ImVec2(at.x + icon + gap, at.y));
        paragraph(line.text, line.sign == Sign::Keys ? context.colors.dim : context.colors.text,
                  width - icon - gap);
    }
    ImGui::PushFont(context.fonts.italic);
    paragraph("There is no score. Getting it wrong is part of it; finding your way back is what "
              "matters.",
              context.colors.repair, width);
    ImGui::PopFont();
}

} // namespace

void show_pause_menu(ScreenContext& context) {
    const Overlay overlay = context.game.overlay();
    if (overlay == Overlay::None) {
        return;
    }
    dim_behind(context);
    const float pause_width = pause_in_two_columns(context) ? 30 : 18;
    // The pause menu is made to fit (see pause_in_two_columns): no scrollbar to eat its width.
    const float width = overlay == Overlay::Pause
                            ? begin_menu(context, "menu", pause_width, ImGuiWindowFlags_NoScrollbar)
                            : begin_menu(context, "menu", 34);
    ImGui::PushID(static_cast<int>(overlay)); // each menu its own ids, so focus starts afresh
    switch (overlay) {
    case Overlay::Pause:
        pause_buttons(context, width);
        break;
    case Overlay::Save:
        save_list(context, width);
        break;
    case Overlay::Load:
        load_list(context, width);
        break;
    case Overlay::Intro:
        intro_card(context, width);
        break;
    case Overlay::None:
        break;
    }
    ImGui::PopID();
    ImGui::End();
}

void show_step_out(ScreenContext& context) {
    begin_panel("stepout", ImVec2(0, 0), context.size, false);
    const float width = std::min(context.size.x * 0.8f, context.text_px * 26);
    const float radius = std::min(context.size.y * 0.14f, context.text_px * 5);
    const ImVec2 centre(context.size.x / 2, context.size.y * 0.36f);
    // One slow breath every ten seconds; still under reduced motion.
    const bool still = context.game.settings().reduced_motion;
    const float breath = still ? 0.5f : 0.5f + 0.5f * std::sin(ImGui::GetTime() * 0.628f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int ring = 4; ring >= 1; --ring) {
        const ImU32 alpha = ring == 1 ? 0xffu : 0x18u;
        const ImU32 glow = (context.colors.warm & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
        draw->AddCircleFilled(centre, radius * (0.55f + 0.12f * ring + 0.1f * breath), glow, 64);
    }
    ImGui::SetCursorScreenPos(ImVec2((context.size.x - width) / 2, centre.y + radius * 1.3f));
    ImGui::BeginGroup();
    ImGui::PushFont(context.fonts.heading);
    paragraph("Take a pause.", context.colors.text, width);
    ImGui::PopFont();
    paragraph("Breathe in as the circle grows, out as it shrinks. The story will wait for you.",
              context.colors.dim, width);
    // A grounding line: back to the room the player is really in.
    paragraph("Feel your feet on the floor. Name three things you can see around you.",
              context.colors.dim, width);
    ImGui::Dummy(ImVec2(0, context.text_px * 0.5f));
    Game& game = context.game;
    const float button = std::min(width, context.text_px * 12);
    focus_if_asked(game);
    if (wrapped_button("##back", "Go back in", button)) {
        game.step_back_in();
    }
    const Session* session = game.session();
    if (session && scene_after_skip(*session) >= 0 &&
        wrapped_button("##skip", "Skip this scene", button)) {
        game.skip_scene();
        game.step_back_in();
    }
    if (session && wrapped_button("##end", "End the story", button)) {
        game.to_library();
    }
    ImGui::EndGroup();
    ImGui::End();
}

void show_toast(ScreenContext& context) {
    UiState& ui = context.game.ui;
    if (ui.toast.empty() || ui.toast_left <= 0) {
        ui.toast.clear();
        return;
    }
    const float width = std::min(context.size.x * 0.4f, context.text_px * 22);
    ImGui::SetNextWindowPos(ImVec2(context.size.x - context.text_px, context.text_px),
                            ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, context.size.y * 0.3f));
    ImGui::SetNextWindowBgAlpha(0.92f);
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha,
                        std::min(1.0f, ui.toast_left)); // the last second fades
    ImGui::PushStyleColor(ImGuiCol_WindowBg, to_vec4(context.colors.panel));
    ImGui::Begin("toast", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoInputs |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav);
    ImGui::PushFont(context.fonts.italic);
    paragraph(ui.toast, context.colors.text, width - 2 * ImGui::GetStyle().WindowPadding.x);
    ImGui::PopFont();
    if (context.record) {
        const ImVec2 pos = ImGui::GetWindowPos();
        const ImVec2 size = ImGui::GetWindowSize();
        context.record->toast_min = pos;
        context.record->toast_max = ImVec2(pos.x + size.x, pos.y + size.y);
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

void show_notices(ScreenContext& context) {
    auto& notices = context.game.ui.notices;
    if (notices.empty()) {
        return;
    }
    const float width = std::min(context.size.x * 0.9f, context.text_px * 34);
    ImGui::SetNextWindowPos(ImVec2(context.size.x / 2, context.size.y - context.text_px),
                            ImGuiCond_Always, ImVec2(0.5f, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, context.size.y * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, to_vec4(context.colors.panel));
    ImGui::PushStyleColor(ImGuiCol_Border, to_vec4(context.colors.warm));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.5f);
    ImGui::Begin("notices", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    const float inner = width - 2 * ImGui::GetStyle().WindowPadding.x;
    for (const std::string& notice : notices) {
        paragraph(notice, context.colors.text, inner);
    }
    if (wrapped_button("##ok", "OK", std::min(inner, context.text_px * 6))) {
        notices.clear();
    }
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
}

} // namespace attune
