#include "support.h"

#include "model/state_json.h"
#include "play/save.h"

#include <fstream>
#include <functional>
#include <set>
#include <sstream>

namespace {

using namespace attune;
using nlohmann::json;
using test::read_text;

std::string snapshot(const Session& session) {
    return state_to_json(session.story(), session.state()).dump();
}

// Saves, serialises to text, parses back and loads: what a real save file goes through.
Result<Session> round_trip(const Session& session) {
    const std::string text = save_session(session).dump(2);
    return load_session(json::parse(text), session.shared_story(), test::params());
}

// Every session state reachable by up to `depth` choices.
void each_state(Session& session, int depth, const std::function<void(const Session&)>& visit) {
    visit(session);
    if (depth == 0 || session.is_finished()) {
        return;
    }
    for (const ChoiceView& choice : session.choices()) {
        if (!choice.enabled) {
            continue;
        }
        const std::size_t step = session.history().size();
        REQUIRE(session.choose(choice.index));
        each_state(session, depth - 1, visit);
        REQUIRE(session.rewind_to(step));
    }
}

} // namespace

TEST_CASE("saves: save and load reproduce the session exactly, on every scene") {
    for (const char* file : {"late-bus.json", "flood.json"}) {
        CAPTURE(file);
        Session session(test::story(test::source_dir() / "tests/data/stories" / file),
                        test::params(), 11);
        std::set<std::string> scenes;
        int states = 0;
        each_state(session, 6, [&](const Session& s) {
            ++states;
            scenes.insert(s.is_finished() ? s.ending()->id : s.scene().id);
            Result<Session> loaded = round_trip(s);
            REQUIRE_MESSAGE(loaded, error_message(loaded.diagnostics));
            CHECK(loaded.diagnostics.empty());
            CHECK(snapshot(*loaded) == snapshot(s));
            CHECK(loaded->state() == s.state());
            CHECK(loaded->history().size() == s.history().size());
            CHECK(loaded->lines().size() == s.lines().size());
            CHECK(loaded->choices().size() == s.choices().size());
        });
        CHECK(scenes.size() == session.story().scenes.size() + session.story().endings.size());
        CHECK(states > 3);
    }
}

TEST_CASE("saves: a save records format, story, seed, choices and state") {
    Session session(test::late_bus(), test::params(), 77);
    REQUIRE(session.choose("its-fine"));
    const json save = save_session(session);
    CHECK(save["format"] == "attune-save");
    CHECK(save["version"] == save_format_version);
    CHECK(save["story"]["id"] == "late-bus");
    CHECK(save["story"]["version"] == "1.0.0");
    CHECK(save["seed"] == 77);
    CHECK(save["choices"] == json::parse(R"([{"scene":"text","choice":"its-fine"}])"));
    CHECK(save["state"]["scene"] == "quiet");
    CHECK(save["state"]["characters"].contains("ren"));
}

TEST_CASE("saves: visits list only the scenes entered; a version 1 save listing zeros loads") {
    Session session(test::late_bus(), test::params(), 5);
    REQUIRE(session.choose("its-fine"));
    const json save = save_session(session);
    CHECK(save["state"]["visits"] == json::parse(R"({"text": 1, "quiet": 1})"));

    // What Attune wrote before version 2: every scene of the story, zeros too.
    json old = save;
    old["version"] = 1;
    for (const Scene& scene : session.story().scenes) {
        old["state"]["visits"][scene.id] =
            session.state().visits[session.story().find_scene(scene.id)];
    }
    REQUIRE(old["state"]["visits"].size() == session.story().scenes.size());
    const Result<Session> loaded = load_session(old, session.shared_story(), test::params());
    REQUIRE(loaded);
    CHECK(loaded.diagnostics.empty());
    CHECK(loaded->state() == session.state());
    CHECK(snapshot(*loaded) == snapshot(session));

    // A count that does not match the choices is still an edit, in either version.
    old["state"]["visits"]["call"] = 2;
    CHECK_FALSE(load_session(old, session.shared_story(), test::params()));
}

TEST_CASE("saves: damaged, foreign or edited saves are refused with a plain reason") {
    Session session(test::late_bus(), test::params(), 3);
    REQUIRE(session.choose("name-it"));
    const json good = save_session(session);
    auto refused = [&](json save) {
        const Result<Session> loaded = load_session(save, session.shared_story(), test::params());
        CHECK_FALSE(loaded);
        CHECK_FALSE(error_message(loaded.diagnostics).empty());
        return error_message(loaded.diagnostics);
    };
    CHECK(refused(json::array()) == "This file is not an Attune save.");
    // Header fields of the wrong type are refused in words, never thrown (found by the
    // save fuzzer: "format": 13.358 aborted the game).
    json number_format = good;
    number_format["format"] = 13.358;
    CHECK(refused(number_format) == "This file is not an Attune save.");
    json number_story_id = good;
    number_story_id["story"]["id"] = 7;
    CHECK(refused(number_story_id) == "This save belongs to another story.");
    json other = good;
    other["story"]["id"] = "another-story";
    CHECK(refused(other) == "This save belongs to another story.");
    json newer = good;
    newer["version"] = save_format_version + 1;
    CHECK(refused(newer) == "This save was made by a newer Attune; update Attune to open it.");
    json edited = good;
    edited["state"]["variables"]["patience"] = 40;
    CHECK(refused(edited) ==
          "This save does not match its own choices; it may have been edited or damaged.");
    json broken = good;
    broken["seed"] = "seven";
    CHECK(refused(broken).rfind("This save is damaged and cannot be read", 0) == 0);
    json no_state = good;
    no_state.erase("choices");
    CHECK(refused(no_state).rfind("This save is damaged", 0) == 0);
}

TEST_CASE("saves: numbers a save cannot hold, or lines that are not there, never reach the game") {
    // Found by the save fuzzer: "random": 4.99e19 was cast to a 64-bit integer (undefined
    // behaviour). Whole numbers are read checked; a place that does not read continues from
    // the last point that exists, and a seed that does not read is a damaged save.
    Session session(test::late_bus(), test::params(), 3);
    REQUIRE(session.choose("name-it"));
    json changed = save_session(session);
    changed["story"]["version"] = "0.9"; // an older story: the saved place is mapped
    auto continues_from_last_point = [&](json save) {
        const Result<Session> loaded = load_session(save, session.shared_story(), test::params());
        REQUIRE(loaded);
        REQUIRE(loaded.diagnostics.size() == 1);
        CHECK(loaded.diagnostics[0].message.find("the last point that still exists") !=
              std::string::npos);
        for (const ShownLine& line : loaded->lines()) {
            CHECK_FALSE(line.text.empty());
        }
    };
    json huge_random = changed;
    huge_random["state"]["random"] = 4.99e19;
    continues_from_last_point(huge_random);
    json fraction_turn = changed;
    fraction_turn["state"]["turn"] = 1.5;
    continues_from_last_point(fraction_turn);
    json missing_line = changed;
    missing_line["state"]["shown_lines"] = json::array({9999});
    continues_from_last_point(missing_line);
    json huge_visits = changed;
    huge_visits["state"]["visits"]["text"] = 1e300;
    continues_from_last_point(huge_visits);

    json huge_seed = save_session(session);
    huge_seed["seed"] = 1e30;
    const Result<Session> refused = load_session(huge_seed, session.shared_story(), test::params());
    CHECK_FALSE(refused);
    CHECK(error_message(refused.diagnostics).rfind("This save is damaged", 0) == 0);
}

TEST_CASE("saves: a save from an older version of the story carries over by stable ids") {
    Session session(test::late_bus(), test::params(), 9);
    REQUIRE(session.choose("its-fine"));
    json save = save_session(session);

    // The story gained a scene before 'quiet' and renamed nothing: the place still exists.
    json changed =
        json::parse(read_text((test::source_dir() / "tests/data/stories/late-bus.json").string()));
    changed["version"] = "1.1.0";
    changed["scenes"][0]["choices"][0]["next"] = "hallway";
    changed["scenes"].push_back(json::parse(R"({"id": "hallway", "lines": ["A new hallway."],
        "choices": [{"id": "on", "text": "On.", "moves": [{"move": "neutral"}], "next": "quiet"}]})"));
    Result<std::shared_ptr<const Story>> edited =
        load_story_text("late-bus-1.1.json", changed.dump());
    REQUIRE(edited);
    Result<Session> loaded = load_session(save, *edited, test::params());
    REQUIRE(loaded);
    CHECK(loaded->scene().id == "quiet");
    CHECK(loaded->state().characters[0] == session.state().characters[0]);
    REQUIRE(messages(loaded.diagnostics, Severity::Note).size() == 1);
    CHECK(messages(loaded.diagnostics, Severity::Note)[0] ==
          "The story has changed since this save; you continue where you were.");

    // The scene the save was in is gone: fall back to the last point that still exists.
    json removed =
        json::parse(read_text((test::source_dir() / "tests/data/stories/late-bus.json").string()));
    removed["version"] = "2.0.0";
    removed["scenes"][0]["choices"].erase(0);
    removed["scenes"].erase(1); // 'quiet'
    removed["scenes"][1]["choices"][1].erase("if");
    Result<std::shared_ptr<const Story>> smaller =
        load_story_text("late-bus-2.0.json", removed.dump());
    REQUIRE_MESSAGE(smaller, (smaller.diagnostics.empty() ? "" : format(smaller.diagnostics[0])));
    loaded = load_session(save, *smaller, test::params());
    REQUIRE(loaded);
    CHECK(loaded->scene().id == "text");
    REQUIRE(messages(loaded.diagnostics, Severity::Note).size() == 1);
    CHECK(messages(loaded.diagnostics, Severity::Note)[0].find("the place you saved at is gone") !=
          std::string::npos);
}

TEST_CASE("saves: round trip at every scene and ending of every bundled story") {
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "stories")) {
        if (entry.path().filename() == "schema.json") {
            continue;
        }
        CAPTURE(entry.path().string());
        const auto story = test::story(entry.path());
        // Breadth first, keeping the first session that reaches each scene or ending.
        std::vector<Session> frontier{Session(story, test::params(), 21)};
        std::set<std::string> reached{story->scenes[story->start].id};
        while (!frontier.empty()) {
            std::vector<Session> next;
            for (const Session& session : frontier) {
                Result<Session> loaded = round_trip(session);
                REQUIRE_MESSAGE(loaded, error_message(loaded.diagnostics));
                CHECK(loaded->state() == session.state());
                for (const ChoiceView& choice : session.choices()) {
                    Session after = session;
                    if (!choice.enabled || !after.choose(choice.index)) {
                        continue;
                    }
                    const std::string place =
                        after.is_finished() ? after.ending()->id : after.scene().id;
                    if (reached.insert(place).second) {
                        next.push_back(std::move(after));
                    }
                }
            }
            frontier = std::move(next);
        }
        CHECK(reached.size() >= story->scenes.size() * 9 / 10); // conditions may hide a few
    }
}

// A save carried onto a changed story: every field of the saved state arrives by its
// stable id, whatever the new story's order; what is new starts fresh.

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
    CHECK(out["flags"]["asked"] == false);          // new: not set
    CHECK_FALSE(out["visits"].contains("hallway")); // new scene: never visited, not listed
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

namespace {

// A room of seven chose "name-it" against its most votes, with a reason for the
// facilitator's eyes only.
VoteSplit overridden_split() {
    VoteSplit split = test::late_bus_first_menu_split(4, 3, 1);
    split.overridden = true;
    split.override_reason = "the back row wanted to see the harder road";
    return split;
}

} // namespace

TEST_CASE(
    "saves: a room's votes come back with their choices; the facilitator's reason stays out") {
    Session session(test::late_bus(), test::params(), 9);
    REQUIRE(session.choose("name-it"));
    REQUIRE(session.record_room_vote(overridden_split()));
    VoteSplit few;
    few.scene_id = "call";
    few.choice_ids = {"slice", "lecture"};
    few.choice_texts = {"\"The biggest one.\"", "\"Next time leave earlier.\""};
    few.below_minimum = true;
    few.chosen = 0;
    REQUIRE(session.choose("slice"));
    REQUIRE(session.record_room_vote(few));

    const std::string text = save_session(session).dump();
    CHECK(text.find("back row") == std::string::npos);
    CHECK(text.find("override_reason") == std::string::npos);

    const Result<Session> loaded = round_trip(session);
    REQUIRE_MESSAGE(loaded, error_message(loaded.diagnostics));
    CHECK(loaded.diagnostics.empty());
    REQUIRE(loaded->history().size() == 2);
    VoteSplit expected = overridden_split();
    expected.override_reason.clear();
    REQUIRE(loaded->history()[0].room_vote);
    CHECK(*loaded->history()[0].room_vote == expected);
    REQUIRE(loaded->history()[1].room_vote);
    CHECK(*loaded->history()[1].room_vote == few);
    CHECK(loaded->state() == session.state());

    // A save from before room votes (version 2) still loads, with no splits.
    json older = save_session(session);
    older["version"] = 2;
    for (json& step : older["choices"]) {
        step.erase("room_vote");
    }
    const Result<Session> old = load_session(older, session.shared_story(), test::params());
    REQUIRE(old);
    CHECK(old->state() == session.state());
    CHECK_FALSE(old->history()[0].room_vote);
}

TEST_CASE("saves: a room vote that is damaged or not its choice's own is left out, in words") {
    Session session(test::late_bus(), test::params(), 9);
    REQUIRE(session.choose("name-it"));
    REQUIRE(session.record_room_vote(overridden_split()));
    const json good = save_session(session);
    auto left_out = [&](const std::function<void(json&)>& damage) {
        json save = good;
        damage(save["choices"][0]["room_vote"]);
        const Result<Session> loaded = load_session(save, session.shared_story(), test::params());
        // The playthrough itself is good: it loads, without the vote, and says why.
        REQUIRE(loaded);
        CHECK(loaded->state() == session.state());
        CHECK_FALSE(loaded->history()[0].room_vote);
        const std::vector<std::string> notes = messages(loaded.diagnostics, Severity::Note);
        REQUIRE(notes.size() == 1);
        return notes[0];
    };
    CHECK(left_out([](json& v) { v = "seven"; }) ==
          "Choice 1: The room's vote was not kept: it could not be read (it is not an object).");
    CHECK(left_out([](json& v) {
              v["counts"] = {4, -3};
          }) == "Choice 1: The room's vote was not kept: a count of votes cannot be negative.");
    CHECK(left_out([](json& v) {
              v["counts"] = {4, 1e30};
          }) ==
          "Choice 1: The room's vote was not kept: it could not be read (a count or the choice "
          "is not a whole number).");
    CHECK(left_out([](json& v) { v["passes"] = 0.5; }) ==
          "Choice 1: The room's vote was not kept: it could not be read (a count or the choice "
          "is not a whole number).");
    CHECK(left_out([](json& v) { v["chosen"] = 0; }) ==
          "Choice 1: The room's vote was not kept: the vote chose 'its-fine', but the choice "
          "taken was 'name-it'.");
    CHECK(left_out([](json& v) { v["chosen"] = 99; }) ==
          "Choice 1: The room's vote was not kept: the vote chose none of its choices.");
    CHECK(left_out([](json& v) {
              v["texts"] = {1, 2};
          }) == "Choice 1: The room's vote was not kept: it could not be read ('texts' holds "
                "something that is not text).");
    CHECK(left_out([](json& v) { v.erase("close_call"); }) ==
          "Choice 1: The room's vote was not kept: it could not be read ('close_call' is not "
          "true or false).");
    CHECK(left_out([](json& v) { v["scene"] = "call"; }) ==
          "Choice 1: The room's vote was not kept: the vote was on scene 'call', but the "
          "choice was taken in 'text'.");
    // Below the minimum, counts in a save are refused rather than shown.
    CHECK(left_out([](json& v) { v["below_minimum"] = true; }) ==
          "Choice 1: The room's vote was not kept: a vote with too few taking part keeps no "
          "counts.");
    // A reason written into a save by hand is never read back.
    json with_reason = good;
    with_reason["choices"][0]["room_vote"]["override_reason"] = "planted";
    const Result<Session> loaded =
        load_session(with_reason, session.shared_story(), test::params());
    REQUIRE(loaded);
    REQUIRE(loaded->history()[0].room_vote);
    CHECK(loaded->history()[0].room_vote->override_reason.empty());
}
