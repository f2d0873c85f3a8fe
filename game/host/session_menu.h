#pragma once
// What a room votes on, taken from the session: the scene as the player reads it and
// the choices shown now (closed ones with the game's own reason).

#include "room.h"

#include "play/session.h"

namespace attune::host {

/// The current scene's menu. Lines name their speaker as the terminal does ("Mei: ...").
Menu menu_of(const Session& session);

/// The session's choice index (ChoiceView::index) of the menu's choice at `position`;
/// -1 when there is none.
int choice_index_at(const Session& session, int position);

} // namespace attune::host
