#pragma once
// What the room-mode tests share: both windows at a small size in a temporary folder,
// and frames drawn and shown.

#include "window_support.h"

#include "room_app.h"

namespace attune::test {

/// Room mode with its settings and saves in `folder`, the projector at 1280×720.
inline RoomOptions room_options_in(const TempFolder& folder) {
    RoomOptions options;
    options.app = options_in(folder, 1280, 720);
    options.facilitator_width = 1100;
    options.facilitator_height = 760;
    return options;
}

/// Draws and shows `count` frames of both windows.
inline void room_frames(RoomApp& app, int count) {
    for (int i = 0; i < count; ++i) {
        app.draw_frame(1 / 60.0f);
        app.present();
    }
}

} // namespace attune::test
