#pragma once
// Writing a file so that a crash never leaves a mix of old and new, and keeping a file
// that cannot be used instead of deleting it. Saves and settings both rely on these.

#include "base/result.h"

#include <filesystem>
#include <optional>
#include <string>

namespace attune {

/// Writes `text` to `path` so that a crash at any moment leaves either the old file or
/// the new one, never a mix: write a temporary file beside it, flush it, rename. On
/// failure its error says what went wrong in words a player can act on.
Result<> write_file_atomically(const std::filesystem::path& path, const std::string& text);

/// Renames `file` to `NAME.corrupt-TIMESTAMP.json` beside it, so a file that cannot be
/// used is kept for inspection. Nothing when it could not be renamed (a read-only
/// folder): the file is then still where it was.
std::optional<std::filesystem::path> set_aside(const std::filesystem::path& file);

/// Removes temporary files left in `folder` by writers that were killed mid-write
/// (those whose process no longer runs); returns how many.
int remove_stale_temp_files(const std::filesystem::path& folder);

} // namespace attune
