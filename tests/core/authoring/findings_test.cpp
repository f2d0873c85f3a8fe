// Findings shared by the author tools: moves that never change anything.

#include "findings_support.h"

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace attune {

using test::find_code;
using test::fixture;
using test::replay;

TEST_CASE("moves that never change anything are reported; moves that do are not") {
    const auto story = test::late_bus();
    MoveEffectTracker tracker(*story);
    model::Outcome nothing;
    tracker.note(0, 0, nothing);
    model::Outcome moved;
    moved.causes.push_back({0, Move::Disclose, "rule", 1, 0, 0}); // Ren, by index
    tracker.note(0, 1, moved);
    std::vector<Finding> findings;
    tracker.report(findings);
    REQUIRE(findings.size() == 2); // its-fine's minimize, and name-it's reassure
    CHECK(findings[0].diagnostic.pointer == "/scenes/0/choices/0/moves/0");
    CHECK(findings[1].diagnostic.pointer == "/scenes/0/choices/1/moves/1");
    CHECK(findings[0].diagnostic.code == "inert-move");
}

} // namespace attune

namespace attune {

namespace {

constexpr int ren = 0;     // late-bus's one character
constexpr int someone = 1; // a character the choices do not aim at

model::Cause cause(int who, Move move, double d_safety, double d_distance = 0,
                   double d_arousal = 0) {
    model::Cause c;
    c.character = who;
    c.move = move;
    c.d_safety = d_safety;
    c.d_distance = d_distance;
    c.d_arousal = d_arousal;
    return c;
}

std::vector<std::string> inert_after(const std::vector<model::Outcome>& outcomes) {
    // late-bus scene 0: its-fine (minimize@ren), name-it (disclose@ren, reassure@ren).
    const auto story = test::late_bus(); // the tracker keeps a reference
    MoveEffectTracker tracker(*story);
    tracker.note(0, 0, {});
    for (const model::Outcome& o : outcomes) {
        tracker.note(0, 1, o);
    }
    std::vector<Finding> findings;
    tracker.report(findings);
    std::vector<std::string> out;
    for (const Finding& f : findings) {
        out.push_back(f.diagnostic.pointer);
    }
    return out;
}

} // namespace

TEST_CASE("a move counts as changing something only for its own target, or the player") {
    const std::string minimize = "/scenes/0/choices/0/moves/0";
    const std::string disclose = "/scenes/0/choices/1/moves/0";
    const std::string reassure = "/scenes/0/choices/1/moves/1";
    CHECK(inert_after({model::Outcome{}}) ==
          std::vector<std::string>{minimize, disclose, reassure});
    CHECK(inert_after({}) == std::vector<std::string>{minimize}); // name-it never taken
    model::Outcome o;
    o.causes = {cause(ren, Move::Reassure, 0, 0, -2)}; // any of the three numbers counts
    CHECK(inert_after({o}) == std::vector<std::string>{minimize, disclose});
    o.causes = {cause(ren, Move::Reassure, 0, 0.5)};
    CHECK(inert_after({o}) == std::vector<std::string>{minimize, disclose});
    o.causes = {cause(model::the_player, Move::Disclose, 0, 0, -1)}; // the player calmed by it
    CHECK(inert_after({o}) == std::vector<std::string>{minimize, reassure});
    o.causes = {cause(someone, Move::Disclose, 5)}; // another character
    CHECK(inert_after({o}) == std::vector<std::string>{minimize, disclose, reassure});
    o.causes = {cause(ren, Move::Disclose, 1e-12)}; // too small to be a change
    CHECK(inert_after({o}) == std::vector<std::string>{minimize, disclose, reassure});
    o.causes = {cause(ren, Move::Validate, 5)}; // a move the choice does not make
    CHECK(inert_after({o}) == std::vector<std::string>{minimize, disclose, reassure});
    o.causes.clear();
    model::Event rupture;
    rupture.kind = model::EventKind::Rupture;
    rupture.character = ren;
    rupture.move = Move::Disclose;
    o.events = {rupture};
    CHECK(inert_after({o}) == std::vector<std::string>{minimize, reassure});
    // Once changed, always changed: a later quiet playthrough does not undo it.
    model::Outcome changed;
    changed.causes = {cause(ren, Move::Disclose, 3)};
    CHECK(inert_after({changed, {}}) == std::vector<std::string>{minimize, reassure});
}

TEST_CASE("a choice never taken has no inert moves, and neutral moves never count") {
    const auto story = test::late_bus();
    MoveEffectTracker tracker(*story);
    std::vector<Finding> findings;
    tracker.report(findings);
    CHECK(findings.empty());
    const Finding& f = [&]() -> const Finding& {
        tracker.note(1, 1, {});
        tracker.report(findings);
        return findings.at(0);
    }();
    CHECK(f.diagnostic.severity == Severity::Warning);
    CHECK(f.diagnostic.message ==
          "the move 'withdraw' of choice 'leave-it' in scene 'quiet' never changed anything in "
          "any playthrough tried");
}

} // namespace attune

namespace attune {

TEST_CASE("findings: each is located by its own pointer; one with none keeps no place") {
    const std::filesystem::path file =
        std::filesystem::temp_directory_path() / ("attune-findings-" + std::to_string(getpid()));
    {
        std::ofstream out(file);
        out << "{\n  \"scenes\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\", \"choices\": [1]}\n"
               "  ],\n  \"endings\": [{\"id\": \"e\"}]\n}\n";
    }
    Story story; // no bytes of its own: its file is read
    story.file = file.string();
    const std::vector<TextPosition> at =
        locate_in_story(story, {"/scenes/1/choices/0", "", "/endings/0/kind", "/scenes/0"});
    REQUIRE(at.size() == 4);
    CHECK(std::pair{at[0].line, at[0].column} == std::pair{4, 29});
    CHECK(std::pair{at[1].line, at[1].column} == std::pair{0, 0});
    CHECK(std::pair{at[2].line, at[2].column} == std::pair{6, 15}); // no "kind": the ending
    CHECK(std::pair{at[3].line, at[3].column} == std::pair{3, 5});
    std::filesystem::remove(file);

    // A file that cannot be read: no place in it.
    const std::vector<TextPosition> unread = locate_in_story(story, {"/scenes/0"});
    REQUIRE(unread.size() == 1);
    CHECK(unread[0].line == 0);
    CHECK(unread[0].column == 0);
}

TEST_CASE("findings: the command that replays a finding, and the pointers findings use") {
    Finding f;
    f.seed = 42;
    CHECK(reproduce_command("s.json", f) == "attune text s.json --seed 42 --choices \"\"");
    f.choices = {3, 1, 12};
    CHECK(reproduce_command("s.json", f) == "attune text s.json --seed 42 --choices 3,1,12");
    CHECK(choice_list({}) == "");
    CHECK(choice_list({7}) == "7");
    CHECK(scene_pointer(0) == "/scenes/0");
    CHECK(choice_pointer(2, 10) == "/scenes/2/choices/10");
    CHECK(ending_pointer(5) == "/endings/5");
}

TEST_CASE("findings: a repaired ending reached with ruptures open names each character open") {
    const auto story =
        test::story(test::source_dir() / "tests/data/stories/the-group-project.json");
    std::vector<model::State> characters(2);
    CHECK_FALSE(any_rupture_open(characters));
    characters[1].rupture_open = true;
    CHECK(any_rupture_open(characters));
    Finding f = ending_mismatch(*story, 1, characters);
    CHECK(f.diagnostic.code == "ending-kind-mismatch");
    CHECK(f.diagnostic.severity == Severity::Error);
    CHECK(f.diagnostic.pointer == "/endings/1/kind");
    CHECK(f.diagnostic.file == story->file);
    CHECK(
        f.diagnostic.message ==
        "ending 'wednesday' is 'repaired' but it can be reached with a rupture still open (Theo)");
    characters[0].rupture_open = true;
    f = ending_mismatch(*story, 2, characters);
    CHECK(f.diagnostic.pointer == "/endings/2/kind");
    CHECK(f.diagnostic.message.ends_with("with a rupture still open (Maya, Theo)"));
    characters[1].rupture_open = false;
    CHECK(any_rupture_open(characters));
    CHECK(ending_mismatch(*story, 0, characters).diagnostic.message.ends_with("open (Maya)"));
}

} // namespace attune
