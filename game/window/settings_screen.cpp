// The Settings screen: every change applies at once and is kept for next time.

#include "screens.h"
#include "widgets.h"

#include <array>

namespace attune {

namespace {

void label(ScreenContext& context, const char* text, float width) {
    ImGui::Dummy(ImVec2(0, context.text_px * 0.4f));
    ImGui::PushFont(context.fonts.bold);
    paragraph(text, context.colors.warm, width);
    ImGui::PopFont();
}

// A row of large radio choices that wraps onto more lines when the window is narrow.
template <typename T, std::size_t N>
bool radio_row(const std::array<std::pair<T, std::string>, N>& options, T& value, float width) {
    bool changed = false;
    float used = 0;
    for (const auto& [option, text] : options) {
        const float item = ImGui::CalcTextSize(text.c_str()).x + ImGui::GetFrameHeight() * 2;
        if (used > 0 && used + item <= width) {
            ImGui::SameLine();
        } else {
            used = 0;
        }
        used += item;
        ImGui::PushID(text.c_str());
        if (ImGui::RadioButton(text.c_str(), value == option)) {
            value = option;
            changed = true;
        }
        tab_stop_last_item();
        ImGui::PopID();
    }
    return changed;
}

bool checkbox(ScreenContext& context, const char* text, const char* help, bool& value,
              float width) {
    const bool changed = ImGui::Checkbox(text, &value);
    tab_stop_last_item();
    ImGui::Indent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
    paragraph(help, context.colors.dim, width - ImGui::GetFrameHeight() * 1.5f);
    ImGui::Unindent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
    return changed;
}

} // namespace

void show_settings(ScreenContext& context) {
    Game& game = context.game;
    Settings settings = game.settings();
    bool changed = false;
    begin_panel("settings", ImVec2(0, 0), context.size);
    const float width = std::min(context.size.x - 2 * context.text_px, context.text_px * 34);
    ImGui::SetCursorPosX((context.size.x - width) / 2);
    ImGui::BeginGroup();
    ImGui::PushFont(context.fonts.heading);
    paragraph("Settings", context.colors.warm, width);
    ImGui::PopFont();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(context.text_px * 0.6f, context.text_px * 0.6f));

    label(context, "Text size", width);
    const std::array<std::pair<int, std::string>, 6> sizes = {
        {{75, "75%"}, {100, "100%"}, {125, "125%"}, {150, "150%"}, {175, "175%"}, {200, "200%"}}};
    focus_if_asked(game);
    changed |= radio_row(sizes, settings.text_size, width);

    if (context.families.size() > 1) {
        label(context, "Font", width);
        for (const std::string& family : context.families) {
            if (ImGui::RadioButton(family.c_str(), settings.font == family)) {
                settings.font = family;
                changed = true;
            }
            tab_stop_last_item();
        }
    }

    label(context, "Text speed", width);
    const std::array<std::pair<TextSpeed, std::string>, 4> speeds = {
        {{TextSpeed::Gentle, "Gentle"},
         {TextSpeed::Steady, "Steady"},
         {TextSpeed::Brisk, "Brisk"},
         {TextSpeed::Instant, "All at once"}}};
    changed |= radio_row(speeds, settings.text_speed, width);

    label(context, "Seeing and moving", width);
    changed |= checkbox(context, "High contrast", "White text on near-black.",
                        settings.high_contrast, width);
    changed |= checkbox(context, "Reduced motion",
                        "No breathing or shimmer; changes appear at once, text appears whole.",
                        settings.reduced_motion, width);
    changed |= checkbox(context, "Show numbers",
                        "Show safety, distance and arousal as numbers beside the words.",
                        settings.show_numbers, width);
    changed |= checkbox(context, "Fullscreen", "Also F11, anywhere in the game.",
                        settings.fullscreen, width);

    label(context, "Someone to talk to", width);
    paragraph("If a story brings something up, who could you talk to? A name, a helpline, a "
              "counsellor: it is shown at the end of every story. Leave it empty for none.",
              context.colors.dim, width);
    changed |= text_field("##talk_to", "e.g. Ms Achebe, room 12", settings.talk_to, width);
    ImGui::PopStyleVar();

    ImGui::Dummy(ImVec2(0, context.text_px * 0.5f));
    if (wrapped_button("##back", "Back", std::min(width, context.text_px * 10))) {
        game.close_settings();
    }
    ImGui::Dummy(ImVec2(0, context.text_px * 0.5f));
    ImGui::EndGroup();
    ImGui::End();
    if (changed) {
        game.change_settings(settings);
    }
}

} // namespace attune
