// The stage, drawn off screen and read back pixel by pixel: distance is space, safety is
// warmth, a rupture breaks the thread and a repair mends it.

#include "fonts.h"
#include "stage.h"

#include "play/session.h"
#include "story/loader.h"

#include <SFML/Graphics/RenderTexture.hpp>
#include <doctest/doctest.h>

#include <SFML/Graphics/Font.hpp>
#include <cmath>
#include <filesystem>

namespace {

using namespace attune;

constexpr unsigned width = 900;
constexpr unsigned height = 420;

FigureTarget sam(double safety, double distance, bool rupture = false) {
    return {0, "Sam", sf::Color(0xf6, 0xc9, 0xa0), safety, distance, 25, false, false, rupture};
}

sf::Image render(Stage& stage, const StageStyle& style = {}) {
    sf::RenderTexture texture;
    REQUIRE(texture.create(width, height));
    texture.clear();
    stage.draw(texture, {0, 0, static_cast<float>(width), static_cast<float>(height)}, style);
    texture.display();
    return texture.getTexture().copyToImage();
}

sf::Image render_target(const FigureTarget& figure, const StageStyle& style = {}) {
    Stage stage;
    stage.set_target(StageTarget{{figure}, 20, false});
    stage.settle();
    return render(stage, style);
}

int brightness(sf::Color c) {
    return c.r + c.g + c.b;
}

// The horizontal centre of the character's body: bright pixels on a row through the
// bodies, right of the player's figure.
double body_centre(const sf::Image& image) {
    const unsigned row = height * 70 / 100;
    double sum = 0;
    int count = 0;
    for (unsigned x = width * 32 / 100; x < width; ++x) {
        if (brightness(image.getPixel(x, row)) > 360) {
            sum += x;
            ++count;
        }
    }
    REQUIRE(count > 0);
    return sum / count;
}

// Whether anything thread-bright crosses the column halfway between the two hearts.
bool thread_crosses(const sf::Image& image, unsigned column) {
    int brightest = 0;
    for (unsigned y = height * 35 / 100; y < height * 80 / 100; ++y) {
        brightest = std::max(brightest, brightness(image.getPixel(column, y)));
    }
    return brightest > 260;
}

} // namespace

TEST_CASE("stage: figures move apart when distance rises") {
    const double near = body_centre(render_target(sam(50, 20)));
    const double far = body_centre(render_target(sam(50, 80)));
    CHECK(far - near > width * 0.2);
}

TEST_CASE("stage: the character's colour warms when safety rises") {
    const sf::Image cold = render_target(sam(15, 40));
    const sf::Image warm = render_target(sam(90, 40));
    const unsigned x = static_cast<unsigned>(body_centre(cold));
    const unsigned y = height * 70 / 100;
    const sf::Color c = cold.getPixel(x, y);
    const sf::Color w = warm.getPixel(static_cast<unsigned>(body_centre(warm)), y);
    CHECK(w.r - w.b > c.r - c.b + 40); // amber vs slate blue
}

TEST_CASE("stage: the thread is broken during a rupture and whole after repair") {
    Stage stage;
    stage.set_target(StageTarget{{sam(40, 50)}, 20, false});
    stage.settle();
    const sf::Image whole = render(stage);
    const unsigned middle = static_cast<unsigned>((width * 0.2 + body_centre(whole)) / 2);
    CHECK(thread_crosses(whole, middle));

    stage.set_target(StageTarget{{sam(30, 55, true)}, 20, false});
    stage.settle();
    CHECK_FALSE(thread_crosses(render(stage), middle));

    // Repair: the thread re-knits over time, not at once, unless motion is reduced.
    stage.set_target(StageTarget{{sam(45, 45, false)}, 20, false});
    stage.update(0.1f, StageStyle{});
    CHECK(stage.is_animating());
    CHECK_FALSE(thread_crosses(render(stage), middle));
    stage.update(2.0f, StageStyle{});
    CHECK_FALSE(stage.is_animating());
    CHECK(thread_crosses(render(stage), middle));
}

TEST_CASE("stage: reduced motion jumps to the new state and holds still") {
    Stage stage;
    stage.set_target(StageTarget{{sam(50, 20)}, 20, false});
    stage.settle();
    stage.set_target(StageTarget{{sam(50, 80)}, 20, false});
    const StageStyle reduced{true, false};
    stage.update(0.016f, reduced);
    CHECK_FALSE(stage.is_animating());
    const sf::Image first = render(stage, reduced);
    stage.update(0.7f, reduced);
    const sf::Image later = render(stage, reduced);
    CHECK(body_centre(first) == doctest::Approx(body_centre(render_target(sam(50, 80)))));
    int differing = 0;
    for (unsigned y = 0; y < height; y += 3) {
        for (unsigned x = 0; x < width; x += 3) {
            differing += first.getPixel(x, y) != later.getPixel(x, y);
        }
    }
    CHECK(differing == 0); // no breathing, no shimmer
}

TEST_CASE("stage: without reduced motion, the figures breathe") {
    Stage stage;
    stage.set_target(StageTarget{{sam(50, 40)}, 20, false});
    stage.settle();
    stage.update(0.01f, StageStyle{});
    const sf::Image a = render(stage);
    stage.update(1.1f, StageStyle{});
    const sf::Image b = render(stage);
    int differing = 0;
    for (unsigned y = 0; y < height; y += 2) {
        for (unsigned x = 0; x < width; x += 2) {
            differing += a.getPixel(x, y) != b.getPixel(x, y);
        }
    }
    CHECK(differing > 50);
}

TEST_CASE("stage: only the characters in the scene stand on it, and keep their place") {
    const std::string text = R"({"id": "two", "title": "Two", "version": "1", "summary": "s",
      "relationship": "sibling", "minutes": 1, "age_band": "all", "author": "tests", "start": "a",
      "characters": [
        {"id": "x", "name": "Xi", "pronouns": "he/him", "role": "brother", "anxiety": 0.3, "avoidance": 0.3, "safety": 50, "distance": 50},
        {"id": "y", "name": "Yara", "pronouns": "she/her", "role": "sister", "anxiety": 0.3, "avoidance": 0.3, "safety": 50, "distance": 50}],
      "scenes": [
        {"id": "a", "lines": [{"speaker": "x", "text": "Hi."}],
         "choices": [{"id": "on", "text": "Hi.", "moves": [{"move": "validate", "to": "x"}], "next": "b"}]},
        {"id": "b", "lines": ["The phone rings."],
         "choices": [{"id": "answer", "text": "Answer.", "moves": [{"move": "turn_toward", "to": "y"}], "next": "c"}]},
        {"id": "c", "lines": ["Quiet."],
         "choices": [{"id": "end", "text": "Sleep.", "moves": [{"move": "neutral", "to": "x"}, {"move": "neutral", "to": "y"}], "next": "end"}]}],
      "endings": [{"id": "end", "kind": "open", "title": "End", "reflection": ["?"]}]})";
    const Result<std::shared_ptr<const Story>> loaded = load_story_text("two.json", text);
    REQUIRE(loaded);
    auto params =
        model::load_params(std::filesystem::path(ATTUNE_SOURCE_DIR) / "assets" / "model.json");
    REQUIRE(params);
    Session session(*loaded, std::make_shared<const model::Params>(*params), 1);
    auto names = [&] {
        std::vector<std::string> out;
        for (const FigureTarget& f : stage_target(session).characters) {
            out.push_back(f.name);
        }
        return out;
    };
    CHECK(names() == std::vector<std::string>{"Xi"});
    REQUIRE(session.choose("on"));
    CHECK(names() == std::vector<std::string>{"Yara"});
    CHECK(stage_target(session).characters[0].character == 1); // Yara, by index
    REQUIRE(session.choose("answer"));
    CHECK(names() == std::vector<std::string>{"Xi", "Yara"});
}

TEST_CASE("stage: figures are matched by character, so two of one name keep their own state") {
    const StageStyle still{true, false};
    FigureTarget warm = sam(95, 30);
    FigureTarget cold = sam(5, 70);
    cold.character = 1;
    Stage settled;
    settled.set_target(StageTarget{{warm, cold}, 20, false});
    settled.settle();
    // The cold one stands alone, then the warm one (same name) steps in. Each starts easing
    // from its own state: the cold one from where it was, the newcomer from its target, so
    // the first frame is already the settled picture.
    Stage stage;
    stage.set_target(StageTarget{{cold}, 20, false});
    stage.settle();
    stage.set_target(StageTarget{{warm, cold}, 20, false});
    const sf::Image now = render(stage, still);
    const sf::Image expected = render(settled, still);
    CHECK(std::equal(now.getPixelsPtr(), now.getPixelsPtr() + width * height * 4,
                     expected.getPixelsPtr()));
}

namespace {

FigureTarget person(int character, const char* name, double distance, sf::Color color) {
    return {character, name, color, 55, distance, 25, false, false, false};
}

// Runs of columns along `row` (or, with `rows` > 1, down a band of rows) where something
// brighter than `threshold` is drawn; runs closer than `gap` pixels are one.
std::vector<std::pair<unsigned, unsigned>> bright_runs(const sf::Image& image, unsigned row,
                                                       unsigned rows, int threshold, unsigned gap) {
    std::vector<std::pair<unsigned, unsigned>> runs;
    for (unsigned x = 0; x < width; ++x) {
        bool lit = false;
        for (unsigned y = row; y < std::min(height, row + rows) && !lit; ++y) {
            lit = brightness(image.getPixel(x, y)) > threshold;
        }
        if (!lit) {
            continue;
        }
        if (!runs.empty() && x <= runs.back().second + gap) {
            runs.back().second = x;
        } else {
            runs.push_back({x, x});
        }
    }
    return runs;
}

// Where the figures stand and their names sit, for the stage at 900x420 (scale 1).
constexpr unsigned body_row = 294;  // through every body, below the hearts
constexpr unsigned label_top = 356; // names hang about 24 px under the feet at y 336

void check_apart(const std::vector<FigureTarget>& people) {
    CAPTURE(people.size());
    sf::Font font;
    const auto files = find_font_files("DejaVu Sans");
    REQUIRE(files);
    REQUIRE(font.loadFromFile(files->regular));
    Stage stage;
    stage.set_font(font, 1);
    stage.set_target(StageTarget{people, 20, false});
    stage.settle();
    const sf::Image image = render(stage, StageStyle{true, false});
    // Kept to look at: build/screenshots/stage-N-people-NAME-DISTANCE.png.
    const std::filesystem::path folder = ATTUNE_SCREENSHOT_DIR;
    std::filesystem::create_directories(folder);
    image.saveToFile((folder / ("stage-" + std::to_string(people.size() + 1) + "-people-" +
                                std::to_string(static_cast<int>(people[0].distance)) + ".png"))
                         .string());
    // Bodies: one wide bright run per figure, the player's included.
    std::vector<std::pair<unsigned, unsigned>> bodies;
    for (const auto& run : bright_runs(image, body_row, 1, 360, 2)) {
        if (run.second - run.first >= 30) {
            bodies.push_back(run);
        }
    }
    CHECK(bodies.size() == people.size() + 1);
    // Names: one cluster of letters per figure, clear of the next name.
    const auto labels = bright_runs(image, label_top, 26, 300, 10);
    CHECK(labels.size() == people.size() + 1);
    for (std::size_t i = 1; i < labels.size(); ++i) {
        CHECK(labels[i].first - labels[i - 1].second > 12);
    }
    // Threads: between you and the nearest figure, one thread to each person crosses, each
    // apart from the others (the farther ones arc over the nearer heads).
    REQUIRE(bodies.size() >= 2);
    const unsigned column = (bodies[0].second + bodies[1].first) / 2;
    int threads = 0;
    bool lit_before = false;
    unsigned dark_run = 0;
    for (unsigned y = 0; y < 336; ++y) {
        const bool lit = brightness(image.getPixel(column, y)) > 260;
        dark_run = lit ? 0 : dark_run + 1;
        if (lit && !lit_before) {
            ++threads;
        }
        lit_before = lit || (lit_before && dark_run < 4);
    }
    CHECK(threads == static_cast<int>(people.size()));
    // Every name under its own figure, none of them cut off at the stage's edges.
    REQUIRE(labels.size() == bodies.size());
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const double label_centre = (labels[i].first + labels[i].second) / 2.0;
        const double body_middle = (bodies[i].first + bodies[i].second) / 2.0;
        CHECK(std::abs(label_centre - body_middle) < 12);
        CHECK(labels[i].first > 2);
        CHECK(labels[i].second < width - 3);
    }
}

} // namespace

TEST_CASE("stage: three people stand apart, each name under its own figure") {
    const sf::Color poh(0xe8, 0xa4, 0xa0);
    const sf::Color wing(0xa8, 0xc8, 0xb0);
    check_apart({person(0, "Poh Poh", 50, poh), person(1, "Uncle Wing", 52, wing)});
    check_apart({person(0, "Poh Poh", 20, poh), person(1, "Uncle Wing", 20, wing)});
    check_apart({person(0, "Poh Poh", 95, poh), person(1, "Uncle Wing", 90, wing)});
}

TEST_CASE("stage: four people stand apart, each name under its own figure") {
    check_apart({person(0, "Poh Poh", 40, sf::Color(0xe8, 0xa4, 0xa0)),
                 person(1, "Uncle Wing", 45, sf::Color(0xa8, 0xc8, 0xb0)),
                 person(2, "Mei", 50, sf::Color(0xc9, 0xb6, 0xe4))});
    check_apart({person(0, "Poh Poh", 90, sf::Color(0xe8, 0xa4, 0xa0)),
                 person(1, "Uncle Wing", 90, sf::Color(0xa8, 0xc8, 0xb0)),
                 person(2, "Grandad Lo", 90, sf::Color(0xc9, 0xb6, 0xe4))});
}

TEST_CASE("stage: with several people, the nearer one still stands nearer") {
    Stage stage;
    stage.set_target(StageTarget{{person(0, "Near", 10, sf::Color(0xe8, 0xa4, 0xa0)),
                                  person(1, "Far", 80, sf::Color(0xa8, 0xc8, 0xb0))},
                                 20,
                                 false});
    stage.settle();
    const sf::Image image = render(stage, StageStyle{true, false});
    std::vector<std::pair<unsigned, unsigned>> bodies;
    for (const auto& run : bright_runs(image, body_row, 1, 360, 2)) {
        if (run.second - run.first >= 30) {
            bodies.push_back(run);
        }
    }
    REQUIRE(bodies.size() == 3);
    // The far one is well beyond the near one: distance still reads as space.
    CHECK(bodies[2].first - bodies[1].second > width * 0.2);
}
