#include "display.h"

// Kept apart: Xlib's macros (None, Status, ...) clash with ordinary C++ names.
#include <X11/Xlib.h>

namespace attune {

bool display_available() {
    Display* display = XOpenDisplay(nullptr);
    if (!display) {
        return false;
    }
    XCloseDisplay(display);
    return true;
}

} // namespace attune
