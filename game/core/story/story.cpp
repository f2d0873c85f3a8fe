#include "story/story.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace attune {

namespace {

template <typename Items> int index_by_id(const Items& items, std::string_view id) {
    const auto it =
        std::find_if(items.begin(), items.end(), [&](const auto& item) { return item.id == id; });
    return it == items.end() ? -1 : static_cast<int>(it - items.begin());
}

} // namespace

std::string_view StoryText::keep(std::string_view text, std::size_t from, std::size_t hint,
                                 std::size_t to) {
    if (text.empty()) {
        return {};
    }
    const std::string_view file(*file_);
    for (const std::size_t start : {hint, from}) {
        const std::string_view range = file.substr(start, to - start);
        if (const std::size_t at = range.find(text); at != std::string_view::npos) {
            return range.substr(at, text.size());
        }
    }
    return copies_.emplace_back(text);
}

MoveList::MoveList(std::initializer_list<MoveRef> moves) {
    for (const MoveRef& move : moves) {
        push_back(move);
    }
}

MoveList::MoveList(const MoveList& other)
    : one_(other.one_),
      more_(other.more_ ? std::make_unique<std::vector<MoveRef>>(*other.more_) : nullptr) {}

MoveList& MoveList::operator=(const MoveList& other) {
    if (this != &other) {
        *this = MoveList(other);
    }
    return *this;
}

const MoveRef& MoveList::at(std::size_t i) const {
    if (i >= size()) {
        throw std::out_of_range("MoveList::at: no move " + std::to_string(i));
    }
    return begin()[i];
}

void MoveList::push_back(const MoveRef& move) {
    if (more_) {
        more_->push_back(move);
    } else if (one_.target != none_) {
        more_ = std::make_unique<std::vector<MoveRef>>(std::vector<MoveRef>{one_, move});
    } else {
        one_ = move;
    }
}

void MoveList::clear() {
    more_.reset();
    one_ = MoveRef{Move::Neutral, none_};
}

int Story::find_scene(std::string_view id) const {
    return index_by_id(scenes, id);
}
int Story::find_ending(std::string_view id) const {
    return index_by_id(endings, id);
}
int Story::find_character(std::string_view id) const {
    return index_by_id(characters, id);
}

const Choice& take_a_breath() {
    static const Choice breath = [] {
        Choice c;
        c.id = breath_id;
        c.text.source = "Take a breath.";
        c.moves.push_back({Move::SelfSoothe, player_target});
        return c;
    }();
    return breath;
}

const Choice& Story::choice(int scene, int index) const {
    const std::vector<Choice>& here = scenes[scene].choices;
    return index == static_cast<int>(here.size()) ? take_a_breath() : here[index];
}

const std::vector<std::string>& relationship_names() {
    static const std::vector<std::string> names = {"partner",   "parent",  "child",
                                                   "friend",    "sibling", "colleague",
                                                   "classmate", "peer",    "grandparent"};
    return names;
}

const std::vector<std::string>& ending_kind_names() {
    static const std::vector<std::string> names = {"repaired", "open", "ruptured"};
    return names;
}

std::string_view relationship_name(Relationship relationship) {
    return relationship_names()[static_cast<int>(relationship)];
}

std::string_view ending_kind_name(EndingKind kind) {
    return ending_kind_names()[static_cast<int>(kind)];
}

} // namespace attune
