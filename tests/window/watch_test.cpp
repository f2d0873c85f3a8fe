// Authors' tools in the window: live reload of a watched story, and the story map.

#include "window_support.h"

#include <fstream>
#include <sstream>
#include <thread>

namespace {

using namespace attune;
using test::read_text;

// Rewrites the file and makes sure its time stamp moves, however coarse the file system's.
void rewrite(const std::filesystem::path& path, const std::string& text) {
    const auto before = std::filesystem::last_write_time(path);
    std::ofstream(path, std::ios::binary) << text;
    std::filesystem::last_write_time(path, before + std::chrono::seconds(1));
}

} // namespace

TEST_CASE(
    "watch: a changed story reloads, a broken one shows located problems, a fixed one resumes") {
    test::TempFolder folder;
    const auto file = folder.path / "late-bus.json";
    const std::string good = read_text(test::source_dir() / "tests/data/stories/late-bus.json");
    std::ofstream(file, std::ios::binary) << good;
    AppOptions options = test::options_in(folder);
    options.watch = file.string();
    App app(options, test::params());
    REQUIRE(app.ready());
    Game& game = app.game();
    game.start(test::story(file));
    REQUIRE(game.choose(0)); // "its-fine" -> quiet
    test::frames(app, 2);
    const SessionState before = game.session()->state();

    // An edit: Ren's line changes. The place and the state carry over.
    std::string edited = good;
    edited.replace(edited.find("Okay. Sorry again."), 18, "Okay. Sorry. Again.");
    rewrite(file, edited);
    test::frames(app, 20);
    REQUIRE(game.session());
    CHECK(game.session()->scene().id == "quiet");
    CHECK(game.session()->lines()[0].text == "Okay. Sorry. Again.");
    CHECK(game.session()->state() == before);
    CHECK(game.session()->history().size() == 1);
    CHECK(game.ui.story_problems.empty());

    // A broken save of the file: the game goes on with the last good story.
    std::string broken = edited;
    broken.replace(broken.find("\"next\": \"call\""), 14, "\"next\": \"cal\"");
    rewrite(file, broken);
    test::frames(app, 20);
    REQUIRE(game.ui.story_problems.size() == 1);
    CHECK(game.ui.story_problems[0].find(
              "late-bus.json:46:19: error: there is no scene or ending 'cal'") !=
          std::string::npos);
    CHECK(game.session()->lines()[0].text == "Okay. Sorry. Again.");

    rewrite(file, edited);
    test::frames(app, 20);
    CHECK(game.ui.story_problems.empty());
    CHECK(game.session()->scene().id == "quiet");
}

TEST_CASE("story map: M shows it over the stage, and clicking jumps only in author mode") {
    for (const bool author : {false, true}) {
        test::TempFolder folder;
        AppOptions options = test::options_in(folder);
        options.author = author;
        App app(options, test::params());
        REQUIRE(app.ready());
        Game& game = app.game();
        game.start(test::late_bus());
        test::press(app, sf::Keyboard::M);
        CHECK(game.nav().show_map);
        REQUIRE(game.story_map());
        CHECK(game.story_map()->nodes.size() == 5);
        game.jump_to(game.session()->story().find_scene("call"));
        CHECK((game.session()->scene().id == "call") == author);
        test::press(app, sf::Keyboard::M);
        CHECK_FALSE(game.nav().show_map);
    }
}

TEST_CASE("watch: a reload is a brief notice that fades, never over the choices, never stacked") {
    test::TempFolder folder;
    const auto file = folder.path / "late-bus.json";
    const std::string good = read_text(test::source_dir() / "tests/data/stories/late-bus.json");
    std::ofstream(file, std::ios::binary) << good;
    AppOptions options = test::options_in(folder);
    options.watch = file.string();
    App app(options, test::params());
    REQUIRE(app.ready());
    Game& game = app.game();
    game.start(test::story(file));
    REQUIRE(game.choose(0)); // -> quiet
    test::frames(app, 2);

    std::string edited = good;
    edited.replace(edited.find("Okay. Sorry again."), 18, "Okay. Sorry. Again.");
    rewrite(file, edited);
    test::frames(app, 20);
    CHECK(game.ui.notices.empty()); // nothing to dismiss
    CHECK(game.ui.toast == "The story was reloaded.");
    const FrameRecord& frame = app.last_frame();
    CHECK(frame.toast_max.x > frame.toast_min.x);
    for (const DrawnChoice& choice : frame.choices) {
        const bool apart = choice.max.y <= frame.toast_min.y || choice.min.y >= frame.toast_max.y ||
                           choice.max.x <= frame.toast_min.x || choice.min.x >= frame.toast_max.x;
        CHECK(apart);
    }
    rewrite(file, good); // a second save replaces the notice rather than adding one
    test::frames(app, 20);
    CHECK(game.ui.notices.empty());
    CHECK(game.ui.toast == "The story was reloaded.");
    test::frames(app, static_cast<int>(toast_seconds * 60) + 2);
    CHECK(game.ui.toast.empty());

    // Renaming the scene you are in: said plainly, and you stay there.
    std::string renamed = good;
    for (auto at = renamed.find("\"quiet\""); at != std::string::npos;
         at = renamed.find("\"quiet\"")) {
        renamed.replace(at, 7, "\"hush\"");
    }
    renamed.replace(renamed.find("visits(quiet)"), 13, "visits(hush)");
    rewrite(file, renamed);
    test::frames(app, 20);
    CHECK(game.session()->scene().id == "hush");
    CHECK(game.ui.toast == "The story was reloaded. The scene you were in was renamed; starting "
                           "again from 'hush'.");
}
