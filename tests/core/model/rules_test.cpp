// The model's context rules, sentences, words and saves, beyond the thirteen regularities.

#include "model/sentences.h"
#include "model/state_json.h"
#include "model_support.h"

#include <nlohmann/json.hpp>

#include <cmath>

using namespace attune;
using namespace attune::model;
using namespace attune::model::test;

namespace {

/// One move applied to a fresh state, with `together` moves in the same choice.
Cause one_move(const Profile& profile, Move move, std::vector<Move> together = {}) {
    State state = initial_state(params(), profile);
    Random random{1};
    Outcome outcome;
    apply_move(params(), profile, 0, state, move, together, random, outcome);
    REQUIRE(!outcome.causes.empty());
    return outcome.causes[0];
}

Profile she() {
    Profile p = start();
    p.subject = "she";
    p.object = "her";
    p.possessive = "her";
    p.plural_verbs = false;
    return p;
}

} // namespace

TEST_CASE("model: give_space soothes avoidance, frightens anxiety, unless reassured") {
    const Cause avoidant = one_move(start(0.1, 0.9), Move::GiveSpace);
    const Cause anxious = one_move(start(0.9, 0.1), Move::GiveSpace);
    const Cause reassured = one_move(start(0.9, 0.1), Move::GiveSpace, {Move::Reassure});
    CHECK(avoidant.rule == "give_space_soothes");
    CHECK(avoidant.d_safety >= 2);
    CHECK(anxious.rule == "give_space_frightens");
    CHECK(anxious.d_safety <= -2);
    CHECK(anxious.d_arousal > 0);
    CHECK(reassured.rule == "give_space_with_reassure");
    CHECK(reassured.d_safety >= 1);
}

TEST_CASE("model: humor repairs at high safety and wounds at low") {
    Profile high = start();
    high.safety = 80;
    Profile low = start();
    low.safety = 15;
    const Cause lands = one_move(high, Move::Humor);
    const Cause wounds = one_move(low, Move::Humor);
    CHECK(lands.rule == "humor_lands");
    CHECK(lands.d_safety >= 2);
    CHECK(wounds.rule == "humor_wounds");
    CHECK(wounds.d_safety <= -3);
}

TEST_CASE("model: contempt is the heaviest move, and each antidote works best after its horseman") {
    const double contempt = one_move(start(), Move::Contempt).d_safety;
    for (Move m : all_moves()) {
        if (m != Move::Contempt) {
            CHECK(one_move(start(), m).d_safety > contempt);
        }
    }
    const std::pair<const char*, const char*> pairs[] = {{"criticize", "gentle_startup"},
                                                         {"contempt", "appreciate"},
                                                         {"defend", "take_responsibility"},
                                                         {"stonewall", "self_soothe"}};
    // Not a structured binding: clang 14 cannot capture one (CAPTURE does).
    for (const auto& pair : pairs) {
        const char* horseman = pair.first;
        const char* antidote = pair.second;
        CAPTURE(antidote);
        const double right_after =
            last_safety_change(start(), std::string(horseman) + "," + antidote);
        const double after_other =
            last_safety_change(start(), std::string("turn_away,") + antidote);
        CHECK(right_after >= 1.4 * after_other);
    }
}

TEST_CASE("model: bids answered and missed are counted") {
    const std::vector<SimRow> rows = run(start(), "turn_toward,turn_away,turn_toward");
    CHECK(rows.back().state.bids_made == 3);
    CHECK(rows.back().state.bids_answered == 2);
    CHECK(rows[1].state.distance > rows[0].state.distance);
}

TEST_CASE("model: cause sentences use the character's name and pronouns") {
    const SimRow she_row = run(she(), "criticize,criticize,advise")[2];
    CHECK(cause_sentence(she_row.outcome.causes[0], she()) ==
          "Sam felt dismissed: you offered a fix while she was still upset.");
    const SimRow they_row = run(start(), "criticize,criticize,advise")[2];
    CHECK(cause_sentence(they_row.outcome.causes[0], start()) ==
          "Sam felt dismissed: you offered a fix while they were still upset.");
    CHECK(fill("{name} felt {their} way; {They} {is} here, {{not}} {nobody}", she()) ==
          "Sam felt her way; She is here, {not} ");
    CHECK(fill("You {was} there", you()) == "You were there");
    // Every rule that fires in a long random run has its own sentence, not the fallback.
    Random r{5};
    std::vector<SimStep> steps;
    for (int i = 0; i < 400; ++i) {
        steps.push_back({static_cast<Move>(r.below(move_count)), false});
    }
    for (const Profile& p : {start(), start(0.9, 0.9), start(0.9, 0.1), start(0.1, 0.9)}) {
        for (const SimRow& row : simulate(params(), p, steps, 3)) {
            for (const Cause& c : row.outcome.causes) {
                CAPTURE(c.rule);
                const std::string sentence =
                    cause_sentence(c, c.character == the_player ? you() : p);
                CHECK(sentence.find("Something shifted") == std::string::npos);
                CHECK(sentence.find('{') == std::string::npos);
                CHECK_FALSE(sentence.empty());
            }
        }
    }
}

TEST_CASE("model: each change's causes add up to the change") {
    Random r{11};
    const Profile profile = start(0.9, 0.9);
    State state = initial_state(params(), profile);
    for (int i = 0; i < 500; ++i) {
        const State before = state;
        Outcome outcome;
        apply_move(params(), profile, 0, state, static_cast<Move>(r.below(move_count)), {}, r,
                   outcome);
        double safety = 0;
        double distance = 0;
        double arousal = 0;
        for (const Cause& c : outcome.causes) {
            safety += c.d_safety;
            distance += c.d_distance;
            arousal += c.d_arousal;
        }
        CHECK(safety == doctest::Approx(state.safety - before.safety));
        CHECK(distance == doctest::Approx(state.distance - before.distance));
        CHECK(arousal == doctest::Approx(state.arousal - before.arousal));
        settle(params(), profile, state);
    }
}

TEST_CASE("model: describe gives plain words") {
    const State fresh = initial_state(params(), start());
    CHECK(describe(fresh) == "guarded");
    const std::string warmth = repeat("validate,appreciate,comfort", 6);
    CHECK(describe(run(start(), warmth).back().state) == "open");
    CHECK(describe(run(start(), "criticize,criticize,criticize,criticize").back().state) ==
          "flooded");
    CHECK(describe(run(start(), "contempt").back().state) == "hurt");
    State numb = fresh;
    numb.arousal = numb.window_low - 1;
    CHECK(describe(numb) == "shut down");
}

TEST_CASE("model: state and player state round-trip through JSON exactly") {
    Random r{99};
    std::vector<SimStep> steps;
    for (int i = 0; i < 200; ++i) {
        steps.push_back({static_cast<Move>(r.below(move_count)), r.below(5) == 0});
    }
    for (const SimRow& row : simulate(params(), start(0.8, 0.75), steps, 4)) {
        const std::string text = to_json(row.state).dump();
        CHECK(state_from_json(nlohmann::json::parse(text)).value == row.state);
        CHECK(player_from_json(nlohmann::json::parse(to_json(row.player).dump())).value ==
              row.player);
    }
    // Every field is written: a default state with each field changed still round-trips.
    State odd;
    odd.safety = 0.1 + 0.2;
    odd.override = Override::Positive;
    odd.double_deviation = true;
    odd.last_move = 3;
    odd.carryover_left = 2;
    odd.repair_progress = 1.0 / 3.0;
    CHECK(state_from_json(nlohmann::json::parse(to_json(odd).dump())).value == odd);
}

TEST_CASE("model: a damaged save is refused with a reason") {
    nlohmann::json json = to_json(initial_state(params(), start()));
    json.erase("safety");
    const Result<State> missing = state_from_json(json);
    CHECK_FALSE(missing);
    CHECK(error_message(missing.diagnostics).find("safety") != std::string::npos);
    json = to_json(initial_state(params(), start()));
    json["override"] = "furious";
    CHECK_FALSE(state_from_json(json));
    json = to_json(initial_state(params(), start()));
    json["step"] = "three";
    CHECK_FALSE(state_from_json(json));
    CHECK_FALSE(state_from_json(nlohmann::json::array()));
}

TEST_CASE("model: an authored window always holds the resting arousal") {
    Profile odd = start();
    odd.window_low = 90;
    odd.window_high = 5;
    const State s = initial_state(params(), odd);
    CHECK(s.window_low < s.resting_arousal);
    CHECK(s.window_high > s.resting_arousal);
    CHECK_FALSE(is_flooded(s));
    CHECK_FALSE(is_shut_down(s));
    Profile narrow = start();
    narrow.window_low = 15;
    narrow.window_high = 40;
    const State n = initial_state(params(), narrow);
    CHECK(n.base_window_high == 40);
    CHECK(n.base_window_low == 15);
}
