#include "story.h"

#include <algorithm>
#include <array>

namespace attune {

namespace {

template <typename Items> int index_by_id(const Items& items, std::string_view id) {
    const auto it =
        std::find_if(items.begin(), items.end(), [&](const auto& item) { return item.id == id; });
    return it == items.end() ? -1 : static_cast<int>(it - items.begin());
}

} // namespace

int Story::find_scene(std::string_view id) const {
    return index_by_id(scenes, id);
}
int Story::find_ending(std::string_view id) const {
    return index_by_id(endings, id);
}
int Story::find_character(std::string_view id) const {
    return index_by_id(characters, id);
}

std::string_view relationship_name(Relationship relationship) {
    static constexpr std::array<std::string_view, 6> names = {"partner", "parent",  "child",
                                                              "friend",  "sibling", "colleague"};
    return names[static_cast<int>(relationship)];
}

std::string_view ending_kind_name(EndingKind kind) {
    static constexpr std::array<std::string_view, 3> names = {"repaired", "open", "ruptured"};
    return names[static_cast<int>(kind)];
}

} // namespace attune
