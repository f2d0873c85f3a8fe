#pragma once
// Discussion and reflection prompts as the printed pages show them. A prompt that asks
// about participants' own lives ("Which would your own parent have said?") is marked
// personal: in a room the practice is to discuss the characters, not oneself, so the
// pages say so beside it.

#include "story/story.h"

#include <string>
#include <vector>

namespace attune::report {

/// One question for a group or a player.
struct Prompt {
    std::string text;
    bool personal = false; ///< asks about the participants' own lives
};

/// The scene's discussion prompts. The one place the pages read the story's personal
/// marker, so a change in how the story format carries it changes only this function.
std::vector<Prompt> discussion_prompts(const Scene& scene);

/// All of the ending's reflection prompts, for the prep sheet (a debrief shows only those
/// whose conditions held: Session::reflection). Never marked personal.
std::vector<Prompt> reflection_prompts(const Ending& ending);

} // namespace attune::report
