// A bad story in the library must not take the game down at start-up (issue 13).

#include "story_shelf.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace {

using namespace attune;
namespace fs = std::filesystem;

struct TempFolder {
    fs::path path = fs::temp_directory_path() /
                    ("attune-shelf-" + std::to_string(::getpid()) + "-" + std::to_string(rand()));
    TempFolder() { fs::create_directories(path); }
    ~TempFolder() { fs::remove_all(path); }
};

std::string late_bus() {
    std::ifstream in(fs::path(ATTUNE_SOURCE_DIR) / "tests/data/stories/late-bus.json");
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

} // namespace

TEST_CASE("story shelf: a huge number, a FIFO and a wrong id each become a card's problem") {
    const TempFolder folder;
    std::string huge = late_bus();
    huge.replace(huge.find("\"patience\": 0"), 13, "\"patience\": 1e400");
    std::ofstream(folder.path / "huge.json") << huge;
    std::string wrong_id = late_bus();
    wrong_id.replace(wrong_id.find("\"id\": \"ren\""), 11, "\"id\": 3");
    std::ofstream(folder.path / "wrong-id.json") << wrong_id;
    REQUIRE(::mkfifo((folder.path / "pipe.json").c_str(), 0600) == 0);
    std::ofstream(folder.path / "good.json") << late_bus();

    const std::vector<ShelfEntry> shelf = scan_stories({folder.path});
    REQUIRE(shelf.size() == 4);
    int loaded = 0;
    for (const ShelfEntry& entry : shelf) {
        CAPTURE(entry.file);
        loaded += entry.story ? 1 : 0;
        CHECK((entry.story != nullptr) == entry.problem.empty());
    }
    CHECK(loaded == 1);
}
