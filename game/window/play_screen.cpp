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

constexpr const char* reveal_hint = "Click or press Space to show it all.";

// With large text, the play panel's margins and the gaps between choices stop growing,
// so the menu keeps its room under the story.
float panel_padding_y() {
    return std::min(ImGui::GetStyle().WindowPadding.y, 24.0f);
}

float menu_spacing() {
    return std::min(ImGui::GetStyle().ItemSpacing.y, 12.0f);
}

// The model's cause sentences for the last choice, each once. What a character's line did
// to the player follows that line instead (story_lines).
void what_changed(ScreenContext& context, const Session& session, float width) {
    std::vector<std::string> sentences;
    for (const model::Cause& cause : session.last_outcome().causes) {
        if (cause.line >= 0) {
            continue;
        }
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

// The scene's lines, revealed up to ui.revealed characters (the budget is shared across
// lines in order). Returns the screen y of the bottom of the line where the reveal stands.
float story_lines(ScreenContext& context, const Session& session, float width) {
    double budget = context.game.ui.revealed;
    float reveal_bottom = ImGui::GetCursorScreenPos().y;
    const std::vector<int>& shown_lines = session.state().shown_lines;
    const std::vector<ShownLine> lines = session.lines();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const ShownLine& line = lines[i];
        const std::size_t shown = static_cast<std::size_t>(std::max(0.0, budget));
        if (line.speaker >= 0) {
            ImGui::PushFont(context.fonts.bold);
            paragraph(session.story().characters[line.speaker].profile.name,
                      speaker_color(session.story(), line.speaker, context.colors), width,
                      shown > 0 ? std::string::npos : 0);
            ImGui::PopFont();
        }
        paragraph(line.text, context.colors.text, width, shown);
        if (budget > 0) {
            reveal_bottom = ImGui::GetItemRectMax().y;
        }
        // Once the line is read: what it did to the player ("That stung...").
        if (shown >= line.text.size()) {
            ImGui::PushFont(context.fonts.italic);
            std::string said; // each sentence once under its line
            for (const model::Cause& cause : session.last_outcome().causes) {
                const std::string sentence =
                    cause.line == shown_lines[i] ? session.words(cause) : std::string();
                if (!sentence.empty() && sentence != said) {
                    paragraph(sentence, context.colors.repair, width);
                    said = sentence;
                }
            }
            ImGui::PopFont();
        }
        budget -= static_cast<double>(line.text.size());
        ImGui::Dummy(ImVec2(0, context.text_px * 0.35f));
    }
    return reveal_bottom;
}

float reason_indent() {
    return ImGui::GetFontSize() * 2.6f;
}

void record_choice(ScreenContext& context, int index, bool enabled) {
    if (context.record) {
        const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
        context.record->choices.push_back(
            {index, enabled, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), clip.Min, clip.Max});
    }
}

void choices(ScreenContext& context, const Session& session, float width) {
    Game& game = context.game;
    bool focused = false;
    std::optional<int> taken;
    for (const ChoiceView& choice : session.choices()) {
        ImGui::PushID(choice.index);
        // Struck-through choices keep their number, as in every other face.
        const std::string badge = choice.number <= 9 ? std::to_string(choice.number) : "";
        if (choice.enabled) {
            if (!focused && game.in_play()) {
                focus_if_asked(game);
            }
            focused = true;
            if (wrapped_button("##choice", choice.text, width, badge)) {
                taken = choice.index;
            }
            record_choice(context, choice.index, true);
        } else {
            struck_through(choice.text, width, context.colors.dim, badge);
            record_choice(context, choice.index, false);
            ImGui::PushFont(context.fonts.italic);
            ImGui::Indent(reason_indent());
            paragraph(choice.reason, context.colors.dim, width - reason_indent());
            ImGui::Unindent(reason_indent());
            ImGui::PopFont();
        }
        ImGui::PopID();
    }
    if (taken) {
        game.choose(*taken);
    }
}

// The height `choices` takes at `width`, measured the way it draws; also enough for the
// hint shown while the text is still appearing.
float menu_height(ScreenContext& context, const Session& session, float width) {
    const float spacing = menu_spacing();
    float height = 0;
    for (const ChoiceView& choice : session.choices()) {
        if (choice.enabled) {
            height +=
                wrapped_button_height(choice.text, width, choice.number <= 9 ? "1" : "") + spacing;
        } else {
            height += struck_through_height(choice.text, width) + spacing;
            ImGui::PushFont(context.fonts.italic);
            height += paragraph_height(choice.reason, width - reason_indent()) + spacing;
            ImGui::PopFont();
        }
    }
    ImGui::PushFont(context.fonts.italic);
    height = std::max(height, paragraph_height(reveal_hint, width) + spacing);
    ImGui::PopFont();
    return height;
}

// Keeps the line being revealed in view; a new scene starts at the top. Followed again
// when the story's height changes (a window's first frames settle its layout), never
// otherwise, so once the text has settled the player may scroll back freely.
void follow_reveal(const Game& game, float reveal_bottom) {
    ImGuiStorage* storage = ImGui::GetStateStorage();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiID revealed_key = ImGui::GetID("followed");
    const ImGuiID height_key = ImGui::GetID("followed height");
    const float revealed = static_cast<float>(game.ui.revealed);
    const float height = window->ContentSize.y;
    if (storage->GetFloat(revealed_key, -1) == revealed &&
        storage->GetFloat(height_key, -1) == height) {
        return;
    }
    storage->SetFloat(revealed_key, revealed);
    storage->SetFloat(height_key, height);
    if (revealed == 0) {
        ImGui::SetScrollY(0);
        return;
    }
    const float bottom = reveal_bottom - window->Pos.y + window->Scroll.y;
    const float wanted = bottom + window->WindowPadding.y - window->Size.y;
    if (wanted > window->Scroll.y) {
        ImGui::SetScrollY(wanted);
    }
}

// When the story has been scrolled, its top edge fades into the panel: there is more
// above, and no line is cut in half by a hard edge.
void fade_top(ScreenContext& context) {
    if (ImGui::GetScrollY() <= 0) {
        return;
    }
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImU32 solid = context.colors.panel;
    const ImU32 clear = solid & ~IM_COL32_A_MASK;
    window->DrawList->AddRectFilledMultiColor(
        window->Pos, ImVec2(window->Pos.x + window->Size.x, window->Pos.y + context.text_px * 1.4f),
        solid, solid, clear, clear);
}

} // namespace

void focus_if_asked(Game& game) {
    if (game.ui.focus_choices) {
        ImGui::SetKeyboardFocusHere();
        game.ui.focus_choices = false;
    }
}

ImU32 speaker_color(const Story& story, int speaker, const Palette& colors) {
    if (speaker < 0 || speaker >= static_cast<int>(story.characters.size())) {
        return colors.text;
    }
    return character_color(story.characters[speaker].color, static_cast<std::size_t>(speaker));
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

namespace {

// The width of the story text and the choices in a panel `panel_width` wide.
float column_width(const ScreenContext& context, float panel_width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    return std::min(panel_width - 2 * style.WindowPadding.x - style.ScrollbarSize,
                    context.text_px * 36);
}

// The panel height the menu needs with a few lines of the story above it.
float panel_need(ScreenContext& context, const Session* session, float panel_width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float menu =
        session ? menu_height(context, *session, column_width(context, panel_width)) : 0;
    return menu + 4 * context.text_px * 1.4f + 2 * panel_padding_y() + style.ItemSpacing.y;
}

} // namespace

// The stage beside the text on wide windows, above it otherwise. The whole menu must
// always fit under at least a few lines of the story, so with large text or a long menu
// the stage gives up height, down to nothing on a small window at 200%.
PlayLayout play_layout(ScreenContext& context) {
    const ImVec2 size = context.size;
    const Session* session = context.game.session();
    const float half = std::round(size.x * 0.5f);
    const bool side_by_side = size.x / size.y >= 1.55f && half >= context.text_px * 24 &&
                              panel_need(context, session, half) <= size.y;
    PlayLayout layout;
    if (side_by_side) {
        layout = {ImVec2(0, 0), ImVec2(half, size.y), ImVec2(half, 0), size};
    } else {
        const float need = panel_need(context, session, size.x);
        float split = std::round(std::min(size.y * 0.55f, size.y - need));
        if (split < size.y * 0.12f) {
            split = 0; // too small to read: the states stay in words above the story
        }
        layout = {ImVec2(0, 0), ImVec2(size.x, split), ImVec2(0, split), size};
    }
    layout.column = column_width(context, layout.panel_max.x - layout.panel_min.x);
    layout.menu = session ? menu_height(context, *session, layout.column) : 0;
    return layout;
}

void show_play(ScreenContext& context, const PlayLayout& layout) {
    Game& game = context.game;
    const Session& session = *game.session();
    // The panel's fill is drawn beneath ImGui by the app (App::draw_panel_background).
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                        ImVec2(ImGui::GetStyle().WindowPadding.x, panel_padding_y()));
    begin_panel("play", layout.panel_min, layout.panel_max, false);
    ImGui::PopStyleVar();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = layout.column;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float left = ImGui::GetCursorScreenPos().x + (avail.x - style.ScrollbarSize - width) / 2;
    const bool clicked =
        ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && ImGui::IsMouseClicked(0);

    // The story scrolls in its own area; the menu is pinned beneath it and never scrolls.
    const float story_height =
        std::max(avail.y - layout.menu - style.ItemSpacing.y, context.text_px * 2.8f);
    ImGui::BeginChild("story", ImVec2(avail.x, story_height), false);
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
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
    const float reveal_bottom = story_lines(context, session, width);
    ImGui::EndGroup();
    follow_reveal(game, reveal_bottom);
    fade_top(context);
    ImGui::EndChild();

    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
    ImGui::BeginGroup();
    if (game.is_revealing()) {
        ImGui::PushFont(context.fonts.italic);
        paragraph(reveal_hint, context.colors.dim, width);
        ImGui::PopFont();
        if (clicked) {
            game.skip_reveal();
        }
    } else {
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x, menu_spacing()));
        choices(context, session, width);
        ImGui::PopStyleVar();
    }
    ImGui::EndGroup();
    ImGui::End();
    ImGui::PopStyleColor();
}

} // namespace attune
