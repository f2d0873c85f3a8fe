#pragma once
// `attune room`: run a story for a group in two windows, optionally scripted (take these
// choices, show a moment, write screenshots of both windows, or measure frame times).

#include "room_app.h"

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
    int bench_frames = 0; ///< frames to measure (both windows), then exit
};

/// Runs room mode for `run`; returns the exit status (messages go to stderr/stdout).
int run_room(const RoomRun& run, const RoomOptions& options,
             std::shared_ptr<const model::Params> params);

} // namespace attune
