// Emotional safety when playing alone: step out with one key and leave no trace, the
// content notes before a story, and a library that can leave stories out.

#include "window_support.h"

#include "play/save.h"

namespace {

using namespace attune;
using namespace attune::test;

} // namespace

TEST_CASE("step out: one key pauses a story played alone, and no save shows it happened") {
    TempFolder folder;
    App app(options_in(folder), params());
    Game& game = app.game();
    game.start(bundled("first-light.json"));
    game.choose_first_open();
    app.settle();
    frames(app, 1);
    const nlohmann::json before = save_session(*game.session());
    press(app, sf::Keyboard::F9);
    CHECK(game.screen() == Screen::StepOut);
    press(app, sf::Keyboard::F9);
    CHECK(game.screen() == Screen::Play);
    game.step_out();
    frames(app, 1);
    game.step_back_in();
    CHECK(save_session(*game.session()) == before);
    game.save_slot("Slot 1");
    const auto slots = game.slots();
    REQUIRE(slots.size() == 2); // the autosave and the slot
    for (const SlotInfo& slot : slots) {
        const std::string text = read_text(slot.file);
        CHECK(text.find("step_out") == std::string::npos);
        CHECK(text.find("stepped") == std::string::npos);
        CHECK(text.find("pause") == std::string::npos);
    }
}

TEST_CASE("before a story: content notes and age band as an informed choice") {
    TempFolder folder;
    App app(options_in(folder), params());
    Game& game = app.game();
    const auto cup = bundled("the-red-cup.json");
    game.offer_story(cup);
    CHECK(game.screen() == Screen::Before);
    CHECK_FALSE(game.session());
    frames(app, 2);
    press(app, sf::Keyboard::Tab); // Continue -> Choose another
    press(app, sf::Keyboard::Enter);
    CHECK(game.screen() == Screen::Library);
    CHECK_FALSE(game.session());
    game.offer_story(cup);
    frames(app, 2);
    press(app, sf::Keyboard::Enter); // Continue has the focus
    CHECK(game.screen() == Screen::Play);
    REQUIRE(game.session());
    CHECK(game.session()->story().info.id == cup->info.id);
}

TEST_CASE("library: filtered by age and by what to leave out, the scenes' notes included") {
    const auto cup = bundled("the-red-cup.json");
    const auto light = bundled("first-light.json");
    const ShelfEntry red{"red", cup, ""};
    const ShelfEntry first{"first", light, ""};
    CHECK(minimum_age("14+") == 14);
    CHECK(minimum_age("all") == 0);
    CHECK(shelf_shows(red, {}));
    CHECK_FALSE(shelf_shows(red, {12, ""}));
    CHECK(shelf_shows(first, {12, ""}));
    CHECK(shelf_shows(red, {14, ""}));
    CHECK_FALSE(shelf_shows(red, {0, "  MELTDOWN "}));
    CHECK(shelf_shows(first, {0, "meltdown"}));
    // A note only a scene carries counts too.
    CHECK_FALSE(shelf_shows(red, {0, "crying alone"}));
}
