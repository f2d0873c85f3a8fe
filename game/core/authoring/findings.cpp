#include "authoring/findings.h"

#include "base/text_file.h"

#include <cmath>

namespace attune {

// The story's own copy of the file's bytes when it keeps one: reading the file again held
// a 45,000-scene story's 47 MB twice while `check --random` located its findings.
std::vector<TextPosition> locate_in_story(const Story& story,
                                          const std::vector<std::string>& pointers) {
    std::vector<TextPosition> out;
    if (story.texts) {
        out = locate_pointers(story.texts->file(), pointers);
    } else if (const Result<std::string> text = read_text_file(story.file)) {
        out = locate_pointers(*text, pointers);
    }
    out.resize(pointers.size());
    for (std::size_t i = 0; i < pointers.size(); ++i) {
        if (pointers[i].empty()) {
            out[i] = {}; // the whole file is no place to point at
        }
    }
    return out;
}

std::string choice_list(const std::vector<int>& choices) {
    std::string out;
    for (const int c : choices) {
        out += (out.empty() ? "" : ",") + std::to_string(c);
    }
    return out;
}

std::string reproduce_command(const std::string& file, const Finding& finding) {
    return "attune text " + file + " --seed " + std::to_string(finding.seed) + " --choices " +
           (finding.choices.empty() ? "\"\"" : choice_list(finding.choices));
}

std::string scene_pointer(int scene) {
    return "/scenes/" + std::to_string(scene);
}

std::string choice_pointer(int scene, int choice) {
    return scene_pointer(scene) + "/choices/" + std::to_string(choice);
}

std::string ending_pointer(int ending) {
    return "/endings/" + std::to_string(ending);
}

bool any_rupture_open(const std::vector<model::State>& characters) {
    for (const model::State& c : characters) {
        if (c.rupture_open) {
            return true;
        }
    }
    return false;
}

Finding ending_mismatch(const Story& story, int ending,
                        const std::vector<model::State>& characters) {
    std::string who;
    for (std::size_t i = 0; i < characters.size(); ++i) {
        if (characters[i].rupture_open) {
            who += (who.empty() ? "" : ", ") + story.characters[i].profile.name;
        }
    }
    Finding f;
    f.diagnostic = {Severity::Error,
                    "ending-kind-mismatch",
                    story.file,
                    0,
                    0,
                    ending_pointer(ending) + "/kind",
                    "ending '" + story.endings[ending].id +
                        "' is 'repaired' but it can be reached with a rupture still open (" + who +
                        ")",
                    "A rupture with any character counts. Let only paths that repair reach this "
                    "ending: guard the choice that leads here with \"if\": \"not "
                    "anyone.rupture\" and give it a sibling choice to an 'open' ending; or make "
                    "this ending's kind 'open'."};
    return f;
}

MoveEffectTracker::MoveEffectTracker(const Story& story) : story_(story) {
    first_choice_.reserve(story.scenes.size() + 1);
    std::size_t moves = 0;
    for (const Scene& scene : story.scenes) {
        first_choice_.push_back(static_cast<int>(first_move_.size()));
        for (const Choice& choice : scene.choices) {
            first_move_.push_back(static_cast<int>(moves));
            moves += choice.moves.size();
        }
    }
    first_choice_.push_back(static_cast<int>(first_move_.size()));
    taken_.assign(first_move_.size(), 0);
    changed_.assign(moves, 0);
}

// A cause counts for a move ref when it names the same move and either its target or the
// player (regulating moves calm the player); an event (rupture, repair) of its target always
// counts. Causes name characters by index, as move refs do.
void MoveEffectTracker::note(int scene, int choice, const model::Outcome& outcome) {
    if (choice >= first_choice_[scene + 1] - first_choice_[scene]) {
        return; // the engine's own breath: not the author's move to check
    }
    const int at = first_choice_[scene] + choice;
    taken_[at] = 1;
    const MoveList& moves = story_.scenes[scene].choices[choice].moves;
    std::uint8_t* const changed = changed_.data() + first_move_[at];
    for (std::size_t m = 0; m < moves.size(); ++m) {
        const int target = moves[m].target;
        for (const model::Cause& cause : outcome.causes) {
            const bool moved =
                std::abs(cause.d_safety) + std::abs(cause.d_distance) + std::abs(cause.d_arousal) >
                1e-9;
            if (moved && cause.move == moves[m].move &&
                (cause.character == target || cause.character == player_target)) {
                changed[m] = 1;
            }
        }
        for (const model::Event& event : outcome.events) {
            if (event.move == moves[m].move && event.character == target) {
                changed[m] = 1;
            }
        }
    }
}

// A move of a choice taken at least once that never changed anything (a neutral move
// is meant not to).
bool MoveEffectTracker::inert(std::size_t scene, std::size_t choice, std::size_t move) const {
    const int at = first_choice_[scene] + static_cast<int>(choice);
    return taken_[at] && !changed_[first_move_[at] + move] &&
           story_.scenes[scene].choices[choice].moves[move].move != Move::Neutral;
}

std::size_t MoveEffectTracker::inert_moves() const {
    std::size_t count = 0;
    for (std::size_t s = 0; s < story_.scenes.size(); ++s) {
        const Scene& scene = story_.scenes[s];
        for (std::size_t c = 0; c < scene.choices.size(); ++c) {
            for (std::size_t m = 0; m < scene.choices[c].moves.size(); ++m) {
                count += inert(s, c, m) ? 1 : 0;
            }
        }
    }
    return count;
}

void MoveEffectTracker::report(std::vector<Finding>& findings) const {
    for (std::size_t s = 0; s < story_.scenes.size(); ++s) {
        const Scene& scene = story_.scenes[s];
        for (std::size_t c = 0; c < scene.choices.size(); ++c) {
            for (std::size_t m = 0; m < scene.choices[c].moves.size(); ++m) {
                if (!inert(s, c, m)) {
                    continue;
                }
                const Move move = scene.choices[c].moves[m].move;
                Finding f;
                f.diagnostic = {
                    Severity::Warning,
                    "inert-move",
                    story_.file,
                    0,
                    0,
                    choice_pointer(int(s), int(c)) + "/moves/" + std::to_string(m),
                    "the move '" + std::string(move_name(move)) + "' of choice '" +
                        std::string(scene.choices[c].id) + "' in scene '" + scene.id +
                        "' never changed anything in any playthrough tried",
                    "Check that this move fits the moment (see docs/model.md), or use 'neutral'."};
                findings.push_back(std::move(f));
            }
        }
    }
}

} // namespace attune
