// The thirteen regularities of issue 3, each run through simulate() (the code path of
// `attune sim`) from the starting point: safety 50, distance 50, arousal at rest,
// anxiety 0.3, avoidance 0.3. Each asserts a direction and a size.

#include "model/sentences.h"
#include "model_support.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

using namespace attune;
using namespace attune::model;
using namespace attune::model::test;

namespace {

bool has_rule(const SimRow& row, std::string_view rule) {
    return std::any_of(row.outcome.causes.begin(), row.outcome.causes.end(),
                       [&](const Cause& c) { return c.rule == rule; });
}

bool has_event(const SimRow& row, EventKind kind) {
    return std::any_of(row.outcome.events.begin(), row.outcome.events.end(),
                       [&](const Event& e) { return e.kind == kind; });
}

/// Apologies needed after `prefix` to close the rupture it left open (0 = never, within 6).
int apologies_to_repair(const Profile& profile, const std::string& prefix) {
    for (int n = 1; n <= 6; ++n) {
        const std::vector<SimRow> rows = run(profile, prefix + "," + repeat("apologize", n));
        if (has_event(rows.back().move == "end" ? rows[rows.size() - 2] : rows.back(),
                      EventKind::Repair)) {
            return n;
        }
    }
    return 0;
}

void check_bounded(const State& s, const Params& p) {
    for (double v : {s.safety, s.distance, s.arousal, s.window_low, s.window_high,
                     s.positive_ledger, s.negative_ledger, s.repair_confidence, s.trust_ceiling,
                     s.pre_rupture_safety, s.repair_progress}) {
        REQUIRE(std::isfinite(v));
    }
    CHECK(s.safety >= 0);
    CHECK(s.safety <= s.trust_ceiling);
    CHECK(s.distance >= 0);
    CHECK(s.distance <= 100);
    CHECK(s.arousal >= 0);
    CHECK(s.arousal <= 100);
    CHECK(s.window_low < s.window_high);
    CHECK(s.trust_ceiling >= p.deception_ceiling_floor);
    CHECK(s.trust_ceiling <= 100);
    CHECK(s.repair_confidence >= 0);
    CHECK(s.repair_confidence <= p.repair_confidence_max);
    CHECK(s.bids_answered <= s.bids_made);
}

/// A random profile, including hostile values a bad story or command line could pass.
Profile random_profile(Random& r) {
    Profile p = start(r.unit(), r.unit());
    p.safety = r.unit() * 100;
    p.distance = r.unit() * 100;
    p.arousal = r.unit() * 100;
    switch (r.below(8)) {
    case 0:
        p.safety = NAN;
        p.anxiety = 1;
        p.avoidance = 1;
        break;
    case 1:
        p.safety = 1e9;
        p.distance = -1e9;
        p.arousal = INFINITY;
        break;
    case 2:
        p.anxiety = NAN;
        break;
    case 3:
        p.window_low = 90; // an authored window upside down and away from rest
        p.window_high = 5;
        break;
    default:
        break;
    }
    return p;
}

std::vector<SimStep> random_steps(Random& r, int count) {
    std::vector<SimStep> steps;
    for (int i = 0; i < count; ++i) {
        steps.push_back({static_cast<Move>(r.below(move_count)), r.below(6) == 0});
    }
    return steps;
}

} // namespace

TEST_CASE("model 1: every value stays bounded and finite over random sequences") {
    Random r{2024};
    for (int run_index = 0; run_index < 300; ++run_index) {
        const Profile profile = random_profile(r);
        const std::vector<SimRow> rows = simulate(params(), profile, random_steps(r, 80), r.next());
        for (const SimRow& row : rows) {
            check_bounded(row.state, params());
            REQUIRE(std::isfinite(row.player.arousal));
            CHECK(row.player.arousal >= 0);
            CHECK(row.player.arousal <= 100);
            for (const Cause& c : row.outcome.causes) {
                REQUIRE(std::isfinite(c.d_safety));
                REQUIRE(std::isfinite(c.d_distance));
                REQUIRE(std::isfinite(c.d_arousal));
            }
        }
    }
}

TEST_CASE("model 1: the same inputs and seed give identical rows") {
    Random r{77};
    for (int i = 0; i < 20; ++i) {
        const Profile profile = start(r.unit(), r.unit());
        const std::vector<SimStep> steps = random_steps(r, 60);
        const std::uint64_t seed = r.next();
        const std::vector<SimRow> a = simulate(params(), profile, steps, seed);
        const std::vector<SimRow> b = simulate(params(), profile, steps, seed);
        REQUIRE(a.size() == b.size());
        for (std::size_t k = 0; k < a.size(); ++k) {
            CHECK(a[k].state == b[k].state);
            CHECK(a[k].player == b[k].player);
            CHECK(a[k].reason == b[k].reason);
            CHECK(a[k].event == b[k].event);
        }
    }
}

TEST_CASE("model 2: one criticize lowers safety more than one validate raises it") {
    const double criticize = last_safety_change(start(), "criticize");
    const double validate = last_safety_change(start(), "validate");
    CHECK(validate > 0);
    CHECK(criticize < 0);
    // Bad is stronger than good: at least twice as strong, move for move.
    CHECK(-criticize >= 2 * validate);
}

TEST_CASE("model 3: a 5 to 1 mix holds safety, and a 1 to 1 mix lets it fall") {
    // 30 steps each, the same criticize in both.
    const std::string five_to_one =
        repeat("validate,reflect,empathize,appreciate,comfort,criticize", 5);
    const std::string one_to_one = repeat("validate,criticize", 15);
    const double after_five = final_safety(start(), five_to_one);
    const double after_one = final_safety(start(), one_to_one);
    CHECK(after_five >= 50);
    CHECK(after_one <= 50 - 20); // clearly below: at least 20 points lost
}

TEST_CASE("model 4: empathy before advice") {
    // Distressed: two criticisms first.
    const double validate = last_safety_change(start(), "criticize,criticize,validate");
    const double advise = last_safety_change(start(), "criticize,criticize,advise");
    CHECK(validate >= 1);
    CHECK(advise <= -2);
    const SimRow distressed = run(start(), "criticize,criticize,advise")[2];
    CHECK(has_rule(distressed, "advise_while_distressed"));
    CHECK(distressed.reason.find("you offered a fix while") != std::string::npos);
    // Calm: advice barely moves safety, far less than when distressed.
    const double calm = last_safety_change(start(), "advise");
    CHECK(std::abs(calm) <= 0.25 * std::abs(advise));
}

TEST_CASE("model 5: avoidance amplifies distance from pursuit") {
    auto distance_rise = [](double avoidance) {
        const std::vector<SimRow> rows = run(start(0.3, avoidance), "pursue,pursue,pursue");
        return rows[2].state.distance - 50;
    };
    const double high = distance_rise(0.9);
    const double low = distance_rise(0.1);
    CHECK(low > 0);
    CHECK(high >= 1.5 * low);
}

TEST_CASE("model 5: anxiety amplifies arousal and hurt from withdrawal") {
    auto after = [](double anxiety) { return run(start(anxiety, 0.3), "withdraw,withdraw")[1]; };
    const SimRow high = after(0.9);
    const SimRow low = after(0.1);
    const double rest = params().resting_arousal;
    CHECK(low.state.arousal > rest);
    CHECK(high.state.arousal - rest >= 1.5 * (low.state.arousal - rest));
    CHECK(50 - low.state.safety > 0);
    CHECK(50 - high.state.safety >= 1.5 * (50 - low.state.safety));
}

TEST_CASE("model 6: flooding blocks repair until someone regulates") {
    // Criticize until flooded.
    int criticisms = 0;
    std::string history;
    while (criticisms < 8) {
        history += (history.empty() ? "" : ",") + std::string("criticize");
        ++criticisms;
        if (is_flooded(moves_only(run(start(), history)).back().state)) {
            break;
        }
    }
    REQUIRE(criticisms <= 5); // enough negative moves flood: here at most five
    const double flooded = last_safety_change(start(), history + ",apologize");
    const double after_break =
        last_safety_change(start(), history + ",take_break,return,apologize");
    const double after_soothe =
        last_safety_change(start(), history + ",self_soothe,self_soothe,apologize");
    CHECK(flooded > 0);
    CHECK(after_break >= 2 * flooded);
    CHECK(after_soothe >= 2 * flooded);
    // Flooding ends after regulation.
    CHECK_FALSE(is_flooded(run(start(), history + ",take_break,return")[criticisms + 1].state));
    CHECK_FALSE(
        is_flooded(run(start(), history + ",self_soothe,self_soothe")[criticisms + 1].state));
}

TEST_CASE("model 7: the same apology restores more after a warm history than a cold one") {
    const std::string warm = repeat("validate,appreciate,turn_toward,comfort", 5) + ",criticize";
    const std::string cold = repeat("dismiss,neutral", 10);
    const std::vector<SimRow> warm_rows = run(start(), warm);
    const std::vector<SimRow> cold_rows = moves_only(run(start(), cold));
    REQUIRE(warm_rows.back().state.override == Override::Positive);
    REQUIRE(cold_rows.back().state.override == Override::Negative);
    const double after_warm = last_safety_change(start(), warm + ",apologize");
    const double after_cold = last_safety_change(start(), cold + ",apologize");
    CHECK(after_cold > 0);
    CHECK(after_warm >= 2 * after_cold);
}

TEST_CASE("model 7: leaving negative override takes more than entering it") {
    std::string history;
    int negatives = 0;
    while (negatives < 20) {
        history += (history.empty() ? "" : ",") + std::string("criticize");
        ++negatives;
        if (moves_only(run(start(), history)).back().state.override == Override::Negative) {
            break;
        }
    }
    REQUIRE(negatives < 20);
    int positives = 0;
    while (positives < 40) {
        history += ",validate";
        ++positives;
        if (moves_only(run(start(), history)).back().state.override != Override::Negative) {
            break;
        }
    }
    REQUIRE(positives < 40);
    CHECK(positives >= negatives + 2); // hysteresis: clearly more to leave than to enter
}

TEST_CASE("model 8: no snap-back after a repair, and repairs get easier") {
    // Contempt opens a rupture from safety 50; apologies repair it.
    const int first = apologies_to_repair(start(), "contempt");
    REQUIRE(first >= 1);
    const std::string repaired = "contempt," + repeat("apologize", first);
    // Two strong attuned moves follow, enough to pass the start if safety could snap back.
    const std::vector<SimRow> rows =
        run(start(), repaired + ",take_responsibility,take_responsibility");
    REQUIRE(has_event(rows[0], EventKind::Rupture));
    REQUIRE(has_event(rows[first], EventKind::Repair));
    const double before_rupture = 50;
    // The repair step and the two attuned steps after it all stay below the start...
    for (int k = first; k <= first + 2; ++k) {
        CHECK(rows[k].state.safety < before_rupture);
    }
    // ...and still rise: carry-over slows recovery, it does not stop it.
    CHECK(rows[first + 2].state.safety > rows[first].state.safety);
    // A later rupture of a different kind closes with fewer apologies than the first,
    // and fewer than the same rupture needs in a relationship with no repairs behind it.
    const std::string later = repaired + ",validate,validate,neutral,neutral,neutral,neutral,blame";
    const int second = apologies_to_repair(start(), later);
    const int fresh = apologies_to_repair(start(), "blame");
    REQUIRE(second >= 1);
    CHECK(second < first);
    CHECK(second < fresh);
}

TEST_CASE("model 9: the same rupture soon after a repair makes the next apology weaker") {
    const int first = apologies_to_repair(start(), "contempt");
    REQUIRE(first >= 1);
    const std::string repaired = "contempt," + repeat("apologize", first);
    const double first_apology = last_safety_change(start(), "contempt,apologize");
    const double second_apology = last_safety_change(start(), repaired + ",contempt,apologize");
    // A different kind of rupture in the same window is not a double deviation.
    const double other_kind = last_safety_change(start(), repaired + ",blame,apologize");
    CHECK(second_apology > 0);
    CHECK(second_apology <= 0.6 * first_apology);
    CHECK(second_apology <= 0.6 * other_kind);
}

TEST_CASE("model 10: after deception, trust has a ceiling") {
    const std::string warmth = repeat("validate,appreciate,comfort", 10);
    auto highest = [](const std::vector<SimRow>& rows) {
        double best = 0;
        for (const SimRow& row : rows) {
            best = std::max(best, row.state.safety);
        }
        return best;
    };
    const double with_deception = highest(run(start(), "deceive," + warmth));
    const double without = highest(run(start(), "neutral," + warmth));
    CHECK(with_deception <= without - 10);
    CHECK(with_deception <= 100 - params().deception_ceiling_drop);
}

TEST_CASE("model 11: disorganized attachment approaches and withdraws, reproducibly") {
    const Profile disorganized = start(0.9, 0.9);
    const std::string asks = repeat("ask", 12);
    auto pattern = [&](std::uint64_t seed) {
        std::string out;
        for (const SimRow& row : run(disorganized, asks, seed)) {
            out += has_rule(row, "disorganized_withdraw") ? 'W' : 'A';
        }
        return out;
    };
    const std::string seven = pattern(7);
    CHECK(std::count(seven.begin(), seven.end(), 'W') >= 2);
    CHECK(std::count(seven.begin(), seven.end(), 'A') >= 2);
    // The same move: distance rose on some steps and fell on others.
    const std::vector<SimRow> rows = run(disorganized, asks, 7);
    int rose = 0;
    int fell = 0;
    for (std::size_t k = 1; k < rows.size(); ++k) {
        rose += rows[k].state.distance > rows[k - 1].state.distance ? 1 : 0;
        fell += rows[k].state.distance < rows[k - 1].state.distance ? 1 : 0;
    }
    CHECK(rose >= 2);
    CHECK(fell >= 2);
    CHECK(pattern(7) == seven);
    CHECK(pattern(8) != seven);
    // A secure-leaning character never oscillates, whatever the seed.
    for (const SimRow& row : run(start(), asks, 7)) {
        CHECK_FALSE(has_rule(row, "disorganized_withdraw"));
        CHECK_FALSE(has_rule(row, "disorganized_approach"));
    }
}

TEST_CASE("model 12: ruptures and repairs carry a cause, and an open rupture is reported") {
    Profile sam = start();
    sam.subject = "she";
    sam.object = "her";
    sam.possessive = "her";
    sam.plural_verbs = false;
    const std::vector<SimRow> rows =
        run(sam, "contempt,apologize,apologize,apologize,validate,neutral,turn_against,neutral");
    int ruptures = 0;
    int repairs = 0;
    for (const SimRow& row : rows) {
        for (const Event& e : row.outcome.events) {
            ruptures += e.kind == EventKind::Rupture ? 1 : 0;
            repairs += e.kind == EventKind::Repair ? 1 : 0;
            CHECK(e.character == 0); // simulations run character 0
            const std::string sentence = event_sentence(e, sam);
            CHECK(sentence.find("Sam") == 0);
            CHECK(sentence.back() == '.');
        }
    }
    CHECK(ruptures == 2);
    CHECK(repairs == 1);
    // turn_against was never repaired: the end of the scene says so.
    REQUIRE(rows.back().move == "end");
    CHECK(rows.back().event == "rupture_open");
    CHECK(rows.back().reason == "Sam is still hurt after the irritation: it hasn't been "
                                "repaired yet.");
    Outcome outcome;
    end_scene(3, rows.back().state, outcome);
    REQUIRE(outcome.events.size() == 1);
    CHECK(outcome.events[0].kind == EventKind::RuptureOpen);
    CHECK(outcome.events[0].character == 3);
    CHECK(outcome.events[0].move == Move::TurnAgainst);
    // No rupture open, nothing to report.
    Outcome none;
    end_scene(0, initial_state(params(), sam), none);
    CHECK(none.events.empty());
}

TEST_CASE("model 13: a flooded player cannot reach for listening moves until they regulate") {
    const std::vector<SimRow> rows =
        run(start(), "@contempt,@contempt,validate,neutral,validate,self_soothe,validate");
    CHECK(is_player_flooded(rows[1].player));
    CHECK(rows[2].event == "blocked");
    CHECK(rows[2].reason == "You're too flooded to really listen. Take a breath first.");
    CHECK(rows[2].state.step == rows[1].state.step); // the blocked move was not applied
    CHECK(rows[2].state.safety == rows[1].state.safety);
    CHECK(rows[4].event == "blocked"); // still blocked: time alone was not enough
    CHECK_FALSE(is_player_flooded(rows[5].player));
    CHECK(rows[6].event.empty());
    CHECK(rows[6].state.safety > rows[5].state.safety);

    PlayerState player = initial_player_state(params());
    Outcome outcome;
    apply_to_player(params(), player, Move::Contempt, outcome);
    settle_player(params(), player);
    apply_to_player(params(), player, Move::Contempt, outcome);
    REQUIRE(is_player_flooded(player));
    for (Move m : {Move::Validate, Move::Reflect, Move::Empathize, Move::Ask, Move::TurnToward,
                   Move::Comfort, Move::Reassure}) {
        CHECK(is_blocked(player, m));
    }
    CHECK_FALSE(is_blocked(player, Move::SelfSoothe));
    CHECK_FALSE(is_blocked(player, Move::TakeBreak));
    apply_to_player(params(), player, Move::SelfSoothe, outcome);
    CHECK_FALSE(is_blocked(player, Move::Validate));
}

TEST_CASE("model 20: harsh words stir up the speaker too (R20)") {
    // A character's own criticism, then the player's advice: not "calm enough to think".
    const std::vector<SimRow> rows = run(start(), "@criticize,advise");
    CHECK(rows[0].state.arousal > 35); // even after a moment's settling
    CHECK(last_safety_change(start(), "@criticize,advise") <
          last_safety_change(start(), "advise") - 2);
    // A warm line does not stir the speaker.
    CHECK(run(start(), "@appreciate")[0].state.arousal == doctest::Approx(20));
}
