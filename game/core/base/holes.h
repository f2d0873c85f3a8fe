#pragma once
// The one hole syntax of every text players read: "{sam.They} laughs", "{name} felt heard".
// A story's templates and the model's sentences are both split here, so `{{`, `}}` and
// what counts as a broken brace mean the same everywhere.

#include <string>
#include <string_view>
#include <vector>

namespace attune {

/// A run of literal text, or the name inside one `{...}` hole.
struct TextPiece {
    std::string text;
    bool is_hole = false;
};

/// Splits `source` into literal runs and `{name}` holes, in order. `{{` and `}}` stand for
/// literal braces. On failure gives the problem and its 1-based column.
bool split_holes(std::string_view source, std::vector<TextPiece>& out, std::string& problem,
                 int& column);

} // namespace attune
