// A speaker's own state (issue 10, part 1): what a character says and how the author says
// they are moves that character's own arousal, and the player's replies meet that state.

#include "support.h"

#include "model/sentences.h"
#include "play/session.h"

#include <algorithm>

namespace {

using namespace attune;

std::shared_ptr<const Story> shout_story() {
    return test::story(test::source_dir() / "tests" / "data" / "truth" / "shout.json");
}

bool has_rule(const model::Outcome& outcome, std::string_view rule) {
    return std::any_of(outcome.causes.begin(), outcome.causes.end(),
                       [&](const model::Cause& c) { return c.rule == rule; });
}

} // namespace

TEST_CASE("speaker: a character who has just shouted is not calm") {
    Session session(shout_story(), test::params(), 1);
    const model::State& mo = session.state().characters[0];
    // She started at rest; her own criticism has her at least distressed (R20).
    CHECK(mo.arousal >= mo.resting_arousal + 0.5 * (mo.window_high - mo.resting_arousal));
    REQUIRE(session.choose("fix"));
    CHECK(has_rule(session.last_outcome(), "advise_while_distressed"));
    CHECK_FALSE(has_rule(session.last_outcome(), "advise_when_calm"));
}

TEST_CASE("speaker: an author's \"feels\" makes a silent character flooded, and replies meet it") {
    Session session(shout_story(), test::params(), 1);
    REQUIRE(session.choose("hear"));
    CHECK(model::is_flooded(session.state().characters[0]));
    CHECK(has_rule(session.last_outcome(), "authored_feeling"));
    Session listening = session;
    REQUIRE(listening.choose("hear"));
    CHECK(has_rule(listening.last_outcome(), "attuned_while_flooded"));
    REQUIRE(session.choose("fix"));
    CHECK(has_rule(session.last_outcome(), "advise_while_distressed"));
}

TEST_CASE("speaker: the loader locates a feeling, a length of time or a choice id it can't use") {
    std::string text =
        test::read_text(test::source_dir() / "tests" / "data" / "truth" / "shout.json");
    auto broken = [&](const std::string& from, const std::string& to) {
        std::string copy = text;
        const auto at = copy.find(from);
        REQUIRE(at != std::string::npos);
        copy.replace(at, from.size(), to);
        return load_story_text("shout.json", copy);
    };
    auto has = [](const auto& result, const std::string& code, const std::string& pointer) {
        return std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                           [&](const Diagnostic& d) {
                               return d.code == code && d.pointer == pointer && d.line > 0;
                           });
    };
    const auto angry = broken("\"feels\": \"flooded\"", "\"feels\": \"furious\"");
    CHECK_FALSE(angry);
    CHECK(has(angry, "unknown-value", "/scenes/1/lines/0/feels"));
    const auto time = broken("\"id\": \"quiet\",", "\"id\": \"quiet\", \"time\": \"fortnight\",");
    CHECK(has(time, "unknown-value", "/scenes/1/time"));
    const auto breath = broken("\"id\": \"hear\"", "\"id\": \"take-a-breath\"");
    CHECK(has(breath, "reserved-id", "/scenes/0/choices/1/id"));
}
