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

/// 2: "visits" lists only the scenes entered (version 1 listed every scene, zeros too;
/// both load). An older Attune refuses version 2 with "made by a newer Attune".
inline constexpr int save_format_version = 2;

nlohmann::json save_session(const Session& session);

/// Restores a save: the session when it could be, with notes for the player
/// (Severity::Note: "The story has changed since this save ..."); else an error saying
/// why nothing could be restored.
Result<Session> load_session(const nlohmann::json& save, std::shared_ptr<const Story> story,
                             std::shared_ptr<const model::Params> params);

nlohmann::json state_to_json(const Story& story, const SessionState& state);

} // namespace attune
