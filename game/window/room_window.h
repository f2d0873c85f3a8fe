#pragma once
// One window of room mode: an SFML window with its own Dear ImGui context, fonts and
// theme. Room mode opens two (the projector and the facilitator's), and each keeps its
// own text size: large on the projector, ordinary on the laptop.

#include "fonts.h"
#include "imgui_platform.h"

#include <SFML/Graphics/RenderWindow.hpp>
#include <imgui.h>

#include <memory>
#include <string>

namespace attune {

class RoomWindow {
public:
    RoomWindow(unsigned width, unsigned height, const std::string& title, const std::string& font);
    ~RoomWindow();
    RoomWindow(const RoomWindow&) = delete;
    RoomWindow& operator=(const RoomWindow&) = delete;

    /// Whether the window and fonts are ready; `error()` says why not.
    bool ready() const { return error_.empty(); }
    const std::string& error() const { return error_; }

    sf::RenderWindow& window() { return window_; }
    const sf::RenderWindow& window() const { return window_; }
    ImGuiPlatform& imgui() { return *imgui_; }
    const Fonts& fonts() const { return fonts_; }
    ImVec2 size() const;

    /// Makes this window's ImGui context current, sizes its fonts and theme to
    /// `text_px`, and starts its ImGui frame.
    void begin_frame(float seconds, float text_px, bool high_contrast);

    /// Draws ImGui's frame on top of what SFML drew.
    void end_frame() { imgui_->render(); }

    /// Keeps the view matching the window's size after a resize.
    void resized(unsigned width, unsigned height);

    /// F11: fullscreen on this window's display, or back.
    void toggle_fullscreen();

private:
    MouseCursors cursors_; // before the window: SFML re-applies the cursor while closing it
    sf::RenderWindow window_;
    std::unique_ptr<ImGuiPlatform> imgui_;
    Fonts fonts_;
    std::string title_;
    std::string error_;
    float themed_px_ = 0;
    bool themed_contrast_ = false;
    bool fullscreen_ = false;
    sf::Vector2u windowed_size_;

    void open(bool fullscreen);
};

} // namespace attune
