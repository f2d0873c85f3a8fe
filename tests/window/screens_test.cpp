// Every screen drawn at the smallest and the usual window size, in high contrast and at
// the largest text, written as PNGs to look at (build/screenshots/).

#include "window_support.h"

namespace {

using namespace attune;
using namespace attune::test;

struct Variant {
    const char* name;
    unsigned width;
    unsigned height;
    Settings settings;
};

Settings with(int text_size, bool high_contrast) {
    Settings settings;
    settings.text_size = text_size;
    settings.high_contrast = high_contrast;
    return settings;
}

void reach_ending(Game& game) {
    for (int i = 0; i < 40 && !game.session()->is_finished(); ++i) {
        REQUIRE(game.choose_first_open());
    }
    REQUIRE(game.session()->is_finished());
}

} // namespace

TEST_CASE("window screens: every screen at every size writes a screenshot") {
    const std::filesystem::path folder = ATTUNE_SCREENSHOT_DIR;
    std::filesystem::create_directories(folder);
    const Variant variants[] = {
        {"1280x720", 1280, 720, with(100, false)},
        {"1024x600", 1024, 600, with(100, false)},
        {"1280x720-contrast", 1280, 720, with(100, true)},
        {"1024x600-text200", 1024, 600, with(200, false)},
    };
    for (const Variant& variant : variants) {
        CAPTURE(variant.name);
        SfmlErrors errors;
        TempFolder temp;
        App app(options_in(temp, variant.width, variant.height, variant.settings), params());
        REQUIRE_MESSAGE(app.ready(), app.error());
        Game& game = app.game();
        const auto shot = [&](const char* screen) {
            const std::filesystem::path file =
                folder / (std::string(screen) + "-" + variant.name + ".png");
            CHECK(app.screenshot(file.string()));
            CHECK(std::filesystem::file_size(file) > 1000);
        };
        shot("library");
        game.start(bundled("first-light.json"));
        game.choose_number(1);
        game.choose_number(2);
        shot("play");
        game.pause();
        shot("pause");
        game.open_intro();
        shot("intro");
        game.close_intro();
        game.resume();
        game.show_map(true);
        shot("map");
        game.show_map(false);
        game.open_settings();
        shot("settings");
        game.close_settings();
        reach_ending(game);
        shot("ending");
        CHECK_FALSE(errors.gl_failed());
    }
}
