// The one bounded reader of input files.

#include "base/text_file.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace {

using namespace attune;
namespace fs = std::filesystem;

struct TempFolder {
    fs::path path = fs::temp_directory_path() /
                    ("attune-read-" + std::to_string(::getpid()) + "-" + std::to_string(rand()));
    TempFolder() { fs::create_directories(path); }
    ~TempFolder() { fs::remove_all(path); }
};

std::string refusal(const fs::path& path, std::size_t max_bytes = max_input_bytes) {
    const Result<std::string> read = read_text_file(path, max_bytes);
    CHECK_FALSE(read);
    const std::vector<Diagnostic>& problems = read.diagnostics;
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == path.string());
    CHECK_FALSE(problems[0].fix.empty());
    return problems[0].message;
}

} // namespace

TEST_CASE("text file: a regular file is read whole") {
    const TempFolder folder;
    std::ofstream(folder.path / "a.txt") << "hello\n";
    const Result<std::string> read = read_text_file(folder.path / "a.txt");
    CHECK(read.value == "hello\n");
    CHECK(read.diagnostics.empty());
}

TEST_CASE("text file: what is not a regular file is refused without reading") {
    const TempFolder folder;
    const fs::path fifo = folder.path / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(refusal(fifo) == "this is not a regular file (it may be a pipe or a device)");
    CHECK(refusal("/dev/zero") == "this is not a regular file (it may be a pipe or a device)");
    CHECK(refusal(folder.path) == "this is a folder, not a file");
    CHECK(refusal(folder.path / "none.json") == "there is no such file");
}

TEST_CASE("text file: a file over the bound is refused, and the error names the bound") {
    const TempFolder folder;
    std::ofstream(folder.path / "big.json") << std::string(3000, 'x');
    CHECK(refusal(folder.path / "big.json", 2048) ==
          "the file is larger than 2 KiB, the most Attune reads");
    CHECK(size_words(max_input_bytes) == "64 MiB");
}
