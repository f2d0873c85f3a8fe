#pragma once
// Shared by the tests: the real model parameters and stories, loaded from the source tree.

#include "model/params.h"
#include "story/loader.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace attune::test {

inline std::filesystem::path source_dir() {
    return ATTUNE_SOURCE_DIR;
}

/// The whole of a file, bytes as they are.
inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline std::shared_ptr<const model::Params> params() {
    static const std::shared_ptr<const model::Params> loaded = [] {
        auto p = model::load_params(source_dir() / "assets" / "model.json");
        REQUIRE(p);
        return std::make_shared<const model::Params>(std::move(*p));
    }();
    return loaded;
}

/// Loads a story that must be clean; fails the test with its problems otherwise.
inline std::shared_ptr<const Story> story(const std::filesystem::path& path) {
    Result<std::shared_ptr<const Story>> result = load_story_file(path.string());
    for (const Diagnostic& d : result.diagnostics) {
        INFO(format(d));
        CHECK(d.severity != Severity::Error);
    }
    REQUIRE(result);
    return *result;
}

inline std::shared_ptr<const Story> late_bus() {
    return story(source_dir() / "tests" / "data" / "stories" / "late-bus.json");
}

} // namespace attune::test
