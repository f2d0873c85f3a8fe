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

std::filesystem::path xdg_folder(const char* variable, const char* fallback) {
    if (const char* set = std::getenv(variable); set && *set) {
        return std::filesystem::path(set) / "attune";
    }
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / fallback / "attune";
}

std::filesystem::path model_params_path() {
    return data_dir() / "assets" / "model.json";
}

} // namespace attune
