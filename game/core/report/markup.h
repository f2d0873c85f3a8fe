#pragma once
// Escaping for the two page formats the reports write. Story text is the author's and
// the player's, never markup: every piece of it goes through one of these (HTML's
// escaper is the core's one, in base, shared with the plots' SVG).

#include "base/html_escape.h"

#include <string>
#include <string_view>

namespace attune::report {

/// Text that Markdown shows as written (no accidental emphasis, links or headings).
std::string markdown_escape(std::string_view text);

/// A number with at most `decimals` decimals, as the CSV and the chart write it.
std::string fixed(double value, int decimals);

} // namespace attune::report
