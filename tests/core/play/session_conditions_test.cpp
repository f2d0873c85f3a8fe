// What a story's conditions and text holes read from a session: each character value
// (flooded, shut down, a rupture open, repairs landed), anyone's, the player's, and the
// player's name in a line. The states are set by hand so each value is known exactly.

#include "support.h"

#include "play/session.h"

#include <nlohmann/json.hpp>

#include <functional>

namespace {

using namespace attune;
using nlohmann::json;

// A condition as the loader resolves it: put on a line of late-bus.json and loaded.
Expression condition(const std::string& source) {
    json text =
        json::parse(test::read_text(test::source_dir() / "tests/data/stories/late-bus.json"));
    text["scenes"][0]["lines"][0] = {{"text", "x"}, {"if", source}};
    const Result<std::shared_ptr<const Story>> loaded = load_story_text("c.json", text.dump());
    REQUIRE_MESSAGE(loaded, source);
    return (*loaded)->scenes[0].lines[0].condition;
}

bool holds_with(const std::string& source, const std::function<void(SessionState&)>& change) {
    Session session(test::late_bus(), test::params(), 1);
    SessionState state = session.state();
    change(state);
    session.restore(state, {});
    return session.holds(condition(source));
}

} // namespace

TEST_CASE("session conditions: a character is flooded above the window, shut down below it") {
    // Relative to Ren's window as the session has it: its edges themselves are inside.
    auto above_high = [](double by) {
        return
            [by](SessionState& s) { s.characters[0].arousal = s.characters[0].window_high + by; };
    };
    auto above_low = [](double by) {
        return [by](SessionState& s) { s.characters[0].arousal = s.characters[0].window_low + by; };
    };
    CHECK(holds_with("ren.flooded", above_high(1)));
    CHECK_FALSE(holds_with("ren.flooded", above_high(0)));
    CHECK_FALSE(holds_with("ren.shut_down", above_high(0)));
    CHECK(holds_with("ren.shut_down", above_low(-1)));
    CHECK_FALSE(holds_with("ren.shut_down", above_low(0)));
    CHECK_FALSE(holds_with("ren.flooded", above_low(-1)));
    CHECK(holds_with("anyone.flooded", above_high(1)));
    CHECK_FALSE(holds_with("anyone.flooded", above_high(0)));
    CHECK(holds_with("ren.arousal == 33", [](SessionState& s) { s.characters[0].arousal = 33; }));
}

TEST_CASE("session conditions: ruptures, repairs, safety and distance read as they are") {
    auto set = [](bool open, int repairs) {
        return [=](SessionState& s) {
            s.characters[0].rupture_open = open;
            s.characters[0].repairs_landed = repairs;
            s.characters[0].safety = 41;
            s.characters[0].distance = 62;
        };
    };
    CHECK(holds_with("ren.rupture", set(true, 0)));
    CHECK_FALSE(holds_with("ren.rupture", set(false, 0)));
    CHECK(holds_with("anyone.rupture", set(true, 0)));
    CHECK_FALSE(holds_with("anyone.rupture", set(false, 3)));
    CHECK(holds_with("ren.repairs == 3", set(false, 3)));
    CHECK(holds_with("ren.repairs == 0", set(true, 0)));
    CHECK(holds_with("ren.safety == 41 and ren.distance == 62", set(false, 0)));
}

TEST_CASE("session conditions: the player's arousal, and flooding above their window") {
    auto player = [](double arousal) {
        return [arousal](SessionState& s) { s.player.arousal = arousal; };
    };
    const double high = Session(test::late_bus(), test::params(), 1).state().player.window_high;
    CHECK(holds_with("player.flooded", player(high + 1)));
    CHECK_FALSE(holds_with("player.flooded", player(high)));
    CHECK(holds_with("player.arousal == 12.5", player(12.5)));
}

TEST_CASE("session conditions: {player.name} in a line is the story's name for the player") {
    json text =
        json::parse(test::read_text(test::source_dir() / "tests/data/stories/late-bus.json"));
    text["player"] = {{"name", "Alex"}};
    text["scenes"][0]["lines"][0] = "{player.name}, it's {ren.name}.";
    const Result<std::shared_ptr<const Story>> loaded = load_story_text("p.json", text.dump());
    REQUIRE(loaded);
    Session session(*loaded, test::params(), 1);
    REQUIRE_FALSE(session.lines().empty());
    CHECK(session.lines()[0].text == "Alex, it's Ren.");
}
