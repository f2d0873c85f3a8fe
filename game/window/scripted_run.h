#pragma once
// `attune play`: play a story in the window, optionally scripted (take these choices,
// capture a screenshot, or measure frame times) for tests, authors and benchmarks.

#include "app.h"

#include <string>
#include <vector>

namespace attune {

/// What `attune play` was asked to do beyond opening the window.
struct ScriptedRun {
    std::shared_ptr<const Story> story;
    std::vector<int> choices; ///< menu numbers (Session::choices), as the number keys
    std::string screenshot;   ///< PNG to write, then exit
    std::string screen;       ///< library, play, ending or settings
    int bench_frames = 0;     ///< frames to measure, then exit
};

/// Runs the window for `run`; returns the exit status (messages go to stderr/stdout).
int run_play(const ScriptedRun& run, const AppOptions& options,
             std::shared_ptr<const model::Params> params);

/// Opens the library in the window (plain `attune`).
int run_library(const AppOptions& options, std::shared_ptr<const model::Params> params);

} // namespace attune
