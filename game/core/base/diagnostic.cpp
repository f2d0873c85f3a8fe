#include "base/diagnostic.h"

#include <algorithm>

namespace attune {

std::string format(const Diagnostic& d) {
    std::string out = d.file;
    if (d.line > 0) {
        out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
    }
    out += d.severity == Severity::Error     ? ": error: "
           : d.severity == Severity::Warning ? ": warning: "
                                             : ": note: ";
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

Diagnostic plain(Severity severity, std::string message, std::string file) {
    Diagnostic d;
    d.severity = severity;
    d.file = std::move(file);
    d.message = std::move(message);
    return d;
}

std::vector<std::string> messages(const std::vector<Diagnostic>& diagnostics, Severity severity) {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics) {
        if (d.severity == severity) {
            out.push_back(d.message);
        }
    }
    return out;
}

std::string error_message(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const std::string& message : messages(diagnostics, Severity::Error)) {
        out += (out.empty() ? "" : " ") + message;
    }
    return out;
}

} // namespace attune
