// attune generate: the benchmark story.

#include "authoring/generator.h"
#include "authoring/playtest.h"
#include "authoring/stats.h"
#include "support.h"

#include <cctype>
#include <set>

namespace attune {

TEST_CASE("generate: the benchmark story has the shape the issue asks for") {
    const auto json = generate_story({1500, 1});
    CHECK(generate_story({1500, 1}) == json);
    Result<std::shared_ptr<const Story>> loaded = load_story_text("big.json", json.dump());
    REQUIRE(loaded);
    CHECK_FALSE(has_errors(loaded.diagnostics));
    const Story& story = **loaded;
    CHECK(story.scenes.size() + story.endings.size() == 1500);
    CHECK(story.endings.size() == 30);
    const StoryStats stats = story_stats(*loaded, test::params(), 300, 1);
    CHECK(stats.words > 140000);
    CHECK(stats.average_choices > 25);
    CHECK(stats.average_choices < 40);
    for (const Scene& scene : story.scenes) {
        CHECK(scene.choices.size() == 3);
    }
    // Each scene has one spoken line, taking turns between the two characters, and it
    // names the one who speaks it.
    int spoken = 0;
    std::set<std::string> speakers;
    for (const auto& scene : json["scenes"]) {
        for (const auto& line : scene["lines"]) {
            if (line.is_object() && line.contains("speaker")) {
                const std::string speaker = line["speaker"];
                CAPTURE(speaker);
                CHECK(line["text"].get<std::string>().starts_with("{" + speaker + ".name}: "));
                speakers.insert(speaker);
                ++spoken;
            }
        }
    }
    CHECK(spoken == static_cast<int>(story.scenes.size()));
    CHECK(speakers == std::set<std::string>{"alex", "sam"});
}

} // namespace attune

namespace attune {

TEST_CASE("generate: choice 0 always leads on to the next scene; endings take turns by kind") {
    const nlohmann::ordered_json story = generate_story({40, 7});
    const auto& scenes = story["scenes"];
    const auto& endings = story["endings"];
    CHECK(scenes.size() + endings.size() == 40);
    CHECK(endings.size() == 3); // at least three, else 2% of the total
    for (std::size_t s = 0; s + 1 < scenes.size(); ++s) {
        CAPTURE(s);
        CHECK(scenes[s]["choices"][0]["next"] == scenes[s + 1]["id"]);
        CHECK(scenes[s]["choices"].size() == 3);
    }
    // Every tenth scene (from the first) has a line behind a condition; line 2 speaks.
    for (std::size_t s = 0; s < scenes.size(); ++s) {
        CAPTURE(s);
        CHECK(scenes[s]["lines"][3].contains("if") == (s % 10 == 0));
        CHECK(scenes[s]["lines"][1]["speaker"] == (s % 2 ? "sam" : "alex"));
    }
    // The other choices jump ahead, never back or to the same scene.
    for (std::size_t s = 0; s < scenes.size(); ++s) {
        for (int c = 1; c < 3; ++c) {
            const std::string next = scenes[s]["choices"][c]["next"];
            if (next[0] == 's') {
                CHECK(std::stoul(next.substr(1)) > s);
            }
        }
    }
    // Past the last scene there are only endings.
    const std::string last = scenes.back()["choices"][0]["next"];
    CHECK(std::any_of(endings.begin(), endings.end(),
                      [&](const auto& e) { return e["id"] == last; }));
    CHECK(endings[0]["kind"] == "repaired");
    CHECK(endings[1]["kind"] == "open");
    CHECK(endings[2]["kind"] == "ruptured");
    CHECK(story["start"] == scenes[0]["id"]);
    CHECK(generate_story({40, 8}) != story);
    CHECK(generate_story({1, 1})["scenes"].size() + generate_story({1, 1})["endings"].size() == 4);
    // Every move is a real one toward a character of the story, never neutral.
    for (const auto& scene : scenes) {
        for (const auto& choice : scene["choices"]) {
            CHECK(choice["moves"][0]["move"] != "neutral");
            CHECK((choice["moves"][0]["to"] == "sam" || choice["moves"][0]["to"] == "alex"));
        }
    }
    CHECK(load_story_text("g.json", story.dump()));
}

TEST_CASE("generate: the story passes its own random check, repaired endings included") {
    for (const std::uint64_t seed : {1u, 2u, 3u}) {
        CAPTURE(seed);
        Result<std::shared_ptr<const Story>> loaded =
            load_story_text("big.json", generate_story({600, seed}).dump());
        REQUIRE(loaded);
        PlaytestOptions options;
        options.runs = 3000;
        const PlaytestReport report = playtest_story(*loaded, test::params(), options);
        CHECK(report.finished == options.runs);
        int repaired = 0;
        for (std::size_t e = 0; e < (*loaded)->endings.size(); ++e) {
            repaired +=
                (*loaded)->endings[e].kind == EndingKind::Repaired ? report.ending_runs[e] : 0;
        }
        CHECK(repaired > 0); // the repaired endings are still reached, only never with a rupture
        for (const Finding& finding : report.findings) {
            CAPTURE(finding.diagnostic.message);
            CHECK(finding.diagnostic.severity != Severity::Error);
        }
    }
}

TEST_CASE("generate: scenes of four lines of 25 words, choices of 8, as performance.md says") {
    auto word_count = [](const std::string& text) {
        std::size_t words = 0;
        bool in_word = false;
        for (const char ch : text) {
            words += ch != ' ' && !in_word ? 1 : 0;
            in_word = ch != ' ';
        }
        return words;
    };
    const nlohmann::ordered_json story = generate_story({60, 3});
    for (const auto& scene : story["scenes"]) {
        REQUIRE(scene["lines"].size() == 4);
        for (const auto& line : scene["lines"]) {
            const std::string text = line.is_object() ? line["text"] : line;
            CAPTURE(text);
            CHECK(text.ends_with("."));
            // A spoken line is its speaker's name and 24 words; the others open a sentence.
            const bool spoken = line.is_object() && line.contains("speaker");
            CHECK((spoken || std::isupper(static_cast<unsigned char>(text[0]))));
            CHECK(word_count(text) == 25);
        }
        for (const auto& choice : scene["choices"]) {
            CHECK(word_count(choice["text"]) == 8);
        }
    }
}

} // namespace attune

namespace attune {

TEST_CASE("generate: choices lead up to 30 scenes ahead, never back, as performance.md says") {
    const auto json = generate_story({1500, 1});
    int farthest = 0;
    for (std::size_t s = 0; s < json["scenes"].size(); ++s) {
        for (const auto& choice : json["scenes"][s]["choices"]) {
            const std::string next = choice["next"];
            if (next[0] != 's') {
                continue; // an ending
            }
            const int ahead = std::stoi(next.substr(1)) - static_cast<int>(s);
            CHECK(ahead >= 1);
            farthest = std::max(farthest, ahead);
        }
    }
    CHECK(farthest == 30);
}

} // namespace attune
