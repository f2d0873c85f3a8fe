#include "game.h"

#include "debrief_file.h"

#include "play/save.h"
#include "story/loader.h"

#include <algorithm>
#include <random>

namespace attune {

namespace {

std::uint64_t fresh_seed() {
    std::random_device device;
    return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

} // namespace

Game::Game(std::shared_ptr<const model::Params> params, std::vector<ShelfEntry> shelf,
           SaveStore store, std::filesystem::path settings_path)
    : params_(std::move(params)), shelf_(std::move(shelf)), store_(std::move(store)),
      settings_path_(std::move(settings_path)) {}

std::vector<model::Event> Game::take_events() {
    return std::exchange(events_, {});
}

void Game::start(std::shared_ptr<const Story> story) {
    session_.emplace(std::move(story), params_, fresh_seed());
    nav_.screen = Screen::Play;
    nav_.overlay = Overlay::None;
    changed();
}

void Game::offer_story(std::shared_ptr<const Story> story) {
    if (all_content_notes(*story).empty()) {
        start(std::move(story));
        return;
    }
    offered_ = std::move(story);
    nav_.screen = Screen::Before;
    nav_.overlay = Overlay::None;
    ui.focus_choices = true;
}

void Game::accept_offered() {
    if (offered_) {
        start(std::exchange(offered_, nullptr));
    }
}

void Game::reload(std::shared_ptr<const Story> story) {
    if (!session_) {
        start(std::move(story));
        return;
    }
    Result<Session> replayed = load_session(save_session(*session_), story, params_);
    if (!replayed) {
        ui.notices.push_back("The story changed too much to keep your place: " +
                             error_message(replayed.diagnostics) +
                             " It starts again from the beginning.");
        start(std::move(story));
        return;
    }
    session_ = std::move(replayed.value);
    ui.toast = "The story was reloaded.";
    for (const Diagnostic& d : replayed.diagnostics) { // e.g. the scene you were in was renamed
        ui.toast += " " + d.message;
    }
    ui.toast_left = toast_seconds + (replayed.diagnostics.empty() ? 0 : 3);
    nav_.screen = session_->is_finished() ? Screen::Ending : Screen::Play;
    changed();
    skip_reveal();
}

const StoryMap* Game::story_map() {
    if (!session_) {
        return nullptr;
    }
    if (map_story_.lock() != session_->shared_story()) { // once per story, however it came
        map_ = layout_story(session_->story());
        map_story_ = session_->shared_story();
    }
    return &*map_;
}

void Game::jump_to(int scene) {
    if (!session_ || !ui.author_mode) {
        return;
    }
    session_->jump_to(scene);
    nav_.screen = Screen::Play;
    changed();
}

int scene_after_skip(const Session& session) {
    if (session.is_finished()) {
        return -1;
    }
    const std::vector<Choice>& here = session.scene().choices;
    for (const ChoiceView& choice : session.choices()) {
        if (choice.index >= static_cast<int>(here.size())) {
            continue; // the engine's "Take a breath." stays in the scene
        }
        const Target& next = here[choice.index].next;
        if (choice.enabled && !next.is_ending) {
            return next.index;
        }
    }
    return -1;
}

bool Game::skip_scene() {
    return session_ && skip_to(scene_after_skip(*session_));
}

bool Game::skip_to(int scene) {
    if (!session_ || session_->is_finished() || scene < 0 ||
        scene >= static_cast<int>(session_->story().scenes.size())) {
        return false;
    }
    // Not autosaved: a save replays choices, and a skipped scene is not one. The last
    // autosave stays where the story last moved by a choice.
    session_->jump_to(scene);
    nav_.screen = Screen::Play;
    changed();
    return true;
}

bool Game::choose(int index) {
    if (!session_ || !session_->choose(index)) {
        return false;
    }
    const auto& events = session_->last_outcome().events;
    events_.insert(events_.end(), events.begin(), events.end());
    autosave();
    changed();
    return true;
}

bool Game::choose_number(int n) {
    if (!session_) {
        return false;
    }
    const std::vector<ChoiceView> menu = session_->choices();
    return n >= 1 && n <= static_cast<int>(menu.size()) && choose(menu[n - 1].index);
}

bool Game::choose_first_open() {
    if (!session_) {
        return false;
    }
    for (const ChoiceView& choice : session_->choices()) {
        if (choice.enabled) {
            return choose(choice.index);
        }
    }
    return false;
}

bool Game::rewind_to(std::size_t step) {
    if (!session_ || !session_->rewind_to(step)) {
        return false;
    }
    events_.clear();
    autosave();
    changed();
    return true;
}

bool Game::rewind_one() {
    return session_ && !session_->history().empty() && rewind_to(session_->history().size() - 1);
}

void Game::skip_reveal() {
    ui.revealed = static_cast<double>(text_length());
}

bool Game::is_revealing() const {
    return ui.revealed < static_cast<double>(text_length());
}

void Game::reveal(double seconds) {
    const double speed = characters_per_second(settings_.text_speed);
    if (speed <= 0 || settings_.reduced_motion) {
        skip_reveal();
        return;
    }
    ui.revealed = std::min(ui.revealed + seconds * speed, static_cast<double>(text_length()));
}

std::size_t Game::text_length() const {
    std::size_t length = 0;
    if (session_) {
        for (const ShownLine& line : session_->lines()) {
            length += line.text.size();
        }
    }
    return length;
}

void Game::save_slot(const std::string& name) {
    slots_stale_ = true;
    if (!session_) {
        return;
    }
    if (const Result<> saved = store_.save(*session_, name)) {
        ui.notices.push_back("Saved in " + name + ".");
    } else {
        ui.notices.push_back("Could not save: " + error_message(saved.diagnostics));
    }
}

std::shared_ptr<const Story> Game::story_for(const SlotInfo& slot) {
    for (const ShelfEntry& entry : shelf_) {
        if (entry.story && entry.story->info.id == slot.story_id) {
            return entry.story;
        }
    }
    return load_story_file(slot.story_file).value.value_or(nullptr);
}

void Game::load_slot(const SlotInfo& slot) {
    const auto story = story_for(slot);
    if (!story) {
        ui.notices.push_back("The story \"" + slot.story_title +
                             "\" for this save could not be "
                             "found; the save is kept.");
        return;
    }
    Result<Session> loaded = store_.load(slot, story, params_);
    slots_stale_ = true;
    if (!loaded) {
        ui.notices.push_back(error_message(loaded.diagnostics));
        return;
    }
    const std::vector<std::string> notes = messages(loaded.diagnostics, Severity::Note);
    ui.notices.insert(ui.notices.end(), notes.begin(), notes.end());
    session_ = std::move(loaded.value);
    nav_.screen = session_->is_finished() ? Screen::Ending : Screen::Play;
    nav_.overlay = Overlay::None;
    changed();
    skip_reveal();
}

const std::vector<SlotInfo>& Game::slots() {
    if (slots_stale_) {
        Result<std::vector<SlotInfo>> listed = store_.list();
        const std::vector<std::string> warnings = messages(listed.diagnostics, Severity::Warning);
        ui.notices.insert(ui.notices.end(), warnings.begin(), warnings.end());
        slots_ = std::move(*listed);
        slots_stale_ = false;
    }
    return slots_;
}

bool Game::continue_latest() {
    const auto& all = slots();
    const auto latest =
        std::find_if(all.begin(), all.end(), [](const SlotInfo& s) { return s.is_autosave; });
    if (latest == all.end()) {
        ui.notices.push_back("There is no story to continue yet.");
        return false;
    }
    load_slot(SlotInfo(*latest));
    return session_.has_value() && nav_.screen != Screen::Library;
}

void Game::change_settings(const Settings& settings) {
    settings_ = clamped(settings);
    if (const Result<> saved = save_settings(settings_, settings_path_); !saved) {
        ui.notices.push_back("Your settings apply now but could not be kept: " +
                             error_message(saved.diagnostics));
    }
}

void Game::load_stored_settings() {
    const Result<Settings> loaded = load_settings(settings_path_);
    settings_ = *loaded;
    for (const std::string& warning : messages(loaded.diagnostics, Severity::Warning)) {
        ui.notices.push_back(warning);
    }
}

void Game::open_settings() {
    if (nav_.screen != Screen::Settings) {
        nav_.settings_return = nav_.screen;
    }
    nav_.screen = Screen::Settings;
    nav_.overlay = Overlay::None;
}

void Game::close_settings() {
    nav_.screen = nav_.settings_return;
}

void Game::to_library() {
    offered_.reset();
    nav_.screen = Screen::Library;
    nav_.overlay = Overlay::None;
}

void Game::pause() {
    nav_.overlay = Overlay::Pause;
    ui.focus_choices = true;
}

void Game::resume() {
    nav_.overlay = Overlay::None;
}

void Game::open_save() {
    nav_.overlay = Overlay::Save;
    ui.focus_choices = true;
}

void Game::open_load() {
    nav_.overlay = Overlay::Load;
    ui.focus_choices = true;
}

void Game::close_slots() {
    const bool playing = session_ && nav_.screen != Screen::Library;
    nav_.overlay = playing ? Overlay::Pause : Overlay::None;
    ui.focus_choices = true;
}

void Game::open_intro() {
    if (nav_.overlay != Overlay::Intro) {
        nav_.intro_return = nav_.overlay;
    }
    nav_.overlay = Overlay::Intro;
    ui.focus_choices = true;
}

void Game::close_intro() {
    if (!settings_.seen_intro) {
        Settings seen = settings_;
        seen.seen_intro = true;
        change_settings(seen);
    }
    nav_.overlay = nav_.intro_return;
    nav_.intro_return = Overlay::None;
    ui.focus_choices = true;
}

void Game::step_out() {
    nav_.overlay = Overlay::None;
    nav_.screen = Screen::StepOut;
    ui.focus_choices = true;
}

void Game::step_back_in() {
    nav_.screen = !session_                 ? Screen::Library
                  : session_->is_finished() ? Screen::Ending
                                            : Screen::Play;
    ui.focus_choices = true;
}

void Game::toggle_map() {
    nav_.show_map = !nav_.show_map;
}

void Game::show_map(bool shown) {
    nav_.show_map = shown;
}

void Game::quit() {
    nav_.quit = true;
}

void Game::open_room(std::shared_ptr<const Story> story) {
    nav_.room_story = std::move(story);
    nav_.quit = true;
}

void Game::back() {
    switch (nav_.overlay) {
    case Overlay::Intro:
        close_intro();
        return;
    case Overlay::Save:
    case Overlay::Load:
        close_slots();
        return;
    case Overlay::Pause:
        resume();
        return;
    case Overlay::None:
        break;
    }
    if (nav_.screen == Screen::Play) {
        pause();
    } else if (nav_.screen == Screen::Settings) {
        close_settings();
    } else if (nav_.screen == Screen::StepOut) {
        step_back_in();
    } else if (nav_.screen == Screen::Before) {
        to_library();
    }
}

void Game::changed() {
    ++revision_;
    ui.revealed = 0;
    ui.focus_choices = true;
    if (session_ && nav_.screen == Screen::Play && session_->is_finished()) {
        nav_.screen = Screen::Ending;
    } else if (session_ && nav_.screen == Screen::Ending && !session_->is_finished()) {
        nav_.screen = Screen::Play;
    }
}

void Game::autosave() {
    if (!autosaves_) {
        return;
    }
    slots_stale_ = true;
    if (const Result<> saved = store_.autosave(*session_); !saved) {
        ui.notices.push_back("Autosave failed: " + error_message(saved.diagnostics));
    }
}

} // namespace attune

namespace attune {

std::optional<std::filesystem::path> Game::save_debrief(std::span<const Session> what_ifs) {
    if (!session_) {
        return std::nullopt;
    }
    const Result<std::filesystem::path> saved =
        attune::save_debrief(*session_, what_ifs, settings().talk_to, store_.folder());
    if (!saved) {
        ui.notices.push_back("Could not save the debrief: " + error_message(saved.diagnostics));
        return std::nullopt;
    }
    ui.notices.push_back("The debrief page is saved as " + saved->string() + ".");
    return *saved;
}

} // namespace attune
