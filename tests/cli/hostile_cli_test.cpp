// Hostile input as a user would give it to the program (issue 13): each must end in a
// plain, located error and exit status 1 or 2, never an abort (134), a hang or a flood
// of memory.

#include "run_attune.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace attune {
namespace {

namespace fs = std::filesystem;

using test::attune;
using test::contains;
using test::Run;

// Ends a run that would hang, and stops one that would eat the machine's memory.
#if defined(__SANITIZE_ADDRESS__)
// AddressSanitizer reserves terabytes of address space for its shadow memory, so it cannot
// run under an address-space limit; the time limit alone still catches a read that never ends.
const std::string bounded = "timeout 30";
#else
const std::string bounded = "timeout 30 prlimit --as=2000000000";
#endif

/// A fresh folder for one test, removed afterwards.
struct TempFolder {
    fs::path path = fs::temp_directory_path() /
                    ("attune-hostile-" + std::to_string(::getpid()) + "-" + std::to_string(rand()));
    TempFolder() { fs::create_directories(path); }
    ~TempFolder() { fs::remove_all(path); }
    fs::path write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name, std::ios::binary) << text;
        return path / name;
    }
};

std::string late_bus() {
    std::ifstream in(fs::path(ATTUNE_SOURCE_DIR) / "tests/data/stories/late-bus.json");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string quoted(const fs::path& path) {
    return "'" + path.string() + "'";
}

} // namespace

TEST_CASE("hostile cli: a number beyond a double is a located error in check, stats and sim") {
    const TempFolder folder;
    std::string story = late_bus();
    story.replace(story.find("\"patience\": 0"), 13, "\"patience\": 1e400");
    const fs::path file = folder.write("huge.json", story);
    for (const std::string& command :
         {std::string("check "), std::string("stats "), "check " + folder.path.string() + " "}) {
        const Run run = attune(command + quoted(file));
        CAPTURE(run.output);
        CHECK(run.status == 1);
        CHECK(contains(run.output, "huge.json:16:30: error: this number is too large"));
    }
    const fs::path params = folder.write("model.json", "{\"scale\": 1e400}");
    const Run sim =
        attune("sim --character anxiety=0.5,avoidance=0.5 --moves ask --params " + quoted(params));
    CAPTURE(sim.output);
    CHECK(sim.status != 0);
    CHECK(sim.status < 128);
    CHECK(contains(sim.output, "model.json:1:11: error: this number is too large"));
}

TEST_CASE("hostile cli: a story path that is not UTF-8 still gives JSON from check and stats") {
    const TempFolder folder;
    const fs::path file = folder.write("caf\xe9.json", late_bus());
    for (const std::string command : {"check --json ", "stats --json "}) {
        const Run run = attune(command + quoted(file));
        CAPTURE(run.output);
        CHECK(run.status == 0);
        CHECK(nlohmann::json::accept(run.output));
    }
}

TEST_CASE("hostile cli: import refuses Twee that is not UTF-8, and a folder, in plain words") {
    const TempFolder folder;
    const fs::path twee =
        folder.write("latin1.twee", ":: Start\nCaf\xe9.\n[[Go->End]]\n\n:: End\nDone.\n");
    const Run run = attune("import " + quoted(twee) + " -o " + quoted(folder.path / "out.json"));
    CAPTURE(run.output);
    CHECK(run.status == 1);
    CHECK(contains(run.output, "latin1.twee:2:4: error: this is not UTF-8 text"));

    const Run dir =
        attune("import " + quoted(folder.path) + " -o " + quoted(folder.path / "o.json"));
    CAPTURE(dir.output);
    CHECK(dir.status == 1);
    CHECK(contains(dir.output, "this is a folder, not a file"));
}

TEST_CASE("hostile cli: a FIFO or a device as a story is refused at once") {
    const TempFolder folder;
    const fs::path fifo = folder.path / "story.json";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    for (const fs::path& file : {fifo, fs::path("/dev/zero")}) {
        const Run run = attune("check " + quoted(file), "", bounded);
        CAPTURE(run.output);
        CHECK(run.status == 1);
        CHECK(contains(run.output, "this is not a regular file"));
    }
}

TEST_CASE(
    "hostile cli: seeds, counts, tolerances and window sizes out of range are refused, not bent") {
    const std::string story = " tests/data/stories/late-bus.json";
    for (const std::string& args :
         {"check --random 5 --seed 18446744073709551616" + story, "check --random -5" + story,
          "check --explore --tolerance nan" + story, "stats --seed 18446744073709551616" + story,
          std::string("generate --seed -1 -o /dev/null"),
          std::string("generate --scenes 200000 -o /dev/null"), "play --size 100x100" + story,
          "play --size 1280x720x" + story, "room --size 7681x4320" + story,
          "room --facilitator-size 12" + story}) {
        const Run run = attune(args);
        CAPTURE(args);
        CAPTURE(run.output);
        CHECK(run.status != 0);
        CHECK(run.status < 128);
        CHECK(run.output.find("Run with --help") != std::string::npos); // refused as arguments
    }
}

} // namespace attune
