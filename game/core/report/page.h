#pragma once
// The frame every printed page shares: a complete HTML document with its style inline.
// Nothing is fetched: no fonts, images, scripts or style sheets from anywhere else, so a
// page opens offline and a school's network never sees what a group played.

#include <string>
#include <string_view>

namespace attune::report {

/// A whole HTML document around `body` (already escaped markup), titled `title` (plain
/// text), with the shared print style and `extra_css` after it.
std::string html_page(std::string_view title, std::string_view body,
                      std::string_view extra_css = "");

} // namespace attune::report
