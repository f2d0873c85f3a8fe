#include "support.h"

#include "model/sentences.h"
#include "model/state_json.h"
#include "play/save.h"
#include "play/session.h"

#include <functional>

namespace {

using namespace attune;

std::shared_ptr<const Story> flood_story() {
    return test::story(test::source_dir() / "tests" / "data" / "stories" / "flood.json");
}

std::string snapshot(const Session& session) {
    return state_to_json(session.story(), session.state()).dump();
}

} // namespace

TEST_CASE("session: starts at the start scene with its lines") {
    Session session(test::late_bus(), test::params(), 1);
    CHECK(session.scene().id == "text");
    const auto lines = session.lines();
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].speaker == -1);
    CHECK(lines[1].speaker == 0);
    CHECK(lines[1].text == "I'm so sorry. The bus just didn't come. Are you mad?");
    CHECK(session.state().visits[0] == 1);
    CHECK_FALSE(session.is_finished());
}

TEST_CASE("session: choosing by id and by index moves on and records history") {
    Session session(test::late_bus(), test::params(), 1);
    REQUIRE(session.choose("its-fine"));
    CHECK(session.scene().id == "quiet");
    CHECK(session.history().size() == 1);
    CHECK_FALSE(session.choose("no-such-choice"));
    REQUIRE(session.choose(0));
    CHECK(session.scene().id == "call");
    CHECK(session.render(session.story().scenes[1].choices[0].text) ==
          "Call them. \"Hey. Can I say that again, better?\"");
}

TEST_CASE("session: conditions hide choices, or show them closed with a reason") {
    Session session(flood_story(), test::params(), 1);
    REQUIRE(session.choose("breathe"));
    const auto choices = session.choices();
    REQUIRE(choices.size() == 2); // "hidden" is left out
    CHECK(choices[0].id == "listen");
    CHECK(choices[0].enabled);
    CHECK(choices[1].id == "shown");
    CHECK_FALSE(choices[1].enabled);
    CHECK(choices[1].reason == "Not yet, Kai.");
    CHECK_FALSE(session.choose("shown"));
    CHECK_FALSE(session.choose("hidden"));
    CHECK(session.scene().id == "after");
}

TEST_CASE("session: a flooded player can't listen until they regulate") {
    Session session(flood_story(), test::params(), 1);
    CHECK(model::is_player_flooded(session.state().player));
    const auto before = session.choices();
    REQUIRE(before[0].id == "listen");
    CHECK_FALSE(before[0].enabled);
    CHECK(before[0].reason == "You're too flooded to really listen. Take a breath first.");
    CHECK_FALSE(session.choose("listen"));
    REQUIRE(session.choose("breathe"));
    CHECK_FALSE(model::is_player_flooded(session.state().player));
    CHECK(session.choices()[0].enabled);
    REQUIRE(session.choose("listen"));
    CHECK(session.is_finished());
    CHECK(session.ending()->id == "end");
    CHECK(session.lines()[0].text == "Later, he makes tea.");
    CHECK(session.choices().empty());
    // An ending has no menu, so no breath is offered there either.
    CHECK_FALSE(session.offers_breath());
    CHECK_FALSE(session.choose(breath_id));
}

TEST_CASE("session: the same seed and choices give the same text and state") {
    for (std::uint64_t seed : {1ull, 99ull, 123456789ull}) {
        Session a(test::late_bus(), test::params(), seed);
        Session b(test::late_bus(), test::params(), seed);
        for (const char* id : {"its-fine", "call-back", "slice"}) {
            REQUIRE(a.choose(id));
            REQUIRE(b.choose(id));
            CHECK(snapshot(a) == snapshot(b));
            CHECK(a.last_outcome().causes.size() == b.last_outcome().causes.size());
        }
        CHECK(a.state() == b.state());
    }
}

TEST_CASE("session: many sessions share one story without touching each other") {
    const auto story = test::late_bus();
    Session a(story, test::params(), 1);
    Session b(story, test::params(), 1);
    REQUIRE(a.choose("its-fine"));
    CHECK(b.scene().id == "text");
    CHECK(b.state().visits[1] == 0);
    CHECK(a.state().visits[1] == 1);
}

TEST_CASE("session: rewind restores the exact earlier state, byte for byte") {
    const auto story = test::late_bus();
    Session session(story, test::params(), 42);
    std::vector<std::string> points{snapshot(session)};
    for (const char* id : {"its-fine", "call-back", "slice"}) {
        REQUIRE(session.choose(id));
        points.push_back(snapshot(session));
    }
    REQUIRE(session.is_finished());
    for (std::size_t step = 3; step-- > 0;) {
        REQUIRE(session.rewind_to(step));
        CHECK(snapshot(session) == points[step]);
        CHECK(session.history().size() == step);
    }
    CHECK_FALSE(session.rewind_to(0)); // nothing left to undo
    // A different path from the rewound point, then the same one again, replays exactly.
    REQUIRE(session.choose("name-it"));
    REQUIRE(session.rewind_to(0));
    REQUIRE(session.choose("its-fine"));
    CHECK(snapshot(session) == points[1]);
}

TEST_CASE("session: rewind reaches back at least 100 choice points") {
    Session session(test::story(test::source_dir() / "tests" / "data" / "stories" / "porch.json"),
                    test::params(), 5);
    std::vector<std::string> points;
    const char* moves[] = {"again-warm", "again-cold"};
    for (int i = 0; i < 150; ++i) {
        points.push_back(snapshot(session));
        REQUIRE(session.choose(moves[i % 3 == 0 ? 1 : 0]));
    }
    REQUIRE(session.history().size() == 150);
    for (std::size_t step : {149u, 120u, 100u, 37u, 0u}) {
        REQUIRE(session.rewind_to(step));
        CHECK(snapshot(session) == points[step]);
    }
}

TEST_CASE("session: a regulating choice calms the player once, however many it faces") {
    const std::string text = R"({"id": "two", "title": "Two", "version": "1", "summary": "s",
      "relationship": "sibling", "minutes": 1, "age_band": "all", "author": "tests", "start": "a",
      "characters": [
        {"id": "x", "name": "X", "pronouns": "he/him", "role": "brother", "anxiety": 0.3, "avoidance": 0.3, "safety": 50, "distance": 50},
        {"id": "y", "name": "Y", "pronouns": "she/her", "role": "sister", "anxiety": 0.3, "avoidance": 0.3, "safety": 50, "distance": 50}],
      "scenes": [{"id": "a", "lines": [{"speaker": "x", "text": "You never listen.", "moves": [{"move": "contempt"}]}],
        "choices": [
          {"id": "both", "text": "Breathe.", "moves": [{"move": "self_soothe", "to": "x"}, {"move": "self_soothe", "to": "y"}], "next": "end"},
          {"id": "one", "text": "Breathe.", "moves": [{"move": "self_soothe", "to": "x"}], "next": "end"}]}],
      "endings": [{"id": "end", "kind": "open", "title": "End", "reflection": ["?"]}]})";
    const Result<std::shared_ptr<const Story>> loaded = load_story_text("two.json", text);
    REQUIRE(loaded);
    Session both(*loaded, test::params(), 1);
    Session one(*loaded, test::params(), 1);
    REQUIRE(both.choose("both"));
    REQUIRE(one.choose("one"));
    CHECK(both.state().player == one.state().player);
}

TEST_CASE("session: an author can jump to any scene, and rewind still works") {
    Session session(test::late_bus(), test::params(), 1);
    const SessionState start = session.state();
    REQUIRE(session.choose("its-fine"));
    const SessionState before_jump = session.state();
    session.jump_to(session.story().find_scene("call"));
    CHECK(session.scene().id == "call");
    CHECK(session.state().scene == session.story().find_scene("call"));
    CHECK(session.state().visits[2] == 1);
    CHECK(session.state().visits[1] == before_jump.visits[1]); // the jump keeps the past
    CHECK(session.lines().back().text == "Save me a slice?");
    CHECK(session.history().size() == 1); // a jump is not a choice
    const SessionState after_jump = session.state();
    CHECK_FALSE(after_jump == before_jump);

    // A choice after the jump rewinds to the jumped-to scene ...
    REQUIRE(session.choose(0));
    REQUIRE(session.history().size() == 2);
    REQUIRE(session.rewind_to(1));
    CHECK(session.state() == after_jump);
    CHECK(session.scene().id == "call");
    // ... and the choice before the jump rewinds to the very start.
    REQUIRE(session.rewind_to(0));
    CHECK(session.state() == start);
    CHECK(session.scene().id == "text");
    CHECK(session.history().empty());
}

TEST_CASE("session: a story's holes and the model's sentences are filled by the same words") {
    // late-bus's first line, rewritten with every word a hole can ask of a character.
    std::string text = test::read_text(test::source_dir() / "tests/data/stories/late-bus.json");
    const std::string line = "I'm so sorry. The bus just didn't come. Are you mad?";
    const auto at = text.find(line);
    REQUIRE(at != std::string::npos);
    text.replace(at, line.size(),
                 "{ren.name}: {ren.They} {ren.was} late and {ren.they} {ren.is} sorry. "
                 "{ren.Their} bus left {ren.them}; {ren.their} phone died.");
    const Result<std::shared_ptr<const Story>> loaded =
        load_story_text("late-bus-holes.json", text);
    REQUIRE(loaded);
    const Session session(*loaded, test::params(), 1);
    const std::string said =
        "Ren: They were late and they are sorry. Their bus left them; their phone died.";
    CHECK(session.lines()[1].text == said);
    // The model's own sentences go through the same filler, the hole's person implied.
    CHECK(model::fill("{name}: {They} {was} late and {they} {is} sorry. {Their} bus left "
                      "{them}; {their} phone died.",
                      session.person(0)) == said);
}

// The session's rules, one at a time, on a small story made for them: visit counts,
// effects on flags and variables, choosing past hidden and closed choices, and text.

namespace {

using namespace attune;

const char* const rules_story = R"({"id": "rules", "title": "Rules", "version": "1", "summary": "s",
  "relationship": "friend", "minutes": 1, "age_band": "all", "author": "tests", "start": "one",
  "flags": ["a", "b"], "variables": {"count": 2, "half": 2.5},
  "characters": [
    {"id": "sam", "name": "Sam", "pronouns": "she/her", "role": "friend", "anxiety": 0.3,
     "avoidance": 0.3, "safety": 40, "distance": 50}],
  "scenes": [{"id": "one",
    "lines": ["{sam.They} waits; {sam.name} has {count} cups and {half} plates, {sam.their} own.",
      {"text": "Seen once.", "if": "visits(one) == 1"},
      {"text": "Seen twice.", "if": "visits(one) == 2"},
      {"text": "Seen often.", "if": "visits(one) >= 3"}],
    "choices": [
      {"id": "again", "text": "Again.", "moves": [{"move": "ask", "to": "sam"}],
       "effects": {"set": ["a"], "add": {"count": 3}}, "next": "one"},
      {"id": "reset", "text": "Reset.", "moves": [{"move": "ask", "to": "sam"}],
       "effects": {"clear": ["a"], "set": ["b"], "assign": {"count": 1}}, "next": "one"},
      {"id": "hidden", "text": "Hidden.", "moves": [{"move": "ask", "to": "sam"}],
       "if": "flag.b and count == 1", "next": "one"},
      {"id": "closed", "text": "Closed.", "moves": [{"move": "ask", "to": "sam"}],
       "if": "count > 100", "when_unavailable": "show", "reason": "Not with {count} cups.",
       "next": "end"},
      {"id": "warm", "text": "Warm.", "moves": [{"move": "ask", "to": "sam"}],
       "effects": {"adjust": {"sam": {"safety": 30, "distance": -20, "arousal": 10}}},
       "next": "one"},
      {"id": "plain", "text": "Plain.", "moves": [{"move": "ask", "to": "sam"}], "next": "one"},
      {"id": "leave", "text": "Leave.", "moves": [{"move": "ask", "to": "sam"}], "next": "end"}]}],
  "endings": [{"id": "end", "kind": "open", "title": "End", "lines": ["Bye, {sam.them}."],
               "reflection": ["?"]}]})";

std::shared_ptr<const Story> rules() {
    static const std::shared_ptr<const Story> story = [] {
        const Result<std::shared_ptr<const Story>> loaded =
            load_story_text("rules.json", rules_story);
        for (const Diagnostic& d : loaded.diagnostics) {
            INFO(format(d));
            CHECK(d.severity != Severity::Error);
        }
        REQUIRE(loaded);
        return *loaded;
    }();
    return story;
}

std::vector<std::string> texts(const Session& session) {
    std::vector<std::string> out;
    for (const ShownLine& line : session.lines()) {
        out.push_back(line.text);
    }
    return out;
}

std::vector<std::string> offered(const Session& session) {
    std::vector<std::string> out;
    for (const ChoiceView& c : session.choices()) {
        out.push_back(c.id + (c.enabled ? "" : " (closed: " + c.reason + ")"));
    }
    return out;
}

double variable(const Session& session, const char* name) {
    const Story& story = session.story();
    for (std::size_t i = 0; i < story.variables.size(); ++i) {
        if (story.variables[i].name == name) {
            return session.state().variables[i];
        }
    }
    FAIL("no variable " << name);
    return 0;
}

} // namespace

TEST_CASE("session rules: every visit to a scene is counted, and lines follow the count") {
    Session session(rules(), test::params(), 1);
    CHECK(session.state().visits[0] == 1);
    CHECK(texts(session) ==
          std::vector<std::string>{"She waits; Sam has 2 cups and 2.5 plates, her own.",
                                   "Seen once."});
    REQUIRE(session.choose("plain"));
    CHECK(session.state().visits[0] == 2);
    CHECK(texts(session).back() == "Seen twice.");
    for (int visit = 3; visit <= 5; ++visit) {
        REQUIRE(session.choose("plain"));
        CHECK(session.state().visits[0] == visit);
        CHECK(session.state().turn == visit - 1);
        CHECK(texts(session).back() == "Seen often.");
    }
    CHECK(session.state().shown_lines == std::vector<int>{0, 3});
    REQUIRE(session.choose("leave"));
    CHECK(session.state().visits[0] == 5); // an ending is not a visit to a scene
    CHECK(session.is_finished());
    CHECK(texts(session) == std::vector<std::string>{"Bye, her."});
    CHECK(session.state().turn == 5);
}

TEST_CASE("session rules: effects set and clear flags, add to and assign variables") {
    Session session(rules(), test::params(), 1);
    CHECK(session.state().flags == std::vector<std::uint8_t>{0, 0});
    REQUIRE(session.choose("again"));
    CHECK(session.state().flags == std::vector<std::uint8_t>{1, 0});
    CHECK(variable(session, "count") == 5);
    REQUIRE(session.choose("again"));
    CHECK(variable(session, "count") == 8);
    CHECK(texts(session)[0] == "She waits; Sam has 8 cups and 2.5 plates, her own.");
    REQUIRE(session.choose("reset"));
    CHECK(session.state().flags == std::vector<std::uint8_t>{0, 1});
    CHECK(variable(session, "count") == 1);
    CHECK(variable(session, "half") == 2.5);
}

TEST_CASE("session rules: choosing by index skips past hidden and closed choices") {
    Session session(rules(), test::params(), 1);
    CHECK(offered(session) == std::vector<std::string>{"again", "reset",
                                                       "closed (closed: Not with 2 cups.)", "warm",
                                                       "plain", "leave"});
    const std::vector<ChoiceView> views = session.choices();
    CHECK(views[2].index == 3); // the hidden choice (index 2) leaves a gap
    CHECK(views[3].index == 4);
    const SessionState before = session.state();
    CHECK_FALSE(session.choose(2)); // hidden
    CHECK_FALSE(session.choose(3)); // shown, closed
    CHECK_FALSE(session.choose("hidden"));
    CHECK_FALSE(session.choose("closed"));
    CHECK_FALSE(session.choose(-1));
    CHECK_FALSE(session.choose(7));
    CHECK(session.state() == before);
    CHECK(session.history().empty());

    // Once its condition holds, the hidden choice is offered in its place and can be taken.
    REQUIRE(session.choose("reset"));
    CHECK(offered(session) == std::vector<std::string>{"again", "reset", "hidden",
                                                       "closed (closed: Not with 1 cups.)", "warm",
                                                       "plain", "leave"});
    REQUIRE(session.choose(2));
    CHECK(session.history().back().choice == 2);
    CHECK(session.history().back().scene == 0);
    REQUIRE(session.choose(4));
    CHECK(session.history().back().choice == 4);
    CHECK(session.history().size() == 3);
}

TEST_CASE("session rules: an authored adjustment moves the character that way") {
    Session warm(rules(), test::params(), 1);
    Session plain(rules(), test::params(), 1);
    REQUIRE(warm.choose("warm"));
    REQUIRE(plain.choose("plain"));
    const model::State& w = warm.state().characters[0];
    const model::State& p = plain.state().characters[0];
    CHECK(w.safety > p.safety + 10);
    CHECK(w.distance < p.distance - 10);
    CHECK(w.arousal > p.arousal);
    // The window of tolerance follows the adjusted safety before the next choice: Sam,
    // made safer (from 40 past the model's pivot), can bear more than after the plain one.
    CHECK(w.window_high > p.window_high);
    CHECK(w.window_low < p.window_low);
    CHECK_FALSE(warm.last_outcome().causes.empty());
    for (int i = 0; i < 5; ++i) {
        REQUIRE(warm.choose("warm"));
    }
    CHECK(warm.state().characters[0].safety <= 100);
    CHECK(warm.state().characters[0].distance >= 0);
}

TEST_CASE("session rules: a finished session offers and takes nothing") {
    Session session(rules(), test::params(), 1);
    REQUIRE(session.choose("leave"));
    REQUIRE(session.is_finished());
    CHECK(session.choices().empty());
    CHECK_FALSE(session.choose("plain"));
    CHECK_FALSE(session.choose(5));
    CHECK(session.ending()->id == "end");
    CHECK(session.state().ending == 0);
    // Rewinding from an ending goes back into play.
    REQUIRE(session.rewind_to(0));
    CHECK_FALSE(session.is_finished());
    CHECK(session.ending() == nullptr);
    CHECK(session.choices().size() == 6);
}

namespace {

// How a room of seven split on late-bus's first menu, choosing "name-it".
attune::VoteSplit first_menu_split() {
    return test::late_bus_first_menu_split(3, 4, 1);
}

} // namespace

TEST_CASE("room votes: a split is kept beside the choice it chose, and goes with a rewind") {
    Session session(test::late_bus(), test::params(), 1);
    CHECK_FALSE(session.record_room_vote(first_menu_split())); // no choice taken yet
    REQUIRE(session.choose("name-it"));
    const Result<void> kept = session.record_room_vote(first_menu_split());
    REQUIRE_MESSAGE(kept, error_message(kept.diagnostics));
    REQUIRE(session.history().back().room_vote);
    CHECK(*session.history().back().room_vote == first_menu_split());

    // A choice taken without the room keeps no split.
    REQUIRE(session.choose("lecture"));
    CHECK_FALSE(session.history().back().room_vote);

    REQUIRE(session.rewind_to(1));
    CHECK(session.history().size() == 1);
    CHECK(session.history().back().room_vote); // the earlier step keeps its split
    REQUIRE(session.rewind_to(0));
    CHECK(session.history().empty());
    // Taken again by one player, the same choice has no room vote.
    REQUIRE(session.choose("name-it"));
    CHECK_FALSE(session.history().back().room_vote);
}

TEST_CASE("room votes: a split that is not the step's own, or does not add up, is refused") {
    Session session(test::late_bus(), test::params(), 1);
    REQUIRE(session.choose("name-it"));
    auto refusal = [&](const std::function<void(VoteSplit&)>& change) {
        VoteSplit split = first_menu_split();
        change(split);
        const Result<void> kept = session.record_room_vote(split);
        CHECK_FALSE(kept);
        CHECK_FALSE(session.history().back().room_vote); // nothing changed
        return error_message(kept.diagnostics);
    };
    CHECK(refusal([](VoteSplit& s) { s.scene_id = "quiet"; }) ==
          "The room's vote was not kept: the vote was on scene 'quiet', but the choice was "
          "taken in 'text'.");
    CHECK(refusal([](VoteSplit& s) { s.chosen = 0; }) ==
          "The room's vote was not kept: the vote chose 'its-fine', but the choice taken was "
          "'name-it'.");
    CHECK(refusal([](VoteSplit& s) { s.chosen = -1; }) ==
          "The room's vote was not kept: the vote chose none of its choices.");
    CHECK(refusal([](VoteSplit& s) { s.chosen = 2; }) ==
          "The room's vote was not kept: the vote chose none of its choices.");
    CHECK(refusal([](VoteSplit& s) { s.choice_ids[0] = "slice"; }) ==
          "The room's vote was not kept: the vote names a choice 'slice' that scene 'text' "
          "does not have.");
    CHECK(refusal([](VoteSplit& s) { s.choice_texts.pop_back(); }) ==
          "The room's vote was not kept: the vote needs one text for each of its choices.");
    CHECK(refusal([](VoteSplit& s) { s.counts.pop_back(); }) ==
          "The room's vote was not kept: the vote needs one count for each of its choices.");
    CHECK(refusal([](VoteSplit& s) { s.counts[0] = -3; }) ==
          "The room's vote was not kept: a count of votes cannot be negative.");
    CHECK(refusal([](VoteSplit& s) { s.passes = -1; }) ==
          "The room's vote was not kept: a count of votes cannot be negative.");
    // Below the minimum no count is kept at all, so a 2 to 1 can never be read back.
    CHECK(refusal([](VoteSplit& s) { s.below_minimum = true; }) ==
          "The room's vote was not kept: a vote with too few taking part keeps no counts.");

    CHECK(refusal([](VoteSplit& s) {
              s.choice_ids.clear();
              s.choice_texts.clear();
              s.counts.clear();
          }) == "The room's vote was not kept: the vote needs one text for each of its choices.");
    // The breath the game offers may be on the ballot; no one voting for a choice is a count.
    VoteSplit with_breath = first_menu_split();
    with_breath.choice_ids.push_back(std::string(breath_id));
    with_breath.choice_texts.push_back("Take a breath.");
    with_breath.counts = {0, 4, 0};
    with_breath.passes = 0;
    CHECK(session.record_room_vote(with_breath));

    VoteSplit few = first_menu_split();
    few.below_minimum = true;
    few.counts.clear();
    few.passes = 0;
    few.close_call = false;
    CHECK(session.record_room_vote(few));
}
