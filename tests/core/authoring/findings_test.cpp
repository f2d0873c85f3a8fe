// Findings shared by the author tools: moves that never change anything.

#include "findings_support.h"

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
