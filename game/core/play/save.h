#pragma once
// Saves: a versioned JSON snapshot of a session. A save holds both the full state and
// the list of choices taken; loading replays the choices (which also rebuilds the
// history for rewind) and checks that the result matches the saved state. When the
// story has changed since, state is carried over by stable ids, and when even that is
// impossible the session falls back to the last point that still exists.

#include "base/result.h"
#include "play/session.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace attune {

/// 2: "visits" lists only the scenes entered (version 1 listed every scene, zeros too).
/// 3: a choice a room voted on keeps the split as "room_vote" (aggregate only: never who
/// voted, never the facilitator's reason for an override). Versions 1 and 2 still load;
/// an older Attune refuses a newer version with "made by a newer Attune" rather than
/// opening it and dropping the room's votes on the next save.
inline constexpr int save_format_version = 3;

nlohmann::json save_session(const Session& session);

/// Restores a save: the session when it could be, with notes for the player
/// (Severity::Note: "The story has changed since this save ..."); else an error saying
/// why nothing could be restored.
Result<Session> load_session(const nlohmann::json& save, std::shared_ptr<const Story> story,
                             std::shared_ptr<const model::Params> params);

nlohmann::json state_to_json(const Story& story, const SessionState& state);

} // namespace attune
