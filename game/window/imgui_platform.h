#pragma once
// Our SFML platform layer for Dear ImGui 1.86 (legacy input API) and the OpenGL3 renderer
// contained in libimgui.a. SFML has no ImGui backend in Debian, so this is ours.

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Cursor.hpp>
#include <SFML/Window/Event.hpp>

#include <array>
#include <memory>
#include <vector>

struct ImGuiContext;

namespace attune {

/// The system mouse cursors ImGui asks for. Must be declared before the window: SFML 2.5
/// re-applies the last cursor while closing the window, and a freed one kills the process.
class MouseCursors {
public:
    MouseCursors();
    /// The cursor for an ImGuiMouseCursor value, or null when there is none.
    const sf::Cursor* get(int imgui_cursor) const;

private:
    std::array<std::unique_ptr<sf::Cursor>, 9> cursors_;
};

/// Feeds SFML events and timing to ImGui and draws ImGui's frame into the window. Each
/// platform has its own ImGui context (so a second window, as room mode opens, keeps its
/// own fonts, focus and layout) and makes it current in every call.
class ImGuiPlatform {
public:
    ImGuiPlatform(sf::RenderWindow& window, const MouseCursors& cursors);
    ~ImGuiPlatform();
    ImGuiPlatform(const ImGuiPlatform&) = delete;
    ImGuiPlatform& operator=(const ImGuiPlatform&) = delete;

    void handle(const sf::Event& event);

    /// Starts an ImGui frame `seconds` after the previous one.
    void new_frame(float seconds);

    /// Renders ImGui on top of what SFML drew, leaving SFML's GL state intact.
    void render();

    /// Uploads the font atlas again after it was rebuilt.
    void reload_fonts();

    /// Makes this window's ImGui context the current one (fonts are built into it).
    void make_current() const;

private:
    sf::RenderWindow& window_;
    const MouseCursors& cursors_;
    ImGuiContext* context_ = nullptr;
    int shown_cursor_ = -2;
    // A press and release inside one frame would be lost by ImGui's polled input, so
    // releases of buttons and keys pressed this frame wait for the next one.
    std::vector<int> pending_key_releases_;
    std::vector<int> pending_mouse_releases_;
    std::vector<int> pressed_keys_this_frame_;
    std::vector<int> pressed_buttons_this_frame_;

    void update_cursor();
    void apply_pending_releases();
};

} // namespace attune
