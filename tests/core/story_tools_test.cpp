// attune stats, graph, import/export and generate: the core behind them.

#include "../support.h"
#include "session.h"
#include "story_generator.h"
#include "story_graph.h"
#include "story_stats.h"
#include "twee.h"

#include <fstream>
#include <sstream>

namespace attune {

using test::read_text;

namespace {

nlohmann::json read_json(const std::filesystem::path& path) {
    return nlohmann::json::parse(read_text(path));
}

bool has_code(const std::vector<Diagnostic>& diagnostics, const std::string& code, int line = 0) {
    return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
        return d.code == code && (line == 0 || d.line == line);
    });
}

std::filesystem::path twee_dir() {
    return test::source_dir() / "tests" / "data" / "twee";
}

} // namespace

TEST_CASE("stats: counts what the author wrote and times random playthroughs") {
    const StoryStats stats = story_stats(test::late_bus(), test::params(), 200, 1);
    CHECK(stats.scenes == 3);
    CHECK(stats.choices == 6);
    CHECK(stats.endings == 2);
    CHECK(stats.endings_by_kind[static_cast<int>(EndingKind::Repaired)] == 1);
    CHECK(stats.characters == 1);
    CHECK(stats.moves[static_cast<int>(Move::Withdraw)] == 1);
    CHECK(stats.moves_by_kind[static_cast<int>(MoveKind::Attuning)] == 5);
    CHECK(stats.words > 80);
    CHECK(stats.average_choices >= 2);
    CHECK(stats.longest_choices == 3);
    CHECK(stats.longest_words >= stats.average_words);
    CHECK(play_minutes(200, 12) == doctest::Approx(2.0));
}

TEST_CASE(
    "graph: scenes, endings by kind, moves by colour, broken links and unreachable scenes in red") {
    nlohmann::json story =
        read_json(test::source_dir() / "tests" / "data" / "stories" / "late-bus.json");
    story["scenes"][1]["choices"][1]["next"] = "nowhere";
    story["scenes"].push_back({{"id", "island"}, {"choices", nlohmann::json::array()}});
    const StoryMap map = story_map(story);
    CHECK(map.scenes.size() == 4);
    CHECK_FALSE(map.scenes[3].reachable);
    const std::string dot = to_dot(map);
    CHECK(dot.rfind("digraph story {", 0) == 0);
    CHECK(dot.find("\"text\" -> \"quiet\" [label=\"its-fine\"") != std::string::npos);
    CHECK(dot.find("\"missing: nowhere\"") != std::string::npos);
    CHECK(dot.find("\"island\" [label=\"island\" color=\"#d32f2f\"") != std::string::npos);
    CHECK(dot.find("\"together\" [shape=octagon style=filled fillcolor=\"#c8e6c9\"") !=
          std::string::npos);
    CHECK(dot.find("color=\"#ef6c00\"") != std::string::npos); // misattuning
    CHECK(dot.find("color=\"#2e7d32\"") != std::string::npos); // attuning
    CHECK(to_dot(story_map(nlohmann::json::array())).find("digraph") ==
          0); // not a story: still no crash
}

TEST_CASE("twee: export then import gives back every bundled story exactly") {
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "stories")) {
        if (entry.path().extension() != ".json" || entry.path().filename() == "schema.json" ||
            !load_story_file(entry.path().string()).story) {
            continue;
        }
        CAPTURE(entry.path().string());
        const nlohmann::json original = read_json(entry.path());
        const TweeExport exported = export_twee(entry.path().string(), original);
        const TweeImport imported = import_twee("exported.twee", exported.twee);
        CHECK_FALSE(has_errors(imported.diagnostics));
        CHECK(nlohmann::json::parse(imported.story.dump()) == original);
    }
}

TEST_CASE("twee: the sample story imports, loads and plays to its ending") {
    const TweeImport imported =
        import_twee("lighthouse.twee", read_text(twee_dir() / "the-lighthouse-keepers.twee"));
    CHECK_FALSE(has_errors(imported.diagnostics));
    CHECK(has_code(imported.diagnostics, "twee-macro", 32)); // (set: ...) kept as text, and said so
    LoadResult loaded = load_story_text("lighthouse.json", imported.story.dump());
    for (const Diagnostic& d : loaded.diagnostics) {
        INFO(format(d));
        CHECK(d.severity != Severity::Error);
    }
    REQUIRE(loaded.story);
    const Story& story = *loaded.story;
    CHECK(story.info.title == "The Lighthouse Keepers");
    CHECK(story.scenes[story.start].id == "the-lamp-room");
    CHECK(story.scenes[story.start].title == "The Lamp Room");
    const Scene& lamp = story.scenes[story.start];
    REQUIRE(lamp.choices.size() == 3);
    CHECK(lamp.choices[0].moves[0].move == Move::Ask);
    CHECK(lamp.choices[1].id == "blame");
    CHECK(lamp.choices[2].moves[0].move == Move::TurnAway); // from the target passage's tag
    CHECK(lamp.choices[2].text.source == "Take the matches from her and do it yourself.");
    CHECK(lamp.lines[1].speaker == 0);
    CHECK(lamp.lines[2].text.source == "(set: $tired to true)");
    const Scene& blame = story.scenes[story.find_scene("blame")];
    CHECK(story.endings[blame.choices[1].next.index].id == "dawn"); // [[Dawn<-Leave her to it.]]
    CHECK(story.endings[0].kind == EndingKind::Open);
    Session session(loaded.story, test::params(), 1);
    REQUIRE(session.choose(0));
    REQUIRE(session.choose(0));
    CHECK(session.is_finished());
}

TEST_CASE("twee: broken files give located errors and never crash") {
    const TweeImport link =
        import_twee("broken-link.twee", read_text(twee_dir() / "broken-link.twee"));
    CHECK(has_code(link.diagnostics, "twee-unknown-passage", 6));
    const TweeImport header =
        import_twee("broken-header.twee", read_text(twee_dir() / "broken-header.twee"));
    CHECK(has_code(header.diagnostics, "twee-bad-header", 1));
    CHECK(has_code(header.diagnostics, "twee-unknown-move", 3));
    CHECK(has_code(header.diagnostics, "twee-bad-ending", 5));
    const TweeImport note =
        import_twee("broken-annotation.twee", read_text(twee_dir() / "broken-annotation.twee"));
    CHECK(has_code(note.diagnostics, "twee-bad-link", 4));
    CHECK(has_code(note.diagnostics, "twee-bad-annotation", 3));
    CHECK(has_code(note.diagnostics, "twee-bad-annotation", 7));
    std::uint64_t x = 99;
    for (int i = 0; i < 200; ++i) {
        std::string bytes;
        for (int b = 0; b < i * 7; ++b) {
            x = x * 6364136223846793005ull + 1442695040888963407ull;
            bytes += ":: [[]]{}<>-!|\n@#abc \\\"x"[x >> 59];
        }
        const TweeImport garbage = import_twee("garbage.twee", bytes);
        CHECK(garbage.story.is_object());
    }
}

TEST_CASE("generate: the benchmark story has the shape the issue asks for") {
    const auto json = generate_story({1500, 1});
    CHECK(generate_story({1500, 1}) == json);
    LoadResult loaded = load_story_text("big.json", json.dump());
    REQUIRE(loaded.story);
    CHECK_FALSE(has_errors(loaded.diagnostics));
    const Story& story = *loaded.story;
    CHECK(story.scenes.size() + story.endings.size() == 1500);
    CHECK(story.endings.size() == 30);
    const StoryStats stats = story_stats(loaded.story, test::params(), 300, 1);
    CHECK(stats.words > 140000);
    CHECK(stats.average_choices > 25);
    CHECK(stats.average_choices < 40);
    for (const Scene& scene : story.scenes) {
        CHECK(scene.choices.size() == 3);
    }
}

} // namespace attune
