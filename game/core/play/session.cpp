#include "play/session.h"

#include "model/sentences.h"

#include <algorithm>
#include <cmath>

namespace attune {

namespace {

/// Answers a condition's questions from a session's state.
class StateEnvironment : public Environment {
public:
    explicit StateEnvironment(const SessionState& state) : state_(state) {}

    double lookup(const Slot& slot) const override {
        switch (static_cast<SlotKind>(slot.kind)) {
        case SlotKind::Variable:
            return state_.variables[slot.index];
        case SlotKind::Flag:
            return state_.flags[slot.index];
        case SlotKind::Visits:
            return state_.visits[slot.index];
        case SlotKind::CharacterValue:
            return character_value(state_.characters[slot.index], slot.field);
        case SlotKind::AnyCharacter:
            return std::any_of(
                       state_.characters.begin(), state_.characters.end(),
                       [&](const model::State& c) { return character_value(c, slot.field) != 0; })
                       ? 1.0
                       : 0.0;
        case SlotKind::PlayerValue:
            return slot.field == static_cast<int>(CharacterField::Flooded)
                       ? (model::is_player_flooded(state_.player) ? 1.0 : 0.0)
                       : state_.player.arousal;
        default:
            return 0;
        }
    }

private:
    const SessionState& state_;

    static double character_value(const model::State& c, int field) {
        switch (static_cast<CharacterField>(field)) {
        case CharacterField::Safety:
            return c.safety;
        case CharacterField::Distance:
            return c.distance;
        case CharacterField::Arousal:
            return c.arousal;
        case CharacterField::Flooded:
            return model::is_flooded(c) ? 1 : 0;
        case CharacterField::ShutDown:
            return model::is_shut_down(c) ? 1 : 0;
        case CharacterField::Rupture:
            return c.rupture_open ? 1 : 0;
        case CharacterField::Repairs:
            return c.repairs_landed;
        }
        return 0;
    }
};

std::string number_text(double value) {
    if (value == std::floor(value) && std::abs(value) < 1e15) {
        return std::to_string(static_cast<long long>(value));
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

double clamp100(double v) {
    return std::clamp(v, 0.0, 100.0);
}

} // namespace

Session::Session(std::shared_ptr<const Story> story, std::shared_ptr<const model::Params> params,
                 std::uint64_t seed)
    : story_(std::move(story)), params_(std::move(params)), seed_(seed) {
    state_.variables.reserve(story_->variables.size());
    for (const Variable& v : story_->variables) {
        state_.variables.push_back(v.initial);
    }
    state_.flags.assign(story_->flags.size(), 0);
    for (const Character& c : story_->characters) {
        state_.characters.push_back(model::initial_state(*params_, c.profile));
    }
    state_.player = model::initial_player_state(*params_);
    state_.random.state = seed;
    enter_scene(story_->start, last_outcome_);
    last_outcome_ = {};
}

const Ending* Session::ending() const {
    return is_finished() ? &story_->endings[state_.ending] : nullptr;
}

std::vector<ShownLine> Session::lines() const {
    const std::vector<Line>& all = is_finished() ? ending()->lines : scene().lines;
    std::vector<ShownLine> out;
    out.reserve(state_.shown_lines.size());
    for (const int i : state_.shown_lines) {
        out.push_back({all[i].speaker, render(all[i].text)});
    }
    return out;
}

std::vector<ChoiceView> Session::choices() const {
    std::vector<ChoiceView> out;
    if (is_finished()) {
        return out;
    }
    const Scene& here = scene();
    for (std::size_t i = 0; i < here.choices.size(); ++i) {
        const Choice& choice = here.choices[i];
        const bool available = choice.condition.empty() || holds(choice.condition);
        if (!available && !choice.show_when_unavailable) {
            continue;
        }
        ChoiceView view{static_cast<int>(i),
                        static_cast<int>(out.size()) + 1,
                        std::string(choice.id),
                        render(choice.text),
                        available,
                        ""};
        view.reason = available ? blocked_reason(choice) : render(choice.reason());
        view.enabled = available && view.reason.empty();
        out.push_back(std::move(view));
    }
    if (offers_breath()) {
        const Choice& breath = take_a_breath();
        out.push_back({static_cast<int>(here.choices.size()), static_cast<int>(out.size()) + 1,
                       std::string(breath.id), render(breath.text), true, ""});
    }
    return out;
}

// Closed because of the player's own state: the engine's listening block, or the author's
// condition on the player's arousal or flooding.
bool Session::closed_for_flooding(const Choice& choice) const {
    if (!choice.condition.empty() && !holds(choice.condition)) {
        const auto& slots = choice.condition.slots();
        return std::any_of(slots.begin(), slots.end(), [](const Slot& slot) {
            return static_cast<SlotKind>(slot.kind) == SlotKind::PlayerValue;
        });
    }
    return !blocked_reason(choice).empty();
}

bool Session::closes_for_flooding() const {
    if (is_finished()) {
        return false;
    }
    const std::vector<Choice>& all = scene().choices;
    return std::any_of(all.begin(), all.end(),
                       [&](const Choice& c) { return closed_for_flooding(c); });
}

bool Session::offers_breath() const {
    if (is_finished()) {
        return false;
    }
    bool closed = false;
    for (const Choice& choice : scene().choices) {
        closed |= closed_for_flooding(choice);
        const bool open =
            (choice.condition.empty() || holds(choice.condition)) && blocked_reason(choice).empty();
        const bool regulates =
            std::any_of(choice.moves.begin(), choice.moves.end(), [](const MoveRef& ref) {
                return ref.move == Move::SelfSoothe || ref.move == Move::TakeBreak;
            });
        if (open && regulates) {
            return false; // the story offers its own way to calm down
        }
    }
    return closed;
}

std::vector<std::string> Session::reflection() const {
    std::vector<std::string> out;
    if (const Ending* here = ending()) {
        for (const Prompt& prompt : here->reflection) {
            if (prompt.condition.empty() || holds(prompt.condition)) {
                out.push_back(prompt.text);
            }
        }
    }
    return out;
}

// A flooded player cannot reach the attuned listening moves until they regulate.
std::string Session::blocked_reason(const Choice& choice) const {
    for (const MoveRef& ref : choice.moves) {
        if (model::is_blocked(state_.player, ref.move)) {
            return std::string(model::blocked_sentence());
        }
    }
    return "";
}

bool Session::choose_number(int number) {
    const std::vector<ChoiceView> offered = choices();
    if (number < 1 || number > static_cast<int>(offered.size())) {
        return false;
    }
    const ChoiceView& picked = offered[number - 1];
    return picked.enabled && choose(picked.index);
}

bool Session::choose(std::string_view choice_id) {
    if (is_finished()) {
        return false;
    }
    const std::vector<Choice>& all = scene().choices;
    if (choice_id == breath_id) {
        return choose(static_cast<int>(all.size()));
    }
    const auto it =
        std::find_if(all.begin(), all.end(), [&](const Choice& c) { return c.id == choice_id; });
    return it != all.end() && choose(static_cast<int>(it - all.begin()));
}

bool Session::choose(int index) {
    const std::vector<ChoiceView> offered = choices();
    const auto it = std::find_if(offered.begin(), offered.end(),
                                 [&](const ChoiceView& c) { return c.index == index; });
    if (it == offered.end() || !it->enabled) {
        return false;
    }
    Step step;
    step.before = state_;
    step.scene = state_.scene;
    step.choice = index;
    model::Outcome& outcome = step.outcome;
    if (index == static_cast<int>(scene().choices.size())) {
        take_breath(outcome);
        last_outcome_ = outcome;
        history_.push_back(std::move(step));
        return true;
    }
    const Choice& choice = scene().choices[index];
    apply_choice_moves(choice, outcome);
    apply_effects(choice.effects(), outcome);
    for (std::size_t c = 0; c < state_.characters.size(); ++c) {
        model::settle(*params_, story_->characters[c].profile, state_.characters[c]);
        model::end_scene(static_cast<int>(c), state_.characters[c], outcome);
    }
    model::settle_player(*params_, state_.player);
    ++state_.turn;
    if (choice.next.is_ending) {
        enter_ending(choice.next.index, outcome);
    } else {
        enter_scene(choice.next.index, outcome);
    }
    last_outcome_ = outcome;
    history_.push_back(std::move(step));
    return true;
}

// The player steadies themselves and a moment passes for everyone; the scene stays as it
// was (its lines are not shown again), so the same menu comes back, opened or not.
void Session::take_breath(model::Outcome& outcome) {
    model::apply_to_player(*params_, state_.player, take_a_breath().moves[0].move, outcome);
    for (std::size_t c = 0; c < state_.characters.size(); ++c) {
        model::settle(*params_, story_->characters[c].profile, state_.characters[c]);
        model::end_scene(static_cast<int>(c), state_.characters[c], outcome);
    }
    model::settle_player(*params_, state_.player);
    ++state_.turn;
}

void Session::pass_time(double minutes, model::Outcome& outcome) {
    if (minutes <= 0) {
        return;
    }
    for (std::size_t c = 0; c < state_.characters.size(); ++c) {
        model::pass_time(*params_, static_cast<int>(c), state_.characters[c], minutes, outcome);
    }
    model::pass_time(*params_, state_.player, minutes, outcome);
}

void Session::apply_feels(const std::vector<Feels>& feels, model::Outcome& outcome) {
    for (const Feels& f : feels) {
        model::State& c = state_.characters[f.character];
        const double arousal =
            f.arousal >= 0 ? f.arousal : model::feeling_arousal(*params_, c, f.feeling);
        model::feel(f.character, c, arousal, outcome);
    }
}

void Session::apply_choice_moves(const Choice& choice, model::Outcome& outcome) {
    std::vector<Move> together;
    for (const MoveRef& ref : choice.moves) {
        together.push_back(ref.move);
    }
    for (const MoveRef& ref : choice.moves) {
        if (ref.target >= 0) {
            model::apply_move(*params_, story_->characters[ref.target].profile, ref.target,
                              state_.characters[ref.target], ref.move, together, state_.random,
                              outcome);
        }
    }
    // The player regulates once per kind of move, however many people the choice faces.
    for (std::size_t i = 0; i < together.size(); ++i) {
        const bool first =
            std::find(together.begin(), together.begin() + i, together[i]) == together.begin() + i;
        if (first && model::is_self_regulation(together[i])) {
            model::apply_to_player(*params_, state_.player, together[i], outcome);
        }
    }
}

void Session::apply_effects(const Effects& effects, model::Outcome& outcome) {
    for (const int f : effects.set_flags) {
        state_.flags[f] = 1;
    }
    for (const int f : effects.clear_flags) {
        state_.flags[f] = 0;
    }
    for (const Effects::Number& n : effects.add) {
        // A loop that adds forever stops at the limit instead of reaching infinity.
        state_.variables[n.variable] =
            std::clamp(state_.variables[n.variable] + n.value, -variable_limit, variable_limit);
    }
    for (const Effects::Number& n : effects.assign) {
        state_.variables[n.variable] = n.value;
    }
    for (const Effects::Adjust& a : effects.adjust) {
        model::State& c = state_.characters[a.character];
        const double before[3] = {c.safety, c.distance, c.arousal};
        c.safety = clamp100(std::min(c.safety + a.safety, c.trust_ceiling));
        c.distance = clamp100(c.distance + a.distance);
        c.arousal = clamp100(c.arousal + a.arousal);
        outcome.causes.push_back({a.character, Move::Neutral, "authored", c.safety - before[0],
                                  c.distance - before[1], c.arousal - before[2]});
    }
}

// Time passes first (the scene happens later), then the author's word on how people are,
// then the facts the scene establishes, then its lines.
void Session::enter_scene(int scene, model::Outcome& outcome) {
    const Scene& here = story_->scenes[scene];
    state_.scene = scene;
    state_.visits.add(scene);
    pass_time(here.minutes, outcome);
    apply_feels(here.feels(), outcome);
    for (const int f : here.establishes()) {
        state_.flags[f] = 1;
    }
    state_.shown_lines = show_lines(here.lines, outcome);
}

void Session::enter_ending(int ending, model::Outcome& outcome) {
    state_.ending = ending;
    pass_time(story_->endings[ending].minutes, outcome);
    state_.shown_lines = show_lines(story_->endings[ending].lines, outcome);
}

// Lines are chosen once, on entry, and their moves toward the player land then; the
// text shown later is therefore stable however long the player reads.
std::vector<int> Session::show_lines(const std::vector<Line>& lines, model::Outcome& outcome) {
    std::vector<int> shown;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        if (!line.condition.empty() && !holds(line.condition)) {
            continue;
        }
        shown.push_back(static_cast<int>(i));
        const std::size_t first = outcome.causes.size();
        for (const MoveRef& ref : line.moves()) {
            model::apply_to_player(*params_, state_.player, ref.move, outcome);
            model::express(*params_, line.speaker, state_.characters[line.speaker], ref.move,
                           outcome);
        }
        // Faces say these after the line that made them, naming its speaker.
        for (std::size_t c = first; c < outcome.causes.size(); ++c) {
            outcome.causes[c].by = line.speaker;
            outcome.causes[c].line = static_cast<int>(i);
        }
        apply_feels(line.feels(), outcome);
    }
    return shown;
}

namespace {

// Why `split` cannot be kept beside `step`, or "" when it can. A split the history keeps
// is shown in the debrief as what the room decided, so it must be the step's own menu and
// choice, and its figures must add up; anything else (a slip in a face, a damaged save)
// would make the debrief say what did not happen.
std::string split_problem(const Story& story, const Step& step, const VoteSplit& split) {
    const Scene& scene = story.scenes[step.scene];
    if (split.scene_id != scene.id) {
        return "the vote was on scene '" + split.scene_id + "', but the choice was taken in '" +
               scene.id + "'";
    }
    if (split.choice_ids.empty() || split.choice_texts.size() != split.choice_ids.size()) {
        return "the vote needs one text for each of its choices";
    }
    for (const std::string& id : split.choice_ids) {
        const bool in_scene = std::any_of(scene.choices.begin(), scene.choices.end(),
                                          [&](const Choice& c) { return c.id == id; });
        if (!in_scene && id != breath_id) {
            return "the vote names a choice '" + id + "' that scene '" + scene.id +
                   "' does not have";
        }
    }
    const int size = static_cast<int>(split.choice_ids.size());
    if (split.chosen < 0 || split.chosen >= size) {
        return "the vote chose none of its choices";
    }
    const std::string taken(story.choice(step.scene, step.choice).id);
    if (split.choice_ids[static_cast<std::size_t>(split.chosen)] != taken) {
        return "the vote chose '" + split.choice_ids[static_cast<std::size_t>(split.chosen)] +
               "', but the choice taken was '" + taken + "'";
    }
    if (split.below_minimum) {
        if (!split.counts.empty() || split.passes != 0 || split.close_call) {
            return "a vote with too few taking part keeps no counts";
        }
        return "";
    }
    if (static_cast<int>(split.counts.size()) != size) {
        return "the vote needs one count for each of its choices";
    }
    if (split.passes < 0 ||
        std::any_of(split.counts.begin(), split.counts.end(), [](int n) { return n < 0; })) {
        return "a count of votes cannot be negative";
    }
    return "";
}

} // namespace

Result<void> Session::record_room_vote(VoteSplit split) {
    Result<void> result;
    const std::string problem = history_.empty()
                                    ? "no choice has been taken for the vote to go with"
                                    : split_problem(*story_, history_.back(), split);
    if (!problem.empty()) {
        result.diagnostics.push_back(
            plain(Severity::Error, "The room's vote was not kept: " + problem + "."));
        return result;
    }
    history_.back().room_vote = std::move(split);
    return result;
}

bool Session::rewind_to(std::size_t step) {
    if (step >= history_.size()) {
        return false;
    }
    state_ = history_[step].before;
    history_.resize(step);
    last_outcome_ = {};
    return true;
}

void Session::jump_to(int scene) {
    state_.ending = -1;
    last_outcome_ = {};
    enter_scene(scene, last_outcome_);
}

void Session::restore(const SessionState& state, std::vector<Step> history) {
    state_ = state;
    history_ = std::move(history);
    last_outcome_ = {};
}

bool Session::holds(const Expression& condition) const {
    return condition.is_true(StateEnvironment(state_));
}

std::string Session::render(const Template& text) const {
    if (text.parts().empty()) {
        return std::string(text.source);
    }
    std::string out;
    for (const Template::Part& part : text.parts()) {
        if (part.is_literal) {
            out += text.text(part);
            continue;
        }
        const Slot& slot = part.slot;
        if (slot.kind == static_cast<int>(SlotKind::PlayerText)) {
            out += story_->player_name;
        } else if (slot.kind == static_cast<int>(SlotKind::CharacterText)) {
            out +=
                model::person_word(person(slot.index), static_cast<model::PersonWord>(slot.field));
        } else {
            out += number_text(StateEnvironment(state_).lookup(slot));
        }
    }
    return out;
}

const model::Profile& Session::person(int character) const {
    return character == player_target ? model::you() : story_->characters[character].profile;
}

std::string Session::words(const model::Cause& cause) const {
    return model::cause_sentence(cause, person(cause.character));
}

std::string Session::words(const model::Event& event) const {
    return model::event_sentence(event, person(event.character));
}

} // namespace attune
