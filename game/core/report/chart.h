#pragma once
// The debrief's chart: each character's felt safety and distance over a timeline, with
// ruptures and repairs marked, as inline SVG. No numbers on it: it shows the shape of
// what happened, as the game's own ending chart does.

#include "report/debrief_record.h"

#include <string>

namespace attune::report {

/// An <svg> element for `timeline` (a timeline of `record`). Marks differ in shape as
/// well as colour (a broken ring for a rupture, a ring round a dot for a repair), so the
/// chart reads in black and white and without colour vision.
std::string timeline_svg(const DebriefRecord& record, const Timeline& timeline);

/// The colour a character is printed in: their story colour darkened for white paper.
std::string print_color(const DebriefRecord& record, std::size_t character);

} // namespace attune::report
