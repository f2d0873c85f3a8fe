#pragma once
// Room mode: two windows over one Game and one Room. The projector (the main window) shows
// the room what it may see; the facilitator's window, on the laptop, shows everything
// else. With one display, F2 switches which of the two is shown; rehearsal puts them side
// by side. Tests make a RoomApp, feed either window synthetic events and draw frames.

#include "app.h"
#include "room.h"
#include "room_screens.h"
#include "room_window.h"
#include "stage.h"

#include <functional>
#include <memory>
#include <string>

namespace attune {

/// How many displays room mode has to work with.
enum class RoomDisplays {
    Two,       ///< projector and laptop: a window on each
    One,       ///< one screen: F2 switches between the projector and the facilitator
    Rehearsal, ///< both windows side by side, to prepare
};

/// How room mode starts.
struct RoomOptions {
    AppOptions app; ///< width and height are the projector's
    unsigned facilitator_width = 1280;
    unsigned facilitator_height = 800;
    RoomDisplays displays = RoomDisplays::Two;
};

class RoomApp {
public:
    RoomApp(const RoomOptions& options, std::shared_ptr<const model::Params> params);

    bool ready() const { return error_.empty(); }
    const std::string& error() const { return error_; }

    Game& game() { return game_; }
    Room& room() { return room_; }

    /// Runs until a window closes or the facilitator quits; returns the exit status.
    int run();

    /// An event of the projector's window, or of the facilitator's.
    void handle_projector(const sf::Event& event);
    void handle_facilitator(const sf::Event& event);

    /// Handles every waiting event of both windows.
    void poll_events();

    /// Advances `seconds` and draws one frame in each window.
    void draw_frame(float seconds);
    void present();

    /// Jumps animations to their end (screenshots, tests).
    void settle();

    /// What each window drew in the last frame.
    const RoomRecord& projector_record() const { return projector_record_; }
    const RoomRecord& facilitator_record() const { return facilitator_record_; }

    /// With one display: whether the facilitator's window is the one shown.
    bool facilitator_shown() const { return facilitator_shown_; }

    /// Draws settled frames and writes each window as a PNG (an empty path skips one).
    bool screenshot(const std::string& projector_png, const std::string& facilitator_png);

    sf::Vector2u projector_size() const { return projector_.window().getSize(); }

private:
    Game game_;
    Room room_;
    RoomWindow projector_;
    RoomWindow facilitator_;
    Stage stage_;
    RoomDisplays displays_;
    bool facilitator_shown_ = false;
    int stage_revision_ = -1;
    RoomRecord projector_record_;
    RoomRecord facilitator_record_;
    std::string error_;

    void handle(RoomWindow& window, const sf::Event& event);
    bool handle_key(const sf::Event::KeyEvent& key);
    void take_number(int n);
    void show_one(bool facilitator);
    void follow_room();
    void draw_projector(float seconds);
    void draw_facilitator(float seconds);
    bool capture(RoomWindow& window, const std::string& path);
};

} // namespace attune
