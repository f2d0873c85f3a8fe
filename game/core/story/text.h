#pragma once
// Text pieces of a story: `{sam.name}` templates and pronoun sets.

#include "model/relational_model.h"
#include "story/story.h"

#include <string>
#include <string_view>

namespace attune {

/// Splits `source` into literal parts and `{name}` holes (names left unresolved, read
/// with Template::text). `{{` and `}}` stand for literal braces. `out` views `source`,
/// which must outlive it. On failure gives the problem and the 1-based column.
bool split_template(std::string_view source, Template& out, std::string& problem, int& column);

/// Reads "she/her", "he/him", "they/them" or three forms "xe/xem/xyr" into the profile.
bool set_pronouns(const std::string& pronouns, model::Profile& profile);

} // namespace attune
