#pragma once
// The screens, each a function of the game's state drawn with Dear ImGui in immediate
// mode. They keep nothing between frames beyond Game::ui.

#include "fonts.h"
#include "game.h"
#include "theme.h"

#include <string>
#include <vector>

namespace attune {

/// What a frame drew, read back by tests: each choice of the menu as ImGui laid it out,
/// with the visible area of the window it was drawn in.
struct DrawnChoice {
    int index = -1; ///< the choice's index in its scene
    bool enabled = true;
    ImVec2 min, max;           ///< the item on screen
    ImVec2 clip_min, clip_max; ///< what its window shows
};
struct FrameRecord {
    std::vector<DrawnChoice> choices;
    ImVec2 toast_min, toast_max; ///< the toast, when one showed
};

/// What every screen draws with.
struct ScreenContext {
    Game& game;
    const FontSet& fonts;
    const Palette& colors;
    ImVec2 size;                       ///< the window, in pixels
    float text_px;                     ///< body text size
    std::vector<std::string> families; ///< fonts the player can pick
    FrameRecord* record = nullptr;     ///< filled in when not null
};

/// Where the play screen puts the stage and the text panel.
struct PlayLayout {
    ImVec2 stage_min, stage_max;
    ImVec2 panel_min, panel_max;
    float column = 0; ///< width of the story text and the choices
    float menu = 0;   ///< height kept for the choices under the story
};

/// Stage beside the text on wide windows, above it otherwise; the stage gives up height
/// so the whole menu fits. Measures text, so call it inside an ImGui frame.
PlayLayout play_layout(ScreenContext& context);

void show_library(ScreenContext& context);
void show_before(ScreenContext& context);
void show_play(ScreenContext& context, const PlayLayout& layout);
void show_pause_menu(ScreenContext& context);
void show_step_out(ScreenContext& context);
void show_ending(ScreenContext& context);
void show_settings(ScreenContext& context);

/// Puts keyboard focus on the next item drawn when the game asked for it (a screen or
/// menu just opened); the request is used up.
void focus_if_asked(Game& game);

/// Plain messages (saves, settings) shown at the bottom until dismissed.
void show_notices(ScreenContext& context);
/// The fading toast (UiState::toast) in the top corner, over the stage, never the choices.
void show_toast(ScreenContext& context);

/// The speaker's colour as ImGui draws it (see character_color; text colour for narration).
ImU32 speaker_color(const Story& story, int speaker, const Palette& colors);

/// A character's state in words ("warm"), with numbers when the player asked for them.
std::string state_words(const model::State& state, bool show_numbers);

/// What the ending lists under "What your choices did": each move the player made toward a
/// character, once, with what it did the first time (the model's words), as (move, sentence).
std::vector<std::pair<std::string, std::string>> choice_effects(const Session& session);

} // namespace attune
