#pragma once
// A parsed JSON file that still knows where each value came from, so every problem
// can be reported as file:line:column with its JSON path.

#include "base/result.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace attune {

/// A line and column in a text file, both 1-based.
struct TextPosition {
    int line = 0;
    int column = 0;
};

/// Finds the line and column of byte offsets in a text. Built in one pass; each lookup
/// then costs at most one short scan, so locating many problems stays linear.
class TextPositions {
public:
    explicit TextPositions(std::string_view text);
    TextPosition at(std::size_t offset) const;

private:
    std::string_view text_;
    std::vector<TextPosition> checkpoints_; // the position at every `step` bytes
};

/// Where a value lies in a document's text: bytes [begin, end).
struct JsonSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// JSON text plus its parsed value. The pointer index is built on the first problem
/// reported: loading a good file pays nothing, and a file with many problems pays once.
///
/// A document read by parse_json_sections keeps its big top-level lists as text instead:
/// their entries are parsed one at a time (entry()) and dropped, so a 45 MB story never
/// exists as a whole tree, and its problems are located together at the end (locate_all).
class JsonDocument {
public:
    JsonDocument(std::string file, std::string text, nlohmann::json value);

    const nlohmann::json& value() const { return value_; }
    const std::string& file() const { return file_; }
    const std::string& text() const { return *text_; }
    /// The text, for what must keep it alive (a Story's texts view it).
    const std::shared_ptr<const std::string>& shared_text() const { return text_; }

    /// The entries of the top-level list `key` when it was kept as text, else null (the
    /// list, if any, is then in value(), where `key` holds an empty list in its place).
    const std::vector<JsonSpan>* section(std::string_view key) const;

    /// Parses one entry of a section. Entry text that is not valid JSON, or repeats a key,
    /// gives null and marks the document broken: the whole file must then be parsed as
    /// parse_json_document does, for the same located syntax error.
    nlohmann::json entry(JsonSpan span) const;
    bool broken() const { return broken_; }

    /// The member `key` of the object entry at `span` when it is text written without
    /// escapes, else nullopt (then parse the entry to know). Lets a first pass read every
    /// entry's "id" without parsing the entries.
    std::optional<std::string_view> plain_member(JsonSpan span, std::string_view key) const;

    /// Gives every diagnostic about this file that problem() left unlocated its line and
    /// column, in one walk of the text (sectioned documents locate nothing one by one).
    void locate_all(std::vector<Diagnostic>& diagnostics) const;

    /// Where the value at `pointer` ("/scenes/3/next") starts; for a pointer that does
    /// not exist, where its nearest existing parent starts.
    TextPosition locate(std::string_view pointer) const;

    /// A diagnostic located at `pointer`.
    Diagnostic problem(std::string code, std::string pointer, std::string message, std::string fix,
                       Severity severity = Severity::Error) const;

private:
    struct Index {
        std::unordered_map<std::string, std::size_t> offsets; // JSON pointer -> byte offset
        TextPositions positions;
    };
    std::string file_;
    std::shared_ptr<const std::string> text_;
    nlohmann::json value_;
    mutable std::shared_ptr<const Index> index_;
    std::vector<std::pair<std::string, std::vector<JsonSpan>>> sections_;
    mutable bool broken_ = false;
    bool deferred_ = false; // problem() leaves locating to locate_all
    friend Result<JsonDocument> parse_json_sections(std::string, std::string,
                                                    const std::vector<std::string>&);
};

/// Where each of `pointers` starts in the JSON `text` (for one that does not exist, where
/// its nearest existing parent starts), found in one walk that keeps only the pointers
/// asked for: a thousand findings in a 60 MB story cost one pass and no index of every value.
std::vector<TextPosition> locate_pointers(std::string_view text,
                                          const std::vector<std::string>& pointers);

/// Parses `text` read from `file`. On failure gives located diagnostics and no
/// document: bad syntax, a number too large for a double, nesting deeper than 64 levels,
/// a key given twice in one object, binary data.
Result<JsonDocument> parse_json_document(std::string file, std::string text);

/// Like parse_json_document, but the top-level lists named in `sections` (a story's
/// "scenes" and "endings") stay as text: see JsonDocument::section. A file whose shape
/// does not allow that (not an object, a section that is not a list) is parsed whole.
Result<JsonDocument> parse_json_sections(std::string file, std::string text,
                                         const std::vector<std::string>& sections);

/// Reads (see read_text_file) and parses a file.
Result<JsonDocument> read_json_document(const std::filesystem::path& path);

/// JSON text of `value`. Text that is not valid UTF-8 (a file name, an imported
/// passage) is written with U+FFFD in place of the bad bytes rather than throwing.
template <class Json> std::string dump_json(const Json& value, int indent = -1) {
    return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

/// Where the first byte of `text` that is not part of valid UTF-8 is, or npos.
std::size_t invalid_utf8_at(std::string_view text);

} // namespace attune
