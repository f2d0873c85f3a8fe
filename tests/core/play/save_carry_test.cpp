// A save carried onto a changed story: every field of the saved state arrives by its
// stable id, whatever the new story's order; what is new starts fresh.

#include "support.h"

#include "model/state_json.h"
#include "play/save.h"

namespace {

using namespace attune;
using nlohmann::json;
using test::read_text;

json late_bus_json() {
    return json::parse(read_text(test::source_dir() / "tests/data/stories/late-bus.json"));
}

// late-bus 1.1: a new scene, variable, flag and character placed *before* the old ones,
// so that anything carried by position instead of by id lands in the wrong place.
std::shared_ptr<const Story> changed_late_bus() {
    json story = late_bus_json();
    story["version"] = "1.1.0";
    story["variables"]["calm"] = 5; // sorts before "patience"
    story["flags"] = json::array({"asked", "apologized"});
    json kim = story["characters"][0];
    kim["id"] = "kim";
    kim["name"] = "Kim";
    kim["safety"] = 20;
    story["characters"].insert(story["characters"].begin(), kim);
    story["scenes"][0]["choices"][1]["next"] = "hallway"; // 'name-it' leads there now
    story["scenes"].insert(story["scenes"].begin(), json::parse(R"({"id": "hallway",
        "lines": ["A new hallway."],
        "choices": [{"id": "on", "text": "On.", "moves": [{"move": "neutral", "to": "ren"}],
                     "next": "quiet"}]})"));
    const Result<std::shared_ptr<const Story>> loaded =
        load_story_text("late-bus-1.1.json", story.dump());
    REQUIRE_MESSAGE(loaded, (loaded.diagnostics.empty() ? "" : format(loaded.diagnostics[0])));
    return *loaded;
}

// A save made at the 'call' scene, its state edited to values no replay would give.
json distinctive_save() {
    Session session(test::late_bus(), test::params(), 9);
    REQUIRE(session.choose("its-fine"));
    REQUIRE(session.choose("call-back"));
    json save = save_session(session);
    json& state = save["state"];
    REQUIRE(state["scene"] == "call");
    state["variables"]["patience"] = 37;
    state["flags"]["apologized"] = true;
    state["visits"] = {{"text", 1}, {"quiet", 3}, {"call", 2}};
    state["characters"]["ren"]["safety"] = 12.5;
    state["characters"]["ren"]["distance"] = 81.25;
    state["player"]["arousal"] = 0.75;
    state["random"] = 123456789;
    state["turn"] = 9;
    state["shown_lines"] = json::array({1});
    return save;
}

} // namespace

TEST_CASE("saves: every field of a save carries onto a changed story by its id") {
    const json save = distinctive_save();
    const auto changed = changed_late_bus();
    const Result<Session> loaded = load_session(save, changed, test::params());
    REQUIRE_MESSAGE(loaded, error_message(loaded.diagnostics));
    REQUIRE(messages(loaded.diagnostics, Severity::Note).size() == 1);
    CHECK(messages(loaded.diagnostics, Severity::Note)[0] ==
          "The story has changed since this save; you continue where you were.");

    const Story& story = *changed;
    const SessionState& state = loaded->state();
    const json& saved = save["state"];
    CHECK(loaded->scene().id == "call");
    CHECK(state.scene == story.find_scene("call"));
    CHECK(state.ending == -1);
    CHECK_FALSE(loaded->is_finished());

    const json out = state_to_json(story, state);
    CHECK(out["variables"]["patience"] == 37);
    CHECK(out["variables"]["calm"] == 5); // new: its initial value
    CHECK(out["flags"]["apologized"] == true);
    CHECK(out["flags"]["asked"] == false); // new: not set
    CHECK(out["visits"]["hallway"] == 0);  // new scene: never visited
    CHECK(out["visits"]["text"] == 1);
    CHECK(out["visits"]["quiet"] == 3);
    CHECK(out["visits"]["call"] == 2);
    CHECK(out["characters"]["ren"] == saved["characters"]["ren"]);
    CHECK(out["characters"]["ren"]["safety"] == 12.5);
    CHECK(out["characters"]["kim"]["safety"] == 20); // new character: as the story starts her
    CHECK(out["player"] == saved["player"]);
    CHECK(out["random"] == 123456789);
    CHECK(out["turn"] == 9);
    CHECK(out["shown_lines"] == json::array({1}));
    CHECK(state.random.state == 123456789u);
    CHECK(state.turn == 9);

    // The history still rewinds, to the choice points the save replayed.
    CHECK(loaded->history().size() == 2);
    Session session = *loaded;
    REQUIRE(session.rewind_to(0));
    CHECK(session.scene().id == "text");
}

TEST_CASE("saves: a finished save carries its ending onto a changed story") {
    Session session(test::late_bus(), test::params(), 4);
    for (const char* id : {"its-fine", "call-back", "slice"}) {
        REQUIRE(session.choose(id));
    }
    REQUIRE(session.is_finished());
    REQUIRE(session.ending()->id == "together");
    json save = save_session(session);
    save["state"]["ending"] = "cold"; // an ending the replay would not give
    const auto changed = changed_late_bus();
    const Result<Session> loaded = load_session(save, changed, test::params());
    REQUIRE_MESSAGE(loaded, error_message(loaded.diagnostics));
    CHECK(loaded->is_finished());
    REQUIRE(loaded->ending());
    CHECK(loaded->ending()->id == "cold");
    CHECK(loaded->state().ending == changed->find_ending("cold"));
}

TEST_CASE("saves: the same story version refuses an edited state, another carries it") {
    const json save = distinctive_save();
    const Result<Session> same = load_session(save, test::late_bus(), test::params());
    CHECK_FALSE(same);
    CHECK(error_message(same.diagnostics) ==
          "This save does not match its own choices; it may have been edited or damaged.");

    json older = save;
    older["story"]["version"] = "0.9.0"; // made with an earlier version of this story
    const Result<Session> carried = load_session(older, test::late_bus(), test::params());
    REQUIRE_MESSAGE(carried, error_message(carried.diagnostics));
    CHECK(messages(carried.diagnostics, Severity::Note).size() == 1);
    CHECK(state_to_json(carried->story(), carried->state()) == save["state"]);
}

TEST_CASE("saves: a save whose choices no longer exist replays as far as it can") {
    Session session(test::late_bus(), test::params(), 2);
    REQUIRE(session.choose("its-fine"));
    REQUIRE(session.choose("call-back"));
    json save = save_session(session);
    save["choices"][1]["choice"] = "gone"; // the second choice was removed from the story
    save["story"]["version"] = "0.9.0";
    const Result<Session> loaded = load_session(save, test::late_bus(), test::params());
    REQUIRE_MESSAGE(loaded, error_message(loaded.diagnostics));
    CHECK(loaded->history().size() == 1);
    CHECK(loaded->scene().id == "call"); // the saved place still exists
    CHECK(messages(loaded.diagnostics, Severity::Note).size() == 1);
    // Even at the same version, choices that do not replay are taken as a changed story.
    save["story"]["version"] = "1.0.0";
    save["choices"][1]["scene"] = "nowhere";
    const Result<Session> same = load_session(save, test::late_bus(), test::params());
    REQUIRE_MESSAGE(same, error_message(same.diagnostics));
    CHECK(same->history().size() == 1);
    CHECK(messages(same.diagnostics, Severity::Note).size() == 1);
}

TEST_CASE("saves: a replayed choice must be in the scene the save names") {
    Session session(test::late_bus(), test::params(), 2);
    REQUIRE(session.choose("its-fine"));
    REQUIRE(session.choose("call-back"));
    json save = save_session(session);
    save["story"]["version"] = "0.9.0";
    // 'call-back' exists in 'quiet', where the replay stands, but the save says it was
    // taken somewhere else: the replay stops before it.
    save["choices"][1]["scene"] = "elsewhere";
    const Result<Session> loaded = load_session(save, test::late_bus(), test::params());
    REQUIRE_MESSAGE(loaded, error_message(loaded.diagnostics));
    CHECK(loaded->history().size() == 1);
    CHECK(loaded->scene().id == "call"); // the saved place, carried over by id
}
