#pragma once
// Room mode's two screens, each a function of the Room (and its Game) drawn with Dear
// ImGui: the projector, which shows only what the room may see, and the facilitator's.

#include "room.h"
#include "screens.h"

#include <string>
#include <string_view>
#include <vector>

namespace attune {

/// Every text a room screen drew in a frame, for tests ("nothing reaches the projector
/// unless the facilitator sends it").
struct RoomRecord {
    std::vector<std::string> texts;
    bool contains(std::string_view text) const;
};

/// A paragraph (see widgets.h) that is also written down in `record`.
void say(RoomRecord& record, std::string_view text, ImU32 color, float width);

/// The body text size on the projector: read from the back of a classroom (the
/// arithmetic is at its definition), whatever the text-size setting.
float projector_text_px(ImVec2 size);

/// Where the projector puts the stage (empty when the view has none).
struct ProjectorLayout {
    ImVec2 stage_min, stage_max;
    ImVec2 text_min, text_max;
};
ProjectorLayout projector_layout(ProjectorView view, ImVec2 size);

/// The projector: the stage large, the text a page at a time, prompts only when sent.
void show_projector(ScreenContext& context, Room& room, const ProjectorLayout& layout,
                    RoomRecord& record);

/// The facilitator's window: notes, prompts, states and causes, the path, the clock and
/// every control.
void show_facilitator(ScreenContext& context, Room& room, RoomRecord& record);

/// The step-out button both windows always show (F9 does the same), at `at` with its text
/// at `scale` of the window's body text; once stepped out, it reads "Resume".
void step_out_button(ScreenContext& context, Room& room, ImVec2 at, float scale);

} // namespace attune
