#pragma once
// A character in plain words for a facilitator's page: how they tend to react under
// stress (from their attachment anxiety and avoidance) and how they start toward the
// player. No numbers: the page describes a character, it does not score one.

#include "model/profile.h"

#include <string>

namespace attune::report {

/// How the character tends to react when things get tense, in one or two sentences
/// (psychology.md R14 and R15: two continuous dimensions; anxiety shows as protest and
/// reading silence as rejection, avoidance as withdrawal and needing room; R16: both
/// high, approach and withdrawal in turn). `name` starts the sentence.
std::string attachment_words(const model::Profile& profile);

/// How they feel toward the player when the story begins ("warm", "guarded", ...).
std::string starting_words(const model::Profile& profile);

} // namespace attune::report
