#include "room_screens.h"

#include "widgets.h"

#include <algorithm>

namespace attune {

bool RoomRecord::contains(std::string_view text) const {
    return std::any_of(texts.begin(), texts.end(), [&](const std::string& drawn) {
        return drawn.find(text) != std::string::npos;
    });
}

void say(RoomRecord& record, std::string_view text, ImU32 color, float width) {
    paragraph(text, color, width);
    record.texts.emplace_back(text);
}

} // namespace attune
