#pragma once
// Who a character is, as far as the model cares: fixed data a story hands the model.
// A header of its own so that stories and the model share it without either reaching up.

#include <string>

namespace attune::model {

/// Who a character is, as far as the model cares. Fixed for a whole story.
struct Profile {
    std::string name = "Sam";
    std::string subject = "they"; ///< pronoun used in cause sentences ("while she was upset")
    std::string object = "them";
    std::string possessive = "their";
    bool plural_verbs = true; ///< "they were" vs "she was"
    double anxiety = 0.3;     ///< attachment anxiety in [0, 1]
    double avoidance = 0.3;   ///< attachment avoidance in [0, 1]
    double safety = 50;       ///< starting felt safety (0..100)
    double distance = 50;     ///< starting distance (0..100)
    double window_low = -1;   ///< window of tolerance; negative = use the params' default
    double window_high = -1;
    double arousal = -1;          ///< starting arousal; negative = the params' resting level
    bool starts_ruptured = false; ///< the story opens after a falling-out not yet mended
};

} // namespace attune::model
