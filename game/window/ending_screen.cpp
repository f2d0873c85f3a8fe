// The ending and reflection: what happened, drawn over time, and an invitation to look
// back and try another path.

#include "screens.h"
#include "timeline.h"
#include "widgets.h"

#include <map>

namespace attune {

namespace {

struct RepairCounts {
    int tried = 0;
    int landed = 0;
    int ruptures = 0;
};

RepairCounts count_repairs(const Session& session) {
    RepairCounts counts;
    const Story& story = session.story();
    for (const Step& step : session.history()) {
        for (const MoveRef& move : story.choice(step.scene, step.choice).moves) {
            counts.tried += model::is_repair_move(move.move) ? 1 : 0;
        }
        for (const model::Event& event : step.outcome.events) {
            counts.landed += event.kind == model::EventKind::Repair ? 1 : 0;
            counts.ruptures += event.kind == model::EventKind::Rupture ? 1 : 0;
        }
    }
    return counts;
}

std::string times(int n, const char* one, const char* many) {
    if (n == 0) {
        return std::string("no ") + many;
    }
    return n == 1 ? std::string("one ") + one : std::to_string(n) + " " + many;
}

void heading(ScreenContext& context, const std::string& text, float width) {
    ImGui::Dummy(ImVec2(0, context.text_px * 0.6f));
    ImGui::PushFont(context.fonts.bold);
    paragraph(text, context.colors.warm, width);
    ImGui::PopFont();
}

void other_paths(ScreenContext& context, const Session& session, float width) {
    heading(context, "Try a different path from here", width);
    paragraph("Pick any earlier choice to go back to that moment.", context.colors.dim, width);
    std::optional<std::size_t> rewind;
    for (std::size_t i = 0; i < session.history().size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (wrapped_button("##back", choice_text(session, i), width, std::to_string(i + 1))) {
            rewind = i;
        }
        ImGui::PopID();
    }
    if (rewind) {
        context.game.rewind_to(*rewind);
    }
}

} // namespace

// The player's own causes (their pulse rising at a character's line) name the character's
// move, not the player's, so only the characters' causes say what a choice did.
std::vector<std::pair<std::string, std::string>> choice_effects(const Session& session) {
    std::vector<std::pair<std::string, std::string>> moves;
    std::map<Move, bool> seen;
    for (const Step& step : session.history()) {
        for (const model::Cause& cause : step.outcome.causes) {
            std::string sentence = session.words(cause);
            if (cause.character == player_target || seen[cause.move] || sentence.empty()) {
                continue;
            }
            seen[cause.move] = true;
            std::string name(move_name(cause.move));
            std::replace(name.begin(), name.end(), '_', ' ');
            name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
            moves.emplace_back(name, std::move(sentence));
        }
    }
    return moves;
}

void show_ending(ScreenContext& context) {
    Game& game = context.game;
    const Session& session = *game.session();
    const Ending& ending = *session.ending();
    begin_panel("ending", ImVec2(0, 0), context.size);
    const float width = std::min(context.size.x - 2 * context.text_px, context.text_px * 40);
    ImGui::SetCursorPosX((context.size.x - width) / 2);
    ImGui::BeginGroup();
    ImGui::PushFont(context.fonts.heading);
    paragraph(ending.title.empty() ? std::string("The end") : ending.title, context.colors.warm,
              width);
    ImGui::PopFont();
    for (const ShownLine& line : session.lines()) {
        if (line.speaker >= 0) {
            ImGui::PushFont(context.fonts.bold);
            paragraph(session.story().characters[line.speaker].profile.name,
                      speaker_color(session.story(), line.speaker, context.colors), width);
            ImGui::PopFont();
        }
        paragraph(line.text, context.colors.text, width);
    }

    heading(context, "How it went", width);
    timeline_chart(context, width,
                   std::clamp(context.size.y * 0.4f, context.text_px * 9, context.text_px * 16));
    const RepairCounts counts = count_repairs(session);
    paragraph("Along the way there were " + times(counts.ruptures, "rupture", "ruptures") +
                  ". You tried " + times(counts.tried, "repair", "repairs") + ", and " +
                  times(counts.landed, "repair", "repairs") + " landed.",
              context.colors.text, width);

    const auto moves = choice_effects(session);
    if (!moves.empty()) {
        heading(context, "What your choices did", width);
        for (const auto& [name, effect] : moves) {
            ImGui::PushFont(context.fonts.bold);
            paragraph(name, context.colors.text, width);
            ImGui::PopFont();
            paragraph(effect, context.colors.dim, width);
        }
    }
    if (const std::vector<std::string> prompts = session.reflection(); !prompts.empty()) {
        heading(context, "To think about", width);
        for (const std::string& prompt : prompts) {
            paragraph("\xE2\x80\xA2 " + prompt, context.colors.text, width);
        }
    }
    if (!game.settings().talk_to.empty()) {
        ImGui::Dummy(ImVec2(0, context.text_px * 0.4f));
        paragraph("If this brought something up, you can talk to " + game.settings().talk_to + ".",
                  context.colors.repair, width);
    }
    other_paths(context, session, width);
    ImGui::Dummy(ImVec2(0, context.text_px * 0.5f));
    if (wrapped_button("##debrief", "Save a debrief page", std::min(width, context.text_px * 14))) {
        game.save_debrief();
    }
    if (wrapped_button("##library", "Back to the library", std::min(width, context.text_px * 14))) {
        game.to_library();
    }
    ImGui::Dummy(ImVec2(0, context.text_px));
    ImGui::EndGroup();
    ImGui::End();
}

} // namespace attune
