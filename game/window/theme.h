#pragma once
// The look of the screens: the evening palette (or the high-contrast one) applied to
// Dear ImGui, with spacing that scales with the text.

#include <imgui.h>

#include <optional>
#include <string_view>

namespace attune {

/// The one palette of the art direction, for the screens and the stage alike.
struct Palette {
    ImU32 background_top;
    ImU32 background_bottom;
    ImU32 panel;
    ImU32 text;
    ImU32 dim;       ///< secondary text, disabled choices
    ImU32 warm;      ///< safe / warm: amber
    ImU32 peach;     ///< safe / warm, softer: the player's figure
    ImU32 cool;      ///< guarded / cool: slate blue
    ImU32 grey_blue; ///< between guarded and safe
    ImU32 repair;    ///< soft rose-gold
    ImU32 rupture;   ///< muted brick
    ImU32 grid;
};

const Palette& palette(bool high_contrast);

/// Applies the palette and sizes (in pixels of body text) to ImGui's style.
void apply_theme(bool high_contrast, float text_px);

/// An ImU32 colour as ImGui's float colour.
ImVec4 to_vec4(ImU32 color);

/// "#rrggbb" as an opaque colour; nothing when it is not of that form.
std::optional<ImU32> parse_hex_color(std::string_view hex);

/// A character's own colour: the story's "#rrggbb", else the `index`th of a few soft
/// defaults (peach, rose, sage, lilac). The same for the name in the text, the chart and
/// the figure on stage.
ImU32 character_color(std::string_view hex, std::size_t index);

} // namespace attune
