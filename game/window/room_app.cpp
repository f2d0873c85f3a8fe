#include "room_app.h"

#include "base/paths.h"
#include "theme.h"
#include "widgets.h"

#include <SFML/Graphics/Texture.hpp>
#include <SFML/System/Clock.hpp>

namespace attune {

namespace {

std::string initial_font(const AppOptions& options) {
    return options.settings ? options.settings->font : Settings{}.font;
}

} // namespace

RoomApp::RoomApp(const RoomOptions& options, std::shared_ptr<const model::Params> params)
    : game_(std::move(params), scan_stories(story_folders(options.app)),
            SaveStore(options.app.save_folder.empty()
                          ? SaveStore::default_folder()
                          : std::filesystem::path(options.app.save_folder)),
            options.app.settings_file.empty() ? default_settings_path()
                                              : std::filesystem::path(options.app.settings_file)),
      room_(game_), projector_(options.app.width, options.app.height, "Attune: projector",
                               initial_font(options.app)),
      facilitator_(options.facilitator_width, options.facilitator_height, "Attune: facilitator",
                   initial_font(options.app)),
      displays_(options.displays) {
    if (options.app.settings) {
        game_.use_settings(*options.app.settings);
    } else {
        game_.load_stored_settings();
    }
    if (!projector_.ready() || !facilitator_.ready()) {
        error_ = projector_.ready() ? facilitator_.error() : projector_.error();
        return;
    }
    if (displays_ == RoomDisplays::Rehearsal) {
        projector_.window().setPosition({0, 0});
        facilitator_.window().setPosition({static_cast<int>(options.app.width), 0});
    }
    show_one(false);
}

void RoomApp::show_one(bool facilitator) {
    facilitator_shown_ = facilitator;
    if (displays_ != RoomDisplays::One) {
        return;
    }
    projector_.window().setVisible(!facilitator);
    facilitator_.window().setVisible(facilitator);
}

void RoomApp::handle_projector(const sf::Event& event) {
    handle(projector_, event);
}

void RoomApp::handle_facilitator(const sf::Event& event) {
    handle(facilitator_, event);
}

void RoomApp::handle(RoomWindow& window, const sf::Event& event) {
    switch (event.type) {
    case sf::Event::Closed:
        game_.quit();
        return;
    case sf::Event::Resized:
        window.resized(event.size.width, event.size.height);
        break;
    case sf::Event::KeyPressed: {
        if (event.key.code == sf::Keyboard::F11) {
            window.toggle_fullscreen();
            return;
        }
        window.imgui().make_current();
        // While a count or the "talk to" line is being typed, keys are text.
        if (!ImGui::GetIO().WantTextInput && handle_key(event.key)) {
            return;
        }
        break;
    }
    default:
        break;
    }
    window.imgui().handle(event);
}

// The facilitator's keys work in either window, so a facilitator at the projector's
// keyboard is never stuck.
bool RoomApp::handle_key(const sf::Event::KeyEvent& key) {
    using K = sf::Keyboard;
    if (key.code == K::F9) {
        room_.stepped_out() ? room_.step_back_in() : room_.step_out();
        return true;
    }
    if (key.code == K::F2) {
        show_one(!facilitator_shown_);
        return true;
    }
    if (key.code == K::V && !room_.vote().hosting()) {
        room_.vote().start(game_.settings());
        return true;
    }
    if (room_.stepped_out() || !room_.has_story() || room_.phase() == RoomPhase::Preparing) {
        return false; // Tab and Enter reach the buttons of what is on screen
    }
    const int n = number_key(key.code);
    if (n > 0) {
        if (room_.what_if_step >= 0) {
            const auto others = room_.alternatives(static_cast<std::size_t>(room_.what_if_step));
            if (n <= static_cast<int>(others.size()) &&
                room_.start_what_if(static_cast<std::size_t>(room_.what_if_step),
                                    others[n - 1].index)) {
                room_.what_if_step = -1;
            }
        } else if (room_.phase() == RoomPhase::Discussing) {
            room_.show_prompt(n - 1, !room_.prompt_shown(n - 1));
        } else if (room_.phase() == RoomPhase::Choosing) {
            take_number(n);
        }
        return true;
    }
    const std::size_t taken = room_.game().session()->history().size();
    switch (key.code) {
    case K::M:
        room_.vote().toggle_show_of_hands();
        return true;
    case K::Space:
        room_.next();
        return true;
    case K::D:
        room_.toggle_discussion();
        return true;
    case K::S:
        room_.skip_scene();
        return true;
    case K::E:
        room_.end_story();
        return true;
    case K::PageUp:
    case K::R:
        if (room_.on_branch()) {
            room_.rewind_to(room_.shown().history().size() - 1);
        } else if (taken > 0) {
            room_.rewind_to(taken - 1);
        }
        return true;
    case K::W:
        room_.what_if_step =
            room_.what_if_step >= 0 || taken == 0 ? -1 : static_cast<int>(taken - 1);
        return true;
    case K::C:
        room_.compare();
        return true;
    case K::B:
        room_.back_to_what_we_did();
        return true;
    case K::H: {
        Settings settings = game_.settings();
        settings.high_contrast = !settings.high_contrast;
        game_.change_settings(settings);
        return true;
    }
    case K::Escape:
        room_.what_if_step = -1;
        return true;
    default:
        return false;
    }
}

// The number keys take the choice with that number; a closed one says why instead. With
// the phones voting, the key is the facilitator's decision on the round.
void RoomApp::take_number(int n) {
    const std::string why = room_.why_not_number(n);
    if (!why.empty()) {
        game_.ui.notices.push_back(why);
        return;
    }
    RoomVote& vote = room_.vote();
    if (!vote.show_of_hands() && !room_.on_branch()) {
        const VoteDecision decision = vote.decide(room_, n - 1, vote.reason);
        vote.problem = decision.ok ? std::string() : decision.problem;
        if (decision.ok) {
            vote.reason.clear();
        }
        return;
    }
    room_.choose_nth(n);
}

void RoomApp::follow_room() {
    if (!room_.has_story() || room_.revision() == stage_revision_) {
        return;
    }
    stage_revision_ = room_.revision();
    const Session& shown = room_.shown();
    stage_.set_target(stage_target(shown));
    for (const model::Event& event : room_.take_events()) {
        if (event.kind != model::EventKind::RuptureOpen) {
            stage_.show_event(shown.words(event), event.kind == model::EventKind::Repair);
        }
    }
    if (game_.settings().reduced_motion) {
        stage_.settle();
    }
}

void RoomApp::settle() {
    follow_room();
    stage_.settle();
}

void RoomApp::draw_projector(float seconds) {
    const Settings& settings = game_.settings();
    const ImVec2 size = projector_.size();
    const float px = projector_text_px(size);
    projector_.begin_frame(seconds, px, settings.high_contrast);
    stage_.set_font(projector_.fonts().stage_font(), px / 20 * 0.8f);
    projector_record_ = {};
    const ProjectorView view = projector_view(room_);
    const ProjectorLayout layout = projector_layout(view, size);
    sf::RenderWindow& window = projector_.window();
    window.clear(sf_color(palette(settings.high_contrast).background_top));
    draw_window_background(projector_.window(), palette(settings.high_contrast));
    const StageStyle style{settings.reduced_motion, settings.high_contrast};
    if (layout.stage_max.y - layout.stage_min.y >= 1) {
        stage_.draw(window,
                    sf::FloatRect(layout.stage_min.x, layout.stage_min.y,
                                  layout.stage_max.x - layout.stage_min.x,
                                  layout.stage_max.y - layout.stage_min.y),
                    style);
    }
    ScreenContext context{
        game_, projector_.fonts().imgui(), palette(settings.high_contrast), size, px, {}, nullptr};
    show_projector(context, room_, layout, projector_record_);
    tab_focus_end_frame();
    projector_.end_frame();
}

void RoomApp::draw_facilitator(float seconds) {
    const Settings& settings = game_.settings();
    const ImVec2 size = facilitator_.size();
    const float px = text_pixel_size(static_cast<unsigned>(size.x), static_cast<unsigned>(size.y),
                                     settings.text_size);
    facilitator_.begin_frame(seconds, px, false); // the laptop keeps the evening palette
    facilitator_record_ = {};
    facilitator_.window().clear(sf_color(palette(false).background_top));
    draw_window_background(facilitator_.window(), palette(false));
    ScreenContext context{game_,  facilitator_.fonts().imgui(), palette(false), size, px, {},
                          nullptr};
    show_facilitator(context, room_, facilitator_record_);
    show_notices(context);
    tab_focus_end_frame();
    facilitator_.end_frame();
}

void RoomApp::draw_frame(float seconds) {
    room_.update(seconds);
    follow_room();
    stage_.update(seconds, {game_.settings().reduced_motion, game_.settings().high_contrast});
    draw_projector(seconds);
    draw_facilitator(seconds);
}

void RoomApp::present() {
    projector_.window().display();
    facilitator_.window().display();
}

void RoomApp::poll_events() {
    sf::Event event;
    while (projector_.window().pollEvent(event)) {
        handle_projector(event);
    }
    while (facilitator_.window().pollEvent(event)) {
        handle_facilitator(event);
    }
}

int RoomApp::run() {
    sf::Clock clock;
    while (projector_.window().isOpen() && facilitator_.window().isOpen() && !game_.nav().quit) {
        poll_events();
        draw_frame(clock.restart().asSeconds());
        present();
    }
    return 0;
}

bool RoomApp::capture(RoomWindow& window, const std::string& path) {
    if (path.empty()) {
        return true;
    }
    sf::Texture texture;
    if (!texture.create(window.window().getSize().x, window.window().getSize().y)) {
        return false;
    }
    texture.update(window.window());
    return texture.copyToImage().saveToFile(path);
}

bool RoomApp::screenshot(const std::string& projector_png, const std::string& facilitator_png) {
    // Several frames: new windows size themselves on the first, and text fitted to the
    // projector settles over the next few.
    constexpr int settling = 6;
    for (int frame = 0; frame < settling; ++frame) {
        settle();
        draw_frame(0.016f);
        if (frame < settling - 1) {
            present();
        }
    }
    const bool saved = capture(projector_, projector_png) && capture(facilitator_, facilitator_png);
    present();
    return saved;
}

} // namespace attune
