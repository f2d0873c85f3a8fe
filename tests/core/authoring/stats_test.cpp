// attune stats: what the author wrote and how long a playthrough takes.

#include "authoring/playtest.h"
#include "authoring/stats.h"
#include "support.h"

namespace attune {

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

} // namespace attune

namespace attune {

TEST_CASE("stats: words counted exactly, in lines, choices, reasons and endings") {
    CHECK(count_words("") == 0);
    CHECK(count_words("  one\ttwo\nthree  ") == 3);
    CHECK(count_words("don't-stop") == 1);
    const std::string text = R"({"id": "w", "title": "W", "version": "1", "summary": "s",
      "relationship": "friend", "minutes": 1, "age_band": "all", "author": "tests", "start": "a",
      "flags": ["f"],
      "characters": [{"id": "c", "name": "C", "pronouns": "they/them", "role": "friend",
                      "anxiety": 0.3, "avoidance": 0.3, "safety": 50, "distance": 50}],
      "scenes": [{"id": "a", "lines": ["One two three.", {"speaker": "c", "text": "Four five."}],
        "choices": [
          {"id": "go", "text": "Go on now.", "moves": [{"move": "ask", "to": "c"}], "next": "b"},
          {"id": "no", "text": "No.", "moves": [{"move": "blame", "to": "c"}, {"move": "ask", "to": "c"}],
           "if": "flag.f", "when_unavailable": "show", "reason": "Not yet, not now.", "next": "b"}]},
        {"id": "b", "lines": ["Six."],
         "choices": [{"id": "end", "text": "End it.", "moves": [{"move": "neutral", "to": "c"}], "next": "end"}]}],
      "endings": [{"id": "end", "kind": "ruptured", "title": "End", "lines": ["Bye now."],
                   "reflection": ["?"]}]})";
    const Result<std::shared_ptr<const Story>> loaded = load_story_text("w.json", text);
    REQUIRE(loaded);
    const StoryStats stats = story_stats(*loaded, test::params(), 50, 1);
    // 3 + 2 + 3 + 1 + 4 (lines, choices and the reason of scene a), 1 + 2 (scene b), 2.
    CHECK(stats.words == 18);
    CHECK(stats.scenes == 2);
    CHECK(stats.choices == 3);
    CHECK(stats.endings == 1);
    CHECK(stats.endings_by_kind[static_cast<int>(EndingKind::Ruptured)] == 1);
    CHECK(stats.endings_by_kind[static_cast<int>(EndingKind::Repaired)] == 0);
    CHECK(stats.moves[static_cast<int>(Move::Ask)] == 2);
    CHECK(stats.moves[static_cast<int>(Move::Blame)] == 1);
    CHECK(stats.moves_by_kind[static_cast<int>(MoveKind::Attuning)] == 2);
    CHECK(stats.moves_by_kind[static_cast<int>(MoveKind::Misattuning)] == 1);
    CHECK(stats.moves_by_kind[static_cast<int>(MoveKind::Neutral)] == 1);
    // Every playthrough is the same two choices: 5 + 3 words, 1 + 2 words, then 2.
    CHECK(stats.runs == 50);
    CHECK(stats.average_choices == 2);
    CHECK(stats.longest_choices == 2);
    CHECK(stats.average_words == 13);
    CHECK(stats.longest_words == 13);
    CHECK(play_minutes(400, 24) == doctest::Approx(4.0));
}

} // namespace attune
