#pragma once
// The game as the window plays it: the session, the saves, the settings and the small bit
// of UI state the screens share. No SFML and no ImGui here, so input tests can drive it
// and screens stay plain functions of it.

#include "play/save_store.h"
#include "settings.h"
#include "shelf_filter.h"
#include "story/layout.h"
#include "story_shelf.h"

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace attune {

/// Which screen fills the window.
enum class Screen { Library, Before, Play, Ending, Settings, StepOut };

/// A menu drawn over the play screen (Load, and the first-run card, also over the library).
enum class Overlay { None, Pause, Save, Load, Intro };

/// Where the player is: which screen, which menu over it, whether the map is up. Only
/// Game's navigation methods change it; screens and keys ask for a transition.
struct Navigation {
    Screen screen = Screen::Library;
    Screen settings_return = Screen::Library; ///< where Settings' Back goes
    Overlay overlay = Overlay::None;
    Overlay intro_return = Overlay::None; ///< where the first-run card goes when closed
    bool show_map = false;                ///< the story map covers the stage (key M)
    bool quit = false;
    /// Set by the library's "With a room": this window quits and room mode opens with it.
    std::shared_ptr<const Story> room_story;
};

/// The UI state the screens share; everything else is derived from the session.
struct UiState {
    double revealed = 0;              ///< characters of the current text shown so far
    bool focus_choices = false;       ///< focus the first button or choice of what opens next frame
    std::vector<std::string> notices; ///< plain messages for the player (saves, settings)
    bool author_mode = false;         ///< the story map can jump to any scene
    std::vector<std::string> story_problems; ///< a watched story's errors, until fixed
    /// A brief notice that fades by itself, away from the text and choices (a watched story
    /// reloaded); a new one replaces the old rather than stacking.
    std::string toast;
    float toast_left = 0; ///< seconds until it is gone
    ShelfFilter filter;   ///< which stories the library shows
};

/// How long a toast shows, the last second fading.
inline constexpr float toast_seconds = 3.5f;

/// Where skipping the current scene leads: the scene its first open choice goes to, or -1
/// when every open choice ends the story (or it is over).
int scene_after_skip(const Session& session);

/// The story being played plus everything around it.
class Game {
public:
    Game(std::shared_ptr<const model::Params> params, std::vector<ShelfEntry> shelf,
         SaveStore store, std::filesystem::path settings_path);

    UiState ui;

    const std::vector<ShelfEntry>& shelf() const { return shelf_; }
    const Settings& settings() const { return settings_; }
    const SaveStore& store() const { return store_; }
    Session* session() { return session_ ? &*session_ : nullptr; }
    const Session* session() const { return session_ ? &*session_ : nullptr; }

    /// Bumped on every change of the session, so the stage knows to follow.
    int revision() const { return revision_; }

    /// Rupture and repair events since the last call, for the stage's callouts.
    std::vector<model::Event> take_events();

    /// Starts `story` from the beginning on the play screen.
    void start(std::shared_ptr<const Story> story);

    /// The library's Begin: a story with content notes is first shown with them and its
    /// age band, as an informed choice (Before); any other starts at once.
    void offer_story(std::shared_ptr<const Story> story);
    /// The story waiting on the Before screen, else null.
    const Story* offered() const { return offered_.get(); }
    /// Before's Continue: starts the offered story.
    void accept_offered();

    /// Swaps in a new version of the story being played (live reload) and replays the
    /// choices made so far by their ids, keeping the place when it still exists.
    void reload(std::shared_ptr<const Story> story);

    /// The current story's map, laid out once per story; null when nothing is playing.
    const StoryMap* story_map();

    /// Author mode: goes straight to a scene.
    void jump_to(int scene);

    /// Leaves the current scene without a choice for `scene` (skipping a scene, in room
    /// mode or after a step-out); nothing the model tracks changes. False when nothing
    /// is playing or the story is over.
    bool skip_to(int scene);

    /// After a step-out: leaves the scene for where it leads (scene_after_skip).
    bool skip_scene();

    /// Off: choices are not autosaved (room mode: a room's run is nobody's save).
    void set_autosave(bool on) { autosaves_ = on; }

    /// Takes the choice with this scene index; autosaves. False if it cannot be taken.
    bool choose(int index);

    /// Takes the choice numbered `n` in the menu (Session::choose_number), as the number
    /// keys do; struck-through choices keep their numbers and cannot be taken.
    bool choose_number(int n);

    /// Takes the first choice that can be taken (benchmarks and scripted runs that only
    /// need the story to move on).
    bool choose_first_open();

    /// Goes back to the choice point before history step `step`.
    bool rewind_to(std::size_t step);

    /// Goes back one choice (PageUp, mouse wheel up).
    bool rewind_one();

    /// Shows the whole current text at once.
    void skip_reveal();
    bool is_revealing() const;
    /// Advances the text reveal by `seconds` at the chosen speed.
    void reveal(double seconds);
    /// Characters in the current text (what `ui.revealed` counts toward).
    std::size_t text_length() const;

    /// Saves into the named slot; the result goes to ui.notices.
    void save_slot(const std::string& name);

    /// Loads `slot`, finding its story on the shelf or at the file it was saved from.
    void load_slot(const SlotInfo& slot);

    /// Every save on disk, newest first (read again only after something was saved).
    const std::vector<SlotInfo>& slots();

    /// Continues the newest autosave; false (with a notice) when there is none.
    bool continue_latest();

    /// Applies and stores new settings.
    void change_settings(const Settings& settings);

    /// Sets the settings without writing them (command-line overrides, tests).
    void use_settings(const Settings& settings) { settings_ = clamped(settings); }

    /// Loads the stored settings, noting any problem.
    void load_stored_settings();

    // Navigation: every change of screen or menu goes through one of these.
    const Navigation& nav() const { return nav_; }
    Screen screen() const { return nav_.screen; }
    Overlay overlay() const { return nav_.overlay; }
    /// Playing with nothing over the play screen: keys and the wheel reach the story.
    bool in_play() const { return nav_.screen == Screen::Play && nav_.overlay == Overlay::None; }
    void open_settings();
    void close_settings();
    void to_library();
    /// Writes this session's debrief page (and a room's "what if" timelines) beside the
    /// saves, in `debriefs/`, and says where in a notice. Step-outs are never in it: they
    /// are not recorded anywhere.
    std::optional<std::filesystem::path> save_debrief(std::span<const Session> what_ifs = {});
    void pause();       ///< the pause menu over the play screen; focus on its first button
    void resume();      ///< closes any menu
    void open_save();   ///< the save slots (from the pause menu)
    void open_load();   ///< the saves to load (from the pause menu or the library)
    void close_slots(); ///< Save or Load's Back: to the pause menu while playing, else closed
    void open_intro();  ///< the first-run card, over whatever is showing
    void close_intro(); ///< back to where it was opened from; remembered as seen
    /// Opens the first-run card unless the settings say it was seen before.
    void offer_intro() {
        if (!settings_.seen_intro) {
            open_intro();
        }
    }
    void step_out();     ///< the quiet "take a pause" screen
    void step_back_in(); ///< from there back to the story
    void toggle_map();   ///< the story map over the stage (key M)
    void show_map(bool shown);
    void quit();
    /// The library's "With a room": this window closes and room mode opens with `story`.
    void open_room(std::shared_ptr<const Story> story);
    /// Esc: one level back (a list to the pause menu, a menu closed, play paused,
    /// settings or the pause screen left).
    void back();

private:
    Navigation nav_;
    std::shared_ptr<const model::Params> params_;
    std::vector<ShelfEntry> shelf_;
    SaveStore store_;
    std::filesystem::path settings_path_;
    Settings settings_;
    std::optional<Session> session_;
    std::shared_ptr<const Story> offered_;
    std::optional<StoryMap> map_;
    std::weak_ptr<const Story> map_story_; ///< the story map_ was laid out for
    std::vector<model::Event> events_;
    std::vector<SlotInfo> slots_;
    bool slots_stale_ = true;
    int revision_ = 0;
    bool autosaves_ = true;

    void changed();
    void autosave();
    std::shared_ptr<const Story> story_for(const SlotInfo& slot);
};

} // namespace attune
