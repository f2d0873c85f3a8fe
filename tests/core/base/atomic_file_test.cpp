// Atomic writes and setting files aside: what saves and settings rely on.

#include "base/atomic_file.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace {

using namespace attune;
namespace fs = std::filesystem;

/// A fresh folder for one test, removed afterwards.
struct TempFolder {
    fs::path path = fs::temp_directory_path() /
                    ("attune-atomic-" + std::to_string(::getpid()) + "-" + std::to_string(rand()));
    TempFolder() { fs::create_directories(path); }
    ~TempFolder() { fs::remove_all(path); }
};

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::size_t count_files(const fs::path& folder) {
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder)) {
        ++files;
    }
    return files;
}

} // namespace

TEST_CASE("atomic file: files are replaced whole, and a failed write keeps the old file") {
    const TempFolder folder;
    const fs::path path = folder.path / "slot-1.json";
    REQUIRE(write_file_atomically(path, "first"));
    // A second name for the file as it is now. Replacing the file atomically puts a new
    // file in its place and leaves this one untouched; writing into the target (which a
    // crash could leave half-written) would change what this name shows.
    const fs::path old_name = folder.path / "slot-1.old";
    fs::create_hard_link(path, old_name);
    REQUIRE(write_file_atomically(path, "second"));
    CHECK(read_text(path) == "second");
    CHECK(read_text(old_name) == "first"); // the target was never opened for writing
    fs::remove(old_name);
    const Result<> failed = write_file_atomically(folder.path / "missing" / "slot.json", "x");
    CHECK_FALSE(failed);
    const std::string error = error_message(failed.diagnostics);
    CHECK(error.find("No such file or directory") != std::string::npos);
    CHECK(read_text(path) == "second");
    CHECK(count_files(folder.path) == 1); // no temporary file left behind
}

TEST_CASE("atomic file: a failed rename says why, never 'Success'") {
    const TempFolder folder;
    fs::create_directories(folder.path / "taken" / "inside"); // a full folder cannot be replaced
    const Result<> failed = write_file_atomically(folder.path / "taken", "x");
    CHECK_FALSE(failed);
    const std::string error = error_message(failed.diagnostics);
    CHECK(error.starts_with("could not replace " + (folder.path / "taken").string() + ": "));
    CHECK(error.find("Success") == std::string::npos);
    CHECK(count_files(folder.path) == 1);
}

TEST_CASE("atomic file: a file set aside keeps its content under a new name") {
    const TempFolder folder;
    const fs::path file = folder.path / "slot-x.json";
    std::ofstream(file) << "broken";
    const auto aside = set_aside(file);
    REQUIRE(aside);
    CHECK_FALSE(fs::exists(file));
    CHECK(aside->filename().string().starts_with("slot-x.corrupt-"));
    CHECK(read_text(*aside) == "broken");
    CHECK_FALSE(set_aside(folder.path / "gone.json")); // nothing to move: says so
}

TEST_CASE("atomic file: setting aside twice in the same second keeps both files") {
    const TempFolder folder;
    const fs::path file = folder.path / "slot-two.json";
    std::ofstream(file) << "first";
    const auto first = set_aside(file);
    std::ofstream(file) << "second";
    const auto second = set_aside(file);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(*first != *second);
    CHECK(read_text(*first) == "first");
    CHECK(read_text(*second) == "second");
    if (second->stem().string().starts_with(first->stem().string())) { // the same second
        CHECK(second->filename() == first->stem().string() + "-2.json");
    }
}

TEST_CASE("atomic file: only the temporary files of writers that are gone are removed") {
    const TempFolder folder;
    const fs::path dead = folder.path / "save.json.tmp-999999999"; // above Linux's largest id
    const fs::path alive = folder.path / ("save.json.tmp-" + std::to_string(::getpid()));
    const fs::path other = folder.path / "notes.tmp-x";
    for (const fs::path& file : {dead, alive, other}) {
        std::ofstream(file) << "{";
    }
    CHECK(remove_stale_temp_files(folder.path) == 1);
    CHECK_FALSE(fs::exists(dead));
    CHECK(fs::exists(alive));
    CHECK(fs::exists(other));
}

TEST_CASE("atomic file: a temporary file's owner is the number after its last marker, nine "
          "digits at most") {
    const TempFolder folder;
    // Gone owners (above Linux's largest id), named as writers name them: removed.
    const fs::path last_marker = folder.path / "a.tmp-5.tmp-999999998";
    const fs::path nine_digits = folder.path / "b.json.tmp-999999997";
    // Not a writer's name, or a writer that may be alive: kept.
    const fs::path ten_digits = folder.path / "c.json.tmp-9999999999";
    const fs::path no_digits = folder.path / "d.json.tmp-";
    const fs::path letters = folder.path / "e.json.tmp-99999999x";
    const fs::path zero = folder.path / "f.json.tmp-0";
    const fs::path no_marker = folder.path / "g.json-999999996";
    for (const fs::path& file :
         {last_marker, nine_digits, ten_digits, no_digits, letters, zero, no_marker}) {
        std::ofstream(file) << "{";
    }
    const fs::path folder_named_so = folder.path / "h.tmp-999999995"; // a folder: kept
    fs::create_directories(folder_named_so);
    CHECK(remove_stale_temp_files(folder.path) == 2);
    CHECK_FALSE(fs::exists(last_marker));
    CHECK_FALSE(fs::exists(nine_digits));
    for (const fs::path& kept :
         {ten_digits, no_digits, letters, zero, no_marker, folder_named_so}) {
        CAPTURE(kept);
        CHECK(fs::exists(kept));
    }
    CHECK(remove_stale_temp_files(folder.path / "no-such-folder") == 0);
}
