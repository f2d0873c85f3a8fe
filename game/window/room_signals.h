#pragma once
// What passes between room mode and whatever counts the room's choice: a show of hands
// the facilitator types in, or phones (game/host). Plain data both ways, so a host plugs
// in without knowing the window: it reads a RoomOffer each frame and answers with
// RoomSignals.

#include <string>
#include <vector>

namespace attune {

/// What is on offer to the room right now, for a host to open (or close) a round.
struct RoomOffer {
    std::string story_id;
    std::string scene_id;                  ///< empty when no scene is on show
    bool choosing = false;                 ///< the choices are on the projector now
    std::vector<std::string> choice_ids;   ///< the enabled choices, in the projector's order
    std::vector<std::string> choice_texts; ///< the same, as the room reads them
    std::string talk_to;                   ///< "you can talk to ..." for the phones
};

/// What the room said since the last poll.
struct RoomSignals {
    /// Votes per choice, in RoomOffer's order; empty when nobody counted. A list of the
    /// wrong length (the offer changed meanwhile) is ignored.
    std::vector<int> votes;
    int pause_requests = 0; ///< participants who asked for a pause since the last poll
};

} // namespace attune
