#include "model/relational_model.h"

#include <algorithm>
#include <cmath>

namespace attune::model {

namespace {

/// The move's effect as it builds up through the rules, and the rule that explains it best.
struct Effect {
    double safety = 0;
    double distance = 0;
    double arousal = 0;
    std::string_view rule;
};

double bounded(double value, double low, double high) {
    // NaN compares false everywhere: fall back to the low end rather than spread it.
    if (!(value >= low)) {
        return low;
    }
    return std::min(value, high);
}

double finite_or(double value, double fallback) {
    return std::isfinite(value) ? value : fallback;
}

bool contains(std::span<const Move> moves, Move move) {
    return std::find(moves.begin(), moves.end(), move) != moves.end();
}

/// How far arousal has climbed from rest toward flooding, 0 (calm) to 1 (at the edge).
double distress(const State& s) {
    const double room = std::max(1.0, s.window_high - s.resting_arousal);
    return bounded((s.arousal - s.resting_arousal) / room, 0, 1);
}

/// Low safety narrows the window of tolerance from both sides (Siegel; Ogden et al.).
void update_window(const Params& p, State& s) {
    const double deficit =
        bounded((p.window_pivot_safety - s.safety) / p.window_pivot_safety, 0, 1);
    s.window_high = s.base_window_high - p.window_narrowing_high * deficit;
    s.window_low = s.base_window_low + p.window_narrowing_low * deficit;
    s.window_low = std::min(s.window_low, s.window_high - 1);
}

/// Moves that leave the other person alone with their need: anxiety amplifies them.
bool is_leaving(Move m) {
    return m == Move::Withdraw || m == Move::TurnAway || m == Move::Stonewall;
}

/// Moves that press on the other person: avoidance amplifies the distance they create.
bool is_pressing(Move m) {
    return m == Move::Pursue || m == Move::Criticize || m == Move::Blame;
}

/// The four horsemen and their antidotes (Gottman & Levenson 2000).
Move horseman_answered_by(Move antidote) {
    switch (antidote) {
    case Move::GentleStartup:
        return Move::Criticize;
    case Move::Appreciate:
        return Move::Contempt;
    case Move::TakeResponsibility:
        return Move::Defend;
    case Move::SelfSoothe:
        return Move::Stonewall;
    default:
        return Move::Neutral;
    }
}

std::string_view antidote_rule(Move antidote) {
    switch (antidote) {
    case Move::GentleStartup:
        return "gentle_startup_after_criticism";
    case Move::Appreciate:
        return "appreciation_after_contempt";
    case Move::TakeResponsibility:
        return "responsibility_after_defensiveness";
    default:
        return "self_soothing_after_stonewalling";
    }
}

// --- Context: the same move lands differently by situation -------------------------------

void advise_context(const Params& p, const State& s, Effect& e) {
    // Advice is welcome from calm; to a distressed person it says "stop feeling this".
    const double d = distress(s);
    e.safety = (1 - d) * p.advise_calm_safety + d * e.safety;
    e.distance *= d;
    e.arousal *= d;
    e.rule = d >= p.distressed_at ? "advise_while_distressed" : "advise_when_calm";
}

void give_space_context(const Params& p, const Profile& who, std::span<const Move> together,
                        Effect& e) {
    // Space soothes avoidance and frightens anxiety, unless reassurance comes with it.
    const double soothe = who.avoidance * p.give_space_avoidant_gain;
    if (contains(together, Move::Reassure)) {
        e.safety = soothe + p.give_space_reassured_gain;
        e.distance = -who.avoidance * 2 - 1;
        e.rule = "give_space_with_reassure";
        return;
    }
    const double fright = who.anxiety * p.give_space_anxious_hurt;
    e.safety = soothe - fright;
    e.distance = (who.anxiety - who.avoidance) * 3;
    e.arousal += (who.anxiety - who.avoidance) * 8;
    e.rule = fright > soothe ? "give_space_frightens" : "give_space_soothes";
}

void humor_context(const Params& p, const State& s, Effect& e) {
    // Humor repairs where there is goodwill to hold it and wounds where there is none.
    const double h = bounded((s.safety - p.humor_pivot_safety) / p.humor_band, -1, 1);
    if (h >= 0) {
        e.safety = h * p.humor_gain;
        e.rule = "humor_lands";
        return;
    }
    e.safety = h * p.humor_wound;
    e.distance = -e.distance;
    e.arousal = -e.arousal;
    e.rule = "humor_wounds";
}

void neutral_context(const Params& p, const Profile& who, const State& s, Effect& e) {
    // Ambiguity is read through the attachment filter and through accumulated hurt.
    e.safety = -who.anxiety * who.anxiety * p.ambiguity_hurt; // steep: secure people shrug
    if (s.override == Override::Negative) {
        e.safety -= p.override_negative_neutral_hurt;
        e.rule = "neutral_read_as_hostile";
    } else if (who.anxiety >= 0.5) {
        e.rule = "ambiguous_read_as_rejection";
    }
}

void context(const Params& p, const Profile& who, const State& s, Move move,
             std::span<const Move> together, Effect& e) {
    switch (move) {
    case Move::Advise:
        return advise_context(p, s, e);
    case Move::GiveSpace:
        return give_space_context(p, who, together, e);
    case Move::Humor:
        return humor_context(p, s, e);
    case Move::Neutral:
        return neutral_context(p, who, s, e);
    case Move::Return:
        if (s.on_break) {
            e.rule = "break_and_return";
        } else {
            // Coming back means less when there was no promise to come back.
            e.safety *= 0.5;
            e.arousal *= 0.3;
            e.rule = "return_without_break";
        }
        return;
    case Move::TurnToward:
        e.rule = "bid_answered";
        return;
    case Move::TurnAway:
        e.rule = "bid_missed";
        return;
    case Move::TurnAgainst:
        e.rule = "bid_rebuffed";
        return;
    default:
        return;
    }
}

// --- Filters: attachment, antidotes, history, flooding ------------------------------------

void attachment_filter(const Params& p, const Profile& who, Move move, Effect& e) {
    if (is_leaving(move)) {
        const double gain = 1 + p.anxiety_gain * who.anxiety;
        e.safety *= gain;
        e.arousal *= gain;
        if (move != Move::TurnAway && who.anxiety >= 0.6) {
            e.rule = "withdrawal_hurts_anxious";
        }
    }
    if (is_pressing(move)) {
        e.distance *= 1 + p.avoidance_gain * who.avoidance;
        if (who.avoidance >= 0.6) {
            e.rule = "pressure_pushes_avoidant";
        }
    }
}

void antidote_filter(const Params& p, const State& s, Move move, Effect& e) {
    const Move horseman = horseman_answered_by(move);
    if (horseman != Move::Neutral && s.last_move == static_cast<int>(horseman) && e.safety > 0) {
        e.safety *= p.antidote_bonus;
        e.arousal *= p.antidote_bonus;
        e.rule = antidote_rule(move);
    }
}

void override_filter(const Params& p, const State& s, Move move, Effect& e) {
    const bool plain = e.rule == move_name(move);
    if (s.override == Override::Positive) {
        e.safety *= e.safety > 0 ? p.override_positive_gain : p.override_positive_cushion;
        if (plain && e.safety < 0) {
            e.rule = "positive_override_cushions";
        }
    } else if (s.override == Override::Negative) {
        e.safety *= e.safety > 0 ? p.override_negative_discount : p.override_negative_sting;
        if (plain && e.safety > 0) {
            e.rule = "negative_override_discounts";
        }
    }
}

void flooding_filter(const Params& p, const State& s, Move move, Effect& e) {
    // A flooded person cannot take in attunement; only regulation gets through.
    if (!is_flooded(s) || move_kind(move) != MoveKind::Attuning || is_self_regulation(move) ||
        e.safety <= 0) {
        return;
    }
    e.safety *= p.flooded_factor;
    if (e.arousal < 0) {
        e.arousal *= p.flooded_factor;
    }
    e.rule = "attuned_while_flooded";
}

Effect primary_effect(const Params& p, const Profile& who, const State& s, Move move,
                      std::span<const Move> together) {
    const MoveWeights& w = p.moves[static_cast<int>(move)];
    Effect e{w.safety, w.distance, w.arousal, move_name(move)};
    context(p, who, s, move, together, e);
    attachment_filter(p, who, move, e);
    antidote_filter(p, s, move, e);
    override_filter(p, s, move, e);
    if (s.double_deviation && s.rupture_open && is_repair_move(move) && e.safety > 0) {
        e.safety *= p.double_deviation_factor;
        e.rule = "repair_after_repeat_hurt";
    }
    flooding_filter(p, s, move, e);
    if (e.safety < 0) {
        e.safety *= p.negativity_bias; // bad is stronger than good
    }
    // A profile built from bad input (NaN anxiety) must not poison the saved state.
    for (double* x : {&e.safety, &e.distance, &e.arousal}) {
        *x = finite_or(*x, 0);
    }
    return e;
}

// --- Applying and recording ----------------------------------------------------------------

/// Applies `e` within bounds and records what actually changed as one Cause of `who`.
void apply_effect(int who, State& s, Move move, const Effect& e, Outcome& out) {
    const double safety = s.safety;
    const double distance = s.distance;
    const double arousal = s.arousal;
    s.safety = bounded(s.safety + e.safety, 0, 100);
    s.distance = bounded(s.distance + e.distance, 0, 100);
    // Calming brings arousal back to rest, not below it: soothing never numbs.
    const double floor = e.arousal < 0 ? std::min(s.arousal, s.resting_arousal) : 0.0;
    s.arousal = bounded(s.arousal + e.arousal, floor, 100);
    out.causes.push_back({who, move, std::string(e.rule), s.safety - safety, s.distance - distance,
                          s.arousal - arousal});
}

void disorganized_response(const Params& p, const Profile& profile, int who, State& s, Move move,
                           Random& random, Outcome& out) {
    // Fear and need at once: the same move draws approach one time and withdrawal the next.
    if (move == Move::Neutral || !is_disorganized(p, profile)) {
        return;
    }
    Effect e;
    if (random.unit() < p.disorganized_withdraw_probability) {
        e = {0, p.disorganized_swing, p.disorganized_arousal, "disorganized_withdraw"};
    } else {
        e = {0, -p.disorganized_swing, 0, "disorganized_approach"};
    }
    apply_effect(who, s, move, e, out);
}

/// Safety may not rise above the trust ceiling nor, just after a repair, back to where it
/// was before the rupture (still-face carry-over).
void apply_caps(const Params& p, int who, State& s, Move move, Outcome& out) {
    double cap = s.trust_ceiling;
    std::string_view rule = "trust_ceiling";
    if (s.carryover_left > 0 && p.carryover_steps > 0) {
        const double gap = p.carryover_gap * s.carryover_left / p.carryover_steps;
        if (s.pre_rupture_safety - gap < cap) {
            cap = std::max(0.0, s.pre_rupture_safety - gap);
            rule = "still_face_carryover";
        }
    }
    if (s.safety > cap) {
        apply_effect(who, s, move, {cap - s.safety, 0, 0, rule}, out);
    }
}

void try_repair(const Params& p, int who, State& s, Move move, double gain, std::size_t cause,
                Outcome& out) {
    if (!s.rupture_open || !is_repair_move(move) || gain <= 0) {
        return;
    }
    // Confidence from earlier repairs makes each attempt count for more (Safran & Muran).
    s.repair_progress += gain * (1 + s.repair_confidence);
    if (s.repair_progress < p.repair_need) {
        // Said so, so that nothing calls an attempt a repair before it has landed.
        out.causes.push_back({who, move, "repair_attempt", 0, 0, 0});
        return;
    }
    s.rupture_open = false;
    s.repairs_landed += 1;
    s.repair_confidence =
        std::min(p.repair_confidence_max, s.repair_confidence + p.repair_confidence_gain);
    s.last_repaired_kind = s.rupture_kind;
    s.last_repair_step = s.step;
    s.rupture_kind = -1;
    s.double_deviation = false;
    s.repair_progress = 0;
    s.carryover_left = static_cast<int>(p.carryover_steps);
    out.events.push_back({EventKind::Repair, who, move, out.causes[cause].rule});
}

void try_rupture(const Params& p, int who, State& s, Move move, double before, std::size_t cause,
                 Outcome& out) {
    const bool sharp = before - s.safety >= p.rupture_drop;
    const bool crossed = before >= p.disconnection_safety && s.safety < p.disconnection_safety;
    if (s.rupture_open || !(sharp || crossed)) {
        return;
    }
    s.rupture_open = true;
    s.rupture_kind = static_cast<int>(move);
    s.rupture_step = s.step;
    s.pre_rupture_safety = before;
    s.repair_progress = 0;
    s.carryover_left = 0;
    s.ruptures += 1;
    // The same failure soon after a recovery undoes the recovery's goodwill (de Matos et al.).
    const bool repeat = s.last_repaired_kind == static_cast<int>(move) && s.last_repair_step >= 0 &&
                        s.step - s.last_repair_step <= p.double_deviation_window;
    if (repeat) {
        s.double_deviation = true;
        s.repair_confidence =
            std::max(0.0, s.repair_confidence - p.double_deviation_confidence_loss);
    }
    out.events.push_back({EventKind::Rupture, who, move, out.causes[cause].rule});
}

/// The 5:1 ledger and the sentiment override it drives, with hysteresis (Weiss; Gottman).
void update_override(const Params& p, int who, State& s, Move move, double gain, Outcome& out) {
    // Neutral moves are not counted: the ledger tracks reaching toward and turning away.
    if (move == Move::Neutral) {
        gain = 0;
    }
    if (gain > 0) {
        s.positive_ledger += 1;
    } else if (gain < 0) {
        s.negative_ledger += 1;
    }
    const double balance = s.positive_ledger - p.ledger_ratio * s.negative_ledger;
    Override next = s.override;
    if (balance < p.override_enter_negative) {
        next = Override::Negative;
    } else if (s.override == Override::Negative && balance > p.override_leave_negative) {
        next = Override::Neutral;
    } else if (balance > p.override_enter_positive) {
        next = Override::Positive;
    } else if (s.override == Override::Positive && balance < p.override_leave_positive) {
        next = Override::Neutral;
    }
    if (next == s.override) {
        return;
    }
    s.override = next;
    const std::string_view rule = next == Override::Negative   ? "override_negative"
                                  : next == Override::Positive ? "override_positive"
                                                               : "override_neutral";
    out.causes.push_back({who, move, std::string(rule), 0, 0, 0});
}

void bookkeeping(const Params& p, State& s, Move move) {
    if (move == Move::TurnToward || move == Move::TurnAway || move == Move::TurnAgainst) {
        s.bids_made += 1;
        s.bids_answered += move == Move::TurnToward ? 1 : 0;
    }
    if (move == Move::TakeBreak) {
        s.on_break = true;
    } else if (move == Move::Return || move == Move::Withdraw) {
        s.on_break = false;
    }
    if (move == Move::Deceive) {
        s.trust_ceiling =
            std::max(p.deception_ceiling_floor, s.trust_ceiling - p.deception_ceiling_drop);
    }
}

} // namespace

bool is_self_regulation(Move move) {
    return move == Move::SelfSoothe || move == Move::TakeBreak || move == Move::Return;
}

bool is_repair_move(Move move) {
    return move == Move::Apologize || move == Move::Repair || move == Move::TakeResponsibility ||
           move == Move::Humor;
}

bool is_disorganized(const Params& params, const Profile& profile) {
    return profile.anxiety >= params.disorganized_threshold &&
           profile.avoidance >= params.disorganized_threshold;
}

State initial_state(const Params& params, const Profile& profile) {
    State s;
    s.safety = bounded(finite_or(profile.safety, 50), 0, 100);
    s.distance = bounded(finite_or(profile.distance, 50), 0, 100);
    s.resting_arousal = params.resting_arousal;
    s.arousal = profile.arousal >= 0 ? bounded(profile.arousal, 0, 100) : params.resting_arousal;
    s.base_window_low =
        profile.window_low >= 0 ? bounded(profile.window_low, 0, 99) : params.window_low;
    s.base_window_high =
        profile.window_high >= 0 ? bounded(profile.window_high, 1, 100) : params.window_high;
    // Rest must sit inside the window, or a character would start flooded or shut down.
    s.base_window_low = std::min(s.base_window_low, std::max(0.0, s.resting_arousal - 1));
    s.base_window_high = std::max(s.base_window_high, s.resting_arousal + 1);
    s.pre_rupture_safety = s.safety;
    if (profile.starts_ruptured) {
        // The falling-out happened before the story: it counts as a rupture, and safety
        // was at least a rupture's drop higher before it (what the carry-over returns to).
        s.rupture_open = true;
        s.ruptures = 1;
        s.pre_rupture_safety = bounded(s.safety + params.rupture_drop, 0, 100);
    }
    update_window(params, s);
    return s;
}

PlayerState initial_player_state(const Params& params) {
    PlayerState p;
    p.arousal = params.player_resting_arousal;
    p.resting_arousal = params.player_resting_arousal;
    p.window_high = params.player_window_high;
    return p;
}

void apply_move(const Params& params, const Profile& profile, int character, State& state,
                Move move, std::span<const Move> together, Random& random, Outcome& outcome) {
    state.step += 1;
    const double before = state.safety;
    const std::size_t first_cause = outcome.causes.size();
    const Effect e = primary_effect(params, profile, state, move, together);
    apply_effect(character, state, move, e, outcome);

    disorganized_response(params, profile, character, state, move, random, outcome);
    const bool was_open = state.rupture_open;
    try_repair(params, character, state, move, e.safety, first_cause, outcome);
    bookkeeping(params, state, move);
    apply_caps(params, character, state, move, outcome);
    if (!was_open) {
        try_rupture(params, character, state, move, before, first_cause, outcome);
    }
    update_override(params, character, state, move, e.safety, outcome);
    if (state.carryover_left > 0 && !state.rupture_open) {
        state.carryover_left -= 1;
    }
    state.last_move = static_cast<int>(move);
    update_window(params, state);
}

void settle(const Params& params, const Profile& /*profile*/, State& state) {
    // Fast arousal drifts home; the ledger's memory fades so old moves weigh less.
    state.arousal += (state.resting_arousal - state.arousal) * params.arousal_decay;
    state.arousal = bounded(state.arousal, 0, 100);
    state.positive_ledger *= params.ledger_decay;
    state.negative_ledger *= params.ledger_decay;
    update_window(params, state);
}

void apply_to_player(const Params& params, PlayerState& player, Move move, Outcome& outcome) {
    const double delta = params.moves[static_cast<int>(move)].player_arousal;
    if (delta == 0) {
        return;
    }
    const double before = player.arousal;
    player.arousal = bounded(player.arousal + delta, 0, 100);
    const std::string_view rule = is_self_regulation(move) ? "player_self_regulation"
                                  : delta > 0              ? "player_arousal_rises"
                                                           : "player_arousal_falls";
    outcome.causes.push_back({the_player, move, std::string(rule), 0, 0, player.arousal - before});
}

void settle_player(const Params& params, PlayerState& player) {
    player.arousal += (player.resting_arousal - player.arousal) * params.player_arousal_decay;
    player.arousal = bounded(player.arousal, 0, 100);
}

bool is_flooded(const State& state) {
    return state.arousal > state.window_high;
}

bool is_shut_down(const State& state) {
    return state.arousal < state.window_low;
}

bool is_player_flooded(const PlayerState& player) {
    return player.arousal > player.window_high;
}

bool is_blocked(const PlayerState& player, Move move) {
    // Listening takes a settled body; these moves wait until the player has regulated.
    static constexpr Move listening[] = {Move::Validate, Move::Reflect,    Move::Empathize,
                                         Move::Ask,      Move::TurnToward, Move::Comfort,
                                         Move::Reassure};
    return is_player_flooded(player) && contains(listening, move);
}

bool is_harsh(Move move) {
    static constexpr Move harsh[] = {Move::Criticize,  Move::Contempt,  Move::Blame,
                                     Move::Defend,     Move::Stonewall, Move::Pursue,
                                     Move::TurnAgainst};
    return contains(harsh, move);
}

void express(const Params& params, int character, State& speaker, Move move, Outcome& outcome) {
    // Shouting, scorn and stonewalling go with a racing body in the one doing it (R20).
    if (!is_harsh(move)) {
        return;
    }
    const double rise = params.speaker_arousal_share * params.moves[static_cast<int>(move)].arousal;
    const double room = std::max(1.0, speaker.window_high - speaker.resting_arousal);
    const double floor = speaker.resting_arousal + params.speaker_harsh_distress * room;
    const double before = speaker.arousal;
    speaker.arousal = bounded(std::max(speaker.arousal + rise, floor), 0, 100);
    if (speaker.arousal != before) {
        outcome.causes.push_back(
            {character, move, "speaker_activated", 0, 0, speaker.arousal - before});
    }
}

std::span<const std::string_view> feeling_names() {
    static constexpr std::string_view names[] = {"calm", "upset", "flooded"};
    return names;
}

double feeling_arousal(const Params& params, const State& state, Feeling feeling) {
    const double room = std::max(1.0, state.window_high - state.resting_arousal);
    switch (feeling) {
    case Feeling::Calm:
        return state.resting_arousal;
    case Feeling::Upset:
        return state.resting_arousal + params.speaker_harsh_distress * room;
    case Feeling::Flooded:
        // Halfway from the top of the window to the ceiling: plainly flooded, not maximal.
        return std::min(100.0, state.window_high + (100 - state.window_high) / 2 + 1);
    }
    return state.arousal;
}

void feel(int character, State& state, double arousal, Outcome& outcome) {
    const double before = state.arousal;
    state.arousal = bounded(finite_or(arousal, before), 0, 100);
    if (state.arousal != before) {
        outcome.causes.push_back(
            {character, Move::Neutral, "authored_feeling", 0, 0, state.arousal - before});
    }
}

namespace {

double recovered(const Params& params, double arousal, double rest, double minutes) {
    const double kept = std::pow(0.5, std::max(0.0, minutes) / params.recovery_half_life_minutes);
    return arousal > rest ? rest + (arousal - rest) * kept : arousal;
}

} // namespace

void pass_time(const Params& params, int character, State& state, double minutes,
               Outcome& outcome) {
    const double before = state.arousal;
    state.arousal = recovered(params, state.arousal, state.resting_arousal, minutes);
    if (state.arousal != before) {
        outcome.causes.push_back(
            {character, Move::Neutral, "time_passes", 0, 0, state.arousal - before});
    }
}

void pass_time(const Params& params, PlayerState& player, double minutes, Outcome& outcome) {
    const double before = player.arousal;
    player.arousal = recovered(params, player.arousal, player.resting_arousal, minutes);
    if (player.arousal != before) {
        outcome.causes.push_back(
            {the_player, Move::Neutral, "time_passes", 0, 0, player.arousal - before});
    }
}

void end_scene(int character, const State& state, Outcome& outcome) {
    if (!state.rupture_open) {
        return;
    }
    const Move kind = state.rupture_kind >= 0 && state.rupture_kind < move_count
                          ? static_cast<Move>(state.rupture_kind)
                          : Move::Neutral;
    // A rupture with no move behind it was open before the story began (Profile).
    outcome.events.push_back(
        {EventKind::RuptureOpen, character, kind, state.rupture_kind < 0 ? "falling_out" : ""});
}

} // namespace attune::model
