// The settings file is read like every other input: bounded, regular files only.

#include "settings.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace {

using namespace attune;
namespace fs = std::filesystem;

struct TempFolder {
    fs::path path = fs::temp_directory_path() / ("attune-settings-" + std::to_string(::getpid()) +
                                                 "-" + std::to_string(rand()));
    TempFolder() { fs::create_directories(path); }
    ~TempFolder() { fs::remove_all(path); }
};

} // namespace

TEST_CASE("settings: a FIFO in place of the settings file gives the defaults, not a hang") {
    const TempFolder folder;
    const fs::path file = folder.path / "settings.json";
    REQUIRE(::mkfifo(file.c_str(), 0600) == 0);
    const Result<Settings> loaded = load_settings(file);
    CHECK(loaded->text_size == Settings{}.text_size);
    CHECK(loaded.diagnostics.at(0).message.find("could not be read") != std::string::npos);
}

TEST_CASE("settings: a value of the wrong kind sets the file aside; a killed write is cleaned") {
    const TempFolder folder;
    const fs::path file = folder.path / "settings.json";
    std::ofstream(file) << "{\"text_size\": \"large\"}";
    std::ofstream(folder.path / "settings.json.tmp-999999999") << "{";
    const Result<Settings> loaded = load_settings(file);
    CHECK(loaded.diagnostics.at(0).message.find("was kept as settings.corrupt-") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(folder.path / "settings.json.tmp-999999999"));
    CHECK(save_settings(*loaded, file));
    CHECK(load_settings(file).diagnostics.empty());
}
