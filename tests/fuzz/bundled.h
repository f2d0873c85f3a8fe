#pragma once
// The bundled stories and the model parameters, loaded once: what the save target and
// the seed maker restore saves against.

#include "base/paths.h"
#include "model/params.h"
#include "story/loader.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <vector>

namespace attune::fuzz {

inline std::vector<std::shared_ptr<const Story>> bundled_stories() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(data_dir() / "stories")) {
        if (entry.path().extension() == ".json" && entry.path().filename() != "schema.json") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end()); // the same order on every machine
    std::vector<std::shared_ptr<const Story>> stories;
    for (const auto& file : files) {
        Result<std::shared_ptr<const Story>> loaded = load_story_file(file.string());
        if (!loaded) {
            std::fprintf(stderr, "fuzz: bundled story %s does not load\n", file.c_str());
            std::abort();
        }
        stories.push_back(*loaded);
    }
    return stories;
}

inline std::shared_ptr<const model::Params> bundled_params() {
    Result<model::Params> params = model::load_params(model_params_path());
    if (!params) {
        std::fprintf(stderr, "fuzz: %s does not load\n", model_params_path().c_str());
        std::abort();
    }
    return std::make_shared<const model::Params>(std::move(*params));
}

} // namespace attune::fuzz
