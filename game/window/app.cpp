#include "app.h"

#include <algorithm>

#include <SFML/Graphics/RectangleShape.hpp>

#include "base/paths.h"
#include "screens.h"
#include "theme.h"
#include "widgets.h"

#include <SFML/Graphics/Texture.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <SFML/System/Clock.hpp>
#include <SFML/Window/VideoMode.hpp>

namespace attune {

namespace {

constexpr unsigned min_width = 1024;
constexpr unsigned min_height = 600;

} // namespace

std::vector<std::filesystem::path> story_folders(const AppOptions& options) {
    std::vector<std::filesystem::path> folders = {data_dir() / "stories"};
    folders.insert(folders.end(), options.story_folders.begin(), options.story_folders.end());
    return folders;
}

int number_key(sf::Keyboard::Key key) {
    if (key >= sf::Keyboard::Num1 && key <= sf::Keyboard::Num9) {
        return key - sf::Keyboard::Num1 + 1;
    }
    if (key >= sf::Keyboard::Numpad1 && key <= sf::Keyboard::Numpad9) {
        return key - sf::Keyboard::Numpad1 + 1;
    }
    return 0;
}

App::App(const AppOptions& options, std::shared_ptr<const model::Params> params)
    : game_(std::move(params), scan_stories(story_folders(options)),
            SaveStore(options.save_folder.empty() ? SaveStore::default_folder()
                                                  : std::filesystem::path(options.save_folder)),
            options.settings_file.empty() ? default_settings_path()
                                          : std::filesystem::path(options.settings_file)),
      windowed_size_(options.width, options.height) {
    if (options.settings) {
        game_.use_settings(*options.settings);
    } else {
        game_.load_stored_settings();
    }
    open_window(game_.settings().fullscreen);
    imgui_ = std::make_unique<ImGuiPlatform>(window_, cursors_);
    if (const Result<> loaded = fonts_.load(game_.settings().font); !loaded) {
        error_ = error_message(loaded.diagnostics);
        return;
    }
    families_ = installed_families();
    follow_settings();
    game_.ui.author_mode = options.author;
    if (!options.watch.empty()) {
        watcher_.emplace(options.watch);
    }
}

App::~App() {
    imgui_.reset(); // the renderer needs the window's context while shutting down
}

void App::open_window(bool fullscreen) {
    sf::ContextSettings context;
    context.antialiasingLevel = 0;
    if (fullscreen) {
        window_.create(sf::VideoMode::getDesktopMode(), "Attune", sf::Style::Fullscreen, context);
    } else {
        window_.create(sf::VideoMode(windowed_size_.x, windowed_size_.y), "Attune",
                       sf::Style::Default, context);
    }
    window_.setVerticalSyncEnabled(true);
    window_.setKeyRepeatEnabled(false);
    fullscreen_ = fullscreen;
}

StageStyle App::stage_style() const {
    return {game_.settings().reduced_motion, game_.settings().high_contrast};
}

void App::follow_settings() {
    const Settings& settings = game_.settings();
    if (settings.fullscreen != fullscreen_) {
        if (!fullscreen_) {
            windowed_size_ = window_.getSize();
        }
        open_window(settings.fullscreen);
    }
    if (settings.font != fonts_.family()) {
        if (const Result<> loaded = fonts_.load(settings.font); !loaded) {
            game_.ui.notices.push_back(error_message(loaded.diagnostics));
        }
    }
    const sf::Vector2u size = window_.getSize();
    const float px = text_pixel_size(size.x, size.y, settings.text_size);
    if (fonts_.build(px)) {
        imgui_->reload_fonts();
        stage_.set_font(fonts_.stage_font(), px / 20);
    }
    if (px != themed_px_ || settings.high_contrast != themed_contrast_) {
        apply_theme(settings.high_contrast, px);
        themed_px_ = px;
        themed_contrast_ = settings.high_contrast;
    }
}

void App::follow_session() {
    const Session* session = game_.session();
    if (!session || game_.revision() == stage_revision_) {
        return;
    }
    stage_revision_ = game_.revision();
    stage_.set_target(stage_target(*session));
    for (const model::Event& event : game_.take_events()) {
        if (event.kind != model::EventKind::RuptureOpen) {
            stage_.show_event(session->words(event), event.kind == model::EventKind::Repair);
        }
    }
    if (game_.settings().reduced_motion) {
        stage_.settle();
    }
}

int App::run() {
    sf::Clock clock;
    while (window_.isOpen() && !game_.nav().quit) {
        sf::Event event;
        while (window_.pollEvent(event)) {
            handle(event);
        }
        if (!window_.isOpen()) {
            break;
        }
        draw_frame(clock.restart().asSeconds());
        present();
    }
    return 0;
}

void App::handle(const sf::Event& event) {
    switch (event.type) {
    case sf::Event::Closed:
        window_.close();
        return;
    case sf::Event::Resized: {
        // Below 1024x600 the layout can no longer promise unclipped text at 200%.
        const sf::Vector2u fitted(std::max(event.size.width, min_width),
                                  std::max(event.size.height, min_height));
        if (!fullscreen_ && (fitted.x != event.size.width || fitted.y != event.size.height)) {
            window_.setSize(fitted);
        }
        window_.setView(sf::View(sf::FloatRect(0, 0, float(fitted.x), float(fitted.y))));
        break;
    }
    case sf::Event::KeyPressed:
        if (handle_key(event.key)) {
            return;
        }
        break;
    case sf::Event::MouseWheelScrolled: {
        const bool over_stage = event.mouseWheelScroll.x < layout_.stage_max.x &&
                                event.mouseWheelScroll.y < layout_.stage_max.y;
        if (game_.in_play() && over_stage && event.mouseWheelScroll.delta > 0) {
            game_.rewind_one();
            return;
        }
        break;
    }
    default:
        break;
    }
    imgui_->handle(event);
}

bool App::handle_key(const sf::Event::KeyEvent& key) {
    if (key.code == sf::Keyboard::F11) {
        Settings settings = game_.settings();
        settings.fullscreen = !settings.fullscreen;
        game_.change_settings(settings);
        return true;
    }
    // Step out: one key, from the story or its ending, and again to go back in.
    if (key.code == sf::Keyboard::F9 && game_.session()) {
        const Screen screen = game_.screen();
        if (screen == Screen::StepOut) {
            game_.step_back_in();
        } else if (screen == Screen::Play || screen == Screen::Ending) {
            game_.step_out();
        }
        return true;
    }
    if (key.code != sf::Keyboard::Escape) {
        return game_.in_play() && handle_play_key(key);
    }
    game_.back();
    return true;
}

bool App::handle_play_key(const sf::Event::KeyEvent& key) {
    if (key.code == sf::Keyboard::PageUp) {
        game_.rewind_one();
        return true;
    }
    if (key.code == sf::Keyboard::M) {
        game_.toggle_map();
        map_view_.centred = false;
        return true;
    }
    if (game_.is_revealing()) {
        const bool skips = number_key(key.code) > 0 || key.code == sf::Keyboard::Space ||
                           key.code == sf::Keyboard::Enter;
        if (skips) {
            game_.skip_reveal();
        }
        return skips;
    }
    if (const int n = number_key(key.code); n > 0) {
        game_.choose_number(n);
        return true;
    }
    return false;
}

void App::settle() {
    follow_session();
    game_.skip_reveal();
    stage_.settle();
}

// The text panel's fill is drawn here without blending rather than by ImGui: on a software
// renderer a blended fill of half the window costs more than the whole text on top of it.
void App::draw_panel_background(const PlayLayout& layout) {
    sf::RectangleShape panel(sf::Vector2f(layout.panel_max.x - layout.panel_min.x,
                                          layout.panel_max.y - layout.panel_min.y));
    panel.setPosition(layout.panel_min.x, layout.panel_min.y);
    panel.setFillColor(sf_color(palette(game_.settings().high_contrast).panel));
    window_.draw(panel, sf::RenderStates(sf::BlendNone));
}

ScreenContext App::screen_context() {
    const sf::Vector2u size = window_.getSize();
    return ScreenContext{game_,
                         fonts_.imgui(),
                         palette(game_.settings().high_contrast),
                         ImVec2(float(size.x), float(size.y)),
                         fonts_.pixel_size(),
                         families_,
                         &record_};
}

void App::draw_screens(ScreenContext& context) {
    const bool playing = game_.session() != nullptr;
    const bool no_session_screen =
        game_.screen() == Screen::Settings || game_.screen() == Screen::Before;
    switch (playing || no_session_screen ? game_.screen() : Screen::Library) {
    case Screen::Library:
        show_library(context);
        break;
    case Screen::Before:
        show_before(context);
        break;
    case Screen::Play:
        show_play(context, layout_);
        break;
    case Screen::Ending:
        show_ending(context);
        break;
    case Screen::Settings:
        show_settings(context);
        break;
    case Screen::StepOut:
        show_step_out(context);
        break;
    }
    if (playing && game_.screen() == Screen::Play && game_.nav().show_map) {
        show_story_map_window();
    }
    show_pause_menu(context);
    show_story_problems();
    show_notices(context);
    show_toast(context);
    tab_focus_end_frame();
}

// The map covers the stage, so the text and choices stay in reach beside it.
void App::show_story_map_window() {
    const StoryMap* map = game_.story_map();
    const Session* session = game_.session();
    // Over the stage beside the text; above the text, over the stage and the story down to
    // the menu, which stays in reach.
    const ImVec2 min = layout_.stage_min;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float above_menu = layout_.panel_max.y - layout_.menu -
                             std::min(style.WindowPadding.y, 24.0f) - style.ItemSpacing.y;
    const ImVec2 max(layout_.stage_max.x,
                     layout_.panel_min.x == 0
                         ? std::max(layout_.stage_max.y, std::round(above_menu))
                         : layout_.stage_max.y);
    ImGui::SetNextWindowPos(min);
    ImGui::SetNextWindowSize(ImVec2(max.x - min.x, max.y - min.y));
    ImGui::SetNextWindowBgAlpha(1);
    ImGui::PushStyleColor(ImGuiCol_WindowBg,
                          to_vec4(palette(game_.settings().high_contrast).panel));
    ImGui::Begin("Story map", nullptr,
                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleColor();
    ImGui::TextDisabled(game_.ui.author_mode
                            ? "Drag to move, wheel to zoom, click a scene to go there. M closes."
                            : "Where you have been, and ? where your choices lead. M closes.");
    const int current = session->is_finished()
                            ? map_node_of(session->story(), true, session->state().ending)
                            : session->state().scene;
    const MapFrame frame =
        show_story_map(session->story(), *map, current, map_view_, game_.ui.author_mode,
                       palette(game_.settings().high_contrast), ImGui::GetContentRegionAvail(),
                       game_.ui.author_mode ? std::vector<MapSight>{} : map_sight(*session, *map));
    ImGui::End();
    if (frame.clicked_scene >= 0) {
        game_.jump_to(frame.clicked_scene);
        map_view_.centred = false;
    }
}

// A watched story that no longer loads: its problems stay on screen until it is fixed.
void App::show_story_problems() {
    const std::vector<std::string>& problems = game_.ui.story_problems;
    if (problems.empty()) {
        return;
    }
    const ImVec2 window(float(size().x), float(size().y));
    ImGui::SetNextWindowPos(ImVec2(window.x * 0.05f, window.y * 0.05f));
    ImGui::SetNextWindowSize(ImVec2(window.x * 0.9f, 0));
    ImGui::SetNextWindowBgAlpha(0.96f);
    ImGui::Begin("The story file has problems", nullptr,
                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::TextWrapped(
        "You can keep playing the last version that loaded. Save the file again once "
        "these are fixed and it reloads by itself.");
    ImGui::Separator();
    for (const std::string& problem : problems) {
        ImGui::TextWrapped("%s", problem.c_str());
    }
    ImGui::End();
}

void App::watch_story(float seconds) {
    since_watch_ += seconds;
    if (!watcher_ || since_watch_ < 0.25f) {
        return;
    }
    since_watch_ = 0;
    WatchResult result = watcher_->poll();
    if (!result.changed) {
        return;
    }
    game_.ui.story_problems.clear();
    for (const Diagnostic& d : result.problems) {
        game_.ui.story_problems.push_back(format(d));
    }
    if (result.story) {
        game_.reload(result.story);
    }
}

void App::draw_frame(float seconds) {
    watch_story(seconds);
    follow_settings();
    follow_session();
    if (game_.in_play()) {
        game_.reveal(seconds);
    }
    stage_.update(seconds, stage_style());
    game_.ui.toast_left = std::max(0.0f, game_.ui.toast_left - seconds);

    // ImGui's frame begins first: the layout measures the menu with its fonts. SFML draws
    // the stage now and ImGui's draw lists go on top in render().
    imgui_->new_frame(seconds);
    record_ = {};
    ScreenContext context = screen_context();
    layout_ = play_layout(context);
    window_.clear(sf_color(palette(game_.settings().high_contrast).background_top));
    const bool playing = game_.session() && game_.screen() == Screen::Play;
    if (!playing) { // while playing, the stage and the text panel cover the window
        draw_window_background(window_, palette(game_.settings().high_contrast));
    }
    if (playing) {
        draw_panel_background(layout_);
        // The story map covers the stage, so the stage is not drawn beneath it.
        if (layout_.stage_max.y - layout_.stage_min.y >= 1 && !game_.nav().show_map) {
            stage_.draw(window_,
                        sf::FloatRect(layout_.stage_min.x, layout_.stage_min.y,
                                      layout_.stage_max.x - layout_.stage_min.x,
                                      layout_.stage_max.y - layout_.stage_min.y),
                        stage_style());
        }
    }
    draw_screens(context);
    imgui_->render();
}

bool App::screenshot(const std::string& path) {
    // Three frames: ImGui sizes new and auto-resizing windows on the first, and a scroll
    // asked for during a frame (the story following its text) applies on the next.
    for (int frame = 0; frame < 2; ++frame) {
        settle();
        draw_frame(0.016f);
        present();
    }
    settle();
    draw_frame(0.016f);
    sf::Texture texture;
    if (!texture.create(size().x, size().y)) {
        return false;
    }
    texture.update(window_);
    present();
    return texture.copyToImage().saveToFile(path);
}

} // namespace attune
