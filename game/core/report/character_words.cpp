#include "report/character_words.h"

#include "model/relational_model.h"
#include "model/sentences.h"

namespace attune::report {

namespace {

// Where the page starts calling a dimension "high" or "low". The labels are for teaching
// (docs/model.md): the model itself treats both dimensions as continuous.
constexpr double high = 0.6;
constexpr double low = 0.4;

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
        text.replace(at, from.size(), to);
        at += to.size();
    }
}

} // namespace

std::string attachment_words(const model::Profile& p) {
    const bool anxious = p.anxiety >= high;
    const bool avoidant = p.avoidance >= high;
    std::string words;
    if (anxious && avoidant) {
        words = "{name} wants closeness and fears it: under stress {they} may reach toward you "
                "and pull away in turn.";
    } else if (anxious) {
        words = "{name} worries about being left or not mattering: under stress {they} "
                "reach{es} out harder, and silence reads as rejection.";
    } else if (avoidant) {
        words = "{name} keeps feelings close: under stress {they} pull{s} back and need{s} "
                "room, and pressing pushes {them} further away.";
    } else if (p.anxiety < low && p.avoidance < low) {
        words = "{name} feels fairly secure: {they} can usually say what hurts and take in a "
                "repair.";
    } else if (p.anxiety >= p.avoidance) {
        words = "{name} is mostly steady, with some worry about being let down when things "
                "get tense.";
    } else {
        words = "{name} is mostly steady, and needs a little room when things get tense.";
    }
    // Verbs agree with the pronoun: "she reaches", "they reach".
    replace_all(words, "{es}", p.plural_verbs ? "" : "es");
    replace_all(words, "{s}", p.plural_verbs ? "" : "s");
    return model::fill(words, p);
}

std::string starting_words(const model::Profile& profile) {
    // describe() reads a state; a story's starting numbers are all it needs here (the
    // default window, resting arousal: nobody starts a story flooded).
    model::State state;
    state.safety = profile.safety;
    state.distance = profile.distance;
    return model::describe(state);
}

} // namespace attune::report
