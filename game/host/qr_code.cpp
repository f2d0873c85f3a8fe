#include "qr_code.h"

#include <qrencode.h>

#include <memory>

namespace attune::host {

namespace {

constexpr int quiet_zone = 4;

} // namespace

Result<QrCode> make_qr_code(const std::string& text) {
    Result<QrCode> result;
    const std::unique_ptr<QRcode, void (*)(QRcode*)> encoded(
        QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), QRcode_free);
    if (!encoded) {
        result.diagnostics.push_back(plain(Severity::Error,
                                           "The join address could not be made into a QR code; "
                                           "type the address or the room code instead."));
        return result;
    }
    QrCode code;
    code.size = encoded->width;
    const auto cells = static_cast<std::size_t>(code.size) * static_cast<std::size_t>(code.size);
    code.modules.resize(cells);
    for (std::size_t i = 0; i < cells; ++i) {
        code.modules[i] = encoded->data[i] & 1;
    }
    result.value = std::move(code);
    return result;
}

std::string qr_svg(const QrCode& code, int module_pixels) {
    const int side = (code.size + 2 * quiet_zone) * module_pixels;
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(side) +
                      "\" height=\"" + std::to_string(side) + "\" viewBox=\"0 0 " +
                      std::to_string(code.size + 2 * quiet_zone) + " " +
                      std::to_string(code.size + 2 * quiet_zone) +
                      "\" shape-rendering=\"crispEdges\">\n<rect width=\"100%\" height=\"100%\" "
                      "fill=\"#fff\"/>\n<path fill=\"#000\" d=\"";
    for (int y = 0; y < code.size; ++y) {
        for (int x = 0; x < code.size; ++x) {
            if (code.dark(x, y)) {
                svg += "M" + std::to_string(x + quiet_zone) + " " + std::to_string(y + quiet_zone) +
                       "h1v1h-1z";
            }
        }
    }
    svg += "\"/>\n</svg>\n";
    return svg;
}

std::string qr_text(const QrCode& code) {
    // Light modules are drawn (terminal text is light on dark), so a dark module is a
    // blank; the quiet zone is light.
    const auto light = [&code](int x, int y) {
        return x < 0 || y < 0 || x >= code.size || y >= code.size || !code.dark(x, y);
    };
    std::string text;
    for (int y = -quiet_zone; y < code.size + quiet_zone; y += 2) {
        for (int x = -quiet_zone; x < code.size + quiet_zone; ++x) {
            const bool top = light(x, y);
            const bool bottom = light(x, y + 1);
            text += top && bottom ? "\u2588" : top ? "\u2580" : bottom ? "\u2584" : " ";
        }
        text += "\n";
    }
    return text;
}

} // namespace attune::host
