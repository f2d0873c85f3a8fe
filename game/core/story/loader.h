#pragma once
// Reads a story file, validates all of it and resolves every name. Never throws and
// never crashes on bad input: every problem becomes a located Diagnostic.

#include "base/json_document.h"
#include "base/json_fields.h"
#include "base/result.h"
#include "story/story.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace attune {

/// The story format version this build reads and writes.
inline constexpr int story_format_version = 1;

/// What the loader accepts; each limit gives its own error (docs/limits.md lists them).
/// They are far above what a story needs and keep a hostile file from costing minutes.
inline constexpr std::size_t max_scenes = 50000;         ///< and as many endings
inline constexpr std::size_t max_choices = 100;          ///< per scene
inline constexpr std::size_t max_text_bytes = 20000;     ///< per line, choice text or reason
inline constexpr std::size_t max_condition_bytes = 2000; ///< per "if"

/// Loading gives the story when there were no errors, and every problem found.
Result<std::shared_ptr<const Story>> load_story_file(const std::string& path);
Result<std::shared_ptr<const Story>> load_story_text(const std::string& file, std::string text);

} // namespace attune
