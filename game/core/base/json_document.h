#pragma once
// A parsed JSON file that still knows where each value came from, so every problem
// can be reported as file:line:column with its JSON path.

#include "base/diagnostic.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace attune {

/// A line and column in a text file, both 1-based.
struct TextPosition {
    int line = 0;
    int column = 0;
};

/// JSON text plus its parsed value. Positions are found on demand: loading stays fast
/// and only the (rare) error path pays for the search.
class JsonDocument {
public:
    JsonDocument(std::string file, std::string text, nlohmann::json value);

    const nlohmann::json& value() const { return value_; }
    const std::string& file() const { return file_; }

    /// Where the value at `pointer` ("/scenes/3/next") starts; for a pointer that does
    /// not exist, where its nearest existing parent starts.
    TextPosition locate(std::string_view pointer) const;

    /// A diagnostic located at `pointer`.
    Diagnostic problem(std::string code, std::string pointer, std::string message, std::string fix,
                       Severity severity = Severity::Error) const;

private:
    std::string file_;
    std::string text_;
    nlohmann::json value_;
};

/// Largest input read; stories are a few hundred kilobytes at most.
inline constexpr std::size_t max_json_bytes = 64u * 1024u * 1024u;

/// Parses `text` read from `file`. On failure adds one located diagnostic and returns nothing.
std::optional<JsonDocument> parse_json_document(std::string file, std::string text,
                                                std::vector<Diagnostic>& diagnostics);

/// Reads and parses a file; a missing, unreadable or oversized file is a diagnostic too.
std::optional<JsonDocument> read_json_document(const std::string& path,
                                               std::vector<Diagnostic>& diagnostics);

/// Line and column of a byte offset; columns count characters, not bytes.
TextPosition position_of(std::string_view text, std::size_t offset);

} // namespace attune
