#pragma once
// A problem found in an input file: where it is, what is wrong, and what to do about it.

#include <string>
#include <vector>

namespace attune {

/// A note is no problem: something the player should know ("The story has changed ...").
enum class Severity { Error, Warning, Note };

/// One problem in a story, a save or a parameter file, located to the character.
struct Diagnostic {
    Severity severity = Severity::Error;
    std::string code; ///< stable id for tools and tests, e.g. "unknown-scene"
    std::string file;
    int line = 0;        ///< 1-based; 0 when the problem has no single place
    int column = 0;      ///< 1-based
    std::string pointer; ///< JSON pointer, e.g. "/scenes/3/choices/1/next"
    std::string message; ///< what is wrong
    std::string fix;     ///< what to do about it
};

/// "file:line:column: error: message (at /json/path)\n    fix: ..."
std::string format(const Diagnostic& diagnostic);

bool has_errors(const std::vector<Diagnostic>& diagnostics);

/// A problem with no place in a file: what a player is told. `file` may be empty.
Diagnostic plain(Severity severity, std::string message, std::string file = {});

/// The messages of the diagnostics of `severity`, in order: what a player reads.
std::vector<std::string> messages(const std::vector<Diagnostic>& diagnostics, Severity severity);

/// The messages of the errors joined by spaces; empty when there is none.
std::string error_message(const std::vector<Diagnostic>& diagnostics);

} // namespace attune
