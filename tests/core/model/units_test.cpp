// The model's small rules, each on its own: which moves regulate, repair or are blocked
// while flooded; the starting state; the player's arousal; the plain-word description.

#include "model/sentences.h"
#include "model/state_json.h"

#include "model_support.h"
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace attune::model {

using test::params;

TEST_CASE("model units: self-regulation, repair and listening moves, exactly") {
    for (int i = 0; i < move_count; ++i) {
        const Move move = static_cast<Move>(i);
        CAPTURE(move_name(move));
        CHECK(is_self_regulation(move) ==
              (move == Move::SelfSoothe || move == Move::TakeBreak || move == Move::Return));
        CHECK(is_repair_move(move) == (move == Move::Apologize || move == Move::Repair ||
                                       move == Move::TakeResponsibility || move == Move::Humor));
        const bool listening = move == Move::Validate || move == Move::Reflect ||
                               move == Move::Empathize || move == Move::Ask ||
                               move == Move::TurnToward || move == Move::Comfort ||
                               move == Move::Reassure;
        PlayerState calm = initial_player_state(params());
        PlayerState flooded = calm;
        flooded.arousal = flooded.window_high + 1;
        CHECK_FALSE(is_blocked(calm, move));
        CHECK(is_blocked(flooded, move) == listening);
    }
}

TEST_CASE("model units: flooded and shut down are strict, at the window's edges") {
    State s;
    s.window_low = 10;
    s.window_high = 70;
    s.arousal = 70;
    CHECK_FALSE(is_flooded(s));
    s.arousal = 70.5;
    CHECK(is_flooded(s));
    s.arousal = 10;
    CHECK_FALSE(is_shut_down(s));
    s.arousal = 9.5;
    CHECK(is_shut_down(s));
    PlayerState p;
    p.window_high = 70;
    p.arousal = 70;
    CHECK_FALSE(is_player_flooded(p));
    p.arousal = 71;
    CHECK(is_player_flooded(p));
}

TEST_CASE("model units: disorganized attachment needs both dimensions at the threshold") {
    const double t = params().disorganized_threshold;
    CHECK(is_disorganized(params(), test::start(t, t)));
    CHECK_FALSE(is_disorganized(params(), test::start(t - 0.01, t)));
    CHECK_FALSE(is_disorganized(params(), test::start(t, t - 0.01)));
    CHECK_FALSE(is_disorganized(params(), test::start(0.3, 0.3)));
}

TEST_CASE("model units: the starting state follows the profile, within bounds") {
    Profile profile = test::start();
    profile.safety = 63;
    profile.distance = 27;
    State s = initial_state(params(), profile);
    CHECK(s.safety == 63);
    CHECK(s.distance == 27);
    CHECK(s.pre_rupture_safety == 63);
    CHECK(s.arousal == params().resting_arousal);
    CHECK(s.resting_arousal == params().resting_arousal);
    CHECK_FALSE(s.rupture_open);
    CHECK(s.step == 0);

    profile.safety = 150;
    profile.distance = -20;
    s = initial_state(params(), profile);
    CHECK(s.safety == 100);
    CHECK(s.distance == 0);
    profile.safety = std::nan("");
    profile.distance = std::nan("");
    s = initial_state(params(), profile);
    CHECK(s.safety == 50);
    CHECK(s.distance == 50);

    profile = test::start();
    profile.arousal = 35;
    profile.window_low = 5;
    profile.window_high = 90;
    s = initial_state(params(), profile);
    CHECK(s.arousal == 35);
    CHECK(s.base_window_low == 5);
    CHECK(s.base_window_high == 90);
    // A window that leaves out the resting arousal is widened to hold it.
    profile.window_low = 60;
    profile.window_high = 80;
    s = initial_state(params(), profile);
    CHECK(s.base_window_low == params().resting_arousal - 1);
    CHECK(s.base_window_high == 80);
    profile.window_low = 0;
    profile.window_high = 5;
    s = initial_state(params(), profile);
    CHECK(s.base_window_high == params().resting_arousal + 1);
}

TEST_CASE("model units: the player's arousal moves by the move's weight and drifts home") {
    PlayerState p = initial_player_state(params());
    CHECK(p.arousal == params().player_resting_arousal);
    CHECK(p.resting_arousal == params().player_resting_arousal);
    CHECK(p.window_high == params().player_window_high);

    Outcome outcome;
    const double validate = params().moves[static_cast<int>(Move::Validate)].player_arousal;
    REQUIRE(validate < 0);
    apply_to_player(params(), p, Move::Validate, outcome);
    CHECK(p.arousal == doctest::Approx(params().player_resting_arousal + validate));
    CHECK(outcome.causes.size() == 1);

    const double contempt = params().moves[static_cast<int>(Move::Contempt)].player_arousal;
    REQUIRE(contempt > 0);
    const double before = p.arousal;
    apply_to_player(params(), p, Move::Contempt, outcome);
    CHECK(p.arousal == doctest::Approx(before + contempt));
    CHECK(outcome.causes.size() == 2);

    // A move that weighs nothing for the player leaves no cause.
    const std::size_t causes = outcome.causes.size();
    apply_to_player(params(), p, Move::Neutral, outcome);
    CHECK(outcome.causes.size() == causes);

    // Settling closes a fixed share of the gap to rest, from either side.
    p.arousal = p.resting_arousal + 40;
    settle_player(params(), p);
    CHECK(p.arousal ==
          doctest::Approx(p.resting_arousal + 40 * (1 - params().player_arousal_decay)));
    p.arousal = p.resting_arousal - 10;
    settle_player(params(), p);
    CHECK(p.arousal ==
          doctest::Approx(p.resting_arousal - 10 * (1 - params().player_arousal_decay)));
}

TEST_CASE("model units: settling brings arousal home and fades the ledgers") {
    const Profile profile = test::start();
    State s = initial_state(params(), profile);
    s.arousal = s.resting_arousal + 30;
    s.positive_ledger = 10;
    s.negative_ledger = 4;
    settle(params(), profile, s);
    CHECK(s.arousal == doctest::Approx(s.resting_arousal + 30 * (1 - params().arousal_decay)));
    CHECK(s.positive_ledger == doctest::Approx(10 * params().ledger_decay));
    CHECK(s.negative_ledger == doctest::Approx(4 * params().ledger_decay));
}

TEST_CASE("model units: describe at its thresholds") {
    State s;
    s.window_low = 10;
    s.window_high = 70;
    s.arousal = 20;
    s.distance = 50;
    s.safety = 70;
    s.distance = 40;
    CHECK(describe(s) == "open");
    s.distance = 41;
    CHECK(describe(s) == "warm");
    s.safety = 69;
    s.distance = 40;
    CHECK(describe(s) == "warm");
    s.safety = 55;
    CHECK(describe(s) == "warm");
    s.safety = 54;
    s.distance = 75;
    CHECK(describe(s) == "distant");
    s.distance = 74;
    CHECK(describe(s) == "guarded");
    s.safety = 30;
    CHECK(describe(s) == "guarded");
    s.safety = 29;
    CHECK(describe(s) == "wary");
    s.rupture_open = true;
    CHECK(describe(s) == "hurt");
    s.arousal = 5;
    CHECK(describe(s) == "shut down");
    s.arousal = 80;
    CHECK(describe(s) == "flooded");
}

TEST_CASE("model units: sentences fill names, pronouns and verbs, and fall back plainly") {
    Profile she = test::start();
    she.name = "Mia";
    she.subject = "she";
    she.object = "her";
    she.possessive = "her";
    she.plural_verbs = false;
    CHECK(fill("{name}: {they} {was} sure {they} {is} right; ask {them} about {their} day", she) ==
          "Mia: she was sure she is right; ask her about her day");
    Profile they = she;
    they.subject = "they";
    they.plural_verbs = true;
    CHECK(fill("{they} {was}, {they} {is}", they) == "they were, they are");
    CHECK(fill("{They} said {Their} and {Them}", she) == "She said Her and Her");
    // Only a lowercase ASCII first letter is raised: capitals, other scripts and marks stay.
    Profile other = she;
    other.subject = "Ze";
    other.object = "él";
    other.possessive = "'s";
    CHECK(person_word(other, PersonWord::SubjectUpper) == "Ze");
    CHECK(person_word(other, PersonWord::ObjectUpper) == "él");
    CHECK(person_word(other, PersonWord::PossessiveUpper) == "'s");
    CHECK(fill("{unknown} and {name}", she) == " and Mia"); // a hole it does not know: dropped
    CHECK(fill("{unknown} and {name", she) == "{unknown} and {name"); // broken: left as it is
    CHECK(fill("", she).empty());
    CHECK(blocked_sentence() == "You're too flooded to really listen. Take a breath first.");
    CHECK(cause_sentence(Cause{.rule = "no_such_rule"}, she) == "Something shifted for Mia.");
    CHECK(event_sentence(Event{.kind = EventKind::RuptureOpen, .move = Move::Contempt}, she) ==
          "Mia is still hurt after the contempt: it hasn't been repaired yet.");
    CHECK(event_sentence(Event{.kind = EventKind::RuptureOpen, .move = Move::Neutral}, she) ==
          "Mia is still hurt after the coldness: it hasn't been repaired yet.");
}

TEST_CASE("model units: a simulation of no moves has no rows, or only a rupture left open") {
    CHECK(simulate(params(), test::start(), std::vector<SimStep>{}, 1).empty());
    Profile fallen_out = test::start();
    fallen_out.starts_ruptured = true;
    const std::vector<SimRow> rows = simulate(params(), fallen_out, std::vector<SimStep>{}, 1);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].move == "end");
    CHECK(rows[0].step == 1);
}

TEST_CASE("model units: a simulation's rows, a blocked move, and the rupture left open") {
    const std::vector<SimRow> rows = simulate(
        params(), test::start(),
        test::steps("contempt," + test::repeat("@contempt", 7) + ",validate,criticize"), 1);
    REQUIRE(rows.size() == 11);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        CHECK(rows[i].step == static_cast<int>(i) + 1);
    }
    CHECK(rows[0].move == "contempt");
    CHECK(rows[0].event == "rupture");
    CHECK(rows[0].rules == "contempt");
    CHECK(rows[1].move == "@contempt");
    // The character's own scorn stirs them too (R20); that rule has no sentence.
    CHECK(rows[1].rules == "player_arousal_rises;speaker_activated");
    CHECK(rows[1].reason == "That stung: you feel your heart speed up.");
    CHECK(rows[1].state.safety == rows[0].state.safety); // a line toward the player
    CHECK(rows[8].move == "validate");
    CHECK(rows[8].event == "blocked");
    CHECK(rows[8].rules == "player_flooded");
    CHECK(rows[8].reason == "You're too flooded to really listen. Take a breath first.");
    CHECK(rows[8].state.safety == rows[7].state.safety);
    CHECK(rows[9].event.empty());
    CHECK(rows[9].state.safety < rows[8].state.safety);
    CHECK(rows[10].move == "end");
    CHECK(rows[10].event == "rupture_open");
    CHECK(rows[10].reason == "Sam is still hurt after the contempt: it hasn't been repaired yet.");
    CHECK(rows[10].state == rows[9].state);
    // Without an open rupture there is no closing row.
    CHECK(simulate(params(), test::start(), test::steps("validate,ask"), 1).size() == 2);
    CHECK_FALSE(parse_sim_step("hug"));
    CHECK(parse_sim_step("@ask")->toward_player);
    CHECK_FALSE(parse_sim_step("ask")->toward_player);
}

TEST_CASE("model units: a repair that lands starts the next one from nothing") {
    const std::vector<SimRow> rows = simulate(
        params(), test::start(), test::steps("contempt," + test::repeat("apologize", 6)), 1);
    const auto repaired =
        std::find_if(rows.begin(), rows.end(), [](const SimRow& r) { return r.event == "repair"; });
    REQUIRE(repaired != rows.end());
    CHECK_FALSE(repaired->state.rupture_open);
    CHECK(repaired->state.repair_progress == 0);
    CHECK(repaired->state.repairs_landed == 1);
    CHECK(repaired->state.rupture_kind == -1);
    CHECK(repaired->state.last_repaired_kind == static_cast<int>(Move::Contempt));
    // Before it landed, the apologies were adding up.
    CHECK((repaired - 1)->state.repair_progress > 0);
}

TEST_CASE("model units: give_space with reassure moves distance by -(2 avoidance + 1)") {
    // docs/model.md: with reassure in the same choice, D = -2 avo - 1.
    for (const double avoidance : {0.1, 0.5, 0.9}) {
        CAPTURE(avoidance);
        const Profile profile = test::start(0.5, avoidance);
        State state = initial_state(params(), profile);
        Random random{1};
        Outcome outcome;
        const Move together[] = {Move::GiveSpace, Move::Reassure};
        const double before = state.distance;
        apply_move(params(), profile, 0, state, Move::GiveSpace, together, random, outcome);
        CHECK(state.distance - before == doctest::Approx(-2 * avoidance - 1));
    }
}

TEST_CASE("model units: the player starts at the parameters' resting arousal, whatever it is") {
    Params tuned = params();
    tuned.player_resting_arousal = 33;
    tuned.player_window_high = 77;
    const PlayerState p = initial_player_state(tuned);
    CHECK(p.arousal == 33);
    CHECK(p.resting_arousal == 33);
    CHECK(p.window_high == 77);
}

TEST_CASE("model units: a saved state naming a move that does not exist is refused") {
    const State good = initial_state(params(), test::start());
    const Result<State> same = state_from_json(to_json(good));
    REQUIRE(same);
    CHECK(*same == good);
    for (const char* key : {"rupture_kind", "last_repaired_kind", "last_move"}) {
        CAPTURE(key);
        nlohmann::json bad = to_json(good);
        bad[key] = move_count;
        CHECK_FALSE(state_from_json(bad));
        bad[key] = move_count - 1;
        CHECK(state_from_json(bad));
    }
}

} // namespace attune::model

namespace attune::model {

TEST_CASE("model units: each field of a saved state is required, by name and by kind") {
    const nlohmann::json good = to_json(initial_state(params(), test::start()));
    REQUIRE(state_from_json(good));
    for (const auto& [key, value] : good.items()) {
        CAPTURE(key);
        nlohmann::json missing = good;
        missing.erase(key);
        const Result<State> refused = state_from_json(missing);
        CHECK_FALSE(refused);
        CHECK(error_message(refused.diagnostics) ==
              (key == "override" ? "relational state needs \"override\" as a string"
                                 : "relational state is missing \"" + key + "\""));
        // The wrong kind for each: text for a number, a fraction for a count, 1 for true.
        nlohmann::json wrong = good;
        wrong[key] = value.is_boolean()          ? nlohmann::json(1)
                     : value.is_number_integer() ? nlohmann::json(1.5)
                     : value.is_number()         ? nlohmann::json("1")
                                                 : nlohmann::json(7);
        const Result<State> refused_kind = state_from_json(wrong);
        CHECK_FALSE(refused_kind);
        if (key != "override") {
            CHECK(error_message(refused_kind.diagnostics) ==
                  "relational state field \"" + key + "\" has the wrong type");
        }
    }
    // A number where a fraction may be: a whole number is fine for a double.
    nlohmann::json whole = good;
    whole["safety"] = 40;
    REQUIRE(state_from_json(whole));
    CHECK(state_from_json(whole)->safety == 40);
    CHECK(error_message(state_from_json(nlohmann::json("x")).diagnostics) ==
          "relational state must be a JSON object");
}

TEST_CASE("model units: every override reads back as itself, and no other word does") {
    for (const Override o : {Override::Negative, Override::Neutral, Override::Positive}) {
        State s = initial_state(params(), test::start());
        s.override = o;
        const Result<State> back = state_from_json(to_json(s));
        REQUIRE(back);
        CHECK(back->override == o);
    }
    CHECK(override_name(Override::Negative) == "negative");
    CHECK(override_name(Override::Neutral) == "neutral");
    CHECK(override_name(Override::Positive) == "positive");
    nlohmann::json bad = to_json(initial_state(params(), test::start()));
    bad["override"] = "Negative";
    CHECK(error_message(state_from_json(bad).diagnostics) ==
          "override must be negative, neutral or positive, not \"Negative\"");
}

TEST_CASE("model units: the player's saved state needs each of its three fields") {
    const nlohmann::json good = to_json(initial_player_state(params()));
    REQUIRE(player_from_json(good));
    CHECK(good.size() == 3);
    for (const auto& [key, value] : good.items()) {
        CAPTURE(key);
        nlohmann::json missing = good;
        missing.erase(key);
        CHECK(error_message(player_from_json(missing).diagnostics) ==
              "relational state is missing \"" + key + "\"");
    }
    CHECK(error_message(player_from_json(nlohmann::json::array()).diagnostics) ==
          "player state must be a JSON object");
}

} // namespace attune::model

namespace attune::model {

TEST_CASE("model units: a simulation of plain moves is the simulation of those moves toward the "
          "character") {
    const std::vector<Move> moves = {Move::Criticize, Move::Defend, Move::Apologize,
                                     Move::Validate};
    const std::vector<SimRow> plain = simulate(params(), test::start(), moves, 3);
    const std::vector<SimRow> steps =
        simulate(params(), test::start(), test::steps("criticize,defend,apologize,validate"), 3);
    REQUIRE(plain.size() == steps.size());
    REQUIRE(plain.size() >= moves.size());
    for (std::size_t i = 0; i < plain.size(); ++i) {
        CAPTURE(i);
        CHECK(plain[i].move == steps[i].move);
        CHECK(plain[i].event == steps[i].event);
        CHECK(plain[i].rules == steps[i].rules);
        CHECK(plain[i].state == steps[i].state);
    }
    CHECK(plain[0].move == "criticize");
    CHECK(plain[3].move == "validate");
}

} // namespace attune::model

namespace attune::model {

TEST_CASE("model units: settling keeps arousal within 0 to 100, whatever it starts from") {
    // A state from outside the model (a damaged save, a hand-made row) may hold arousal or a
    // resting point out of range; time passing brings it back to the scale's edge.
    PlayerState player = initial_player_state(params());
    player.arousal = 150;
    player.resting_arousal = 150;
    settle_player(params(), player);
    CHECK(player.arousal == 100);
    player.arousal = -20;
    player.resting_arousal = -20;
    settle_player(params(), player);
    CHECK(player.arousal == 0);

    State state = initial_state(params(), test::start());
    state.arousal = 150;
    state.resting_arousal = 150;
    settle(params(), test::start(), state);
    CHECK(state.arousal == 100);
    state.arousal = -20;
    state.resting_arousal = -20;
    settle(params(), test::start(), state);
    CHECK(state.arousal == 0);
}

} // namespace attune::model

namespace attune::model {

TEST_CASE("model units: an authored feeling sets arousal within 0 to 100, the edges included") {
    State state = initial_state(params(), test::start());
    Outcome outcome;
    feel(0, state, 0, outcome);
    CHECK(state.arousal == 0);
    feel(0, state, 100, outcome);
    CHECK(state.arousal == 100);
    feel(0, state, -5, outcome);
    CHECK(state.arousal == 0);
    feel(0, state, 120, outcome);
    CHECK(state.arousal == 100);
    feel(0, state, std::nan(""), outcome); // not a number: nothing changes
    CHECK(state.arousal == 100);
    // One cause for each change: to 0, to 100, back to 0, to 100; the last changed nothing.
    REQUIRE(outcome.causes.size() == 4);
    CHECK(outcome.causes[0].rule == "authored_feeling");
    CHECK(outcome.causes[1].d_arousal == 100);
    CHECK(outcome.causes[2].d_arousal == -100);
    CHECK(outcome.causes[3].d_arousal == 100);
}

} // namespace attune::model
