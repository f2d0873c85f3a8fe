#pragma once
// Whether a menu whose every choice has a condition can still never be empty: the
// conditions `not nkem.rupture` and `nkem.rupture` together cover every state, so the
// loader need not warn that the player could be left with no choice.

#include "story/expression.h"

#include <vector>

namespace attune {

/// True when every state of the story makes at least one of `conditions` true. The proof
/// tries one value from each stretch between the numbers a name is compared with, so it
/// holds only for conditions made of names, numbers, comparisons, `and`, `or` and `not`;
/// for anything else (arithmetic, two names compared, too many cases) it answers false,
/// which keeps the author's warning rather than hiding a real dead end.
bool one_condition_always_holds(const std::vector<const Expression*>& conditions);

} // namespace attune
