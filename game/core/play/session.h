#pragma once
// A Session plays one Story. It owns every piece of mutable state; the Story and the
// model parameters are shared and never change. The state is plain data, so rewinding
// is restoring a copy and saving is writing it out. Nothing in the state grows with the
// number of scenes, so a step costs the same in a small story and a huge one.

#include "base/random.h"
#include "base/result.h"
#include "model/relational_model.h"
#include "play/visit_counts.h"
#include "play/vote_split.h"
#include "story/story.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace attune {

/// Everything that changes while playing. Comparable, so tests can prove that rewinding
/// and loading give back exactly the same state.
struct SessionState {
    int scene = 0;
    int ending = -1; ///< index into Story::endings once finished
    std::vector<double> variables;
    std::vector<std::uint8_t> flags;
    VisitCounts visits; ///< only the scenes entered
    std::vector<model::State> characters;
    model::PlayerState player;
    Random random;
    std::vector<int> shown_lines; ///< the lines shown on entering this scene or ending
    int turn = 0;                 ///< choices taken so far
    bool operator==(const SessionState&) const = default;
};

/// One line of text as the player reads it.
struct ShownLine {
    int speaker = -1; ///< character index, or -1 for narration
    std::string text;
};

/// A choice as offered right now.
struct ChoiceView {
    int index = 0;  ///< index in the scene's choices
    int number = 0; ///< the number the player sees: 1-based in the menu, struck-through included
    std::string id;
    std::string text;
    bool enabled = true;
    std::string reason; ///< why it is disabled
};

/// One choice taken, kept for rewind, history and the timeline.
struct Step {
    SessionState before; ///< the state at the choice point
    int scene = 0;
    int choice = 0;                     ///< index in the scene's choices
    model::Outcome outcome;             ///< what the choice (and the scene it led to) changed
    std::optional<VoteSplit> room_vote; ///< how the room voted on it, when a room chose it
};

class Session {
public:
    Session(std::shared_ptr<const Story> story, std::shared_ptr<const model::Params> params,
            std::uint64_t seed);

    const Story& story() const { return *story_; }
    const std::shared_ptr<const Story>& shared_story() const { return story_; }
    const model::Params& params() const { return *params_; }
    std::uint64_t seed() const { return seed_; }
    const SessionState& state() const { return state_; }

    /// The lines of the current scene, or of the ending once finished.
    std::vector<ShownLine> lines() const;

    /// The menu shown now, numbered as the player sees it: hidden choices are left out,
    /// struck-through ones keep their number and carry their reason. When a choice is
    /// closed because the player is flooded and no open choice lets them regulate, "Take a
    /// breath." comes last (index: the scene's choice count; see take_a_breath()), so a
    /// flooded player is never left with only harsh replies. Every face (the window's
    /// number keys, `attune text`, `play --choices`, check's replay lines) uses these
    /// numbers, so one list of numbers plays the same everywhere.
    std::vector<ChoiceView> choices() const;

    /// Takes the choice the player sees as `number` in choices(). Returns false, changing
    /// nothing, when there is no such number or that choice is struck through.
    bool choose_number(int number);

    /// Whether the engine offers "Take a breath." in the current menu.
    bool offers_breath() const;

    /// Whether any choice of the current menu is closed because of the player's flooding
    /// (the listening block, or an author's condition on the player's state).
    bool closes_for_flooding() const;

    /// The reflection prompts of the ending whose conditions hold now.
    std::vector<std::string> reflection() const;

    /// Takes the choice with this index in the scene (see ChoiceView::index). Returns
    /// false, changing nothing, if it is not shown or not enabled.
    bool choose(int index);
    bool choose(std::string_view choice_id);

    bool is_finished() const { return state_.ending >= 0; }
    const Ending* ending() const;
    const Scene& scene() const { return story_->scenes[state_.scene]; }

    /// What the last choice changed (empty at the start and after a rewind).
    const model::Outcome& last_outcome() const { return last_outcome_; }

    /// Every choice taken, oldest first.
    const std::vector<Step>& history() const { return history_; }

    /// The state just after history()[step]: the next step's `before`, or now after the
    /// last. (Steps keep only the state before them, so a step costs one copy.)
    const SessionState& state_after(std::size_t step) const {
        return step + 1 < history_.size() ? history_[step + 1].before : state_;
    }

    /// Keeps how the room voted beside the choice just taken (history().back()), for the
    /// history and the debrief. Refused, changing nothing, with the reason in words, when
    /// no choice has been taken, or the split is of another scene, chose another choice,
    /// names a choice the scene does not have, or does not add up (counts kept below the
    /// minimum, a count per choice above it, nothing negative).
    Result<void> record_room_vote(VoteSplit split);

    /// Goes back to the choice point before step `step` (0 = the start); the steps after
    /// it go, with their room votes. Returns false when there is no such step.
    bool rewind_to(std::size_t step);

    /// Renders a template of this story against the current state.
    std::string render(const Template& text) const;

    /// Who a cause, event or text hole names: a character's profile, or model::you().
    const model::Profile& person(int character) const;

    /// A cause or event in the model's words, with its character's name and pronouns.
    std::string words(const model::Cause& cause) const;
    std::string words(const model::Event& event) const;

    /// Evaluates one condition against the current state.
    bool holds(const Expression& condition) const;

    /// Author mode: goes straight to a scene, as if a choice had led there. Rewind still
    /// returns to the choice points before the jump.
    void jump_to(int scene);

    /// Replaces the whole state (used by save loading when a story has changed).
    void restore(const SessionState& state, std::vector<Step> history);

private:
    std::shared_ptr<const Story> story_;
    std::shared_ptr<const model::Params> params_;
    std::uint64_t seed_;
    SessionState state_;
    std::vector<Step> history_;
    model::Outcome last_outcome_;

    void enter_scene(int scene, model::Outcome& outcome);
    void take_breath(model::Outcome& outcome);
    void pass_time(double minutes, model::Outcome& outcome);
    void apply_feels(const std::vector<Feels>& feels, model::Outcome& outcome);
    bool closed_for_flooding(const Choice& choice) const;
    void enter_ending(int ending, model::Outcome& outcome);
    std::vector<int> show_lines(const std::vector<Line>& lines, model::Outcome& outcome);
    void apply_effects(const Effects& effects, model::Outcome& outcome);
    void apply_choice_moves(const Choice& choice, model::Outcome& outcome);
    std::string blocked_reason(const Choice& choice) const;
};

} // namespace attune
