#pragma once
// The relational moves a choice (or a character's line) can make.
// The vocabulary is fixed: stories name moves in snake_case and the loader rejects others.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace attune {

/// One relational move: what a reply *does* to the other person, whatever its words.
enum class Move : std::uint8_t {
    // Attuning
    Validate,
    Reflect,
    Empathize,
    Ask,
    Reassure,
    Appreciate,
    TurnToward,
    GentleStartup,
    TakeResponsibility,
    Apologize,
    Repair,
    Humor,
    SelfSoothe,
    TakeBreak,
    Return,
    GiveSpace,
    SetBoundary,
    Disclose,
    Comfort,
    // Misattuning
    Advise,
    Minimize,
    Dismiss,
    Defend,
    Criticize,
    Contempt,
    Stonewall,
    Withdraw,
    Pursue,
    TurnAway,
    TurnAgainst,
    Blame,
    Deceive,
    // Neither
    Neutral,
};

inline constexpr int move_count = static_cast<int>(Move::Neutral) + 1;

/// Whether a move reaches toward the other person, away from them, or neither.
enum class MoveKind : std::uint8_t { Attuning, Misattuning, Neutral };

/// The snake_case name stories use ("turn_toward").
std::string_view move_name(Move move);

/// The move named `name`, or nothing when the name is not in the vocabulary.
std::optional<Move> move_from_name(std::string_view name);

MoveKind move_kind(Move move);

/// Every move, in declaration order (for listings, docs and exhaustive tests).
const std::array<Move, move_count>& all_moves();

} // namespace attune
