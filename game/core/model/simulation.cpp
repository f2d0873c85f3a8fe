#include "model/simulation.h"

#include "model/sentences.h"

namespace attune::model {

namespace {

std::string_view event_name(EventKind kind) {
    switch (kind) {
    case EventKind::Rupture:
        return "rupture";
    case EventKind::Repair:
        return "repair";
    default:
        return "rupture_open";
    }
}

void append(std::string& list, std::string_view item, std::string_view separator) {
    if (!list.empty()) {
        list += separator;
    }
    list += item;
}

/// The one character a simulation runs, as its causes and events name it.
constexpr int simulated = 0;

/// Fills the text columns of a row from what its step recorded.
void summarize(const Profile& profile, SimRow& row) {
    for (const Cause& cause : row.outcome.causes) {
        append(row.rules, cause.rule, ";");
        // Some rules have no sentence (the story's own lines show them): add no blank.
        const std::string sentence =
            cause_sentence(cause, cause.character == the_player ? you() : profile);
        if (!sentence.empty()) {
            append(row.reason, sentence, " ");
        }
    }
    for (const Event& event : row.outcome.events) {
        append(row.event, event_name(event.kind), ";");
        if (event.kind == EventKind::RuptureOpen) {
            append(row.reason, event_sentence(event, profile), " ");
        }
    }
}

/// One step: a character's line toward the player, or the player's move toward the character.
void run_step(const Params& params, const Profile& profile, State& state, PlayerState& player,
              const SimStep& step, Random& random, SimRow& row) {
    if (step.toward_player) {
        apply_to_player(params, player, step.move, row.outcome);
        express(params, simulated, state, step.move, row.outcome);
        return;
    }
    if (is_blocked(player, step.move)) {
        row.event = "blocked";
        row.rules = "player_flooded";
        row.reason = blocked_sentence();
        return;
    }
    apply_move(params, profile, simulated, state, step.move, {}, random, row.outcome);
    if (is_self_regulation(step.move)) {
        apply_to_player(params, player, step.move, row.outcome);
    }
}

} // namespace

std::optional<SimStep> parse_sim_step(std::string_view text) {
    SimStep step;
    if (!text.empty() && text.front() == '@') {
        step.toward_player = true;
        text.remove_prefix(1);
    }
    const std::optional<Move> move = move_from_name(text);
    if (!move) {
        return std::nullopt;
    }
    step.move = *move;
    return step;
}

std::vector<SimRow> simulate(const Params& params, const Profile& profile,
                             std::span<const SimStep> steps, std::uint64_t seed) {
    State state = initial_state(params, profile);
    PlayerState player = initial_player_state(params);
    Random random{seed};
    std::vector<SimRow> rows;
    rows.reserve(steps.size() + 1);
    for (const SimStep& step : steps) {
        SimRow row;
        row.step = static_cast<int>(rows.size()) + 1;
        row.move = (step.toward_player ? "@" : "") + std::string(move_name(step.move));
        run_step(params, profile, state, player, step, random, row);
        settle(params, profile, state);
        settle_player(params, player);
        row.state = state;
        row.player = player;
        if (row.event.empty()) {
            summarize(profile, row);
        }
        rows.push_back(std::move(row));
    }
    if (state.rupture_open) {
        SimRow end;
        end.step = static_cast<int>(rows.size()) + 1;
        end.move = "end";
        end_scene(simulated, state, end.outcome);
        end.state = state;
        end.player = player;
        summarize(profile, end);
        rows.push_back(std::move(end));
    }
    return rows;
}

std::vector<SimRow> simulate(const Params& params, const Profile& profile,
                             std::span<const Move> moves, std::uint64_t seed) {
    std::vector<SimStep> steps;
    steps.reserve(moves.size());
    for (Move move : moves) {
        steps.push_back({move, false});
    }
    return simulate(params, profile, steps, seed);
}

} // namespace attune::model
