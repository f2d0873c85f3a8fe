// The play screen's text panel: the story so far, what the last choice changed, the
// current scene's lines revealed at a readable pace, and the choices.

#include "screens.h"
#include "timeline.h"
#include "widgets.h"

#include "model/sentences.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace attune {

namespace {

ImU32 parse_hex(const std::string& hex, ImU32 fallback) {
    unsigned value = 0;
    if (hex.size() != 7 || hex[0] != '#' || std::sscanf(hex.c_str() + 1, "%6x", &value) != 1) {
        return fallback;
    }
    return IM_COL32((value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff, 0xff);
}

// The model's cause sentences for the last choice, each once.
void what_changed(ScreenContext& context, const Session& session, float width) {
    std::vector<std::string> sentences;
    for (const model::Cause& cause : session.last_outcome().causes) {
        std::string sentence = session.words(cause);
        if (!sentence.empty() &&
            std::find(sentences.begin(), sentences.end(), sentence) == sentences.end()) {
            sentences.push_back(std::move(sentence));
        }
    }
    if (sentences.empty()) {
        return;
    }
    ImGui::PushFont(context.fonts.italic);
    for (const std::string& sentence : sentences) {
        paragraph(sentence, context.colors.repair, width);
    }
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, context.text_px * 0.3f));
    ImGui::Separator();
    ImGui::Dummy(ImVec2(0, context.text_px * 0.3f));
}

void how_they_are(ScreenContext& context, const Session& session, float width) {
    const Story& story = session.story();
    std::string text;
    for (std::size_t i = 0; i < story.characters.size(); ++i) {
        text += (i ? "   " : "") + story.characters[i].profile.name + ": " +
                state_words(session.state().characters[i], context.game.settings().show_numbers);
    }
    paragraph(text, context.colors.dim, width);
}

// The scene's lines, revealed up to ui.revealed characters. Returns nothing; the reveal
// budget is shared across lines in order.
void story_lines(ScreenContext& context, const Session& session, float width) {
    double budget = context.game.ui.revealed;
    for (const ShownLine& line : session.lines()) {
        const std::size_t shown = static_cast<std::size_t>(std::max(0.0, budget));
        if (line.speaker >= 0) {
            ImGui::PushFont(context.fonts.bold);
            paragraph(session.story().characters[line.speaker].profile.name,
                      speaker_color(session.story(), line.speaker, context.colors), width,
                      shown > 0 ? std::string::npos : 0);
            ImGui::PopFont();
        }
        paragraph(line.text, context.colors.text, width, shown);
        budget -= static_cast<double>(line.text.size());
        ImGui::Dummy(ImVec2(0, context.text_px * 0.35f));
    }
}

void choices(ScreenContext& context, const Session& session, float width) {
    Game& game = context.game;
    int number = 0;
    std::optional<int> taken;
    for (const ChoiceView& choice : session.choices()) {
        ImGui::PushID(choice.index);
        if (choice.enabled) {
            ++number;
            if (game.ui.focus_choices && number == 1) {
                ImGui::SetKeyboardFocusHere();
                game.ui.focus_choices = false;
            }
            const std::string badge = number <= 9 ? std::to_string(number) : "";
            if (wrapped_button("##choice", choice.text, width, badge)) {
                taken = choice.index;
            }
        } else {
            struck_through(choice.text, width, context.colors.dim);
            ImGui::PushFont(context.fonts.italic);
            ImGui::Indent(ImGui::GetFontSize() * 2.6f);
            paragraph(choice.reason, context.colors.dim, width - ImGui::GetFontSize() * 2.6f);
            ImGui::Unindent(ImGui::GetFontSize() * 2.6f);
            ImGui::PopFont();
        }
        ImGui::PopID();
    }
    if (taken) {
        game.choose(*taken);
    }
}

} // namespace

ImU32 speaker_color(const Story& story, int speaker, const Palette& colors) {
    if (speaker < 0 || speaker >= static_cast<int>(story.characters.size())) {
        return colors.text;
    }
    return parse_hex(story.characters[speaker].color, colors.warm);
}

std::string state_words(const model::State& state, bool show_numbers) {
    std::string words = model::describe(state);
    if (show_numbers) {
        char numbers[96];
        std::snprintf(numbers, sizeof numbers, " (safety %.0f, distance %.0f, arousal %.0f)",
                      state.safety, state.distance, state.arousal);
        words += numbers;
    }
    return words;
}

PlayLayout play_layout(ImVec2 size) {
    const bool side_by_side = size.x / size.y >= 1.55f;
    if (side_by_side) {
        const float split = std::round(size.x * 0.5f);
        return {ImVec2(0, 0), ImVec2(split, size.y), ImVec2(split, 0), size};
    }
    const float split = std::round(size.y * 0.55f);
    return {ImVec2(0, 0), ImVec2(size.x, split), ImVec2(0, split), size};
}

void show_play(ScreenContext& context, const PlayLayout& layout) {
    Game& game = context.game;
    const Session& session = *game.session();
    // The panel's fill is drawn beneath ImGui by the app (App::draw_panel_background).
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0));
    begin_panel("play", layout.panel_min, layout.panel_max);
    const float available = ImGui::GetContentRegionAvail().x;
    const float width = std::min(available, context.text_px * 36);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (available - width) / 2);
    ImGui::BeginGroup();
    timeline_strip(context, width);
    how_they_are(context, session, width);
    ImGui::Dummy(ImVec2(0, context.text_px * 0.4f));
    what_changed(context, session, width);
    if (!session.scene().title.empty()) {
        ImGui::PushFont(context.fonts.italic);
        paragraph(session.scene().title, context.colors.dim, width);
        ImGui::PopFont();
    }
    story_lines(context, session, width);
    if (game.is_revealing()) {
        ImGui::PushFont(context.fonts.italic);
        paragraph("Click or press Space to show it all.", context.colors.dim, width);
        ImGui::PopFont();
        if (ImGui::IsWindowHovered() && ImGui::IsMouseClicked(0)) {
            game.skip_reveal();
        }
    } else {
        choices(context, session, width);
    }
    ImGui::EndGroup();
    ImGui::End();
    ImGui::PopStyleColor();
}

} // namespace attune
