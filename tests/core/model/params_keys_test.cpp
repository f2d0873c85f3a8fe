// The model's parameter file refuses keys it does not know, at the top and inside a move,
// each at its own JSON path (a misspelt key would otherwise be silently ignored).

#include "model/params.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <unistd.h>

namespace {

using namespace attune;
namespace fs = std::filesystem;

std::vector<std::string> problems_with(const std::function<void(nlohmann::json&)>& edit) {
    std::ifstream in(fs::path(ATTUNE_SOURCE_DIR) / "tests/data/model/frozen.json");
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json params = nlohmann::json::parse(text.str());
    edit(params);
    const fs::path file =
        fs::temp_directory_path() / ("attune-params-" + std::to_string(::getpid()) + ".json");
    std::ofstream(file) << params.dump(2);
    const Result<model::Params> loaded = model::load_params(file);
    fs::remove(file);
    std::vector<std::string> out;
    for (const Diagnostic& d : loaded.diagnostics) {
        out.push_back(d.code + " " + d.pointer);
    }
    CHECK(!loaded == !out.empty());
    return out;
}

} // namespace

TEST_CASE("model params: unknown keys are refused at the top and inside a move, by path") {
    CHECK(problems_with([](nlohmann::json&) {}).empty());
    CHECK(problems_with([](nlohmann::json& p) { p["tuning"] = 1; }) ==
          std::vector<std::string>{"unknown-key /tuning"});
    CHECK(problems_with([](nlohmann::json& p) { p["moves"]["validate"]["weight"] = 1; }) ==
          std::vector<std::string>{"unknown-key /moves/validate/weight"});
    CHECK(problems_with([](nlohmann::json& p) { p["window"]["hihg"] = 1; }) ==
          std::vector<std::string>{"unknown-key /window/hihg"});
}
