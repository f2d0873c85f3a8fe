// The loader's less used features, one edit to late-bus.json at a time: time passing
// ("time" as minutes or a word), how characters feel ("feels" as a word or an arousal),
// adjustments, moves on characters' lines, and choice ids. Each edit gives exactly the
// problem named, or none, and what a good edit says is read into the story.

#include "support.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace {

using namespace attune;
using nlohmann::json;

json late_bus_json() {
    return json::parse(test::read_text(test::source_dir() / "tests/data/stories/late-bus.json"));
}

Result<std::shared_ptr<const Story>> load_with(const char* pointer, const json& value) {
    json story = late_bus_json();
    story[json::json_pointer(pointer)] = value;
    return load_story_text("edited.json", story.dump(2));
}

/// "error CODE POINTER" for each problem, in order.
std::vector<std::string> problems_of(const Result<std::shared_ptr<const Story>>& result) {
    std::vector<std::string> out;
    for (const Diagnostic& d : result.diagnostics) {
        out.push_back(std::string(d.severity == Severity::Error ? "error " : "warning ") + d.code +
                      " " + d.pointer);
    }
    return out;
}

/// Loads late-bus.json with one edit that must load clean.
std::shared_ptr<const Story> clean_with(const char* pointer, const json& value) {
    const Result<std::shared_ptr<const Story>> result = load_with(pointer, value);
    INFO(pointer << " = " << value.dump().substr(0, 80));
    CHECK(problems_of(result).empty());
    REQUIRE(result);
    return *result;
}

/// Loads late-bus.json with one edit that must give exactly `problem`.
void refused_with(const char* pointer, const json& value, const std::string& problem) {
    const Result<std::shared_ptr<const Story>> result = load_with(pointer, value);
    INFO(pointer << " = " << value.dump().substr(0, 80));
    CHECK(problems_of(result) == std::vector<std::string>{problem});
    CHECK(!result == problem.starts_with("error"));
}

} // namespace

TEST_CASE("loader features: time before a scene, in minutes, up to and not past its edges") {
    CHECK(clean_with("/scenes/1/time", 0)->scenes[1].minutes == 0);
    CHECK(clean_with("/scenes/1/time", 25)->scenes[1].minutes == 25);
    CHECK(clean_with("/scenes/1/time", 100000)->scenes[1].minutes == 100000);
    CHECK(clean_with("/endings/1/time", 7.5)->endings[1].minutes == 7.5);
    refused_with("/scenes/1/time", -1, "error out-of-range /scenes/1/time");
    refused_with("/scenes/1/time", 100001, "error out-of-range /scenes/1/time");
    refused_with("/endings/0/time", -0.5, "error out-of-range /endings/0/time");

    // Out of range, the story is refused and says the allowed range.
    const Result<std::shared_ptr<const Story>> far = load_with("/scenes/1/time", 100001);
    REQUIRE(far.diagnostics.size() == 1);
    CHECK(far.diagnostics[0].message.find("0 to 100000") != std::string::npos);
}

TEST_CASE("loader features: each word for time is its documented number of minutes") {
    const std::pair<const char*, double> words[] = {
        {"moment", 2},  {"minutes", 10},    {"half-hour", 30}, {"hour", 60},
        {"hours", 180}, {"overnight", 480}, {"days", 2880}};
    for (const auto& [word, minutes] : words) {
        INFO(word);
        CHECK(clean_with("/scenes/1/time", word)->scenes[1].minutes == minutes);
        CHECK(clean_with("/endings/0/time", word)->endings[0].minutes == minutes);
    }
    // The documentation names the same words.
    const std::string doc = test::read_text(test::source_dir() / "docs" / "story-format.md");
    for (const auto& [word, minutes] : words) {
        CHECK(doc.find(std::string("`") + word + "`") != std::string::npos);
    }
    refused_with("/scenes/1/time", "a while", "error unknown-value /scenes/1/time");
    refused_with("/scenes/1/time", true, "error unknown-value /scenes/1/time");
    const Result<std::shared_ptr<const Story>> near = load_with("/scenes/1/time", "hour ");
    REQUIRE(near.diagnostics.size() == 1);
    CHECK(near.diagnostics[0].fix.find("'hour'") != std::string::npos);
    CHECK(clean_with("/scenes/1/title", "Later")->scenes[1].minutes == 0); // no time: none
}

TEST_CASE("loader features: a line's speaker feels a word or an arousal from 0 to 100") {
    const char* line = "/scenes/0/lines/1/feels";
    const Feels upset = clean_with(line, "upset")->scenes[0].lines[1].feels().at(0);
    CHECK(upset.character == 0);
    CHECK(upset.feeling == model::Feeling::Upset);
    CHECK(upset.arousal == -1);
    CHECK(clean_with(line, "calm")->scenes[0].lines[1].feels().at(0).feeling ==
          model::Feeling::Calm);
    CHECK(clean_with(line, "flooded")->scenes[0].lines[1].feels().at(0).feeling ==
          model::Feeling::Flooded);
    for (const double arousal : {0.0, 37.5, 100.0}) {
        const Feels f = clean_with(line, arousal)->scenes[0].lines[1].feels().at(0);
        CHECK(f.arousal == arousal);
        CHECK(f.character == 0);
    }
    CHECK(clean_with("/scenes/0/lines/1/text", "Hi.")->scenes[0].lines[1].feels().empty());
    refused_with(line, -1, "error out-of-range /scenes/0/lines/1/feels");
    const Result<std::shared_ptr<const Story>> over = load_with(line, 100.5);
    REQUIRE(over.diagnostics.size() == 1);
    CHECK(over.diagnostics[0].message == "'feels' is 100.5, outside 0 to 100");
    CHECK(over.diagnostics[0].fix == "Use a number from 0 to 100.");
    refused_with(line, 100.5, "error out-of-range /scenes/0/lines/1/feels");
    refused_with(line, "angry", "error unknown-value /scenes/0/lines/1/feels");
    refused_with(line, json::array(), "error unknown-value /scenes/0/lines/1/feels");
    const Result<std::shared_ptr<const Story>> near = load_with(line, "flooed");
    REQUIRE(near.diagnostics.size() == 1);
    CHECK(near.diagnostics[0].fix.find("'flooded'") != std::string::npos);
    // Narration has no one to feel it.
    refused_with("/scenes/0/lines/0", json{{"text", "Rain."}, {"feels", "upset"}},
                 "error feels-without-speaker /scenes/0/lines/0/feels");
}

TEST_CASE("loader features: how characters feel as a scene opens") {
    const auto loaded = clean_with("/scenes/2/feels", json{{"ren", 12}});
    const Story& story = *loaded;
    REQUIRE(story.scenes[2].feels().size() == 1);
    CHECK(story.scenes[2].feels()[0].character == 0);
    CHECK(story.scenes[2].feels()[0].arousal == 12);
    CHECK(
        clean_with("/scenes/2/feels", json{{"ren", "flooded"}})->scenes[2].feels().at(0).feeling ==
        model::Feeling::Flooded);
    refused_with("/scenes/2/feels", json{{"ren", 101}}, "error out-of-range /scenes/2/feels/ren");
    refused_with("/scenes/2/feels", json{{"rem", "upset"}},
                 "error unknown-character /scenes/2/feels/rem");
    refused_with("/scenes/2/feels", "upset", "error wrong-type /scenes/2/feels");
}

TEST_CASE("loader features: adjustments are objects of safety, distance and arousal") {
    const auto loaded = clean_with(
        "/scenes/0/choices/0/effects",
        json{{"adjust", {{"ren", {{"safety", -5}, {"distance", 7}, {"arousal", 100}}}}}});
    const Effects& effects = loaded->scenes[0].choices[0].effects();
    REQUIRE(effects.adjust.size() == 1);
    CHECK(effects.adjust[0].character == 0);
    CHECK(effects.adjust[0].safety == -5);
    CHECK(effects.adjust[0].distance == 7);
    CHECK(effects.adjust[0].arousal == 100);
    const auto some = clean_with("/scenes/0/choices/0/effects",
                                 json{{"adjust", {{"ren", {{"distance", -100}}}}}});
    CHECK(some->scenes[0].choices[0].effects().adjust.at(0).safety == 0);
    CHECK(some->scenes[0].choices[0].effects().adjust.at(0).distance == -100);
    CHECK(some->scenes[0].choices[0].effects().adjust.at(0).arousal == 0);
    refused_with("/scenes/0/choices/0/effects", json{{"adjust", {{"ren", 5}}}},
                 "error wrong-type /scenes/0/choices/0/effects/adjust/ren");
    refused_with("/scenes/0/choices/0/effects", json{{"adjust", {{"ren", {{"arousal", 101}}}}}},
                 "error out-of-range /scenes/0/choices/0/effects/adjust/ren/arousal");
    refused_with("/scenes/0/choices/0/effects", json{{"adjust", {{"ren", {{"safety", -101}}}}}},
                 "error out-of-range /scenes/0/choices/0/effects/adjust/ren/safety");
    refused_with("/scenes/0/choices/0/effects", json{{"adjust", {{"ren", {{"trust", 1}}}}}},
                 "error unknown-key /scenes/0/choices/0/effects/adjust/ren/trust");
}

TEST_CASE("loader features: moves on a character's line go toward the player only") {
    const char* to = "/scenes/1/lines/0/moves/0/to";
    const auto story = clean_with(to, "player");
    REQUIRE(story->scenes[1].lines[0].moves().size() == 1);
    CHECK(story->scenes[1].lines[0].moves()[0].move == Move::Withdraw);
    refused_with(to, "ren", "error bad-target /scenes/1/lines/0/moves/0/to");
    refused_with("/scenes/1/lines/0/moves/0", json{{"move", "validate"}, {"to", "sam"}},
                 "error bad-target /scenes/1/lines/0/moves/0/to");
}

TEST_CASE("loader features: a choice's move needs 'to' once there are two characters") {
    json story = late_bus_json();
    story["characters"].push_back({{"id", "kit"},
                                   {"name", "Kit"},
                                   {"pronouns", "she/her"},
                                   {"role", "sister"},
                                   {"anxiety", 0.2},
                                   {"avoidance", 0.2},
                                   {"safety", 50},
                                   {"distance", 50}});
    story["scenes"][0]["lines"][1]["text"] = "Kit's here too.";
    story["scenes"][0]["choices"][0]["moves"][0].erase("to");
    const Result<std::shared_ptr<const Story>> two = load_story_text("two.json", story.dump(2));
    CHECK(problems_of(two) ==
          std::vector<std::string>{"error missing-key /scenes/0/choices/0/moves/0"});
    REQUIRE(two.diagnostics.size() == 1);
    CHECK(two.diagnostics[0].fix.find("\"to\": \"ren\"") != std::string::npos);

    // With one character, the move is toward them.
    json one = late_bus_json();
    one["scenes"][0]["choices"][0]["moves"][0].erase("to");
    const Result<std::shared_ptr<const Story>> single = load_story_text("one.json", one.dump(2));
    REQUIRE(single);
    CHECK(problems_of(single).empty());
    CHECK((*single)->scenes[0].choices[0].moves.at(0).target == 0);
    CHECK((*single)->scenes[0].choices[0].moves.at(0).move == Move::Minimize);
}

TEST_CASE("loader features: choice ids are one per scene, and a choice makes a move") {
    refused_with("/scenes/0/choices/1/id", "its-fine", "error duplicate-id /scenes/0/choices/1/id");
    // The same id in another scene is fine.
    CHECK(clean_with("/scenes/1/choices/0/id", "its-fine")->scenes[1].choices[0].id == "its-fine");
    refused_with("/scenes/0/choices/0/moves", json::array(),
                 "error no-moves /scenes/0/choices/0/moves");
    refused_with("/scenes/0/choices/0/moves", json::array({"validate"}),
                 "error wrong-type /scenes/0/choices/0/moves/0");
}

TEST_CASE("loader features: a text or condition over its length is one problem, not read on") {
    // A line of exactly max_text_bytes is read; one byte more is too long, and what it
    // holds (here a hole never closed) is not read, so it is the only problem.
    const std::string fits(max_text_bytes, 'a');
    CHECK(clean_with("/scenes/0/lines/0", fits)->scenes[0].lines[0].text.source == fits);
    refused_with("/scenes/0/lines/0", std::string(max_text_bytes - 5, 'a') + "{ren.",
                 "error bad-condition /scenes/0/lines/0");
    refused_with("/scenes/0/lines/0", std::string(max_text_bytes - 4, 'a') + "{ren.",
                 "error too-long /scenes/0/lines/0");
    // Conditions likewise: 2000 bytes of "1 or 1 ..." are read, one more byte is not, and
    // a mistake at its end is not reported on top.
    std::string condition = "ren.safety > 0";
    while (condition.size() + 5 <= max_condition_bytes) {
        condition += " or 1";
    }
    condition.append(max_condition_bytes - condition.size(), ' ');
    REQUIRE(condition.size() == max_condition_bytes);
    clean_with("/scenes/0/choices/0/if", condition);
    refused_with("/scenes/0/choices/0/if", condition + ")",
                 "error too-long /scenes/0/choices/0/if");
}

TEST_CASE("loader features: an everyday word for a move is suggested however it is separated") {
    for (const char* name : {"calm down", "calm-down", "Calm_Down", "own it", "Own-It"}) {
        CAPTURE(name);
        const Result<std::shared_ptr<const Story>> result =
            load_with("/scenes/0/choices/0/moves/0/move", name);
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].code == "unknown-move");
        const std::string move =
            std::string(name).starts_with("calm") || std::string(name).starts_with("Calm")
                ? "'self_soothe'"
                : "'take_responsibility'";
        CHECK(result.diagnostics[0].fix.starts_with("Did you mean " + move + "? "));
    }
}
