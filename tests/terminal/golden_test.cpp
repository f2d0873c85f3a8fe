// Golden transcripts: each tests/golden/STORY/NAME.choices (choice numbers, one per
// line) is played with --trace and seed 1, and must match NAME.expected exactly.
// To accept a deliberate change, run the tests with ATTUNE_UPDATE_GOLDEN=1 and review
// the changed .expected files by eye before committing them.

#include "support.h"

#include "text_player.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace {

using namespace attune;
using test::read_text;
namespace fs = std::filesystem;

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

// The first difference with three lines of context on each side, marked - and +.
std::string readable_diff(const std::string& expected, const std::string& actual) {
    const auto want = split_lines(expected);
    const auto got = split_lines(actual);
    std::size_t at = 0;
    while (at < want.size() && at < got.size() && want[at] == got[at]) {
        ++at;
    }
    std::ostringstream out;
    out << "first difference at line " << at + 1 << ":\n";
    const std::size_t from = at >= 3 ? at - 3 : 0;
    for (std::size_t i = from; i < at; ++i) {
        out << "  " << want[i] << "\n";
    }
    for (std::size_t i = at; i < std::min(want.size(), at + 4); ++i) {
        out << "- " << want[i] << "\n";
    }
    for (std::size_t i = at; i < std::min(got.size(), at + 4); ++i) {
        out << "+ " << got[i] << "\n";
    }
    return out.str();
}

fs::path story_for(const std::string& id) {
    const fs::path bundled = test::source_dir() / "stories" / (id + ".json");
    return fs::exists(bundled) ? bundled
                               : test::source_dir() / "tests" / "data" / "stories" / (id + ".json");
}

std::string play(const fs::path& story_path, const std::string& choices) {
    Session session(test::story(story_path), test::params(), 1);
    std::istringstream in(choices);
    std::ostringstream out;
    play_text(session, in, out, TextOptions{true});
    return out.str();
}

} // namespace

TEST_CASE("golden transcripts match, for every story with recorded paths") {
    const bool update = std::getenv("ATTUNE_UPDATE_GOLDEN") != nullptr;
    int checked = 0;
    for (const auto& dir : fs::directory_iterator(test::source_dir() / "tests" / "golden")) {
        for (const auto& entry : fs::directory_iterator(dir.path())) {
            if (entry.path().extension() != ".choices") {
                continue;
            }
            const fs::path expected_path = fs::path(entry.path()).replace_extension(".expected");
            CAPTURE(entry.path().string());
            const std::string actual =
                play(story_for(dir.path().filename().string()), read_text(entry.path()));
            CHECK_MESSAGE(actual.find("The end.") != std::string::npos,
                          "the path does not reach an ending");
            if (update) {
                std::ofstream(expected_path, std::ios::binary) << actual;
            }
            const std::string expected = read_text(expected_path);
            CHECK_MESSAGE(actual == expected, readable_diff(expected, actual));
            ++checked;
        }
    }
    CHECK(checked >= 2);
}
