#pragma once
// What a debrief is made from: one session (and any "what if" branches played from it)
// turned into plain data, with every text already in the words the room saw. The
// debrief pages (report/debrief.h) are pure functions of this record, so the window's
// ending screen and `attune export` write the same pages.
//
// Nothing here names a participant, and nothing here can hold a step-out: a step-out
// pauses a face and never reaches the Session, which is all a record is built from.

#include "play/session.h"
#include "report/prompt.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace attune::report {

/// One line as the story showed it; `speaker` is empty for narration.
struct ShownText {
    std::string speaker;
    std::string text;
};

/// A choice as it was offered at that moment.
struct OfferedChoice {
    std::string id;
    std::string text;
    bool enabled = true;
    std::string reason; ///< why it could not be chosen then
};

/// A rupture, a repair, or a rupture still open at the end of a scene, in words.
struct Moment {
    model::EventKind kind = model::EventKind::Rupture;
    int character = 0; ///< index into DebriefRecord::characters
    std::string sentence;
};

/// One character's state after a step: numbers for the CSV and the chart, words for the page.
struct CharacterPoint {
    double safety = 0;
    double distance = 0;
    double arousal = 0;
    bool flooded = false;
    bool shut_down = false;
    bool rupture_open = false;
    int repairs_landed = 0;
    std::string words; ///< model::describe: "warm", "hurt", ...
};

/// One choice taken: the scene as it was shown, what was offered and chosen, and what it did.
struct TimelineStep {
    std::string scene_id;
    std::string scene_title; ///< empty when the scene has none: headings show the id
    std::vector<ShownText> lines;
    std::vector<OfferedChoice> offered;
    std::size_t chosen = 0;          ///< index into `offered`
    std::vector<std::string> causes; ///< the model's sentences for what the choice changed
    std::vector<Moment> moments;
    std::vector<Prompt> discussion;
    /// How the room voted, when a room chose this step (Step::room_vote), without the
    /// facilitator's reason for an override: that never reaches a page.
    std::optional<VoteSplit> room_vote;
    std::vector<CharacterPoint> after; ///< per character
    double player_arousal = 0;         ///< the player's own activation after the step
};

/// A path through the story: what the room did, or a "what if" played from it.
struct Timeline {
    std::string label;
    std::size_t diverges_at = 0; ///< the first step that differs from the main timeline
    std::vector<CharacterPoint> start;
    double start_player_arousal = 0;
    std::vector<TimelineStep> steps;
    bool finished = false;
    std::string ending_id; ///< when finished
    std::string ending_title;
    EndingKind ending_kind = EndingKind::Open;
    std::string stopped_at;       ///< the scene's title or id when not finished
    std::vector<ShownText> close; ///< the ending's lines (or the last scene's, when stopped)
    std::vector<Prompt> reflection;
};

/// A character as the debrief names them.
struct RecordCharacter {
    std::string id;
    std::string name;
    std::string color; ///< "#rrggbb", or empty for the palette's
};

/// Everything a debrief shows. Plain data: no pointers into the story or the sessions.
struct DebriefRecord {
    std::string story_id;
    std::string story_title;
    std::string story_version;
    std::vector<RecordCharacter> characters;
    Timeline main;
    std::vector<Timeline> branches;
    std::string talk_to; ///< "if this brought something up, you can talk to ..."
};

/// The record of `session` ("What we did") and of each "what if" session in `what_ifs`,
/// played from the same story and seed, with the room's votes the sessions kept. The
/// talk-to line is left for the caller to add.
DebriefRecord debrief_record(const Session& session, std::span<const Session> what_ifs = {});

/// One timeline of a session, labelled; `diverges_at` is left 0.
Timeline timeline_of(const Session& session, std::string label);

} // namespace attune::report
