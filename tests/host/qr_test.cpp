// The join QR code: a real QR symbol (finder squares in three corners) for the address.

#include "qr_code.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace attune::host {

TEST_CASE("qr code: the join address as modules, SVG and terminal text") {
    const Result<QrCode> made = make_qr_code("http://192.168.1.20:8080/?code=KTWA");
    REQUIRE(made);
    const QrCode& code = *made;
    CHECK(code.size >= 21);
    CHECK((code.size - 17) % 4 == 0); // every QR version is 17 + 4v modules wide
    // The three finder squares: a dark 7x7 ring with a dark 3x3 centre.
    for (const auto& [left, top] :
         {std::pair{0, 0}, std::pair{code.size - 7, 0}, std::pair{0, code.size - 7}}) {
        for (int i = 0; i < 7; ++i) {
            CHECK(code.dark(left + i, top));
            CHECK(code.dark(left + i, top + 6));
            CHECK(code.dark(left, top + i));
            CHECK(code.dark(left + 6, top + i));
        }
        CHECK_FALSE(code.dark(left + 1, top + 1));
        CHECK(code.dark(left + 3, top + 3));
    }
    // ...and none in the fourth corner.
    bool ring = true;
    for (int i = 0; i < 7; ++i) {
        ring = ring && code.dark(code.size - 7 + i, code.size - 7) &&
               code.dark(code.size - 7 + i, code.size - 1);
    }
    CHECK_FALSE(ring);
    const std::string svg = qr_svg(code);
    CHECK(svg.rfind("<svg", 0) == 0);
    CHECK(svg.find("h1v1h-1z") != std::string::npos);
    // Text: one line per two rows of modules, plus the quiet zone.
    const std::string text = qr_text(code);
    CHECK(static_cast<int>(std::count(text.begin(), text.end(), '\n')) == (code.size + 8 + 1) / 2);
}

} // namespace attune::host
