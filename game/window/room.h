#pragma once
// Room mode's state: a story run for a group from a projector, by a facilitator who alone
// sees the notes. Free of SFML, so tests drive it; the projector and facilitator windows
// are functions of it (and of the Game it runs on) and ask for every change through its
// methods. Nothing here is saved: a step-out, a discussion or a "what if" leaves no trace.

#include "game.h"
#include "room_vote.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace attune {

/// Where the room is with the scene on show.
enum class RoomPhase {
    Preparing,  ///< before the story: the facilitator weighs its content notes
    Reading,    ///< the scene's text on the projector, a page at a time
    Discussing, ///< stopped after the text; prompts go up only when the facilitator sends them
    Choosing,   ///< the choices, numbered for a show of hands
    Comparing,  ///< "what we did" and "what if" side by side
    Ended,      ///< the facilitator ended the story early
};

/// What the projector shows; see projector_view.
enum class ProjectorView { Waiting, HeadsUp, Join, Story, Break, Comparing, Ending, Ended };

/// A prompt the facilitator may send to the projector: a scene's discussion question or
/// an ending's reflection question.
struct RoomPrompt {
    std::string text;
    bool personal = false; ///< asks about the group's own lives: never sent by default
};

class Room {
public:
    explicit Room(Game& game);

    // The story. ---------------------------------------------------------------------
    /// Starts preparing `story`: the facilitator sees its notes; the projector a heads-up.
    void prepare(std::shared_ptr<const Story> story);
    /// The facilitator decided to go ahead: the first scene goes up.
    void begin();
    /// Ends the story early; the projector says so plainly.
    void end_story();
    /// Back to choosing a story (the projector waits).
    void close();
    /// The story being prepared (before begin()), else null.
    const Story* prepared() const { return prepared_.get(); }

    // Each frame. --------------------------------------------------------------------
    /// Advances the private clock and follows changes made to the game's session.
    void update(double seconds);
    /// The projector measured the scene: it needs `count` pages.
    void set_pages(int count);

    // The scene on show. -------------------------------------------------------------
    RoomPhase phase() const { return phase_; }
    int page() const { return page_; }
    int pages() const { return pages_; }
    /// Continue: the next page, then the discussion (when the scene has prompts), then the
    /// choices.
    void next();
    /// Pause for discussion, at any point of a scene; again to go on to the choices.
    void toggle_discussion();
    /// The prompts of the scene (or ending) on show.
    std::vector<RoomPrompt> prompts() const;
    /// Sends prompt `index` to the projector or takes it back. False (nothing changes) for
    /// a personal prompt unless personal prompts were allowed.
    bool show_prompt(int index, bool shown);
    bool prompt_shown(int index) const;
    /// Whether questions about the group's own lives may be sent at all (off by default).
    bool personal_allowed() const { return allow_personal_; }
    void allow_personal(bool allowed);

    /// The room's choice by its number (ChoiceView::number), as the number keys, the
    /// projector, the phones and the facilitator number it: closed choices keep theirs and
    /// cannot be taken.
    bool choose_nth(int n);
    /// Why choice number `n` cannot be taken ("Choice 2 is closed: ..."), or empty.
    std::string why_not_number(int n) const;
    /// The room's choice by index in the scene.
    bool choose(int index);
    /// Keeps the room's vote on the choice just taken, in the session on show (the story
    /// or the "what if" branch), for the history and the debrief.
    Result<void> record_room_vote(VoteSplit split);
    /// A show of hands for the `n`th enabled choice (0-based); -1 clears it.
    void set_count(int n, int count);
    /// The counts per enabled choice (empty when nobody counted).
    const std::vector<int>& counts() const { return counts_; }

    /// Goes back to the choice point before history step `step` of the session on show.
    bool rewind_to(std::size_t step);
    /// Leaves the scene without a choice, for where its first open choice leads.
    bool skip_scene();
    /// Why the scene cannot be skipped, or empty.
    std::string why_no_skip() const;

    // Step out. ----------------------------------------------------------------------
    void step_out();
    void step_back_in();
    bool stepped_out() const;
    /// Whether the projector's break screen shows a slow breathing guide (off by default).
    bool breathing_on_break = false;

    // "What if". ---------------------------------------------------------------------
    /// The step of what the room did whose alternatives the facilitator is looking at
    /// (-1: none); the number keys pick among them while it is set.
    int what_if_step = -1;
    /// The choices the room could have taken at step `step` of what it did, but did not.
    std::vector<ChoiceView> alternatives(std::size_t step) const;
    /// Content notes of scenes the alternative may lead to that the room has not seen,
    /// each as "Scene title: note".
    std::vector<std::string> unseen_notes(std::size_t step, int choice) const;
    /// Plays choice `choice` at step `step` instead, on a second session; the projector
    /// follows the branch until back_to_what_we_did().
    bool start_what_if(std::size_t step, int choice);
    bool on_branch() const { return on_branch_; }
    const Session* branch() const { return branch_ ? &*branch_ : nullptr; }
    /// The step of what the room did where the branch parts from it.
    std::size_t branch_step() const { return branch_step_; }
    /// The two timelines side by side on the projector (needs a branch).
    bool compare();
    /// The projector goes back to the room's own path, where it was.
    void back_to_what_we_did();

    /// The session on the projector: the branch while it plays, else what the room did.
    /// Needs a story (has_story()).
    const Session& shown() const;
    /// The same session, to change it (the room's vote is kept in it).
    Session& shown();
    bool has_story() const { return game_.session() != nullptr; }

    /// Bumped whenever the session on show changes, so the stage follows.
    int revision() const { return revision_; }
    /// Rupture and repair events of the session on show since the last call.
    std::vector<model::Event> take_events();

    // The clock. ---------------------------------------------------------------------
    double elapsed_seconds() const { return elapsed_; }
    /// The story's planned length, in seconds (0 when it gives none).
    double planned_seconds() const;

    // Phones (room_vote.h). ------------------------------------------------------------
    /// Counts participants who asked for a pause, until the facilitator acknowledges them.
    void add_pause_requests(int n) { pause_requests_ += std::max(0, n); }
    int pause_requests() const { return pause_requests_; }
    void acknowledge_pause_requests() { pause_requests_ = 0; }

    /// The vote from phones (hosting, rounds, the show-of-hands switch).
    RoomVote& vote() { return vote_; }
    const RoomVote& vote() const { return vote_; }

    Game& game() { return game_; }
    const Game& game() const { return game_; }

private:
    Game& game_;
    std::shared_ptr<const Story> prepared_;
    RoomPhase phase_ = RoomPhase::Preparing;
    int page_ = 0;
    int pages_ = 1;
    std::vector<bool> shown_prompts_;
    bool allow_personal_ = false;
    std::vector<int> counts_;
    double elapsed_ = 0;
    int game_revision_ = -1;
    int revision_ = 0;
    std::optional<Session> branch_;
    std::size_t branch_step_ = 0;
    bool on_branch_ = false;
    std::vector<model::Event> events_;
    int pause_requests_ = 0;
    RoomVote vote_;

    void follow_game();
    void scene_changed();
    int enabled_count() const;
};

/// What the projector shows now.
ProjectorView projector_view(const Room& room);

/// Every scene `choice` of `scene` may lead to, by any path (conditions aside).
std::vector<int> reachable_scenes(const Story& story, int scene, int choice);

} // namespace attune
