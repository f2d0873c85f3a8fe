#pragma once
// The join address as a QR code (libqrencode), as plain modules the window can draw,
// as SVG for a page or file, and as text for a terminal.

#include "base/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace attune::host {

/// A square of modules, dark or light, without the quiet zone around it (leave 4
/// modules of light on every side when drawing).
struct QrCode {
    int size = 0;
    std::vector<std::uint8_t> modules; ///< row by row; 1 is dark

    bool dark(int x, int y) const {
        return modules[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) +
                       static_cast<std::size_t>(x)] != 0;
    }
};

/// The code for `text` at error correction level M (readable across a classroom).
Result<QrCode> make_qr_code(const std::string& text);

/// An SVG drawing, dark on white, `module_pixels` per module, with the quiet zone.
std::string qr_svg(const QrCode& code, int module_pixels = 8);

/// Two rows of modules per line with half blocks, light on dark as terminals read best
/// inverted; with the quiet zone.
std::string qr_text(const QrCode& code);

} // namespace attune::host
