#pragma once
// Shared by the window tests: an App in a throwaway settings and save folder, synthetic
// SFML events, and a watch on SFML's error stream (any failed GL call is a bug).

#include "support.h"

#include "app.h"

#include <SFML/System/Err.hpp>

#include <sstream>
#include <unistd.h>

namespace attune::test {

/// Captures everything SFML prints to sf::err() while alive.
struct SfmlErrors {
    std::stringstream text;
    std::streambuf* previous;
    SfmlErrors() : previous(sf::err().rdbuf(text.rdbuf())) {}
    ~SfmlErrors() { sf::err().rdbuf(previous); }
    bool gl_failed() const {
        return text.str().find("An internal OpenGL call failed") != std::string::npos;
    }
};

/// A folder removed when the test ends.
struct TempFolder {
    std::filesystem::path path;
    TempFolder() {
        path = std::filesystem::temp_directory_path() /
               ("attune-window-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
        std::filesystem::create_directories(path);
    }
    ~TempFolder() { std::filesystem::remove_all(path); }
};

inline AppOptions options_in(const TempFolder& folder, unsigned width = 1280, unsigned height = 720,
                             Settings settings = {}) {
    AppOptions options;
    options.width = width;
    options.height = height;
    options.settings_file = (folder.path / "settings.json").string();
    options.save_folder = (folder.path / "saves").string();
    options.settings = settings;
    return options;
}

inline sf::Event key_press(sf::Keyboard::Key code) {
    sf::Event event;
    event.type = sf::Event::KeyPressed;
    event.key = {code, false, false, false, false};
    return event;
}

inline sf::Event key_release(sf::Keyboard::Key code) {
    sf::Event event = key_press(code);
    event.type = sf::Event::KeyReleased;
    return event;
}

/// Presses and releases `code`, drawing a frame after each as the real loop would.
inline void press(App& app, sf::Keyboard::Key code) {
    app.handle(key_press(code));
    app.draw_frame(1 / 60.0f);
    app.present();
    app.handle(key_release(code));
    app.draw_frame(1 / 60.0f);
    app.present();
}

inline void frames(App& app, int count) {
    for (int i = 0; i < count; ++i) {
        app.draw_frame(1 / 60.0f);
        app.present();
    }
}

/// One click at (x, y): move there, press, a frame, release, a frame.
inline void click(App& app, int x, int y) {
    sf::Event event;
    event.type = sf::Event::MouseMoved;
    event.mouseMove = {x, y};
    app.handle(event);
    event.type = sf::Event::MouseButtonPressed;
    event.mouseButton = {sf::Mouse::Left, x, y};
    app.handle(event);
    frames(app, 1);
    event.type = sf::Event::MouseButtonReleased;
    app.handle(event);
    frames(app, 1);
}

inline std::shared_ptr<const Story> bundled(const char* name) {
    return story(source_dir() / "stories" / name);
}

} // namespace attune::test
