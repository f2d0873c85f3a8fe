// What a story's conditions and text holes read from a session: each character value
// (flooded, shut down, a rupture open, repairs landed), anyone's, the player's, and the
// player's name in a line. The states are set by hand so each value is known exactly.

#include "support.h"

#include "play/session.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
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

TEST_CASE("session conditions: numbers in a line are whole when whole, else one decimal") {
    json text =
        json::parse(test::read_text(test::source_dir() / "tests/data/stories/late-bus.json"));
    text["scenes"][0]["lines"][0] =
        "{ren.safety}|{ren.distance}|{ren.arousal}|{ren.flooded}|{ren.shut_down}|{ren.rupture}|"
        "{ren.repairs}|{player.arousal}|{player.flooded}";
    const Result<std::shared_ptr<const Story>> loaded = load_story_text("n.json", text.dump());
    REQUIRE(loaded);
    Session session(*loaded, test::params(), 1);
    SessionState state = session.state();
    model::State& ren = state.characters[0];
    ren.safety = 55.3;
    ren.distance = 40;
    ren.arousal = ren.window_high + 0.25; // flooded, with a fraction
    ren.rupture_open = true;
    ren.repairs_landed = 3;
    state.player.arousal = -2;
    session.restore(state, {});
    REQUIRE_FALSE(session.lines().empty());
    const std::string arousal = [&] {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.1f", ren.window_high + 0.25);
        return std::string(buffer);
    }();
    CHECK(session.lines()[0].text == "55.3|40|" + arousal + "|1|0|1|3|-2|0");

    ren.safety = 1e15; // too large to write as a whole number: one decimal
    ren.distance = 999999999999999;
    ren.arousal = ren.window_low - 1; // shut down
    ren.rupture_open = false;
    state.player.arousal = std::floor(state.player.window_high) + 2; // the player flooded
    session.restore(state, {});
    CHECK(session.lines()[0].text.starts_with("1000000000000000.0|999999999999999|"));
    CHECK(session.lines()[0].text.ends_with(
        "|0|1|0|3|" + std::to_string(static_cast<long long>(state.player.arousal)) + "|1"));
}
