#pragma once
// The one escaper for text going into HTML, SVG or XML: the reports' pages, the plots'
// SVG. Story text is the author's and the player's, never markup.

#include <string>
#include <string_view>

namespace attune {

/// Text safe inside elements and quoted attributes (& < > " ' replaced by entities).
std::string html_escape(std::string_view text);

} // namespace attune
