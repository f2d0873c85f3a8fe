#pragma once
// The prep sheet a facilitator takes into the room: what a story is about, who is in it
// (in plain words, no numbers), what it touches on and where, the moments worth pausing
// at with their notes and prompts, the endings and their questions, the timing, the
// ground rules and who to talk to. One or two printed pages. Built from the Story alone.

#include "report/prompt.h"
#include "story/story.h"

#include <string>
#include <vector>

namespace attune::report {

/// What the facilitator adds to the story's own words.
struct GuideOptions {
    std::string talk_to; ///< "if this brought something up, you can talk to ..."; empty: a blank
                         ///< line to fill in
};

struct GuideCharacter {
    std::string name;
    std::string role;
    std::string pronouns;
    std::string attachment; ///< see attachment_words
    std::string start;      ///< how they feel toward the player at the start, in a word
};

/// A content note and the scenes that carry it (empty for a story-level note).
struct GuideContentNote {
    std::string note;
    std::vector<std::string> scenes; ///< scene titles (or ids), in reading order
};

/// A scene with a facilitator note, discussion prompts or content notes.
struct KeyMoment {
    std::string title;
    std::vector<std::string> content_notes;
    std::string note;
    std::vector<Prompt> prompts;
};

struct GuideEnding {
    std::string title;
    EndingKind kind = EndingKind::Open;
    std::vector<Prompt> reflection;
};

/// Minutes for each part of a session; the play time is the story's own estimate for
/// one reader, doubled for a room reading aloud and agreeing each choice.
struct GuideTiming {
    int introduction = 5;
    int story_alone = 0;
    int play = 0;
    int pauses_low = 0; ///< two or three pauses of about five minutes, where there are prompts
    int pauses_high = 0;
    std::string pauses; ///< "two or three discussion pauses", "one discussion pause", or empty
    int debrief_low = 15;
    int debrief_high = 20;
    int total_low() const { return introduction + play + pauses_low + debrief_low; }
    int total_high() const { return introduction + play + pauses_high + debrief_high; }
};

/// Everything on the sheet, as plain data.
struct PrepSheet {
    std::string title;
    std::string summary;
    std::string relationship;
    std::string age_band;
    std::string author;
    std::string version;
    std::vector<GuideContentNote> content_notes; ///< story-level first, then scene-level
    std::vector<GuideCharacter> characters;
    std::vector<KeyMoment> moments; ///< in reading order (by distance from the start)
    std::vector<GuideEnding> endings;
    GuideTiming timing;
    std::vector<std::string> ground_rules;
    std::string talk_to;
};

PrepSheet prep_sheet(const Story& story, const GuideOptions& options);

/// A self-contained, printable HTML page (inline CSS, nothing fetched).
std::string guide_html(const PrepSheet& sheet);

/// The same sheet as Markdown.
std::string guide_markdown(const PrepSheet& sheet);

} // namespace attune::report
