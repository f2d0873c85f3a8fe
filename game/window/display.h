#pragma once
// Whether a window can open here. SFML aborts the process when it cannot reach an X
// server, so this asks Xlib first, before any window or GL object exists.

namespace attune {

/// True when an X display can be opened (DISPLAY set and the server answering).
bool display_available();

} // namespace attune
