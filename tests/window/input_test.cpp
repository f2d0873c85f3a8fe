// The window driven by synthetic SFML events, as a keyboard or mouse player would.

#include "window_support.h"

namespace {

using namespace attune;
using namespace attune::test;

std::vector<ChoiceView> enabled(const Session& session) {
    std::vector<ChoiceView> out;
    for (const ChoiceView& choice : session.choices()) {
        if (choice.enabled) {
            out.push_back(choice);
        }
    }
    return out;
}

// Takes enabled choices (first ones first) until a disabled choice is on offer.
bool reach_disabled_choice(Game& game, int depth) {
    Session& session = *game.session();
    for (const ChoiceView& choice : session.choices()) {
        if (!choice.enabled) {
            return true;
        }
    }
    if (depth == 0 || session.is_finished()) {
        return false;
    }
    for (const ChoiceView& choice : enabled(session)) {
        const std::size_t step = session.history().size();
        REQUIRE(game.choose(choice.index));
        if (reach_disabled_choice(game, depth - 1)) {
            return true;
        }
        REQUIRE(game.rewind_to(step));
    }
    return false;
}

} // namespace

TEST_CASE("window input: pressing 2 takes the second enabled choice") {
    SfmlErrors errors;
    TempFolder folder;
    App app(options_in(folder), params());
    REQUIRE_MESSAGE(app.ready(), app.error());
    app.game().start(bundled("first-light.json"));
    app.settle();
    frames(app, 2);
    const std::vector<ChoiceView> offered = enabled(*app.game().session());
    REQUIRE(offered.size() >= 2);

    press(app, sf::Keyboard::Num2);
    const auto& history = app.game().session()->history();
    REQUIRE(history.size() == 1);
    CHECK(history[0].choice == offered[1].index);
    CHECK_FALSE(errors.gl_failed());
}

TEST_CASE("window input: a number key while text is still appearing only shows it all") {
    TempFolder folder;
    App app(options_in(folder), params());
    app.game().start(bundled("first-light.json"));
    frames(app, 1);
    REQUIRE(app.game().is_revealing());
    press(app, sf::Keyboard::Num1);
    CHECK_FALSE(app.game().is_revealing());
    CHECK(app.game().session()->history().empty());
}

TEST_CASE("window input: a disabled choice cannot be taken") {
    SfmlErrors errors;
    TempFolder folder;
    App app(options_in(folder), params());
    Game& game = app.game();
    game.start(late_bus());
    REQUIRE(reach_disabled_choice(game, 4));
    app.settle();
    frames(app, 2);
    const Session& session = *game.session();
    const std::size_t before = session.history().size();
    const std::vector<ChoiceView> offered = session.choices();
    const auto disabled = std::find_if(offered.begin(), offered.end(),
                                       [](const ChoiceView& c) { return !c.enabled; });
    REQUIRE(disabled != offered.end());
    const int disabled_index = disabled->index;

    CHECK_FALSE(game.choose(disabled_index));
    // Number keys count only the choices that can be taken: one past them does nothing.
    // (Whether they skip a closed choice is shown by the test above, on a closed first one.)
    const int keys = static_cast<int>(enabled(session).size());
    press(app, static_cast<sf::Keyboard::Key>(sf::Keyboard::Num1 + keys));
    CHECK(session.history().size() == before);
    CHECK_FALSE(errors.gl_failed());
}

TEST_CASE("window input: number keys count a struck-through choice, which takes nothing") {
    // In the flood fixture the first choice, "listen", is closed while the player is
    // flooded; "breathe" and "snap" follow it. One numbering everywhere (the menu as the
    // player sees it, struck-through choices included): key 1 is "listen" and does
    // nothing, key 2 is "breathe", key 3 is "snap".
    const auto flood = story(source_dir() / "tests" / "data" / "stories" / "flood.json");
    for (const auto& [key, id] : {std::pair{sf::Keyboard::Num1, std::string()},
                                  std::pair{sf::Keyboard::Num2, std::string("breathe")},
                                  std::pair{sf::Keyboard::Num3, std::string("snap")}}) {
        CAPTURE(id);
        TempFolder folder;
        App app(options_in(folder), params());
        Game& game = app.game();
        game.start(flood);
        app.settle();
        frames(app, 1);
        const std::vector<ChoiceView> offered = game.session()->choices();
        REQUIRE(offered.size() == 3);
        REQUIRE_FALSE(offered[0].enabled);
        press(app, key);
        const auto& history = game.session()->history();
        if (id.empty()) {
            CHECK(history.empty());
            continue;
        }
        REQUIRE(history.size() == 1);
        CHECK(game.session()->story().choice(history[0].scene, history[0].choice).id == id);
    }
}

TEST_CASE("window input: Esc opens the pause menu and closes it again") {
    TempFolder folder;
    App app(options_in(folder), params());
    app.game().start(bundled("first-light.json"));
    app.settle();
    frames(app, 1);
    press(app, sf::Keyboard::Escape);
    CHECK(app.game().overlay() == Overlay::Pause);
    // While paused, number keys do not take choices.
    press(app, sf::Keyboard::Num1);
    CHECK(app.game().session()->history().empty());
    press(app, sf::Keyboard::Escape);
    CHECK(app.game().overlay() == Overlay::None);
}

TEST_CASE("window input: PageUp and the timeline rewind to the earlier state") {
    TempFolder folder;
    App app(options_in(folder), params());
    Game& game = app.game();
    game.start(bundled("first-light.json"));
    const SessionState start = game.session()->state();
    app.settle();
    frames(app, 1);
    press(app, sf::Keyboard::Num1);
    const SessionState after_one = game.session()->state();
    app.settle();
    press(app, sf::Keyboard::Num1);
    REQUIRE(game.session()->history().size() == 2);

    press(app, sf::Keyboard::PageUp);
    CHECK(game.session()->history().size() == 1);
    CHECK(game.session()->state() == after_one);
    CHECK(game.rewind_to(0));
    CHECK(game.session()->state() == start);
}

TEST_CASE("window input: the mouse wheel over the stage rewinds one choice") {
    TempFolder folder;
    App app(options_in(folder), params());
    Game& game = app.game();
    game.start(bundled("first-light.json"));
    app.settle();
    frames(app, 1);
    press(app, sf::Keyboard::Num1);
    REQUIRE(game.session()->history().size() == 1);
    sf::Event wheel;
    wheel.type = sf::Event::MouseWheelScrolled;
    wheel.mouseWheelScroll = {sf::Mouse::VerticalWheel, 1.0f, 100, 100};
    app.handle(wheel);
    CHECK(game.session()->history().empty());
}

TEST_CASE("window input: a mouse click on a choice takes it") {
    TempFolder folder;
    App app(options_in(folder), params());
    Game& game = app.game();
    game.start(bundled("first-light.json"));
    app.settle();
    frames(app, 3);
    // Sweep down the text panel until a click lands on a choice.
    const float x = app.size().x * 0.75f;
    for (int y = static_cast<int>(app.size().y) - 20; y > 0 && game.session()->history().empty();
         y -= 12) {
        click(app, static_cast<int>(x), y);
    }
    CHECK(game.session()->history().size() == 1);
}

TEST_CASE("window input: every choice autosaves, and Continue picks the story up again") {
    TempFolder folder;
    {
        App app(options_in(folder), params());
        app.game().start(bundled("first-light.json"));
        app.game().choose_first_open();
    }
    App app(options_in(folder), params());
    REQUIRE(app.game().continue_latest());
    CHECK(app.game().session()->history().size() == 1);
    CHECK(app.game().screen() == Screen::Play);
}

TEST_CASE("window input: the window is never made smaller than 1024x600") {
    TempFolder folder;
    App app(options_in(folder, 800, 500), params());
    REQUIRE(app.ready());
    REQUIRE(app.size().x == 800); // as a window manager might leave it after a drag
    sf::Event event;
    event.type = sf::Event::Resized;
    event.size = {800, 500};
    app.handle(event);
    frames(app, 2);
    CHECK(app.size().x == 1024);
    CHECK(app.size().y == 600);
}

namespace {

void press_tab(App& app, bool shift = false) {
    sf::Event event = key_press(sf::Keyboard::Tab);
    event.key.shift = shift;
    app.handle(event);
    frames(app, 1);
    event.type = sf::Event::KeyReleased;
    app.handle(event);
    frames(app, 1);
}

} // namespace

TEST_CASE("window input: Tab and Shift+Tab move through the library's buttons; Enter takes one") {
    TempFolder folder;
    {
        // First stop: "Load a save" (there is nothing to continue yet).
        App app(options_in(folder), params());
        frames(app, 2);
        REQUIRE(app.game().screen() == Screen::Library);
        press_tab(app);
        press(app, sf::Keyboard::Enter);
        CHECK(app.game().overlay() == Overlay::Load);
    }
    {
        // Second: Settings; Shift+Tab comes back to Load.
        App app(options_in(folder), params());
        frames(app, 2);
        press_tab(app);
        press_tab(app);
        press_tab(app);
        press_tab(app, true);
        press(app, sf::Keyboard::Enter);
        CHECK(app.game().screen() == Screen::Settings);
    }
    {
        // Shift+Tab first goes round to the last stop, the last story's "With a room";
        // once more, its Begin; its content notes come first, with Continue focused.
        App app(options_in(folder), params());
        frames(app, 2);
        press_tab(app, true);
        press_tab(app, true);
        press(app, sf::Keyboard::Enter);
        REQUIRE(app.game().screen() == Screen::Before);
        press(app, sf::Keyboard::Enter);
        REQUIRE(app.game().session());
        CHECK(app.game().session()->story().info.id == app.game().shelf().back().story->info.id);
    }
}

TEST_CASE("window input: Tab and Shift+Tab move through a menu's choices; Enter takes one") {
    TempFolder folder;
    App app(options_in(folder), params());
    Game& game = app.game();
    game.start(bundled("first-light.json"));
    app.settle();
    frames(app, 2);
    const std::vector<ChoiceView> offered = enabled(*game.session());
    REQUIRE(offered.size() >= 3);
    // Focus starts on the first choice; Tab goes to the second, Shift+Tab back, and from
    // the first Shift+Tab goes round to the last.
    press_tab(app);
    press_tab(app);
    press_tab(app, true);
    press(app, sf::Keyboard::Enter);
    REQUIRE(game.session()->history().size() == 1);
    CHECK(game.session()->history()[0].choice == offered[1].index);

    game.rewind_to(0);
    app.settle();
    frames(app, 2);
    press_tab(app, true);
    press(app, sf::Keyboard::Enter);
    REQUIRE(game.session()->history().size() == 1);
    CHECK(game.session()->history()[0].choice == offered.back().index);
}

TEST_CASE("window input: Tab moves through the pause menu, not the choices under it") {
    TempFolder folder;
    App app(options_in(folder), params());
    Game& game = app.game();
    game.start(bundled("first-light.json"));
    app.settle();
    frames(app, 2);
    press(app, sf::Keyboard::Escape);
    REQUIRE(game.overlay() == Overlay::Pause);
    press_tab(app); // Resume -> Save
    press(app, sf::Keyboard::Enter);
    CHECK(game.overlay() == Overlay::Save);
    CHECK(game.session()->history().empty());
}

TEST_CASE("window input: the first-run card shows once, and closing it is remembered") {
    TempFolder folder;
    AppOptions options = options_in(folder);
    options.settings.reset(); // the stored settings, as a player's first start
    {
        App app(options, params());
        Game& game = app.game();
        game.offer_intro();
        REQUIRE(game.overlay() == Overlay::Intro);
        frames(app, 2);
        press(app, sf::Keyboard::Enter); // Begin has the focus
        CHECK(game.overlay() == Overlay::None);
        CHECK(game.settings().seen_intro);
    }
    App app(options, params());
    app.game().offer_intro();
    CHECK(app.game().overlay() == Overlay::None);
    // The same card from the pause menu, and Esc goes back to the menu.
    app.game().start(bundled("first-light.json"));
    app.game().pause();
    app.game().open_intro();
    frames(app, 2);
    press(app, sf::Keyboard::Escape);
    CHECK(app.game().overlay() == Overlay::Pause);
}
