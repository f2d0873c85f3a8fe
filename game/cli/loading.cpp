#include "loading.h"

#include "base/paths.h"
#include "story/loader.h"

#include <iostream>
#include <random>

namespace attune::cli {

namespace {

void print_all(const std::vector<Diagnostic>& diagnostics) {
    for (const Diagnostic& d : diagnostics) {
        std::cerr << format(d) << "\n";
    }
}

} // namespace

std::shared_ptr<const model::Params> load_params_or_explain(const std::string& path) {
    auto params =
        model::load_params(path.empty() ? model_params_path() : std::filesystem::path(path));
    print_all(params.diagnostics);
    if (!params) {
        std::cerr << "attune: the model parameters could not be loaded.\n";
        return nullptr;
    }
    return std::make_shared<const model::Params>(std::move(*params));
}

std::shared_ptr<const Story> load_story_or_explain(const std::string& path) {
    const std::string file = path.empty() ? default_story_path().string() : path;
    Result<std::shared_ptr<const Story>> result = load_story_file(file);
    print_all(result.diagnostics);
    if (!result) {
        std::cerr << "attune: " << file
                  << " has problems (listed above); fix them and try again.\n";
        return nullptr; // the optional holds nothing to read
    }
    return *result;
}

std::uint64_t fresh_seed() {
    std::random_device device;
    return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

} // namespace attune::cli
