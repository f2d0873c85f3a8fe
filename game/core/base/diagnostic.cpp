#include "base/diagnostic.h"

#include <algorithm>

namespace attune {

std::string format(const Diagnostic& d) {
    std::string out = d.file;
    if (d.line > 0) {
        out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
    }
    out += d.severity == Severity::Error ? ": error: " : ": warning: ";
    out += d.message;
    if (!d.pointer.empty()) {
        out += " (at " + d.pointer + ")";
    }
    if (!d.fix.empty()) {
        out += "\n    fix: " + d.fix;
    }
    return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

} // namespace attune
