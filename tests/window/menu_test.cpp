// The whole menu is on screen once a scene's text has settled: for the first scenes of
// every bundled story, along every path, at the usual size, at the smallest window with
// 200% text, and on a projector-sized window with large text. Checked against what ImGui
// drew (each choice's item rectangle and the visible area of its window), not against
// the layout's own arithmetic.

#include "window_support.h"

#include <algorithm>

namespace {

using namespace attune;
using namespace attune::test;

struct Size {
    const char* name;
    unsigned width;
    unsigned height;
    int text_size;
};

std::vector<std::filesystem::path> bundled_stories() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "stories")) {
        if (entry.path().extension() == ".json" && entry.path().filename() != "schema.json") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Every path of up to `depth` choices from the start, as the numbers a player would press.
void paths_from(Game& game, std::vector<int>& path, int depth, std::vector<std::vector<int>>& out) {
    out.push_back(path);
    const Session& session = *game.session();
    if (depth == 0 || session.is_finished()) {
        return;
    }
    for (const ChoiceView& choice : session.choices()) {
        if (!choice.enabled) {
            continue;
        }
        const int n = choice.number;
        const std::size_t step = session.history().size();
        REQUIRE(game.choose_number(n));
        path.push_back(n);
        paths_from(game, path, depth - 1, out);
        path.pop_back();
        REQUIRE(game.rewind_to(step));
    }
}

bool inside(ImVec2 min, ImVec2 max, ImVec2 outer_min, ImVec2 outer_max) {
    constexpr float slack = 0.5f;
    return min.x >= outer_min.x - slack && min.y >= outer_min.y - slack &&
           max.x <= outer_max.x + slack && max.y <= outer_max.y + slack;
}

std::string describe(const std::filesystem::path& story, const std::vector<int>& path) {
    std::string text = story.filename().string() + " --choices ";
    for (std::size_t i = 0; i < path.size(); ++i) {
        text += (i ? "," : "") + std::to_string(path[i]);
    }
    return text;
}

} // namespace

TEST_CASE("window menu: every choice of the first scenes is drawn fully on screen") {
    const Size sizes[] = {
        {"1280x720", 1280, 720, 100},
        {"1024x600 at 200%", 1024, 600, 200},
        {"1920x1080 at 150%", 1920, 1080, 150},
        {"1920x1080 at 200%", 1920, 1080, 200},
    };
    for (const Size& size : sizes) {
        CAPTURE(std::string(size.name));
        SfmlErrors errors;
        TempFolder folder;
        Settings settings;
        settings.text_size = size.text_size;
        App app(options_in(folder, size.width, size.height, settings), params());
        REQUIRE_MESSAGE(app.ready(), app.error());
        Game& game = app.game();
        int menus = 0;
        for (const auto& file : bundled_stories()) {
            const auto loaded = story(file);
            game.start(loaded);
            std::vector<std::vector<int>> paths;
            std::vector<int> path;
            paths_from(game, path, 2, paths);
            for (const std::vector<int>& choices : paths) {
                CAPTURE(describe(file, choices));
                game.start(loaded);
                for (const int n : choices) {
                    REQUIRE(game.choose_number(n));
                }
                if (game.session()->is_finished()) {
                    continue;
                }
                app.settle();
                frames(app, 2);
                const Session& session = *game.session();
                const std::vector<DrawnChoice>& drawn = app.last_frame().choices;
                CHECK(drawn.size() == session.choices().size());
                const ImVec2 window(float(app.size().x), float(app.size().y));
                for (const DrawnChoice& choice : drawn) {
                    CAPTURE(choice.index);
                    CAPTURE(choice.min.y);
                    CAPTURE(choice.max.y);
                    CAPTURE(choice.clip_max.y);
                    CHECK(choice.max.y - choice.min.y >= 20);
                    CHECK(inside(choice.min, choice.max, choice.clip_min, choice.clip_max));
                    CHECK(inside(choice.min, choice.max, ImVec2(0, 0), window));
                }
                ++menus;
            }
        }
        CHECK(menus > 40);
        CHECK_FALSE(errors.gl_failed());
    }
}
