// The model step by step, against a golden trace (tests/data/model/trace.txt): five
// characters (secure, anxious, avoidant, both, and one who starts hurt and flooded with a
// window of their own) meet every move and the patterns the rules are about (a rupture and
// its repair, the same hurt twice, deception, a horseman and its antidote, humour at high
// and low safety, give_space with and without reassurance, the player flooded by lines
// toward them, a break and its return).
//
// The parameters are tests/data/model/frozen.json, a copy of assets/model.json frozen for
// this test: retuning the game's parameters does not move the trace (the regularity tests
// bound those), while any change to the model's code that changes a number, a rule, an
// event or a sentence does. To accept a deliberate change to the model, run with
// ATTUNE_UPDATE_GOLDEN=1 and read the changed rows by eye before committing them.

#include "model_support.h"
#include "support.h"

#include <cstdio>

namespace {

using namespace attune;
using namespace attune::model;

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", value);
    return buffer;
}

std::string row_text(const SimRow& row) {
    const State& s = row.state;
    std::string out =
        std::to_string(row.step) + " " + row.move + " | safety " + number(s.safety) + " distance " +
        number(s.distance) + " arousal " + number(s.arousal) + " window " + number(s.window_low) +
        "-" + number(s.window_high) + " ledgers +" + number(s.positive_ledger) + " -" +
        number(s.negative_ledger) + " " + std::string(override_name(s.override)) + " confidence " +
        number(s.repair_confidence) + " ceiling " + number(s.trust_ceiling) + " bids " +
        std::to_string(s.bids_answered) + "/" + std::to_string(s.bids_made) +
        (s.rupture_open ? " OPEN" : "") + " ruptures " + std::to_string(s.ruptures) + " repairs " +
        std::to_string(s.repairs_landed) + " progress " + number(s.repair_progress) +
        " carryover " + std::to_string(s.carryover_left) + (s.double_deviation ? " TWICE" : "") +
        (s.on_break ? " BREAK" : "") + " | player " + number(row.player.arousal) +
        "\n  event: " + row.event + "\n  rules: " + row.rules + "\n  reason: " + row.reason + "\n";
    for (const Cause& c : row.outcome.causes) {
        out += "  cause " + c.rule + " safety " + number(c.d_safety) + " distance " +
               number(c.d_distance) + " arousal " + number(c.d_arousal) + "\n";
    }
    return out;
}

Profile person(const std::string& name, double anxiety, double avoidance, double safety,
               double distance) {
    Profile p;
    p.name = name;
    p.subject = "she";
    p.object = "her";
    p.possessive = "her";
    p.plural_verbs = false;
    p.anxiety = anxiety;
    p.avoidance = avoidance;
    p.safety = safety;
    p.distance = distance;
    return p;
}

std::string every_move() {
    std::string out;
    for (int m = 0; m < move_count; ++m) {
        out += (out.empty() ? "" : ",") + std::string(move_name(static_cast<Move>(m)));
    }
    return out;
}

// The patterns, in one run per character.
const char* const patterns =
    "validate,reflect,criticize,criticize,apologize,take_responsibility,repair,"
    "criticize,apologize,repair,criticize,apologize,"
    "deceive,validate,validate,appreciate,"
    "contempt,appreciate,criticize,gentle_startup,defend,take_responsibility,"
    "stonewall,self_soothe,humor,give_space,reassure,give_space,pursue,withdraw,"
    "@contempt,@contempt,@criticize,@contempt,validate,self_soothe,self_soothe,"
    "take_break,return,ask,turn_toward,comfort,empathize,disclose,set_boundary,"
    "turn_away,turn_against,blame,dismiss,minimize,advise,humor,repair,apologize";

// A rupture repaired, then the same hurt again at once; a return with no break; warmth
// after deception up against its ceiling; ambiguity; lines toward the player that calm.
const char* const repeats =
    "neutral,return,contempt,apologize,take_responsibility,repair,apologize,repair,"
    "appreciate,contempt,apologize,repair,take_responsibility,apologize,repair,"
    "deceive,apologize,repair,take_responsibility,validate,validate,validate,validate,"
    "validate,validate,validate,validate,validate,validate,validate,validate,neutral,"
    "@validate,@reassure,@appreciate,@criticize,@contempt,@comfort,@empathize";

std::string trace() {
    std::string out;
    Profile hurt = person("Eve", 0.5, 0.5, 25, 80);
    hurt.starts_ruptured = true;
    hurt.window_low = 20;
    hurt.window_high = 60;
    hurt.arousal = 65;
    const Profile people[] = {person("Ada", 0.2, 0.2, 60, 40), person("Bea", 0.8, 0.2, 50, 50),
                              person("Cat", 0.2, 0.8, 45, 60), person("Dot", 0.8, 0.8, 40, 60),
                              hurt};
    for (const Profile& p : people) {
        for (const std::string& list :
             {every_move(), std::string(patterns), std::string(repeats)}) {
            out += "== " + p.name + " (anxiety " + number(p.anxiety) + ", avoidance " +
                   number(p.avoidance) + ")\n";
            for (const SimRow& row :
                 simulate(*attune::test::frozen_params(), p, model::test::steps(list), 7)) {
                out += row_text(row);
            }
        }
    }
    return out;
}

} // namespace

TEST_CASE("model trace: every move and pattern, step by step, as the golden trace says") {
    attune::test::matches_golden(trace(),
                                 attune::test::source_dir() / "tests/data/model/trace.txt");
}
