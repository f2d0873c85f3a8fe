#pragma once
// Twine interchange: Twee 3 (twine-specs, twee-3-specification v3.0.2) to and from the
// Attune story format. The mapping is documented in docs/twine.md:
//   passages -> scenes (a passage tagged `ending:KIND`, or with no links, is an ending);
//   links [[text->Target]], [[Target<-text]], [[text|Target]], [[Target]] -> choices;
//   moves from an annotation after a link, <!-- attune: #id validate@ren -->, or from the
//   target passage's tags (`move:validate`, `validate@ren`);
//   the story's own metadata in a `StoryAttune` passage of JSON.
// Story-format code (macros) is kept in the text and listed as a warning, never dropped.

#include "base/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace attune {

/// Reads Twee 3 text into a story in the Attune format (check it with the loader).
/// Problems are located in `file` (line and column); there is always a story, but with
/// errors it may be incomplete.
Result<nlohmann::ordered_json> import_twee(const std::string& file, const std::string& text);

/// Writes a (valid) story as Twee 3 that importing gives back; what Twee cannot hold is
/// given as warnings.
Result<std::string> export_twee(const std::string& file, const nlohmann::json& story);

} // namespace attune
