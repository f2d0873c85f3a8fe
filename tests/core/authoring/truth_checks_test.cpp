// Issue 10, parts 2, 3 and 5: nobody stranded while flooded, time that calms, continuity.
// The fixture tests/data/truth/cornered.json floods the player with only a harsh reply open.

#include "authoring/explorer.h"
#include "findings_support.h"

namespace attune {

namespace {

std::shared_ptr<const Story> cornered() {
    return test::story(test::source_dir() / "tests" / "data" / "truth" / "cornered.json");
}

} // namespace

TEST_CASE("breath: a flooded player with only a harsh reply open is offered a breath, last") {
    Session session(cornered(), test::params(), 1);
    REQUIRE(model::is_player_flooded(session.state().player));
    const std::vector<ChoiceView> views = session.choices();
    REQUIRE(views.size() == 3);
    CHECK_FALSE(views[0].enabled); // listening waits
    CHECK(views[1].id == "snap");
    CHECK(views[2].id == breath_id);
    CHECK(views[2].text == "Take a breath.");
    CHECK(views[2].enabled);
    const int visits = session.state().visits[0];
    REQUIRE(session.choose(views[2].index));
    CHECK(session.scene().id == "hall"); // the same menu again
    CHECK(session.state().visits[0] == visits);
    CHECK_FALSE(model::is_player_flooded(session.state().player));
    CHECK(session.choices()[0].enabled);
    CHECK(session.choices().size() == 2); // no breath once nothing is closed
    // The breath is saved and rewound like any other step.
    CHECK(session.history().size() == 1);
    REQUIRE(session.choose("listen"));
    REQUIRE(session.rewind_to(1));
    CHECK(session.scene().id == "hall");
}

TEST_CASE(
    "breath: check --explore finds no stranded menu here, but warns that only harsh is left") {
    const ExploreReport report = explore_story(cornered(), test::params(), {});
    CHECK(test::find_code(report.findings, "stranded-while-flooded") == nullptr);
    const Finding* harsh = test::find_code(report.findings, "only-harsh-when-flooded");
    REQUIRE(harsh);
    CHECK(harsh->diagnostic.severity == Severity::Warning);
    CHECK(harsh->diagnostic.pointer == "/scenes/0/choices");
}

TEST_CASE("breath: a breath that does not calm is no way out, and check --explore says so") {
    auto numb = std::make_shared<model::Params>(*test::params());
    numb->moves[static_cast<int>(Move::SelfSoothe)].player_arousal = 0;
    const ExploreReport report = explore_story(cornered(), numb, {});
    const Finding* stranded = test::find_code(report.findings, "stranded-while-flooded");
    REQUIRE(stranded);
    CHECK(stranded->diagnostic.severity == Severity::Error);
    CHECK(stranded->choices.empty()); // at the very start
}

TEST_CASE("time: half an hour's walk brings a flooded player back within their window") {
    Session session(cornered(), test::params(), 1);
    REQUIRE(session.choose(breath_id));
    REQUIRE(session.choose("listen"));
    Session flooded(cornered(), test::params(), 1);
    const double before = flooded.state().player.arousal;
    REQUIRE(before > flooded.state().player.window_high);
    // Walk scene: R6, about twenty minutes to recover; the trace shows it.
    CHECK(session.scene().id == "walk");
    CHECK(session.state().player.arousal < session.state().player.resting_arousal + 5);
    CHECK(session.state().characters[0].arousal <
          session.state().characters[0].resting_arousal + 5);
    bool passed = false;
    for (const model::Cause& c : session.last_outcome().causes) {
        passed |= c.rule == "time_passes";
    }
    CHECK(passed);
}

TEST_CASE("continuity: check --explore reports a path that reaches a scene before its fact") {
    const auto story = cornered();
    const ExploreReport report = explore_story(story, test::params(), {});
    const Finding* slip = test::find_code(report.findings, "assumed-before-established");
    REQUIRE(slip);
    CHECK(slip->diagnostic.pointer == "/scenes/2/assumes");
    CHECK(slip->diagnostic.message.find("met_lu") != std::string::npos);
    const Session session = test::replay(story, *slip);
    CHECK(session.scene().id == "porch");
    CHECK_FALSE(session.state().flags[0]);
}

} // namespace attune

namespace attune {

TEST_CASE("breath: a story's own regulating choice must lower the player's arousal, not keep it") {
    // Cornered, with a third reply of the story's own that regulates. With self_soothe
    // and the player's drift home both set to nothing, it leaves the player exactly as
    // flooded as before: that is no way out either.
    nlohmann::json story = nlohmann::json::parse(
        test::read_text(test::source_dir() / "tests/data/truth/cornered.json"));
    story["scenes"][0]["choices"].push_back({{"id", "step-out"},
                                             {"text", "Step outside a moment."},
                                             {"moves", {{{"move", "self_soothe"}}}},
                                             {"next", "porch"}});
    const Result<std::shared_ptr<const Story>> loaded =
        load_story_text("cornered.json", story.dump());
    REQUIRE(loaded);
    auto still = std::make_shared<model::Params>(*test::params());
    still->moves[static_cast<int>(Move::SelfSoothe)].player_arousal = 0;
    still->player_arousal_decay = 0;
    const ExploreReport stuck = explore_story(*loaded, still, {});
    std::vector<std::string> stranded;
    for (const Finding& f : stuck.findings) {
        if (f.diagnostic.code == "stranded-while-flooded") {
            stranded.push_back(f.diagnostic.pointer);
        }
    }
    // The hall, where stepping out keeps the player flooded, and the porch, where the
    // breath does not calm either.
    CHECK(stranded == std::vector<std::string>{"/scenes/0/choices", "/scenes/2/choices"});
    // With the game's own parameters the same choice calms, and nothing is reported.
    const ExploreReport calm = explore_story(*loaded, test::params(), {});
    CHECK(test::find_code(calm.findings, "stranded-while-flooded") == nullptr);
}

} // namespace attune
