#pragma once
// The story so far, drawn two ways: a small strip of past choices to click back to while
// playing, and a chart of felt safety and distance over the whole story for the ending.

#include "screens.h"

namespace attune {

/// One dot per choice taken, ruptures and repairs marked; clicking a dot rewinds there.
void timeline_strip(ScreenContext& context, float width);

/// Felt safety and distance for each character at every step, ruptures and repairs marked.
void timeline_chart(ScreenContext& context, float width, float height);

/// The text of the choice taken at history step `step`.
std::string choice_text(const Session& session, std::size_t step);

} // namespace attune
