#pragma once
// The screens, each a function of the game's state drawn with Dear ImGui in immediate
// mode. They keep nothing between frames beyond Game::ui.

#include "fonts.h"
#include "game.h"
#include "theme.h"

#include <string>
#include <vector>

namespace attune {

/// What every screen draws with.
struct ScreenContext {
    Game& game;
    const FontSet& fonts;
    const Palette& colors;
    ImVec2 size;                       ///< the window, in pixels
    float text_px;                     ///< body text size
    std::vector<std::string> families; ///< fonts the player can pick
};

/// Where the play screen puts the stage and the text panel.
struct PlayLayout {
    ImVec2 stage_min, stage_max;
    ImVec2 panel_min, panel_max;
};

/// Stage beside the text on wide windows, above it otherwise.
PlayLayout play_layout(ImVec2 size);

void show_library(ScreenContext& context);
void show_play(ScreenContext& context, const PlayLayout& layout);
void show_pause_menu(ScreenContext& context);
void show_step_out(ScreenContext& context);
void show_ending(ScreenContext& context);
void show_settings(ScreenContext& context);

/// Plain messages (saves, settings) shown at the bottom until dismissed.
void show_notices(ScreenContext& context);

/// The speaker's colour as ImGui draws it ("#rrggbb", else the warm accent).
ImU32 speaker_color(const Story& story, int speaker, const Palette& colors);

/// A character's state in words ("warm"), with numbers when the player asked for them.
std::string state_words(const model::State& state, bool show_numbers);

/// What the ending lists under "What your choices did": each move the player made toward a
/// character, once, with what it did the first time (the model's words), as (move, sentence).
std::vector<std::pair<std::string, std::string>> choice_effects(const Session& session);

} // namespace attune
