#pragma once
// Shared by the tests: the real model parameters and stories, loaded from the source tree.

#include "model/params.h"
#include "play/vote_split.h"
#include "story/loader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

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

/// The model's parameters frozen for golden files (tests/data/model/frozen.json), so that
/// retuning assets/model.json does not move them while a change to the model's code does.
inline std::shared_ptr<const model::Params> frozen_params() {
    static const std::shared_ptr<const model::Params> loaded = [] {
        auto p = model::load_params(source_dir() / "tests" / "data" / "model" / "frozen.json");
        REQUIRE(p);
        return std::make_shared<const model::Params>(std::move(*p));
    }();
    return loaded;
}

/// The files in `folder` whose names end in `extension` (".json"), sorted by path.
inline std::vector<std::filesystem::path> files_in(const std::filesystem::path& folder,
                                                   const std::string& extension) {
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() == extension) {
            out.push_back(entry.path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// Every fixture story, tests/data/{stories,explore,truth}/*.json, sorted by path.
inline std::vector<std::filesystem::path> fixture_stories() {
    std::vector<std::filesystem::path> out;
    for (const char* folder : {"stories", "explore", "truth"}) {
        const auto more = files_in(source_dir() / "tests" / "data" / folder, ".json");
        out.insert(out.end(), more.begin(), more.end());
    }
    std::sort(out.begin(), out.end());
    return out;
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

/// Compares `actual` with the golden file `file`, failing the test at the first line that
/// differs (and the "== " heading above it, in files that have them) rather than printing
/// two whole files. With ATTUNE_UPDATE_GOLDEN set it first rewrites the file, to be read by
/// eye before it is committed.
inline void matches_golden(const std::string& actual, const std::filesystem::path& file) {
    if (std::getenv("ATTUNE_UPDATE_GOLDEN")) {
        std::ofstream(file, std::ios::binary) << actual;
    }
    const std::string expected = read_text(file);
    REQUIRE_MESSAGE(!expected.empty(), file.string() << " is missing");
    if (actual == expected) {
        return;
    }
    std::size_t at = 0;
    while (at < actual.size() && at < expected.size() && actual[at] == expected[at]) {
        ++at;
    }
    const std::size_t heading = expected.rfind("== ", at);
    const std::string section =
        heading == std::string::npos
            ? ""
            : ", in " + expected.substr(heading, expected.find('\n', heading) - heading);
    const std::size_t from = expected.rfind('\n', at == 0 ? 0 : at - 1);
    const std::size_t line = from == std::string::npos ? 0 : from + 1;
    FAIL_CHECK(file.filename().string()
               << " differs at byte " << at << section
               << ":\n expected: " << expected.substr(line, expected.find('\n', at) - line)
               << "\n actual:   " << actual.substr(line, actual.find('\n', at) - line));
}

/// How a room split on late-bus's first menu ("text"): one pass, the top two a vote apart
/// (a close call), `chosen` taken as the room's choice. Callers change what their case needs.
inline VoteSplit late_bus_first_menu_split(int its_fine, int name_it, int chosen) {
    VoteSplit split;
    split.scene_id = "text";
    split.choice_ids = {"its-fine", "name-it"};
    split.choice_texts = {"\"It's fine. Whatever.\"", "\"I was disappointed.\""};
    split.counts = {its_fine, name_it};
    split.passes = 1;
    split.close_call = true;
    split.chosen = chosen;
    return split;
}

} // namespace attune::test
