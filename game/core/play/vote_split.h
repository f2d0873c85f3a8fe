#pragma once
// What a room decided at one menu, in aggregate only: how many took part and how the
// votes split, never who voted or when. It is what the session history and the debrief
// keep of a room vote (the host face fills it; the core only carries it).

#include <string>
#include <vector>

namespace attune {

/// One menu's room vote. Below the room's minimum number of votes the counts are left
/// empty, so that a small split (2 to 1) can never single anyone out, here or later.
struct VoteSplit {
    std::string scene_id;
    std::vector<std::string> choice_ids;   ///< the menu's choices, in the order shown
    std::vector<std::string> choice_texts; ///< as the room read them
    std::vector<int> counts;               ///< per choice; empty below the minimum
    int passes = 0;                        ///< took part without choosing; 0 below the minimum
    bool below_minimum = false;            ///< too few votes for any count to be kept
    bool close_call = false;               ///< the top two were within the room's margin
    int chosen = -1;                       ///< index into choice_ids; -1 when nothing was chosen
    bool overridden = false; ///< the facilitator chose other than the most votes (or decided a tie)
    std::string override_reason; ///< the facilitator's own note: for their eyes, never projected
    bool operator==(const VoteSplit&) const = default;
};

} // namespace attune
