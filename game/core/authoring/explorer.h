#pragma once
// check --explore: plays every enabled choice from every distinct state a story can be
// in (scene, flags, variables, visit counts that conditions read, and each character's
// relational state), like ChoiceScript's quicktest but with the relational model running.
// States whose numbers differ only within a tolerance are merged so the search ends.

#include "authoring/findings.h"
#include "model/params.h"
#include "story/story.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace attune {

struct ExploreOptions {
    std::size_t state_budget = 250000; ///< stop after this many distinct states
    double tolerance = 10.0;           ///< relational numbers (0..100) merge in bands this wide
    int repair_within = 5;  ///< a rupture needs a repair reachable within this many choices
    std::uint64_t seed = 1; ///< the model's random draws follow this seed
    /// Called every 1,000 states explored with the number explored, for a progress line;
    /// may be empty.
    std::function<void(long explored)> progress = {};
};

struct ExploreReport {
    ExploreOptions options;
    std::size_t states = 0; ///< distinct states after merging
    std::size_t merged = 0; ///< arrivals merged into a state that differed within the tolerance
    std::size_t transitions = 0; ///< choices played
    bool budget_hit = false;
    std::vector<std::uint8_t> scene_reached;
    std::vector<std::uint8_t> ending_reached;
    std::vector<std::vector<std::uint8_t>> choice_taken; ///< [scene][choice]
    std::vector<Finding> findings;
};

ExploreReport explore_story(const std::shared_ptr<const Story>& story,
                            const std::shared_ptr<const model::Params>& params,
                            const ExploreOptions& options);

} // namespace attune
