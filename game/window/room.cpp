#include "room.h"

#include <algorithm>
#include <deque>
#include <utility>

namespace attune {

Room::Room(Game& game) : game_(game) {
    game_.set_autosave(false); // a room's run is nobody's save
}

void Room::prepare(std::shared_ptr<const Story> story) {
    prepared_ = std::move(story);
    phase_ = RoomPhase::Preparing;
    game_.ui.focus_choices = true; // "Begin with the room" takes the keyboard
    on_branch_ = false;
    branch_.reset();
}

void Room::begin() {
    if (!prepared_) {
        return;
    }
    game_.start(std::move(prepared_));
    prepared_.reset();
    elapsed_ = 0;
    phase_ = RoomPhase::Reading;
    vote_.join_on_projector = false; // the story takes the projector
    follow_game();
}

void Room::end_story() {
    if (has_story()) {
        phase_ = RoomPhase::Ended;
    }
}

void Room::close() {
    prepared_.reset();
    branch_.reset();
    on_branch_ = false;
    phase_ = RoomPhase::Preparing;
    game_.to_library();
}

void Room::update(double seconds) {
    if (phase_ != RoomPhase::Preparing && phase_ != RoomPhase::Ended) {
        elapsed_ += seconds;
    }
    follow_game();
    vote_.update(*this);
}

void Room::follow_game() {
    if (game_.revision() == game_revision_) {
        return;
    }
    game_revision_ = game_.revision();
    // A branch parts from a choice the room made: once the room rewinds past that choice,
    // there is nothing left for it to be compared with.
    const Session* main = game_.session();
    if (branch_ && (!main || main->history().size() <= branch_step_)) {
        branch_.reset();
        on_branch_ = false;
        if (phase_ == RoomPhase::Comparing) {
            phase_ = RoomPhase::Reading;
        }
    }
    if (!on_branch_) {
        const std::vector<model::Event> events = game_.take_events();
        events_.insert(events_.end(), events.begin(), events.end());
        scene_changed();
    }
}

void Room::scene_changed() {
    if (phase_ != RoomPhase::Preparing && phase_ != RoomPhase::Ended) {
        phase_ = RoomPhase::Reading;
    }
    page_ = 0;
    pages_ = 1;
    shown_prompts_.assign(has_story() ? prompts().size() : 0, false);
    counts_.clear();
    ++revision_;
}

void Room::set_pages(int count) {
    pages_ = std::max(1, count);
    page_ = std::min(page_, pages_ - 1);
}

void Room::next() {
    if (!has_story()) {
        return;
    }
    switch (phase_) {
    case RoomPhase::Reading:
        if (page_ + 1 < pages_) {
            ++page_;
        } else if (!prompts().empty()) {
            phase_ = RoomPhase::Discussing;
        } else if (!shown().is_finished()) {
            phase_ = RoomPhase::Choosing;
        }
        break;
    case RoomPhase::Discussing:
        if (!shown().is_finished()) {
            phase_ = RoomPhase::Choosing;
        }
        break;
    default:
        break;
    }
}

void Room::toggle_discussion() {
    if (!has_story()) {
        return;
    }
    if (phase_ == RoomPhase::Discussing) {
        phase_ = shown().is_finished() ? RoomPhase::Reading : RoomPhase::Choosing;
    } else if (phase_ == RoomPhase::Reading || phase_ == RoomPhase::Choosing) {
        phase_ = RoomPhase::Discussing;
    }
}

std::vector<RoomPrompt> Room::prompts() const {
    std::vector<RoomPrompt> out;
    if (!has_story()) {
        return out;
    }
    const Session& session = shown();
    if (session.is_finished()) {
        for (const std::string& text : session.reflection()) {
            out.push_back({text, false});
        }
        return out;
    }
    const SceneNotes& notes = session.scene().notes.get();
    for (std::size_t i = 0; i < notes.discussion.size(); ++i) {
        out.push_back({notes.discussion[i],
                       i < notes.discussion_personal.size() && notes.discussion_personal[i]});
    }
    return out;
}

bool Room::show_prompt(int index, bool shown) {
    const std::vector<RoomPrompt> all = prompts();
    if (index < 0 || index >= static_cast<int>(all.size()) ||
        (shown && all[index].personal && !allow_personal_)) {
        return false;
    }
    shown_prompts_.resize(all.size(), false);
    shown_prompts_[index] = shown;
    if (shown) {
        phase_ = RoomPhase::Discussing; // a prompt on the projector is a discussion
    }
    return true;
}

bool Room::prompt_shown(int index) const {
    return index >= 0 && index < static_cast<int>(shown_prompts_.size()) && shown_prompts_[index];
}

void Room::allow_personal(bool allowed) {
    allow_personal_ = allowed;
    if (!allowed && has_story()) { // taking the permission back takes such prompts down
        const std::vector<RoomPrompt> all = prompts();
        for (std::size_t i = 0; i < all.size() && i < shown_prompts_.size(); ++i) {
            shown_prompts_[i] = shown_prompts_[i] && !all[i].personal;
        }
    }
}

int Room::enabled_count() const {
    if (!has_story()) {
        return 0;
    }
    const std::vector<ChoiceView> choices = shown().choices();
    return static_cast<int>(std::count_if(choices.begin(), choices.end(),
                                          [](const ChoiceView& c) { return c.enabled; }));
}

bool Room::choose_nth(int n) {
    if (!has_story() || n < 1) {
        return false;
    }
    for (const ChoiceView& choice : shown().choices()) {
        if (choice.number == n) {
            return choice.enabled && choose(choice.index);
        }
    }
    return false;
}

std::string Room::why_not_number(int n) const {
    if (!has_story() || shown().is_finished()) {
        return {};
    }
    for (const ChoiceView& choice : shown().choices()) {
        if (choice.number == n) {
            return choice.enabled ? std::string()
                                  : "Choice " + std::to_string(n) + " is closed: " + choice.reason;
        }
    }
    return "There is no choice " + std::to_string(n) + ".";
}

bool Room::choose(int index) {
    if (!has_story() || phase_ == RoomPhase::Preparing || phase_ == RoomPhase::Ended ||
        phase_ == RoomPhase::Comparing) {
        return false;
    }
    if (!on_branch_) {
        const bool taken = game_.choose(index);
        follow_game();
        return taken;
    }
    if (!branch_->choose(index)) {
        return false;
    }
    const auto& events = branch_->last_outcome().events;
    events_.insert(events_.end(), events.begin(), events.end());
    scene_changed();
    return true;
}

Result<void> Room::record_room_vote(VoteSplit split) {
    if (!has_story()) {
        Result<void> none;
        none.diagnostics.push_back(
            plain(Severity::Error, "The room's vote was not kept: no story is running."));
        return none;
    }
    return shown().record_room_vote(std::move(split));
}

void Room::set_count(int n, int count) {
    const int choices = enabled_count();
    if (n < 0 || n >= choices) {
        return;
    }
    if (count < 0) {
        counts_.clear();
        return;
    }
    counts_.resize(static_cast<std::size_t>(choices), 0);
    counts_[n] = count;
}

bool Room::rewind_to(std::size_t step) {
    if (!has_story() || phase_ == RoomPhase::Preparing) {
        return false;
    }
    if (phase_ == RoomPhase::Ended || phase_ == RoomPhase::Comparing) {
        phase_ = RoomPhase::Reading; // going back re-opens the story
    }
    if (!on_branch_) {
        const bool rewound = game_.rewind_to(step);
        follow_game();
        return rewound;
    }
    // A branch goes back no further than its own first choice.
    if (step <= branch_step_ || !branch_->rewind_to(step)) {
        return false;
    }
    scene_changed();
    return true;
}

std::string Room::why_no_skip() const {
    if (!has_story() || shown().is_finished()) {
        return "The story is over.";
    }
    if (scene_after_skip(shown()) < 0) {
        return "Every way out of this scene ends the story; end it instead.";
    }
    return {};
}

bool Room::skip_scene() {
    if (!why_no_skip().empty()) {
        return false;
    }
    const int target = scene_after_skip(shown());
    if (!on_branch_) {
        const bool skipped = game_.skip_to(target);
        follow_game();
        return skipped;
    }
    branch_->jump_to(target);
    scene_changed();
    return true;
}

void Room::step_out() {
    game_.step_out();
}

void Room::step_back_in() {
    game_.step_back_in();
}

bool Room::stepped_out() const {
    return game_.screen() == Screen::StepOut;
}

std::vector<ChoiceView> Room::alternatives(std::size_t step) const {
    const Session* main = game_.session();
    if (!main || step >= main->history().size()) {
        return {};
    }
    Session then = *main;
    then.rewind_to(step);
    std::vector<ChoiceView> out;
    for (const ChoiceView& choice : then.choices()) {
        if (choice.enabled && choice.index != main->history()[step].choice) {
            out.push_back(choice);
        }
    }
    return out;
}

std::vector<int> reachable_scenes(const Story& story, int scene, int choice) {
    std::vector<bool> reached(story.scenes.size(), false);
    std::vector<int> out;
    std::deque<int> queue;
    const std::vector<Choice>& here = story.scenes[scene].choices;
    // The engine's "Take a breath." stays in the scene: it reaches what the scene reaches.
    const Target first =
        choice == static_cast<int>(here.size()) ? Target{false, scene} : here[choice].next;
    if (!first.is_ending) {
        queue.push_back(first.index);
        reached[first.index] = true;
    }
    while (!queue.empty()) {
        const int at = queue.front();
        queue.pop_front();
        out.push_back(at);
        for (const Choice& next : story.scenes[at].choices) {
            if (!next.next.is_ending && !reached[next.next.index]) {
                reached[next.next.index] = true;
                queue.push_back(next.next.index);
            }
        }
    }
    return out;
}

std::vector<std::string> Room::unseen_notes(std::size_t step, int choice) const {
    const Session* main = game_.session();
    if (!main || step >= main->history().size()) {
        return {};
    }
    const Story& story = main->story();
    const int scene = main->history()[step].scene;
    if (choice < 0 || choice >= static_cast<int>(story.scenes[scene].choices.size())) {
        return {};
    }
    std::vector<std::string> notes;
    for (const int at : reachable_scenes(story, scene, choice)) {
        const Scene& reached = story.scenes[at];
        const std::vector<std::string>& content = reached.notes.get().content_notes;
        if (main->state().visits[at] > 0 || content.empty()) {
            continue;
        }
        std::string line = display_name(reached) + ": ";
        for (std::size_t i = 0; i < content.size(); ++i) {
            line += (i ? ", " : "") + content[i];
        }
        notes.push_back(std::move(line));
    }
    return notes;
}

bool Room::start_what_if(std::size_t step, int choice) {
    const Session* main = game_.session();
    if (!main || step >= main->history().size() || choice == main->history()[step].choice) {
        return false;
    }
    Session branch = *main;
    branch.rewind_to(step);
    if (!branch.choose(choice)) {
        return false;
    }
    branch_ = std::move(branch);
    branch_step_ = step;
    on_branch_ = true;
    if (phase_ == RoomPhase::Comparing || phase_ == RoomPhase::Ended) {
        phase_ = RoomPhase::Reading;
    }
    events_ = branch_->last_outcome().events;
    scene_changed();
    return true;
}

bool Room::compare() {
    if (!branch_ || !game_.session()) {
        return false;
    }
    phase_ = RoomPhase::Comparing;
    return true;
}

void Room::back_to_what_we_did() {
    on_branch_ = false;
    if (phase_ == RoomPhase::Comparing) {
        phase_ = RoomPhase::Reading;
    }
    events_.clear();
    scene_changed();
}

const Session& Room::shown() const {
    return on_branch_ && branch_ ? *branch_ : *game_.session();
}

// The const shown() alone decides which session is on show; this one only lends it out
// to change (the Room owns both sessions, so nothing const is changed).
Session& Room::shown() {
    return const_cast<Session&>(std::as_const(*this).shown());
}

std::vector<model::Event> Room::take_events() {
    return std::exchange(events_, {});
}

double Room::planned_seconds() const {
    return has_story() ? shown().story().info.minutes * 60.0 : 0.0;
}

ProjectorView projector_view(const Room& room) {
    if (room.vote().join_on_projector && !room.stepped_out()) {
        return ProjectorView::Join;
    }
    if (room.phase() == RoomPhase::Preparing) {
        return room.prepared() ? ProjectorView::HeadsUp : ProjectorView::Waiting;
    }
    if (!room.has_story()) {
        return ProjectorView::Waiting;
    }
    if (room.stepped_out()) {
        return ProjectorView::Break;
    }
    switch (room.phase()) {
    case RoomPhase::Ended:
        return ProjectorView::Ended;
    case RoomPhase::Comparing:
        return ProjectorView::Comparing;
    default:
        return room.shown().is_finished() ? ProjectorView::Ending : ProjectorView::Story;
    }
}

} // namespace attune
