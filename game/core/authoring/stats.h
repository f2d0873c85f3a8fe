#pragma once
// attune stats: the size of a story and how long it takes to play, like Twine's Details
// panel and `inklecate -s`, plus the relational moves it uses.

#include "model/moves.h"
#include "model/params.h"
#include "story/story.h"

#include <array>
#include <memory>

namespace attune {

/// Reading speed for play-time estimates, plus a pause to weigh each choice.
inline constexpr double reading_words_per_minute = 200;
inline constexpr double seconds_per_choice = 5;

struct StoryStats {
    int words = 0; ///< every word an author wrote: lines, choices, reasons, endings
    int scenes = 0;
    int choices = 0;
    int endings = 0;
    std::array<int, 3> endings_by_kind{}; ///< indexed by EndingKind
    int characters = 0;
    std::array<int, move_count> moves{}; ///< how many choices carry each move
    std::array<int, 3> moves_by_kind{};  ///< indexed by MoveKind
    int runs = 0;                        ///< random playthroughs behind the figures below
    double average_words = 0;
    double average_choices = 0;
    int longest_words = 0;
    int longest_choices = 0;
};

/// Play time in minutes for a playthrough of this many words and choices.
double play_minutes(double words, double choices);

/// Counts the story and plays `runs` seeded random playthroughs for the lengths.
StoryStats story_stats(const std::shared_ptr<const Story>& story,
                       const std::shared_ptr<const model::Params>& params, int runs = 1000,
                       std::uint64_t seed = 1);

} // namespace attune
