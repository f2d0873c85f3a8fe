#pragma once
// check --random: many seeded random playthroughs, like ChoiceScript's randomtest, with
// the relational model running on every choice. Each playthrough picks uniformly among
// the enabled choices; the same seed always gives the same report, and every failure
// comes with the seed and choice numbers that replay it in `attune text`.

#include "authoring/findings.h"
#include "model/params.h"
#include "story/story.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

namespace attune {

struct PlaytestOptions {
    int runs = 10000;
    std::uint64_t seed = 1;
    int max_choices = 1000;      ///< a playthrough this long is taken to be stuck in a loop
    int repair_within = 5;       ///< choices after a rupture within which a repair should land
    double hard_to_reach = 0.01; ///< scenes and endings reached by fewer playthroughs are reported
    /// Called every 100 playthroughs with (done, runs), for a progress line; may be empty.
    std::function<void(long done, long total)> progress = {};
};

struct PlaytestReport {
    PlaytestOptions options;
    std::vector<int> scene_runs;  ///< playthroughs that entered each scene at least once
    std::vector<long> scene_hits; ///< entries into each scene, over all playthroughs
    std::vector<int> ending_runs; ///< playthroughs that ended at each ending
    int finished = 0;             ///< playthroughs that reached an ending
    long total_words = 0;   ///< words read (lines shown and choices taken) in finished playthroughs
    long total_choices = 0; ///< choices taken in finished playthroughs
    int longest_words = 0;
    int longest_choices = 0;
    /// Every finding but the hard-to-reach ones, in order; those stand at hard_to_reach_at.
    std::vector<Finding> findings;
    /// The endings, then the scenes, that fewer than options.hard_to_reach of the
    /// playthroughs reached: an ending by its index, a scene by the number of endings plus
    /// its index. A big story has one for nearly every scene (43,000 of 45,000), which as
    /// Findings took 20 MB though all they say is already here (ending_runs, scene_runs),
    /// so for_each_finding() makes their findings as they are read.
    std::vector<int> hard_to_reach;
    std::size_t hard_to_reach_at = 0; ///< how many of `findings` come before them

    double average_words() const { return finished ? double(total_words) / finished : 0; }
    double average_choices() const { return finished ? double(total_choices) / finished : 0; }
};

PlaytestReport playtest_story(const std::shared_ptr<const Story>& story,
                              const std::shared_ptr<const model::Params>& params,
                              const PlaytestOptions& options);

/// Calls `take` with each finding of `report` in order, the hard-to-reach ones made one at
/// a time as they come (not located: line and column 0). `story` is the one played.
void for_each_finding(const Story& story, const PlaytestReport& report,
                      const std::function<void(const Finding&)>& take);

/// Words in a piece of text (runs of non-space characters).
int count_words(std::string_view text);

} // namespace attune
