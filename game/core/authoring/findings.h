#pragma once
// What the story testers (check --explore, check --random) find: a located problem plus,
// when a playthrough shows it, the exact choices that lead there so an author can replay it.

#include "base/diagnostic.h"
#include "base/json_document.h"
#include "model/relational_model.h"
#include "story/story.h"

#include <cstdint>
#include <string>
#include <vector>

namespace attune {

struct Finding {
    Diagnostic diagnostic;    ///< line and column are found by locate_in_story()
    std::vector<int> choices; ///< 1-based choice numbers as `attune text` shows them
    std::uint64_t seed = 0;   ///< the session seed that replays `choices` exactly
    bool has_path = false;    ///< whether `choices` reproduces the finding
};

/// Where each of `pointers` is in the file `story` was loaded from, found in one walk; an
/// empty pointer, or a file that cannot be read, gives no place (line and column 0).
std::vector<TextPosition> locate_in_story(const Story& story,
                                          const std::vector<std::string>& pointers);

/// "attune text FILE --seed S --choices 1,3,2": replays the finding's playthrough.
std::string reproduce_command(const std::string& file, const Finding& finding);

/// "1,3,2"
std::string choice_list(const std::vector<int>& choices);

/// Pointers into the story file, for findings.
std::string scene_pointer(int scene);
std::string choice_pointer(int scene, int choice);
std::string ending_pointer(int ending);

/// Remembers, for every move of every choice, whether taking it ever changed anything.
/// Both testers feed it every choice they take and report the moves that never did.
class MoveEffectTracker {
public:
    explicit MoveEffectTracker(const Story& story);
    void note(int scene, int choice, const model::Outcome& outcome);
    void report(std::vector<Finding>& findings) const;
    /// How many findings report() gives.
    std::size_t inert_moves() const;

private:
    bool inert(std::size_t scene, std::size_t choice, std::size_t move) const;
    const Story& story_;
    // Flat lists, not one per scene and per choice: a 45,000-scene story has 132,000
    // choices, and a small list each cost 10 MB while its playthroughs ran.
    std::vector<int> first_choice_;     ///< [scene], and the end: where its choices start
    std::vector<int> first_move_;       ///< [first_choice_[scene] + choice]: where its moves start
    std::vector<std::uint8_t> taken_;   ///< [first_choice_[scene] + choice]
    std::vector<std::uint8_t> changed_; ///< [first_move_[...] + move]
};

/// Whether any character still has a rupture open.
bool any_rupture_open(const std::vector<model::State>& characters);

/// A `repaired` ending reached while a rupture is still open.
Finding ending_mismatch(const Story& story, int ending,
                        const std::vector<model::State>& characters);

} // namespace attune
