// The `attune` program as users and tools run it: exit statuses, messages, piped play.

#include "run_attune.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace attune {
namespace {

namespace fs = std::filesystem;

using test::attune;
using test::Run;

std::vector<fs::path> json_files(const fs::path& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(fs::path(ATTUNE_SOURCE_DIR) / folder)) {
        if (entry.path().extension() == ".json" && entry.path().filename() != "schema.json") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Enough varied choice numbers to finish any bundled story: disabled or out-of-range
// numbers are refused politely and the next one is tried.
std::string wandering_input() {
    std::string input;
    for (int i = 0; i < 400; ++i) {
        input += std::to_string(1 + (i * 7 + i / 3) % 4) + "\n";
    }
    return input;
}

} // namespace

TEST_CASE("cli: --version and --help on every subcommand") {
    const Run version = attune("--version");
    CHECK(version.status == 0);
    CHECK(version.output.rfind("attune ", 0) == 0);
    for (const char* sub : {"", "text ", "check ", "sim "}) {
        CAPTURE(sub);
        const Run help = attune(std::string(sub) + "--help");
        CHECK(help.status == 0);
        CHECK(help.output.find("Usage:") != std::string::npos);
    }
    CHECK(attune("no-such-command").status != 0);
}

TEST_CASE("cli: check passes every bundled story and the test stories") {
    const Run bundled = attune("check stories");
    CHECK_MESSAGE(bundled.status == 0, bundled.output);
    // Nothing for an author to fix in what ships: no error and no warning either (a
    // scene whose choices have opposite conditions is no longer a "maybe a dead end").
    CHECK_MESSAGE(bundled.output.find(" 0 errors, 0 warnings.") != std::string::npos,
                  bundled.output);
    CHECK(attune("check tests/data/stories").status == 0);
}

TEST_CASE("cli: check fails each broken fixture with file:line:column and a JSON path") {
    for (const fs::path& file : json_files("tests/data/broken")) {
        CAPTURE(file.string());
        const Run run = attune("check '" + file.string() + "'");
        CHECK(run.status == 1);
        CHECK(run.output.find(file.string() + ":") != std::string::npos);
        CHECK(run.output.find(": error: ") != std::string::npos);
        CHECK(run.output.find("fix: ") != std::string::npos);
    }
    const Run target = attune("check tests/data/broken/unknown-target.json");
    CHECK(target.output.find("unknown-target.json:64:19: error:") != std::string::npos);
    CHECK(target.output.find("(at /scenes/1/choices/1/next)") != std::string::npos);
}

TEST_CASE("cli: check --json gives tools every problem") {
    const Run run = attune("check --json tests/data/broken/duplicate-scene.json");
    CHECK(run.status == 1);
    CHECK(run.output.find("\"code\": \"duplicate-id\"") != std::string::npos);
    CHECK(run.output.find("\"pointer\": \"/scenes/0/choices/1/next\"") != std::string::npos);
    CHECK(run.output.find("\"errors\": 3") != std::string::npos);
}

TEST_CASE("cli: no input makes check crash (exit status never above 128)") {
    const fs::path dir =
        fs::temp_directory_path() / ("attune-garbage-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::uint64_t x = 12345;
    for (int i = 0; i < 30; ++i) {
        std::string bytes;
        const int size = i * 97 % 3000;
        for (int b = 0; b < size; ++b) {
            x = x * 6364136223846793005ull + 1442695040888963407ull;
            bytes += static_cast<char>(i % 2 ? " {}[]\",:0123456789abcdefnulltrue\\"[x >> 59]
                                             : (x >> 56));
        }
        std::ofstream(dir / ("g" + std::to_string(i) + ".json"), std::ios::binary) << bytes;
    }
    const Run run = attune("check '" + dir.string() + "'");
    CHECK(run.status == 1);
    // Every file is read and refused with a located reason; none is skipped.
    for (int i = 0; i < 30; ++i) {
        CAPTURE(i);
        CHECK(run.output.find("/g" + std::to_string(i) + ".json:") != std::string::npos);
    }
    CHECK(run.output.find("30 stories checked: 30 errors") != std::string::npos);
    const Run missing = attune("check /no/such/story.json");
    CHECK(missing.status == 1);
    CHECK(missing.output.find("there is no such file") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("cli: text plays every bundled story to an ending from piped input") {
    for (const fs::path& file : json_files("stories")) {
        CAPTURE(file.string());
        const Run run = attune("text --seed 3 '" + file.string() + "'", wandering_input());
        CHECK(run.status == 0);
        CHECK(run.output.find("The end.") != std::string::npos);
    }
}

TEST_CASE("cli: text --trace shows the state, plain text shows words, not numbers") {
    const std::string input = "1\n2\n";
    const Run traced = attune("text --trace --seed 1 tests/data/stories/late-bus.json", input);
    CHECK(traced.output.find("[state] ren: safety ") != std::string::npos);
    const Run plain = attune("text --seed 1 tests/data/stories/late-bus.json", input);
    CHECK(plain.output.find("[state]") == std::string::npos);
    CHECK(plain.output.find("safety") == std::string::npos);
    CHECK(plain.output.find("  * Ren ") != std::string::npos);
}

TEST_CASE("cli: text without a story plays the bundled default, and stops at end of input") {
    const Run run = attune("text --seed 1", "1\n");
    CHECK(run.status == 0);
    CHECK(run.output.find("(Stopped before the end.)") != std::string::npos);
}

TEST_CASE("cli: plain attune without a display plays the default story in the terminal") {
    const Run run = attune("", "q\n", "env -u DISPLAY");
    CHECK(run.status == 0);
    CHECK(run.output.find("the story plays in the terminal") != std::string::npos);
}

} // namespace attune
