#include "shelf_filter.h"

#include <algorithm>
#include <cctype>

namespace attune {

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

} // namespace

int minimum_age(const std::string& age_band) {
    int age = 0;
    for (const char c : age_band) {
        if (!std::isdigit(static_cast<unsigned char>(c)) || age > 99) {
            break;
        }
        age = age * 10 + (c - '0');
    }
    return age;
}

std::vector<std::string> all_content_notes(const Story& story) {
    std::vector<std::string> notes = story.info.content_notes;
    for (const Scene& scene : story.scenes) {
        for (const std::string& note : scene.notes.get().content_notes) {
            if (std::find(notes.begin(), notes.end(), note) == notes.end()) {
                notes.push_back(note);
            }
        }
    }
    return notes;
}

bool shelf_shows(const ShelfEntry& entry, const ShelfFilter& filter) {
    if (!entry.story) {
        return true;
    }
    if (filter.age > 0 && minimum_age(entry.story->info.age_band) > filter.age) {
        return false;
    }
    const std::string avoid = lower(filter.leave_out);
    if (avoid.find_first_not_of(' ') == std::string::npos) {
        return true;
    }
    const std::string words =
        avoid.substr(avoid.find_first_not_of(' '),
                     avoid.find_last_not_of(' ') - avoid.find_first_not_of(' ') + 1);
    for (const std::string& note : all_content_notes(*entry.story)) {
        if (lower(note).find(words) != std::string::npos) {
            return false;
        }
    }
    return true;
}

std::vector<int> shelf_ages(const std::vector<ShelfEntry>& shelf) {
    std::vector<int> ages;
    for (const ShelfEntry& entry : shelf) {
        const int age = entry.story ? minimum_age(entry.story->info.age_band) : 0;
        if (age > 0 && std::find(ages.begin(), ages.end(), age) == ages.end()) {
            ages.push_back(age);
        }
    }
    std::sort(ages.begin(), ages.end());
    return ages;
}

} // namespace attune
