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

TEST_CASE("text file: a file exactly at the bound is read; one byte over is not") {
    const TempFolder folder;
    std::ofstream(folder.path / "edge.json") << std::string(3000, 'x');
    const Result<std::string> read = read_text_file(folder.path / "edge.json", 3000);
    REQUIRE(read);
    CHECK(read->size() == 3000);
    CHECK(read.diagnostics.empty());
    CHECK(refusal(folder.path / "edge.json", 2999) ==
          "the file is larger than 2999 bytes, the most Attune reads");
}

TEST_CASE("text file: a file that says it is empty but reads longer is still bounded") {
    // Files under /proc report a size of 0 and are generated as they are read: the bound
    // must hold on what is read, not only on what the file system says.
    const fs::path maps = "/proc/self/maps";
    REQUIRE(fs::exists(maps));
    CHECK(refusal(maps, 16) == "the file is larger than 16 bytes, the most Attune reads");
    const Result<std::string> whole = read_text_file(maps);
    REQUIRE(whole);
    CHECK(whole->size() > 16);
    CHECK(whole->find('\n') != std::string::npos);
}

TEST_CASE("text file: a bound is said in MiB or KiB only when it is a whole number of them") {
    CHECK(size_words(1024u * 1024u) == "1 MiB");
    CHECK(size_words(3u * 1024u * 1024u) == "3 MiB");
    CHECK(size_words(3u * 1024u * 1024u + 1024u) == "3073 KiB");
    CHECK(size_words(1024u) == "1 KiB");
    CHECK(size_words(1023u) == "1023 bytes");
    CHECK(size_words(1536u) == "1536 bytes");
    CHECK(size_words(1025u) == "1025 bytes");
    CHECK(size_words(0u) == "0 bytes");
}
