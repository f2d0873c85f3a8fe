#include "room_window.h"

#include "stage.h"
#include "theme.h"

#include <SFML/Graphics/VertexArray.hpp>
#include <SFML/Window/VideoMode.hpp>

namespace attune {

RoomWindow::RoomWindow(unsigned width, unsigned height, const std::string& title,
                       const std::string& font)
    : title_(title), windowed_size_(width, height) {
    open(false);
    imgui_ = std::make_unique<ImGuiPlatform>(window_, cursors_);
    if (const Result<> loaded = fonts_.load(font); !loaded) {
        error_ = error_message(loaded.diagnostics);
    }
}

RoomWindow::~RoomWindow() {
    imgui_.reset(); // the renderer needs the window's context while shutting down
}

void RoomWindow::open(bool fullscreen) {
    if (fullscreen) {
        window_.create(sf::VideoMode::getDesktopMode(), title_, sf::Style::Fullscreen);
    } else {
        window_.create(sf::VideoMode(windowed_size_.x, windowed_size_.y), title_,
                       sf::Style::Default);
    }
    window_.setVerticalSyncEnabled(false); // two windows: vsync on each would halve the rate
    window_.setKeyRepeatEnabled(false);
    fullscreen_ = fullscreen;
}

ImVec2 RoomWindow::size() const {
    return ImVec2(float(window_.getSize().x), float(window_.getSize().y));
}

void RoomWindow::begin_frame(float seconds, float text_px, bool high_contrast) {
    imgui_->make_current();
    if (fonts_.build(text_px)) {
        imgui_->reload_fonts();
    }
    if (text_px != themed_px_ || high_contrast != themed_contrast_) {
        apply_theme(high_contrast, text_px);
        themed_px_ = text_px;
        themed_contrast_ = high_contrast;
    }
    imgui_->new_frame(seconds);
}

void RoomWindow::resized(unsigned width, unsigned height) {
    window_.setView(sf::View(sf::FloatRect(0, 0, float(width), float(height))));
}

void RoomWindow::toggle_fullscreen() {
    if (!fullscreen_) {
        windowed_size_ = window_.getSize();
    }
    open(!fullscreen_); // as the game window does: SFML's shared contexts keep ImGui's objects
}

} // namespace attune
