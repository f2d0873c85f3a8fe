#pragma once
// The debrief a facilitator keeps after a session: the transcript, each choice (with the
// room's split when there was a vote), the ruptures and repairs with their causes, the
// "what if" branches beside what the room did, and the prompts for talking it over.
// Pure functions of a DebriefRecord. No participant is ever named: a record has no one
// to name.

#include "base/result.h"
#include "report/debrief_record.h"

#include <filesystem>
#include <string>

namespace attune::report {

/// A self-contained HTML page: inline CSS, the charts as inline SVG, no external file,
/// font, script or link of any kind, so it opens and prints anywhere, offline.
std::string debrief_html(const DebriefRecord& record);

/// The same debrief as Markdown (without the charts).
std::string debrief_markdown(const DebriefRecord& record);

/// The state trace: one row per character per point of each timeline (the start, then
/// after each choice), numbers with two decimals, and the room's split for a step the
/// room voted on ("room_vote"). The header names the columns.
std::string state_trace_csv(const DebriefRecord& record);

/// Writes the debrief atomically in the form the file's name asks for: `.html` (or
/// `.htm`) the page, `.md` the Markdown, `.csv` the state trace. An error, writing
/// nothing, for any other name. What the window's debrief button and `attune export` call.
Result<> write_debrief(const DebriefRecord& record, const std::filesystem::path& file);

/// The words the pages use for an ending's kind and for a rupture or repair.
std::string ending_kind_words(EndingKind kind);
std::string moment_words(model::EventKind kind);

} // namespace attune::report
