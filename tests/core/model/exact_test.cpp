// The model's formulas, one rule at a time, pinned to the numbers in assets/model.json.
// Every expectation is computed from the loaded parameters, never written out: retuning the
// file moves the figures and these tests follow, but a sign flipped, an operand dropped or
// a filter skipped in the code is caught. The regularity tests bound behaviour; these pin it.

#include "model_support.h"

#include <vector>

using namespace attune;
using namespace attune::model;
using namespace attune::model::test;

namespace {

struct Applied {
    State state;
    Outcome outcome;
};

/// One move made toward `state`'s character, as play makes it.
Applied apply(State state, const Profile& who, Move move, std::vector<Move> together = {}) {
    Random random{1};
    Outcome outcome;
    apply_move(params(), who, 0, state, move, together, random, outcome);
    REQUIRE(!outcome.causes.empty());
    return {state, outcome};
}

double weight(Move move) {
    return params().moves[static_cast<int>(move)].safety;
}

} // namespace

TEST_CASE("model exact: a small gain is not weighed as a loss") {
    // Secure (no attachment gain), calm, neutral override: a positive weight lands as it is.
    const Profile secure = start(0, 0);
    for (const Move move : {Move::SetBoundary, Move::TakeBreak, Move::SelfSoothe, Move::Validate}) {
        CAPTURE(move_name(move));
        REQUIRE(weight(move) > 0);
        const Applied a = apply(initial_state(params(), secure), secure, move);
        CHECK(a.outcome.causes[0].d_safety == doctest::Approx(weight(move)));
    }
    // A loss is weighed by the negativity bias.
    const Applied hurt = apply(initial_state(params(), secure), secure, Move::Dismiss);
    CHECK(hurt.outcome.causes[0].d_safety ==
          doctest::Approx(weight(Move::Dismiss) * params().negativity_bias));
}

TEST_CASE("model exact: positive override amplifies gains and cushions losses") {
    const Params& p = params();
    const Profile secure = start(0, 0);
    State warm = initial_state(p, secure);
    warm.override = Override::Positive;

    const Applied gain = apply(warm, secure, Move::Validate);
    CHECK(gain.outcome.causes[0].d_safety ==
          doctest::Approx(weight(Move::Validate) * p.override_positive_gain));
    CHECK(gain.outcome.causes[0].rule == "validate");

    const Applied loss = apply(warm, secure, Move::Dismiss);
    CHECK(loss.outcome.causes[0].d_safety ==
          doctest::Approx(weight(Move::Dismiss) * p.override_positive_cushion * p.negativity_bias));
    CHECK(loss.outcome.causes[0].rule == "positive_override_cushions");
}

TEST_CASE("model exact: negative override discounts gains and stings losses") {
    const Params& p = params();
    const Profile secure = start(0, 0);
    State cold = initial_state(p, secure);
    cold.override = Override::Negative;

    const Applied gain = apply(cold, secure, Move::Validate);
    CHECK(gain.outcome.causes[0].d_safety ==
          doctest::Approx(weight(Move::Validate) * p.override_negative_discount));
    CHECK(gain.outcome.causes[0].rule == "negative_override_discounts");

    const Applied loss = apply(cold, secure, Move::Dismiss);
    CHECK(loss.outcome.causes[0].d_safety ==
          doctest::Approx(weight(Move::Dismiss) * p.override_negative_sting * p.negativity_bias));
    CHECK(loss.outcome.causes[0].rule == "dismiss");

    // Neutral override changes nothing.
    const Applied plain = apply(initial_state(p, secure), secure, Move::Validate);
    CHECK(plain.outcome.causes[0].d_safety == doctest::Approx(weight(Move::Validate)));
}

TEST_CASE("model exact: an ambiguous move is read as hostile under negative override") {
    const Params& p = params();
    const Profile who = start(0.3, 0.3);
    const double read = -0.3 * 0.3 * p.ambiguity_hurt; // anxiety squared: secure people shrug

    const Applied calm = apply(initial_state(p, who), who, Move::Neutral);
    CHECK(calm.outcome.causes[0].d_safety == doctest::Approx(read * p.negativity_bias));

    State cold = initial_state(p, who);
    cold.override = Override::Negative;
    const Applied hostile = apply(cold, who, Move::Neutral);
    CHECK(hostile.outcome.causes[0].rule == "neutral_read_as_hostile");
    CHECK(hostile.outcome.causes[0].d_safety ==
          doctest::Approx((read - p.override_negative_neutral_hurt) * p.override_negative_sting *
                          p.negativity_bias));
}

TEST_CASE("model exact: after a repair, safety stays below where it was by a shrinking gap") {
    const Params& p = params();
    REQUIRE(p.carryover_steps > 0);
    const Profile secure = start(0, 0);
    State after = initial_state(p, secure);
    after.pre_rupture_safety = 60;
    after.safety = 58;

    // One step of carry-over left: the gap is a third of the full gap (with three steps).
    after.carryover_left = 1;
    const double gap_one = p.carryover_gap / p.carryover_steps;
    REQUIRE(58 + weight(Move::Validate) > 60 - gap_one);
    Applied a = apply(after, secure, Move::Validate);
    CHECK(a.state.safety == doctest::Approx(60 - gap_one));
    REQUIRE(a.outcome.causes.size() >= 2);
    CHECK(a.outcome.causes[1].rule == "still_face_carryover");
    CHECK(a.state.carryover_left == 0);

    // The whole gap while every step is left; a trust ceiling above the capped safety but
    // below where it was before does not hide the carry-over.
    after.carryover_left = static_cast<int>(p.carryover_steps);
    after.safety = 55;
    after.trust_ceiling = 60 + p.carryover_gap / 2;
    a = apply(after, secure, Move::Validate);
    CHECK(a.state.safety == doctest::Approx(60 - p.carryover_gap));
    REQUIRE(a.outcome.causes.size() >= 2);
    CHECK(a.outcome.causes[1].rule == "still_face_carryover");
    CHECK(a.state.carryover_left == static_cast<int>(p.carryover_steps) - 1);

    // A trust ceiling lower still is the cap that holds, and says so.
    after.trust_ceiling = 60 - p.carryover_gap - 1;
    a = apply(after, secure, Move::Validate);
    CHECK(a.state.safety == doctest::Approx(after.trust_ceiling));
    REQUIRE(a.outcome.causes.size() >= 2);
    CHECK(a.outcome.causes[1].rule == "trust_ceiling");
}
