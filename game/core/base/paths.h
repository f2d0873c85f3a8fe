#pragma once
// Where Attune finds its bundled stories and assets.

#include <filesystem>

namespace attune {

/// The folder holding `stories/` and `assets/`: $ATTUNE_DATA_DIR when set, else the
/// source tree the program was built from.
std::filesystem::path data_dir();

std::filesystem::path default_story_path();
std::filesystem::path model_params_path();

} // namespace attune
