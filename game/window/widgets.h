#pragma once
// Small drawing pieces the screens share: paragraphs with a comfortable line height,
// large wrapped buttons, struck-through choices, and full-window panels.

#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <string_view>

namespace attune {

/// Draws `text` word-wrapped to `width` with lines 1.4 text heights apart. Returns the
/// number of bytes drawn (at most `limit`), so text can be revealed a little at a time.
void paragraph(std::string_view text, ImU32 color, float width, std::size_t limit = -1);

/// The height `paragraph` takes for `text` at `width`.
float paragraph_height(std::string_view text, float width);

/// A large button with its label word-wrapped to fit `width`; `badge` (e.g. "1") is drawn
/// in a circle before the label when not empty. Returns true when pressed.
bool wrapped_button(const char* id, std::string_view label, float width,
                    std::string_view badge = {});

/// The height `wrapped_button` takes for `label` at `width`.
float wrapped_button_height(std::string_view label, float width, std::string_view badge = {});

/// A choice that cannot be taken: its label dimmed and struck through, not pressable.
/// `badge` is its menu number, drawn dimmed where a button's badge would be.
void struck_through(std::string_view label, float width, ImU32 color, std::string_view badge = {});

/// The height `struck_through` takes.
float struck_through_height(std::string_view label, float width);

/// Begins a borderless window covering `min`..`max` of the screen. End with ImGui::End().
void begin_panel(const char* id, ImVec2 min, ImVec2 max, bool scroll = true);

/// Adds a pressable item (its id and screen rectangle) to this frame's Tab order.
/// `wrapped_button` does so by itself.
void tab_stop(ImGuiID id, const ImRect& rect);

/// The item just drawn (a checkbox, a radio button) as a Tab stop.
void tab_stop_last_item();

/// Call once per frame after every screen is drawn: Tab and Shift+Tab move the keyboard
/// focus to the next or previous stop of the front-most menu, with the visible focus ring
/// (ImGui 1.86 moves focus with the arrow keys only).
void tab_focus_end_frame();

/// A one-line text field `width` wide, with `hint` shown while it is empty; in the same
/// Tab order as the buttons (ImGui's own Tab would otherwise jump into it). True when
/// the text changed.
bool text_field(const char* id, const char* hint, std::string& value, float width);

/// A whole number with - and + buttons, in the same Tab order as the buttons.
bool number_field(const char* label, int& value, float width);

/// The minimum height of anything pressable (WCAG target size).
float target_height();

} // namespace attune
