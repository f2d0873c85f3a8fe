// Saves that are partly damaged: a room vote missing its pieces is left out with the
// reason in words; a character or the player that does not read falls back to the last
// point that still exists; a finished save whose ending was renamed starts that ending
// again. The playthrough itself is never lost.

#include "support.h"

#include "model/state_json.h"
#include "play/save.h"

#include <functional>

namespace {

using namespace attune;
using nlohmann::json;

std::vector<std::string> notes_of(const std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics) {
        if (d.severity == Severity::Note) {
            out.push_back(d.message);
        }
    }
    return out;
}

json voted_save(Session& session) {
    REQUIRE(session.choose("name-it"));
    VoteSplit split;
    split.scene_id = "text";
    split.choice_ids = {"its-fine", "name-it"};
    split.choice_texts = {"\"It's fine. Whatever.\"", "\"I was disappointed.\""};
    split.counts = {2, 5};
    split.passes = 0;
    split.chosen = 1;
    REQUIRE(session.record_room_vote(split));
    return save_session(session);
}

std::shared_ptr<const Story> late_bus_changed() {
    json text =
        json::parse(test::read_text(test::source_dir() / "tests/data/stories/late-bus.json"));
    text["version"] = "1.1.0";
    const Result<std::shared_ptr<const Story>> loaded = load_story_text("v2.json", text.dump());
    REQUIRE(loaded);
    return *loaded;
}

} // namespace

TEST_CASE("save damage: a room vote missing its scene, choices, texts or counts is left out") {
    Session session(test::late_bus(), test::params(), 3);
    const json good = voted_save(session);
    auto note = [&](const std::function<void(json&)>& damage) {
        json save = good;
        damage(save["choices"][0]["room_vote"]);
        const Result<Session> loaded = load_session(save, session.shared_story(), test::params());
        REQUIRE(loaded);
        CHECK(loaded->state() == session.state());
        CHECK_FALSE(loaded->history()[0].room_vote);
        const std::vector<std::string> notes = notes_of(loaded.diagnostics);
        REQUIRE(notes.size() == 1);
        return notes[0];
    };
    const std::string prefix = "Choice 1: The room's vote was not kept: it could not be read (";
    CHECK(note([](json& v) { v.erase("scene"); }) == prefix + "it names no scene).");
    CHECK(note([](json& v) { v["scene"] = 4; }) == prefix + "it names no scene).");
    CHECK(note([](json& v) { v.erase("choices"); }) == prefix + "'choices' is not a list).");
    CHECK(note([](json& v) { v["choices"] = "its-fine"; }) == prefix + "'choices' is not a list).");
    CHECK(note([](json& v) { v["texts"] = json::object(); }) == prefix + "'texts' is not a list).");
    CHECK(note([](json& v) { v.erase("counts"); }) == prefix + "'counts' is not a list).");
    CHECK(note([](json& v) { v["counts"] = 7; }) == prefix + "'counts' is not a list).");
    // Undamaged, the vote comes back whole.
    const Result<Session> whole = load_session(good, session.shared_story(), test::params());
    REQUIRE(whole);
    CHECK(notes_of(whole.diagnostics).empty());
    REQUIRE(whole->history()[0].room_vote);
    CHECK(whole->history()[0].room_vote->counts == std::vector<int>{2, 5});
}

TEST_CASE("save damage: a character or player that does not read continues from the scene") {
    Session session(test::late_bus(), test::params(), 3);
    REQUIRE(session.choose("its-fine"));
    const json good = save_session(session);
    const auto changed = late_bus_changed();
    auto loaded_with = [&](const std::function<void(json&)>& damage) {
        json save = good;
        damage(save["state"]);
        return load_session(save, changed, test::params());
    };
    // Undamaged, the replay gives the saved state: it loads as it was, with nothing to say.
    const Result<Session> carried = loaded_with([](json&) {});
    REQUIRE(carried);
    CHECK(notes_of(carried.diagnostics).empty());
    // A state the replay would not give is carried onto the changed story as saved.
    const Result<Session> edited =
        loaded_with([](json& s) { s["characters"]["ren"]["safety"] = 12; });
    REQUIRE(edited);
    CHECK(notes_of(edited.diagnostics) ==
          std::vector<std::string>{
              "The story has changed since this save; you continue where you were."});
    CHECK(edited->state().characters[0].safety == 12);
    const std::string gone =
        "The story has changed since this save and the place you saved at is gone, so you "
        "continue from 'quiet', the last point that still exists.";
    for (const auto& damage : std::vector<std::function<void(json&)>>{
             [](json& s) { s["characters"]["ren"] = "calm"; },
             [](json& s) { s["characters"]["ren"].erase("safety"); },
             [](json& s) { s["player"] = 3; }, [](json& s) { s["player"] = json::object(); }}) {
        const Result<Session> loaded = loaded_with(damage);
        REQUIRE(loaded);
        CHECK(notes_of(loaded.diagnostics) == std::vector<std::string>{gone});
        CHECK(loaded->scene().id == "quiet");
        // The replayed state, not the damaged one: as if the save had only its choices.
        CHECK(state_to_json(*changed, loaded->state()) ==
              state_to_json(*changed, carried->state()));
    }
}

TEST_CASE("save damage: a finished save whose ending was renamed starts that ending again") {
    Session session(test::late_bus(), test::params(), 4);
    for (const char* id : {"its-fine", "call-back", "slice"}) {
        REQUIRE(session.choose(id));
    }
    REQUIRE(session.ending()->id == "together");
    json save = save_session(session);
    save["state"]["ending"] = "together-old"; // what the author called it when saving
    const Result<Session> loaded = load_session(save, session.shared_story(), test::params());
    REQUIRE(loaded);
    CHECK(loaded->is_finished());
    CHECK(loaded->ending()->id == "together");
    CHECK(notes_of(loaded.diagnostics) ==
          std::vector<std::string>{
              "The scene you were in was renamed; starting again from 'together'."});
    // An ending that is still there but not where the choices lead is an edited save.
    save["state"]["ending"] = "cold";
    CHECK_FALSE(load_session(save, session.shared_story(), test::params()));
}

TEST_CASE("save damage: a finished save names its ending, the story's first ending too") {
    for (const auto& [path, ending] : std::vector<std::pair<std::vector<const char*>, const char*>>{
             {{"its-fine", "call-back", "slice"}, "together"}, // ending 0
             {{"its-fine", "leave-it"}, "cold"}}) {            // ending 1
        Session session(test::late_bus(), test::params(), 4);
        for (const char* id : path) {
            REQUIRE(session.choose(id));
        }
        REQUIRE(session.is_finished());
        const json save = save_session(session);
        CHECK(save["state"]["ending"] == ending);
        CHECK(state_to_json(session.story(), session.state())["ending"] == ending);
    }
    // Not finished: no ending at all.
    Session going(test::late_bus(), test::params(), 4);
    CHECK_FALSE(save_session(going)["state"].contains("ending"));
}

TEST_CASE("save damage: an ending that is not text is an edited save, not a damaged file") {
    Session session(test::late_bus(), test::params(), 4);
    REQUIRE(session.choose("its-fine"));
    json save = save_session(session);
    save["state"]["ending"] = 5;
    const Result<Session> loaded = load_session(save, session.shared_story(), test::params());
    CHECK_FALSE(loaded);
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(loaded.diagnostics[0].message ==
          "This save does not match its own choices; it may have been edited or damaged.");
}

TEST_CASE("save damage: a vote below the minimum keeps no counts, passes or close call") {
    auto refused = [](const std::function<void(VoteSplit&)>& change) {
        Session session(test::late_bus(), test::params(), 3);
        REQUIRE(session.choose("name-it"));
        VoteSplit few;
        few.scene_id = "text";
        few.choice_ids = {"its-fine", "name-it"};
        few.choice_texts = {"a", "b"};
        few.below_minimum = true;
        few.chosen = 1;
        change(few);
        const Result<void> kept = session.record_room_vote(few);
        return kept ? std::string() : kept.diagnostics.at(0).message;
    };
    const std::string why = "a vote with too few taking part keeps no counts";
    CHECK(refused([](VoteSplit&) {}).empty());
    CHECK(refused([](VoteSplit& s) { s.passes = 2; }).find(why) != std::string::npos);
    CHECK(refused([](VoteSplit& s) { s.close_call = true; }).find(why) != std::string::npos);
    CHECK(refused([](VoteSplit& s) { s.counts = {1, 1}; }).find(why) != std::string::npos);
}
