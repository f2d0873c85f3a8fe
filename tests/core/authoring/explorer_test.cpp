// check --explore: what it finds on broken fixtures, and that every reported path replays
// to the problem it shows.

#include "authoring/explorer.h"
#include "findings_support.h"

namespace attune {

using test::find_code;
using test::fixture;
using test::replay;

TEST_CASE("explore: a clean small story reaches every scene, choice and ending") {
    const auto story = test::late_bus();
    const ExploreReport report = explore_story(story, test::params(), {});
    CHECK_FALSE(report.budget_hit);
    CHECK(std::count(report.scene_reached.begin(), report.scene_reached.end(), 1) == 3);
    CHECK(std::count(report.ending_reached.begin(), report.ending_reached.end(), 1) == 2);
    CHECK(report.states > 3);
    CHECK(find_code(report.findings, "never-reached") == nullptr);
    CHECK(find_code(report.findings, "dead-end-in-play") == nullptr);
}

TEST_CASE("explore: a choice that is never enabled hides its scene and ending") {
    const ExploreReport report = explore_story(fixture("never-enabled"), test::params(), {});
    const Finding* choice = find_code(report.findings, "choice-never-enabled");
    REQUIRE(choice);
    CHECK(choice->diagnostic.pointer == "/scenes/0/choices/1");
    CHECK(choice->diagnostic.severity == Severity::Error);
    REQUIRE(find_code(report.findings, "never-reached"));
    CHECK(find_code(report.findings, "never-reached")->diagnostic.pointer == "/scenes/2");
    REQUIRE(find_code(report.findings, "ending-never-reached"));
    CHECK(find_code(report.findings, "ending-never-reached")->diagnostic.pointer == "/endings/1");
}

TEST_CASE("explore: a scene left with no enabled choice is a dead end, with the path to it") {
    const auto story = fixture("dead-end-in-play");
    const ExploreReport report = explore_story(story, test::params(), {});
    const Finding* dead = find_code(report.findings, "dead-end-in-play");
    REQUIRE(dead);
    CHECK(dead->choices == std::vector<int>{2});
    const Session session = replay(story, *dead);
    CHECK(session.scene().id == "kitchen");
    CHECK(session.choices().empty());
}

TEST_CASE("explore: a loop with no way out is found") {
    const auto story = fixture("no-way-out");
    const ExploreReport report = explore_story(story, test::params(), {});
    const Finding* trap = find_code(report.findings, "no-way-out");
    REQUIRE(trap);
    CHECK(replay(story, *trap).scene().id == "garden");
}

TEST_CASE("explore: ruptures with no repair in reach and repaired endings with a rupture open") {
    const auto story = fixture("rupture-without-repair");
    const ExploreReport report = explore_story(story, test::params(), {});
    const Finding* rupture = find_code(report.findings, "rupture-without-repair");
    REQUIRE(rupture);
    CHECK(rupture->diagnostic.pointer == "/scenes/0/choices/0");
    CHECK(replay(story, *rupture).state().characters[0].rupture_open);
    const Finding* mismatch = find_code(report.findings, "ending-kind-mismatch");
    REQUIRE(mismatch);
    const Session end = replay(story, *mismatch);
    CHECK(end.is_finished());
    CHECK(end.ending()->id == "mended");
    CHECK(end.state().characters[0].rupture_open);
    CHECK(explore_story(story, test::params(), {100000, 10, 1, 1}).findings.size() >=
          report.findings.size());
}

TEST_CASE("explore: the state budget stops the search and says so") {
    ExploreOptions options;
    options.state_budget = 2;
    const ExploreReport report = explore_story(test::late_bus(), test::params(), options);
    CHECK(report.budget_hit);
    CHECK(report.states == 2);
    for (const Finding& f : report.findings) {
        if (f.diagnostic.code == "never-reached" || f.diagnostic.code == "ending-never-reached") {
            CHECK(f.diagnostic.severity == Severity::Warning);
        }
    }
}

TEST_CASE("explore: every bundled story is explored to the end within the default budget") {
    int explored = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "stories")) {
        if (entry.path().extension() != ".json" || entry.path().filename() == "schema.json") {
            continue;
        }
        CAPTURE(entry.path().string());
        const Result<std::shared_ptr<const Story>> loaded = load_story_file(entry.path().string());
        REQUIRE(loaded); // a bundled story always loads (the schema test agrees)
        const ExploreReport report = explore_story(*loaded, test::params(), {});
        CHECK_FALSE(report.budget_hit); // the whole story fits in the default state budget
        CHECK(report.states > 0);
        CHECK(report.states < ExploreOptions{}.state_budget);
        CHECK(report.scene_reached[(*loaded)->start] == 1);
        CHECK(std::count(report.ending_reached.begin(), report.ending_reached.end(), 1) >= 1);
        ++explored;
    }
    CHECK(explored >= 7); // the bundled stories, none skipped
}

} // namespace attune

// check --explore on stories made for one rule each: state merging on counts, the order
// of a long replay path, and ruptures with the last of many characters.

namespace attune {

namespace {

using nlohmann::json;
using test::find_code;

json character(const std::string& id) {
    return {{"id", id},         {"name", id},     {"pronouns", "they/them"},
            {"role", "friend"}, {"anxiety", 0.3}, {"avoidance", 0.3},
            {"safety", 50},     {"distance", 50}};
}

json choice(const std::string& id, const std::string& next, const std::string& move = "ask",
            const std::string& to = "c0") {
    return {
        {"id", id}, {"text", id + "."}, {"moves", {{{"move", move}, {"to", to}}}}, {"next", next}};
}

json story_with(json scenes, json characters = json::array({character("c0")})) {
    return {
        {"id", "made"},
        {"title", "Made"},
        {"version", "1"},
        {"summary", "s"},
        {"relationship", "friend"},
        {"minutes", 1},
        {"age_band", "all"},
        {"author", "tests"},
        {"start", scenes[0]["id"]},
        {"flags", {"never"}},
        {"characters", std::move(characters)},
        {"scenes", std::move(scenes)},
        {"endings", {{{"id", "end"}, {"kind", "open"}, {"title", "End"}, {"reflection", {"?"}}}}}};
}

std::shared_ptr<const Story> load(const json& story) {
    const Result<std::shared_ptr<const Story>> loaded = load_story_text("made.json", story.dump());
    for (const Diagnostic& d : loaded.diagnostics) {
        INFO(format(d));
        CHECK(d.severity != Severity::Error);
    }
    REQUIRE(loaded);
    return *loaded;
}

// A loop whose way out opens after two visits, written with the number first or last.
std::size_t loop_states(const std::string& condition) {
    json leave = choice("leave", "end");
    leave["if"] = condition;
    const json scenes = {{{"id", "hub"},
                          {"lines", {"Round again."}},
                          {"choices", {choice("again", "hub", "neutral"), leave}}}};
    const ExploreReport report = explore_story(load(story_with(scenes)), test::params(), {});
    CHECK_FALSE(report.budget_hit);
    return report.states;
}

} // namespace

TEST_CASE("explore: visit counts past the largest number compared merge, however written") {
    const std::size_t last = loop_states("visits(hub) > 2");
    CHECK(loop_states("2 < visits(hub)") == last);
    // Comparing with a larger number keeps more visit counts apart.
    CHECK(loop_states("visits(hub) > 6") > last);
}

TEST_CASE("explore: a path of several choices replays in order") {
    json stuck = choice("stuck", "end");
    stuck["if"] = "flag.never";
    const json scenes = {
        {{"id", "start"}, {"lines", {"."}}, {"choices", {choice("a", "x"), choice("b", "y")}}},
        {{"id", "x"}, {"lines", {"."}}, {"choices", {choice("on", "end")}}},
        {{"id", "y"}, {"lines", {"."}}, {"choices", {choice("c", "dead"), choice("d", "end")}}},
        {{"id", "dead"}, {"lines", {"."}}, {"choices", {stuck}}}};
    const auto story = load(story_with(scenes));
    const ExploreReport report = explore_story(story, test::params(), {});
    const Finding* dead = find_code(report.findings, "dead-end-in-play");
    REQUIRE(dead);
    CHECK(dead->choices == std::vector<int>{2, 1});
    CHECK(test::replay(story, *dead).scene().id == "dead");
}

TEST_CASE("explore: a rupture with the 32nd character is found like one with the first") {
    json characters = json::array();
    for (int i = 0; i < 32; ++i) {
        characters.push_back(character("c" + std::to_string(i)));
    }
    for (const std::string target : {"c0", "c31"}) {
        CAPTURE(target);
        const json scenes = {
            {{"id", "start"},
             {"lines", {"."}},
             {"choices", {choice("sneer", "after", "contempt", target), choice("fine", "after")}}},
            {{"id", "after"}, {"lines", {"."}}, {"choices", {choice("bye", "end")}}}};
        const ExploreReport report =
            explore_story(load(story_with(scenes, characters)), test::params(), {});
        const Finding* rupture = find_code(report.findings, "rupture-without-repair");
        REQUIRE(rupture);
        CHECK(rupture->diagnostic.pointer == "/scenes/0/choices/0");
    }
}

TEST_CASE("explore: states that differ only in a later flag are kept apart") {
    // Both ways into 'mid' make the same move; only the second one sets flag 'b', which
    // opens the way to 'secret'. Merging them would hide 'secret'.
    json plain = choice("plain", "mid");
    json set_b = choice("set-b", "mid");
    set_b["effects"] = {{"set", {"b"}}};
    json secret = choice("secret", "secret");
    secret["if"] = "flag.b and not flag.a";
    json story =
        story_with({{{"id", "start"}, {"lines", {"."}}, {"choices", {plain, set_b}}},
                    {{"id", "mid"}, {"lines", {"."}}, {"choices", {choice("out", "end"), secret}}},
                    {{"id", "secret"}, {"lines", {"."}}, {"choices", {choice("bye", "end")}}}});
    story["flags"] = {"a", "b"};
    const ExploreReport report = explore_story(load(story), test::params(), {});
    CHECK(report.scene_reached == std::vector<std::uint8_t>{1, 1, 1});
    CHECK(find_code(report.findings, "never-reached") == nullptr);
    CHECK(find_code(report.findings, "choice-never-enabled") == nullptr);
}

TEST_CASE("explore: a repair counts as in reach within exactly repair_within choices") {
    // The rupture opens on the way into 'a'; the repair lands on the second choice after.
    json sorry = choice("sorry", "end", "apologize");
    sorry["moves"].push_back({{"move", "repair"}, {"to", "c0"}});
    const json scenes = {
        {{"id", "start"},
         {"lines", {"."}},
         {"choices", {choice("sneer", "a", "contempt"), choice("fine", "end")}}},
        {{"id", "a"}, {"lines", {"."}}, {"choices", {choice("on", "b", "neutral")}}},
        {{"id", "b"}, {"lines", {"."}}, {"choices", {sorry}}}};
    const auto story = load(story_with(scenes));
    for (const int within : {1, 2, 3}) {
        CAPTURE(within);
        ExploreOptions options;
        options.repair_within = within;
        const ExploreReport report = explore_story(story, test::params(), options);
        CHECK((find_code(report.findings, "rupture-without-repair") != nullptr) == (within < 2));
    }
}

TEST_CASE("explore: a dead end reached in several states is reported once") {
    // 'dead' is reached with flag x set and without it; both states are dead ends.
    json set_x = choice("set-x", "dead");
    set_x["effects"] = {{"set", {"x"}}};
    json stuck = choice("stuck", "end");
    stuck["if"] = "flag.never and flag.x";
    json story = story_with(
        {{{"id", "start"}, {"lines", {"."}}, {"choices", {set_x, choice("plain", "dead")}}},
         {{"id", "dead"}, {"lines", {"."}}, {"choices", {stuck}}}});
    story["flags"] = {"never", "x"};
    const ExploreReport report = explore_story(load(story), test::params(), {});
    CHECK(report.states == 3);
    CHECK(std::count_if(report.findings.begin(), report.findings.end(), [](const Finding& f) {
              return f.diagnostic.code == "dead-end-in-play";
          }) == 1);
}

TEST_CASE("explore: a scene whose only way on leads back to the start is no trap") {
    // Nothing changes on the way round (no anxiety, neutral moves), so the loop comes back
    // to the very first state, from which the story can end.
    json calm = character("c0");
    calm["anxiety"] = 0;
    calm["avoidance"] = 0;
    const json scenes = {
        {{"id", "start"},
         {"lines", {"."}},
         {"choices", {choice("go", "x", "neutral"), choice("stop", "end", "neutral")}}},
        {{"id", "x"}, {"lines", {"."}}, {"choices", {choice("back", "start", "neutral")}}}};
    const ExploreReport report =
        explore_story(load(story_with(scenes, json::array({calm}))), test::params(), {});
    CHECK(report.states == 2);
    CHECK(report.merged == 0); // back at the very first state: the same numbers, not merged
    CHECK(find_code(report.findings, "no-way-out") == nullptr);
}

TEST_CASE("explore: a loop back to the start whose way out never opens is a trap") {
    // The same loop as above, but "stop" waits for a flag nothing sets: going round and back
    // into the very first state is no way out, however often it is taken.
    json calm = character("c0");
    calm["anxiety"] = 0;
    calm["avoidance"] = 0;
    json stop = choice("stop", "end", "neutral");
    stop["if"] = "flag.never";
    const json scenes = {
        {{"id", "start"}, {"lines", {"."}}, {"choices", {choice("go", "x", "neutral"), stop}}},
        {{"id", "x"}, {"lines", {"."}}, {"choices", {choice("back", "start", "neutral")}}}};
    const ExploreReport report =
        explore_story(load(story_with(scenes, json::array({calm}))), test::params(), {});
    CHECK(report.states == 2);
    const Finding* trap = find_code(report.findings, "no-way-out");
    REQUIRE(trap);
    CHECK(trap->diagnostic.pointer == "/scenes/0");
}

TEST_CASE("explore: a fact assumed by a scene and by an ending is reported for each") {
    // 'tell' establishes 'told'; 'quiet' reaches 'porch' without it. 'porch' (scene 1) and
    // 'late' (ending 2) both assume it, so each is reported once. The state that reached
    // 'porch' without 'told' must stay apart from the one with it (an assumed fact is
    // read), or the ending's finding is lost behind the first arrival.
    json tell = choice("tell", "porch", "neutral");
    tell["effects"] = {{"set", {"told"}}};
    json story = story_with({{{"id", "start"},
                              {"lines", {"."}},
                              {"choices", {tell, choice("quiet", "porch", "neutral")}}},
                             {{"id", "porch"},
                              {"lines", {"."}},
                              {"assumes", {"told"}},
                              {"choices",
                               {choice("a", "end", "neutral"), choice("b", "soon", "neutral"),
                                choice("c", "late", "neutral")}}}});
    story["flags"] = {"told"};
    story["endings"] = {
        {{"id", "end"}, {"kind", "open"}, {"title", "End"}, {"reflection", {"?"}}},
        {{"id", "soon"}, {"kind", "open"}, {"title", "Soon"}, {"reflection", {"?"}}},
        {{"id", "late"},
         {"kind", "open"},
         {"title", "Late"},
         {"reflection", {"?"}},
         {"assumes", {"told"}}}};
    const auto loaded = load(story);
    const ExploreReport report = explore_story(loaded, test::params(), {});
    std::vector<std::string> pointers;
    for (const Finding& f : report.findings) {
        if (f.diagnostic.code == "assumed-before-established") {
            pointers.push_back(f.diagnostic.pointer);
            const Session session = test::replay(loaded, f);
            CHECK_FALSE(session.state().flags[0]);
        }
    }
    CHECK(pointers == std::vector<std::string>{"/scenes/1/assumes", "/endings/2/assumes"});
}

TEST_CASE("explore: arrivals whose numbers differ within the tolerance are merged and counted") {
    // validate and comfort differ only in distance (-3 and -4 from 50), which stays within
    // one band of the tolerance: 'mid' is one state, reached twice, merged once.
    const json scenes = {
        {{"id", "start"},
         {"lines", {"."}},
         {"choices", {choice("v", "mid", "validate"), choice("c", "mid", "comfort")}}},
        {{"id", "mid"}, {"lines", {"."}}, {"choices", {choice("on", "end", "neutral")}}}};
    const auto story = load(story_with(scenes));
    const ExploreReport report = explore_story(story, test::params(), {});
    CHECK(report.states == 2);
    CHECK(report.merged == 1);
    CHECK(report.transitions == 3);
    // A tolerance too fine to hold both keeps them apart.
    ExploreOptions fine;
    fine.tolerance = 0.5;
    const ExploreReport apart = explore_story(story, test::params(), fine);
    CHECK(apart.states == 3);
    CHECK(apart.merged == 0);
}

TEST_CASE("explore: progress is told every 1,000 states, with the number explored so far") {
    // A loop whose way out opens late: every visit count up to it is a state of its own.
    json leave = choice("leave", "end");
    leave["if"] = "visits(hub) > 2500";
    const json scenes = {{{"id", "hub"},
                          {"lines", {"Round again."}},
                          {"choices", {choice("again", "hub", "neutral"), leave}}}};
    std::vector<long> told;
    ExploreOptions options;
    options.progress = [&](long explored) { told.push_back(explored); };
    const ExploreReport report = explore_story(load(story_with(scenes)), test::params(), options);
    REQUIRE(report.states >= 2000);
    std::vector<long> expected;
    for (long n = 1000; n <= static_cast<long>(report.states); n += 1000) {
        expected.push_back(n);
    }
    CHECK(told == expected);
}

TEST_CASE(
    "explore: a loop with no way out is found, and a story not on disk gets no made-up line") {
    json calm = character("c0");
    calm["anxiety"] = 0;
    calm["avoidance"] = 0;
    const json scenes = {
        {{"id", "start"},
         {"lines", {"."}},
         {"choices", {choice("in", "trap", "neutral"), choice("out", "end", "neutral")}}},
        {{"id", "trap"}, {"lines", {"."}}, {"choices", {choice("round", "trap", "neutral")}}}};
    const auto story = load(story_with(scenes, json::array({calm})));
    const ExploreReport report = explore_story(story, test::params(), {});
    const Finding* trap = find_code(report.findings, "no-way-out");
    REQUIRE(trap);
    CHECK(trap->diagnostic.pointer == "/scenes/1");
    CHECK(trap->choices == std::vector<int>{1});
    CHECK(test::replay(story, *trap).scene().id == "trap");
    // made.json was never written: no finding claims a line or column in it.
    for (const Finding& f : report.findings) {
        CAPTURE(f.diagnostic.code);
        CHECK(f.diagnostic.line == 0);
        CHECK(f.diagnostic.column == 0);
    }
}

} // namespace attune

// check --explore keeps apart states that differ in anything play still reads: a
// variable, a visit count, a flag read only by a later line; and merges what no one reads.

namespace attune {

namespace {

// 'start' leads to 'mid' two ways, the first plain, the second changing `effect` (or
// passing through 'side'); 'mid' offers 'secret' only when `condition` holds. Merging the
// two arrivals would keep only the first, where it does not.
ExploreReport two_ways_in(const json& effect, const std::string& condition, bool via_side) {
    json changed = choice("changed", via_side ? "side" : "mid", "neutral");
    if (!effect.is_null()) {
        changed["effects"] = effect;
    }
    json secret = choice("secret", "secret", "neutral");
    secret["if"] = condition;
    json scenes = {
        {{"id", "start"},
         {"lines", {"."}},
         {"choices", {choice("plain", "mid", "neutral"), changed}}},
        {{"id", "mid"}, {"lines", {"."}}, {"choices", {choice("out", "end", "neutral"), secret}}},
        {{"id", "secret"}, {"lines", {"."}}, {"choices", {choice("bye", "end", "neutral")}}}};
    if (via_side) {
        scenes.push_back(
            {{"id", "side"}, {"lines", {"."}}, {"choices", {choice("on", "mid", "neutral")}}});
    }
    json calm = character("c0");
    calm["anxiety"] = 0;
    calm["avoidance"] = 0;
    json story = story_with(scenes, json::array({calm}));
    story["variables"] = {{"patience", 0}, {"unread", 0}};
    return explore_story(load(story), test::params(), {});
}

} // namespace

TEST_CASE("explore: arrivals that differ in a variable a later condition reads stay apart") {
    const ExploreReport report = two_ways_in({{"add", {{"patience", 1}}}}, "patience > 0", false);
    CHECK(report.scene_reached[2] == 1);
    CHECK(find_code(report.findings, "never-reached") == nullptr);
    CHECK(report.states == 4); // start, mid twice, secret
    // A variable nothing reads merges: 'secret' then needs 'patience', which stays 0.
    const ExploreReport unread = two_ways_in({{"add", {{"unread", 1}}}}, "patience > 0", false);
    CHECK(unread.states == 2);
    CHECK(unread.scene_reached[2] == 0);
    REQUIRE(find_code(unread.findings, "never-reached"));
    CHECK(find_code(unread.findings, "never-reached")->diagnostic.pointer == "/scenes/2");
}

TEST_CASE("explore: arrivals that differ in a visit count a later condition reads stay apart") {
    const ExploreReport report = two_ways_in(nullptr, "visits(side) > 0", true);
    CHECK(report.scene_reached == std::vector<std::uint8_t>{1, 1, 1, 1});
    CHECK(find_code(report.findings, "never-reached") == nullptr);
    CHECK(find_code(report.findings, "choice-never-enabled") == nullptr);
    // Reading the count of a scene both ways pass through cannot tell them apart.
    const ExploreReport same = two_ways_in(nullptr, "visits(start) > 1", true);
    CHECK(same.scene_reached[2] == 0);
}

TEST_CASE("explore: a flag read only by a later line's condition keeps states apart") {
    // 'mid' is reached with and without 'b'; only the line in 'late' reads it. Merged,
    // the line would seem to show every time, or never.
    json set_b = choice("set-b", "mid", "neutral");
    set_b["effects"] = {{"set", {"b"}}};
    json story = story_with(
        {{{"id", "start"},
          {"lines", {"."}},
          {"choices", {choice("plain", "mid", "neutral"), set_b}}},
         {{"id", "mid"}, {"lines", {"."}}, {"choices", {choice("on", "late", "neutral")}}},
         {{"id", "late"},
          {"lines", {{{"text", "You said it."}, {"if", "flag.b"}}}},
          {"choices", {choice("bye", "end", "neutral")}}}});
    story["flags"] = {"b"};
    const ExploreReport report = explore_story(load(story), test::params(), {});
    CHECK(find_code(report.findings, "condition-always-true") == nullptr);
    CHECK(find_code(report.findings, "line-never-shown") == nullptr);
    // An ending's line reads it the same way.
    story["scenes"][2]["lines"] = {"."};
    story["endings"][0]["lines"] = {{{"text", "You said it."}, {"if", "flag.b"}}};
    const ExploreReport ending = explore_story(load(story), test::params(), {});
    CHECK(find_code(ending.findings, "condition-always-true") == nullptr);
    CHECK(find_code(ending.findings, "line-never-shown") == nullptr);
    // Kept apart only while something ahead still reads 'b': with the line in 'late',
    // start, mid twice, late once (its line was read on arrival); with the line in the
    // ending, late twice as well. Read nowhere, the flag merges them: start, mid, late.
    CHECK(report.states == 4);
    CHECK(ending.states == 5);
    story["endings"][0]["lines"] = {"."};
    const ExploreReport nowhere = explore_story(load(story), test::params(), {});
    CHECK(nowhere.states == 3);
    CHECK(nowhere.merged == 0); // the same numbers both ways: merged, not counted as near
}

} // namespace attune

namespace attune {

TEST_CASE("explore: a repaired ending reached with a rupture open is reported once") {
    // Two different hurts lead to 'mid', two states with a rupture open; both go on to
    // the repaired ending. One finding, with the path of the first.
    json ending = {{"id", "end"}, {"kind", "repaired"}, {"title", "End"}, {"reflection", {"?"}}};
    json story = story_with(
        {{{"id", "start"},
          {"lines", {"."}},
          {"choices", {choice("sneer", "mid", "contempt"), choice("lie", "mid", "deceive")}}},
         {{"id", "mid"}, {"lines", {"."}}, {"choices", {choice("done", "end", "neutral")}}}});
    story["endings"] = {ending};
    const auto loaded = load(story);
    const ExploreReport report = explore_story(loaded, test::params(), {});
    CHECK(report.states == 3);
    CHECK(std::count_if(report.findings.begin(), report.findings.end(), [](const Finding& f) {
              return f.diagnostic.code == "ending-kind-mismatch";
          }) == 1);
    const Finding* mismatch = find_code(report.findings, "ending-kind-mismatch");
    REQUIRE(mismatch);
    CHECK(mismatch->choices == std::vector<int>{1, 1});
}

} // namespace attune
