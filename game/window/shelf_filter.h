#pragma once
// Which stories the library shows: by the age of the group, and leaving out stories whose
// content notes (the story's or any scene's) mention something the player chose to avoid.

#include "story_shelf.h"

#include <string>
#include <vector>

namespace attune {

/// The library's filter; empty fields filter nothing.
struct ShelfFilter {
    int age = 0; ///< the youngest player's age: stories whose band starts above it are left out
    std::string leave_out; ///< words: stories with a content note containing them are left out
};

/// The youngest age a band such as "14+" is for; 0 when it names none ("all").
int minimum_age(const std::string& age_band);

/// Every content note of `story`: the story's own, then each scene's, each once.
std::vector<std::string> all_content_notes(const Story& story);

/// Whether the library shows `entry` under `filter` (a file with problems always shows,
/// so its problem is seen).
bool shelf_shows(const ShelfEntry& entry, const ShelfFilter& filter);

/// The distinct minimum ages of the shelf's stories, ascending (for the filter's choices).
std::vector<int> shelf_ages(const std::vector<ShelfEntry>& shelf);

} // namespace attune
