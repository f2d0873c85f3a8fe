// Whole stories played through the window as a player would: by keyboard alone, and by
// mouse alone, from the first scene to the ending and reflection screen.

#include "window_support.h"

namespace {

using namespace attune;
using namespace attune::test;

// Clicks up the text panel from the bottom until something happens: the text shows in
// full, or a choice is taken. Choices sit at the bottom, so the lowest one is taken.
bool click_lowest_choice(App& app) {
    Game& game = app.game();
    const std::size_t taken = game.session()->history().size();
    const int x = static_cast<int>(app.size().x * 0.75f);
    const int height = static_cast<int>(app.size().y);
    for (int y = height - 16; y > height / 3; y -= 10) {
        click(app, x, y);
        if (game.session()->history().size() != taken || game.session()->is_finished()) {
            return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("playthrough: a whole story by keyboard alone reaches the ending and reflection") {
    TempFolder folder;
    App app(options_in(folder), params());
    REQUIRE(app.ready());
    Game& game = app.game();
    game.start(bundled("first-light.json"));
    frames(app, 2);
    for (int presses = 0; presses < 200 && game.screen() == Screen::Play; ++presses) {
        press(app, game.is_revealing() ? sf::Keyboard::Space : sf::Keyboard::Num1);
    }
    CHECK(game.session()->is_finished());
    CHECK(game.screen() == Screen::Ending);
    CHECK(game.session()->history().size() >= 8);
}

TEST_CASE("playthrough: a whole story by mouse alone reaches the ending and reflection") {
    TempFolder folder;
    App app(options_in(folder), params());
    REQUIRE(app.ready());
    Game& game = app.game();
    game.start(bundled("first-light.json"));
    frames(app, 2);
    for (int steps = 0; steps < 60 && game.screen() == Screen::Play; ++steps) {
        if (game.is_revealing()) {
            click(app, static_cast<int>(app.size().x * 0.75f), static_cast<int>(app.size().y / 2));
            continue;
        }
        REQUIRE(click_lowest_choice(app));
    }
    CHECK(game.session()->is_finished());
    CHECK(game.screen() == Screen::Ending);
}

TEST_CASE("playthrough: from the library, the keyboard alone starts a story") {
    TempFolder folder;
    App app(options_in(folder), params());
    REQUIRE(app.ready());
    Game& game = app.game();
    frames(app, 3);
    REQUIRE(game.screen() == Screen::Library);
    // A player moves focus down the library with the arrow keys and presses Enter on a
    // story's Begin button.
    for (int downs = 0; downs < 30 && game.screen() == Screen::Library; ++downs) {
        press(app, sf::Keyboard::Down);
        if (downs >= 3) {
            press(app, sf::Keyboard::Enter);
            if (game.screen() == Screen::Before) {
                press(app, sf::Keyboard::Enter); // Continue, after the content notes
            }
            if (game.screen() == Screen::Settings || game.overlay() != Overlay::None) {
                press(app, sf::Keyboard::Escape); // Enter landed on Settings or Load: back out
            }
        }
    }
    CHECK(game.screen() == Screen::Play);
    REQUIRE(game.session());
    CHECK_FALSE(game.nav().quit);
}
