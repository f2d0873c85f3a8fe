#pragma once
// The stories the library offers: every story file in the bundled stories/ folder and in
// any folder given with --stories, loaded once so a card can show its title and notes.

#include "story/story.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace attune {

/// One story file on the shelf: the loaded story, or why it could not be loaded.
struct ShelfEntry {
    std::string file;
    std::shared_ptr<const Story> story; ///< null when the file has errors
    std::string problem;
};

/// Loads every `*.json` story in `folders` (the schema file is skipped), sorted by title.
std::vector<ShelfEntry> scan_stories(const std::vector<std::filesystem::path>& folders);

} // namespace attune
