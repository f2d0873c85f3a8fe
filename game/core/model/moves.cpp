#include "model/moves.h"

namespace attune {

namespace {

constexpr std::array<std::string_view, move_count> names = {
    "validate",    "reflect",        "empathize",
    "ask",         "reassure",       "appreciate",
    "turn_toward", "gentle_startup", "take_responsibility",
    "apologize",   "repair",         "humor",
    "self_soothe", "take_break",     "return",
    "give_space",  "set_boundary",   "disclose",
    "comfort",     "advise",         "minimize",
    "dismiss",     "defend",         "criticize",
    "contempt",    "stonewall",      "withdraw",
    "pursue",      "turn_away",      "turn_against",
    "blame",       "deceive",        "neutral",
};

constexpr std::array<Move, move_count> make_all() {
    std::array<Move, move_count> moves{};
    for (int i = 0; i < move_count; ++i) {
        moves[i] = static_cast<Move>(i);
    }
    return moves;
}

constexpr std::array<Move, move_count> every_move = make_all();

} // namespace

std::string_view move_name(Move move) {
    return names[static_cast<int>(move)];
}

std::optional<Move> move_from_name(std::string_view name) {
    for (int i = 0; i < move_count; ++i) {
        if (names[i] == name) {
            return static_cast<Move>(i);
        }
    }
    return std::nullopt;
}

MoveKind move_kind(Move move) {
    if (move == Move::Neutral) {
        return MoveKind::Neutral;
    }
    return move < Move::Advise ? MoveKind::Attuning : MoveKind::Misattuning;
}

const std::array<Move, move_count>& all_moves() {
    return every_move;
}

} // namespace attune
