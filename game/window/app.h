#pragma once
// The window: one SFML window with the stage and the ImGui screens, driven by events.
// Tests make an App, feed it synthetic events and draw frames; the CLI runs its loop.

#include "display.h"
#include "fonts.h"
#include "game.h"
#include "imgui_platform.h"
#include "screens.h"
#include "stage.h"
#include "story_map_panel.h"
#include "story_watcher.h"

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Keyboard.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace attune {

/// How the window starts and what a scripted run does.
struct AppOptions {
    unsigned width = 1280;
    unsigned height = 720;
    std::vector<std::string> story_folders; ///< besides the bundled stories/
    std::string settings_file;              ///< empty: the XDG settings path
    std::string save_folder;                ///< empty: the XDG data folder
    std::optional<Settings> settings;       ///< overrides the stored settings (not saved)
    bool author = false;                    ///< the story map may jump to any scene
    std::string watch;                      ///< a story file to reload when it changes
};

/// The game window.
/// The folders stories are read from: the bundled ones, then the options' own. The game
/// window and room mode both use it.
std::vector<std::filesystem::path> story_folders(const AppOptions& options);

/// 1 to 9 for the number keys of the main row or the keypad, else 0.
int number_key(sf::Keyboard::Key key);

class App {
public:
    App(const AppOptions& options, std::shared_ptr<const model::Params> params);
    ~App();

    /// Whether the window and fonts are ready; `error()` says why not.
    bool ready() const { return error_.empty(); }
    const std::string& error() const { return error_; }

    Game& game() { return game_; }
    const Stage& stage() const { return stage_; }
    sf::Vector2u size() const { return window_.getSize(); }

    /// Runs until the window closes or the player quits; returns the exit status.
    int run();

    /// Our keys first (numbers, Esc, PageUp, F11), then ImGui.
    void handle(const sf::Event& event);

    /// Advances `seconds` and draws one frame into the back buffer.
    void draw_frame(float seconds);

    /// Shows the drawn frame.
    void present() { window_.display(); }

    /// Jumps animations and text reveal to their end (scripted runs, screenshots).
    void settle();

    /// What the last frame drew (each choice's rectangle), for tests.
    const FrameRecord& last_frame() const { return record_; }

    /// Where the last frame put the stage, the story and the menu.
    const PlayLayout& layout() const { return layout_; }

    /// Draws a settled frame and writes it as a PNG.
    bool screenshot(const std::string& path);

private:
    MouseCursors cursors_; // before the window: SFML re-applies the cursor while closing it
    sf::RenderWindow window_;
    std::unique_ptr<ImGuiPlatform> imgui_;
    Fonts fonts_;
    Stage stage_;
    Game game_;
    MapView map_view_;
    std::optional<StoryWatcher> watcher_;
    float since_watch_ = 0;
    std::vector<std::string> families_;
    std::string error_;
    int stage_revision_ = -1;
    PlayLayout layout_;
    FrameRecord record_;
    float themed_px_ = 0;
    bool themed_contrast_ = false;
    bool fullscreen_ = false;
    sf::Vector2u windowed_size_;

    void open_window(bool fullscreen);
    void follow_settings();
    void follow_session();
    bool handle_play_key(const sf::Event::KeyEvent& key);
    bool handle_key(const sf::Event::KeyEvent& key);
    void draw_panel_background(const PlayLayout& layout);
    ScreenContext screen_context();
    void draw_screens(ScreenContext& context);
    void watch_story(float seconds);
    void show_story_map_window();
    void show_story_problems();
    StageStyle stage_style() const;
};

} // namespace attune
