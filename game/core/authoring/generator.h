#pragma once
// attune generate: large valid stories for benchmarks and stress tests, shaped like the
// issue's comparison with inkjs and ChoiceScript: scenes of about 100 words, three choices
// of about 8 words leading up to 30 scenes ahead (no loops), about 2% of them endings,
// everything reachable, so a random playthrough makes about 38 choices. A choice into a
// 'repaired' ending waits until no rupture is open, so the story passes its own check.

#include <nlohmann/json.hpp>

#include <cstdint>

namespace attune {

struct GeneratorOptions {
    int scenes = 1500; ///< scenes and endings together
    std::uint64_t seed = 1;
};

/// The story as JSON in the Attune format; the same options always give the same story.
nlohmann::ordered_json generate_story(const GeneratorOptions& options);

} // namespace attune
