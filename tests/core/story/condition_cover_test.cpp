#include "story/condition_cover.h"

#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

using attune::Expression;
using attune::ExpressionError;
using attune::one_condition_always_holds;
using attune::Slot;

// Parses each condition and binds every name (by its full spelling) to a slot of its own,
// the same slot wherever the name appears, as the story loader does.
bool always_one(const std::vector<std::string>& sources) {
    std::map<std::string, int> slots;
    std::vector<std::unique_ptr<Expression>> parsed;
    std::vector<const Expression*> conditions;
    for (const std::string& source : sources) {
        auto e = std::make_unique<Expression>();
        ExpressionError error;
        REQUIRE_MESSAGE(Expression::parse(source, *e, error), error.message);
        for (std::size_t i = 0; i < e->symbols().size(); ++i) {
            const auto& s = e->symbols()[i];
            const std::string name = s.scope + "." + s.name;
            const int index = slots.emplace(name, static_cast<int>(slots.size())).first->second;
            e->bind(i, Slot{1, index, 0});
        }
        conditions.push_back(e.get());
        parsed.push_back(std::move(e));
    }
    return one_condition_always_holds(conditions);
}

} // namespace

TEST_CASE("condition cover: a condition and its opposite leave the player a choice") {
    CHECK(
        always_one({"not nkem.rupture and not ingrid.rupture", "nkem.rupture or ingrid.rupture"}));
    CHECK(always_one({"flag.met", "not flag.met"}));
    CHECK(always_one({"sam.safety < 55", "sam.safety >= 55"}));
    CHECK(always_one({"55 > sam.safety", "55 <= sam.safety"})); // the number first
    CHECK(always_one({"visits(kitchen) == 2", "visits(kitchen) != 2"}));
    CHECK(always_one({"flag.a and flag.b", "not flag.a", "not flag.b"}));
    CHECK(always_one({"x < 10", "x >= 10 and x < 20", "x >= 20"}));
    CHECK(always_one({"1", "flag.a"})); // a choice that is always open
}

TEST_CASE("condition cover: a state that closes every choice is found") {
    CHECK_FALSE(always_one({"sam.safety < 55", "sam.safety > 55"}));   // at 55
    CHECK_FALSE(always_one({"sam.safety <= 54", "sam.safety >= 55"})); // between 54 and 55
    CHECK_FALSE(always_one({"flag.a", "flag.b"}));
    CHECK_FALSE(always_one({"flag.a and flag.b", "not flag.a"}));
    CHECK_FALSE(always_one({"visits(kitchen) == 2", "visits(kitchen) == 3"}));
    CHECK_FALSE(always_one({"x < 10", "x > 10 and x < 20", "x >= 20"}));
    CHECK_FALSE(always_one({"x < 0.5", "x > 0.5"}));
    CHECK_FALSE(always_one({"0"}));
}

TEST_CASE("condition cover: beyond plain comparisons it proves nothing, so the warning stays") {
    // Each pair covers every state, but the proof does not reach them.
    CHECK_FALSE(always_one({"x + y > 3", "x + y <= 3"})); // arithmetic
    CHECK_FALSE(always_one({"x < y", "x >= y"}));         // two names compared
    CHECK_FALSE(always_one({"-x > 3", "-x <= 3"}));       // a negated name
    CHECK_FALSE(always_one({"(x < 1) == 1", "x >= 1"}));  // a comparison of a comparison
    // Eight names with three trial values each are 6,561 cases, over the limit.
    CHECK_FALSE(always_one({"a or b or c or d or e or f or g or h",
                            "not a and not b and not c and not d and not e and not f and "
                            "not g and not h"}));
    // Seven names are 2,187 cases, within it.
    CHECK(always_one({"a or b or c or d or e or f or g",
                      "not a and not b and not c and not d and not e and not f and not g"}));
}

TEST_CASE("condition cover: a number written first is a threshold like one written last") {
    // At exactly 55 neither holds, however the comparisons are written.
    CHECK_FALSE(always_one({"55 > sam.safety", "sam.safety > 55"}));
    CHECK_FALSE(always_one({"55 < sam.safety", "55 > sam.safety"}));
    CHECK(always_one({"55 >= sam.safety", "sam.safety > 55"}));
}
