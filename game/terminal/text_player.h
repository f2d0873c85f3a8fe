#pragma once
// The terminal face: plays a session as plain text a screen reader can follow.
// Reads choice numbers line by line, so it also plays from a pipe or a file.

#include "play/session.h"

#include <iosfwd>

namespace attune {

struct TextOptions {
    bool trace = false; ///< print the relational state, with numbers, after each choice
};

/// Plays until the story ends or the input does. Returns 0, or 1 if input ended early
/// on a closed stream that was not a terminal (the transcript says so either way).
int play_text(Session& session, std::istream& in, std::ostream& out, const TextOptions& options);

/// The state of every character in numbers, one line each (for --trace and tests).
void print_trace(const Session& session, std::ostream& out);

} // namespace attune
