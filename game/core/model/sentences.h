#pragma once
// The plain, warm sentences the model gives players for each rule it applies.
// Kept apart from the arithmetic so writers can edit the words without touching the rules.

#include "model/moves.h"

#include <string>
#include <string_view>

namespace attune::model {

struct Profile;

/// The sentence for `rule` about the character in `profile`, with their name and pronouns
/// filled in. Unknown rules fall back to a neutral sentence rather than failing.
std::string rule_sentence(std::string_view rule, const Profile& profile);

/// A short noun phrase for what opened a rupture ("the criticism", "being left").
std::string_view rupture_noun(Move move);

/// Fills {name}, {they}, {them}, {their}, {was} and {is} from the profile.
std::string fill(std::string_view text, const Profile& profile);

} // namespace attune::model
