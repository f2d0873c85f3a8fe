#pragma once
// Pictures of a run: each character's safety, distance and arousal over the moves, with
// the window of tolerance shaded and ruptures and repairs marked, as one self-contained
// SVG, so an author or researcher can see why a repair failed instead of reading columns.

#include "model/relational_model.h"
#include "model/simulation.h"

#include <string>
#include <vector>

namespace attune {

class Session;

/// One character's state after one step.
struct PlotPoint {
    double safety = 0;
    double distance = 0;
    double arousal = 0;
    double window_low = 0;
    double window_high = 0;
    bool rupture = false; ///< a rupture opened at this step
    bool repair = false;  ///< a repair landed at this step
    bool open = false;    ///< a rupture is open after this step
};

/// One character over the whole run; point 0 is the start.
struct PlotSeries {
    std::string name;
    std::vector<PlotPoint> points;
};

/// A whole run: what each step was (steps.size() + 1 == points per series) and who.
struct Plot {
    std::string title;
    std::vector<std::string> steps; ///< "validate", "@contempt", "scene: choice"
    std::vector<PlotSeries> series;
};

/// The state a point shows.
PlotPoint plot_point(const model::State& state);

/// `attune sim`'s rows as a plot of one character.
Plot plot_of_simulation(const std::string& title, const model::Profile& profile,
                        const model::State& start, const std::vector<model::SimRow>& rows);

/// One playthrough (the session's history) as a plot of every character.
Plot plot_of_session(const Session& session);

/// The SVG document: one panel per character, stacked.
std::string plot_svg(const Plot& plot);

} // namespace attune
