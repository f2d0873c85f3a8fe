#pragma once
// Runs a list of moves against one character with no story: the engine behind `attune sim`,
// and the same code path the model's tests drive.

#include "model/relational_model.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace attune::model {

/// One step of a simulation: a move the player makes toward the character, or (written
/// "@contempt") a line in which the character makes that move toward the player.
struct SimStep {
    Move move = Move::Neutral;
    bool toward_player = false;
};

/// What one step did. The columns of `attune sim` come from here.
struct SimRow {
    int step = 0;
    std::string move;   ///< "criticize", "@contempt" (toward the player), or "end"
    State state;        ///< the character after the step and the time after it: what the
                        ///< next move meets (causes hold the step's own deltas)
    PlayerState player; ///< the player, likewise
    std::string event;  ///< "", "rupture", "repair", "blocked", "rupture_open"; ";" between several
    std::string rules;  ///< the rule ids that fired, ";" between them
    std::string reason; ///< the plain sentences, one after another
    Outcome outcome;    ///< the full causes and events of this step
};

/// "validate" or "@contempt"; nothing when the move is not in the vocabulary.
std::optional<SimStep> parse_sim_step(std::string_view text);

/// Runs `steps` in order: each step applies its move, lets time pass (settle), then records
/// a row. A blocked player move (the player is flooded) is recorded and not applied.
/// A rupture still open at the end adds a final row with move "end" and event "rupture_open".
std::vector<SimRow> simulate(const Params& params, const Profile& profile,
                             std::span<const SimStep> steps, std::uint64_t seed);

/// The same, for plain moves made by the player.
std::vector<SimRow> simulate(const Params& params, const Profile& profile,
                             std::span<const Move> moves, std::uint64_t seed);

} // namespace attune::model
