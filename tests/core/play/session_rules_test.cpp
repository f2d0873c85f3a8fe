// The session's rules, one at a time, on a small story made for them: visit counts,
// effects on flags and variables, choosing past hidden and closed choices, and text.

#include "support.h"

#include "play/session.h"

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
    CHECK(session.state().visits == std::vector<int>{1});
    CHECK(texts(session) ==
          std::vector<std::string>{"She waits; Sam has 2 cups and 2.5 plates, her own.",
                                   "Seen once."});
    REQUIRE(session.choose("plain"));
    CHECK(session.state().visits == std::vector<int>{2});
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
