#pragma once
// `attune room`: run a story for a group in two windows, optionally scripted (take these
// choices, show a moment, write screenshots of both windows, or measure frame times).

#include "room_app.h"
#include "room_voting.h"

#include <optional>
#include <string>
#include <vector>

namespace attune {

/// What `attune room` was asked to do beyond opening the windows.
struct RoomRun {
    std::shared_ptr<const Story> story; ///< null: the facilitator picks one
    std::vector<int> choices;           ///< the room's choices first, 1-based among enabled
    /// A moment to show: headsup, play, choices, discussion, stepout, whatif, ended.
    std::string show;
    std::string projector_png; ///< with facilitator_png: write the windows, then exit
    std::string facilitator_png;
    int bench_frames = 0;               ///< frames to measure (both windows), then exit
    std::unique_ptr<RoomVoting> voting; ///< phones may vote (null: a show of hands only)
    bool vote = false;                  ///< start hosting at once
    std::optional<int> port;            ///< over the settings' vote_port
    std::optional<std::string> address; ///< over the settings' vote_address
    bool print_join = false; ///< print the join address, the room code and each round's news
    /// Tests: the room runs itself, taking each menu's most votes once this many phones
    /// took part, and at the end saves the debrief page, prints its path and exits. Reads
    /// "step out", "step in" and "quit" from stdin.
    int auto_confirm = 0;
};

/// Runs room mode for `run`; returns the exit status (messages go to stderr/stdout).
int run_room(RoomRun run, const RoomOptions& options, std::shared_ptr<const model::Params> params);

} // namespace attune
