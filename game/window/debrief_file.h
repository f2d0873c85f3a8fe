#pragma once

#include "base/result.h"
#include "play/session.h"

#include <filesystem>
#include <span>
#include <string>

namespace attune {

/// Writes the debrief page of a session (report/debrief.h: transcript, choices, ruptures
/// and repairs with their causes, prompts; a room's "what if" timelines beside it) into
/// `folder`/debriefs/, named by story and time, so the ending screen's button needs no
/// terminal. Returns the file written, or the problem in words.
Result<std::filesystem::path> save_debrief(const Session& session,
                                           std::span<const Session> what_ifs,
                                           const std::string& talk_to,
                                           const std::filesystem::path& folder);

} // namespace attune
