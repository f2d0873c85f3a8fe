#pragma once
// Where Attune finds its bundled stories and assets, and where it keeps its own files.

#include <filesystem>

namespace attune {

/// The folder holding `stories/` and `assets/`: $ATTUNE_DATA_DIR when set, else the
/// source tree the program was built from.
std::filesystem::path data_dir();

std::filesystem::path default_story_path();

/// Attune's folder under an XDG base directory: `$VARIABLE/attune` when the variable is
/// set, else `~/FALLBACK/attune` (e.g. "XDG_DATA_HOME" and ".local/share").
std::filesystem::path xdg_folder(const char* variable, const char* fallback);
std::filesystem::path model_params_path();

} // namespace attune
