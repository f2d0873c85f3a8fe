#pragma once
// A problem found in an input file: where it is, what is wrong, and what to do about it.

#include <string>
#include <vector>

namespace attune {

enum class Severity { Error, Warning };

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

} // namespace attune
