#pragma once
// The one layout Attune writes story files in (`attune fmt`, `attune import`), so that a
// diff between two versions shows only what changed. Keys come in a fixed order (the order
// docs/story-format.md lists them; unknown keys after, as they were); a value that fits
// on its line stays on one line, `{ "move": "validate", "to": "sam" }`; scenes, choices,
// characters and endings (objects with an "id"), and lists holding them, always open out,
// one key or item a line.

#include <nlohmann/json.hpp>

#include <string>

namespace attune {

/// The story as text in the canonical layout, ending with a newline. Any JSON value is
/// accepted, so a story with errors can be laid out too.
std::string story_text(const nlohmann::ordered_json& story);

} // namespace attune
