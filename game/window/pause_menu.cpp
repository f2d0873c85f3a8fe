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
float begin_menu(ScreenContext& context, const char* id, float width_in_text) {
    const float width = std::min(context.size.x * 0.9f, context.text_px * width_in_text);
    ImGui::SetNextWindowPos(ImVec2(context.size.x / 2, context.size.y / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, context.size.y * 0.92f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, to_vec4(context.colors.panel));
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
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

void pause_buttons(ScreenContext& context, float width) {
    Game& game = context.game;
    ImGui::PushFont(context.fonts.heading);
    paragraph("Paused", context.colors.warm, width);
    ImGui::PopFont();
    if (game.ui.focus_choices) {
        ImGui::SetKeyboardFocusHere();
        game.ui.focus_choices = false;
    }
    if (wrapped_button("##resume", "Resume", width)) {
        game.ui.overlay = Overlay::None;
    }
    if (wrapped_button("##save", "Save", width)) {
        game.ui.overlay = Overlay::Save;
    }
    if (wrapped_button("##load", "Load", width)) {
        game.ui.overlay = Overlay::Load;
    }
    if (wrapped_button("##settings", "Settings", width)) {
        game.open_settings();
    }
    if (wrapped_button("##stepout", "Step out for a moment", width)) {
        game.ui.overlay = Overlay::None;
        game.ui.screen = Screen::StepOut;
    }
    if (wrapped_button("##library", "Back to the library", width)) {
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
        if (wrapped_button("##slot", label, width)) {
            game.save_slot(name);
            game.ui.overlay = Overlay::Pause;
        }
        ImGui::PopID();
    }
    if (wrapped_button("##back", "Back", width)) {
        game.ui.overlay = Overlay::Pause;
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
    for (std::size_t i = 0; i < slots.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (wrapped_button("##slot", describe_slot(slots[i]), width)) {
            game.load_slot(slots[i]);
        }
        ImGui::PopID();
    }
    if (wrapped_button("##back", "Back", width)) {
        game.ui.overlay =
            game.session() && game.ui.screen != Screen::Library ? Overlay::Pause : Overlay::None;
    }
}

} // namespace

void show_pause_menu(ScreenContext& context) {
    const Overlay overlay = context.game.ui.overlay;
    if (overlay == Overlay::None) {
        return;
    }
    dim_behind(context);
    const float width = begin_menu(context, "menu", overlay == Overlay::Pause ? 18 : 34);
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
    case Overlay::None:
        break;
    }
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
    ImGui::Dummy(ImVec2(0, context.text_px * 0.5f));
    if (context.game.ui.focus_choices) {
        ImGui::SetKeyboardFocusHere();
        context.game.ui.focus_choices = false;
    }
    if (wrapped_button("##back", "Go back in", std::min(width, context.text_px * 12))) {
        context.game.ui.screen = Screen::Play;
    }
    ImGui::EndGroup();
    ImGui::End();
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
