// The stage, drawn off screen and read back pixel by pixel: distance is space, safety is
// warmth, a rupture breaks the thread and a repair mends it.

#include "stage.h"

#include "play/session.h"
#include "story/loader.h"

#include <SFML/Graphics/RenderTexture.hpp>
#include <doctest/doctest.h>

#include <cmath>

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
    const LoadResult loaded = load_story_text("two.json", text);
    REQUIRE(loaded.story);
    std::vector<Diagnostic> problems;
    auto params = model::load_params(
        std::filesystem::path(ATTUNE_SOURCE_DIR) / "assets" / "model.json", problems);
    REQUIRE(params);
    Session session(loaded.story, std::make_shared<const model::Params>(*params), 1);
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
