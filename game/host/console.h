#pragma once
// The facilitator's console for a headless room: reads commands, one a line, drives the
// session through the story by the room's votes, and prints what the facilitator window
// would show (the tally first, the split only when revealed). `help` lists the commands.

#include "host.h"

#include "play/session.h"

#include <iosfwd>

namespace attune::host {

/// Runs until `quit` or the end of input. Each choice the room decided is taken in
/// `session` with its split kept beside it (Session::record_room_vote), so the history,
/// a save and the debrief have the room's votes. Prints to `out` only aggregate figures;
/// a line "someone asked for a pause" appears (from a watcher thread) whenever a phone
/// asks for one.
void run_console(Host& host, Session& session, std::istream& in, std::ostream& out);

/// The commands, one per line, as `attune host --help` and `help` show them.
const char* console_help();

} // namespace attune::host
