#include "base/paths.h"

#include <cstdlib>

namespace attune {

std::filesystem::path data_dir() {
    if (const char* env = std::getenv("ATTUNE_DATA_DIR"); env && *env) {
        return env;
    }
    return ATTUNE_DATA_DIR;
}

std::filesystem::path default_story_path() {
    return data_dir() / "stories" / "first-light.json";
}

std::filesystem::path model_params_path() {
    return data_dir() / "assets" / "model.json";
}

} // namespace attune
