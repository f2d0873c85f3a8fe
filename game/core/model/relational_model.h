#pragma once
// The relational-state model: how one character feels toward the player, and how each
// move changes that. Pure functions over plain data, so a session can copy, compare,
// save and rewind the state, and tests can drive the model with no story at all.

#include "base/random.h"
#include "model/moves.h"
#include "model/params.h"
#include "model/profile.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace attune::model {

enum class Override : int { Negative = -1, Neutral = 0, Positive = 1 };

/// "negative", "neutral" or "positive", as saves, traces and the simulator write it.
std::string_view override_name(Override override);

/// The mutable state of one character toward the player. Plain data: copyable, comparable.
struct State {
    double safety = 50;
    double distance = 50;
    double arousal = 20;
    double resting_arousal = 20;
    double window_low = 10;     ///< below: shut down
    double window_high = 70;    ///< above: flooded
    double positive_ledger = 0; ///< recent positive weight (decays)
    double negative_ledger = 0; ///< recent negative weight (decays)
    Override override = Override::Neutral;
    double repair_confidence = 0; ///< grows with repairs that land
    double trust_ceiling = 100;   ///< lowered by deception
    int bids_made = 0;
    int bids_answered = 0;
    bool rupture_open = false;
    int rupture_kind = -1; ///< the Move that opened the open rupture, or -1
    int rupture_step = -1;
    int last_repaired_kind = -1; ///< the kind of the last rupture that was repaired
    int last_repair_step = -1;
    int repairs_landed = 0;
    int ruptures = 0;
    int step = 0;          ///< moves received so far
    bool on_break = false; ///< a take_break is waiting for its return
    // The window narrows with low safety; repairs restore safety gradually (docs/model.md).
    double base_window_low = 10; ///< the window at full safety; low safety narrows it
    double base_window_high = 70;
    double pre_rupture_safety = 50; ///< safety just before the open (or last) rupture
    double repair_progress = 0;     ///< safety restored by repair moves since the rupture
    int carryover_left = 0;         ///< moves left during which safety stays below pre-rupture
    bool double_deviation = false;  ///< the open rupture repeats one just repaired
    int last_move = -1;             ///< the previous Move received (antidotes follow horsemen)
    bool operator==(const State&) const = default;
};

/// The player's own activation: characters' lines can flood the player too.
struct PlayerState {
    double arousal = 20;
    double resting_arousal = 20;
    double window_high = 70;
    bool operator==(const PlayerState&) const = default;
};

/// Who a cause or event is about: the model is story-agnostic, so callers name a character
/// by an index of their own (a story's character index) and the player by `the_player`.
inline constexpr int the_player = -1;

/// One recorded change: who, which move, which rule fired and what moved. Facts only; the
/// words for players come from model/sentences.h.
struct Cause {
    int character = the_player; ///< the caller's index of the character, or the_player
    Move move = Move::Neutral;
    std::string rule; ///< the rule's id, e.g. "advise_while_distressed"
    double d_safety = 0;
    double d_distance = 0;
    double d_arousal = 0;
    int by = the_player; ///< a move toward the player: the caller's index of who made it
    int line = -1;       ///< ...and the caller's index of the line that carried it
};

enum class EventKind { Rupture, Repair, RuptureOpen };

/// A rupture opened, a repair landed, or a rupture was still open at the end of a scene.
struct Event {
    EventKind kind = EventKind::Rupture;
    int character = 0; ///< the caller's index of the character
    Move move = Move::Neutral;
    std::string rule; ///< rupture, repair: the rule of the move's first cause, which explains it
};

/// What one call changed. Appended to, never cleared, by the functions below.
struct Outcome {
    std::vector<Cause> causes;
    std::vector<Event> events;
};

/// The state a character starts a story with.
State initial_state(const Params& params, const Profile& profile);
PlayerState initial_player_state(const Params& params);

/// Apply one move made toward the character, whom causes and events name by `character`.
/// `together` holds the other moves of the same choice (give_space with reassure lands
/// differently from give_space alone).
void apply_move(const Params& params, const Profile& profile, int character, State& state,
                Move move, std::span<const Move> together, Random& random, Outcome& outcome);

/// Time passes between choices: arousal drifts back toward rest, ledgers fade.
void settle(const Params& params, const Profile& profile, State& state);

/// A character's line carries `move` toward the player (criticism raises the player's
/// arousal); the player's own regulating moves (self_soothe, take_break) calm them.
void apply_to_player(const Params& params, PlayerState& player, Move move, Outcome& outcome);
void settle_player(const Params& params, PlayerState& player);

bool is_flooded(const State& state);
bool is_shut_down(const State& state);
bool is_player_flooded(const PlayerState& player);

/// Moves with which the player regulates themselves (self_soothe, take_break, return):
/// the session also passes these to apply_to_player.
bool is_self_regulation(Move move);

/// Repair attempts: they close an open rupture when they land.
bool is_repair_move(Move move);

/// Whether anxiety and avoidance are both high enough for approach and withdrawal to alternate.
bool is_disorganized(const Params& params, const Profile& profile);

/// When the player is flooded, attuned listening moves are out of reach until they
/// regulate (model/sentences.h says why in words).
bool is_blocked(const PlayerState& player, Move move);

/// Harsh moves (criticize, contempt, blame, defend, stonewall, pursue, turn_against): said
/// aloud, they stir up the one who says them too (R20).
bool is_harsh(Move move);

/// A character's own line carries `move` toward the player: a harsh move raises the
/// speaker's own arousal by a share of what it does to its receiver, and leaves them at
/// least `speaker_harsh_distress` of the way to flooding (R20). Other moves change nothing.
void express(const Params& params, int character, State& speaker, Move move, Outcome& outcome);

/// How an author says a character is, when the words alone don't show it (a meltdown, tears).
enum class Feeling { Calm, Upset, Flooded };

/// "calm", "upset", "flooded": the words stories use, in enum order.
std::span<const std::string_view> feeling_names();

/// The arousal a feeling stands for, within this character's current window: calm is rest,
/// upset is `speaker_harsh_distress` of the way to flooding, flooded is past the window's top.
double feeling_arousal(const Params& params, const State& state, Feeling feeling);

/// The author sets a character's arousal (an explicit number or a feeling's arousal).
void feel(int character, State& state, double arousal, Outcome& outcome);

/// `minutes` pass (a walk, a break, a night's sleep): everyone's excess arousal halves every
/// `recovery_half_life_minutes`, so twenty minutes bring a flooded person back within their
/// window (R6). Safety and the ledger do not change: time calms bodies, it does not repair.
void pass_time(const Params& params, int character, State& state, double minutes, Outcome& outcome);
void pass_time(const Params& params, PlayerState& player, double minutes, Outcome& outcome);

/// At the end of a scene: an open rupture of `character` is reported as an event.
void end_scene(int character, const State& state, Outcome& outcome);

} // namespace attune::model
