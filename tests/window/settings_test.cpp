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
    const LoadedSettings loaded = load_settings(file);
    CHECK(loaded.settings.text_size == Settings{}.text_size);
    CHECK(loaded.message.find("could not be read") != std::string::npos);
}

TEST_CASE("settings: a value of the wrong kind sets the file aside; a killed write is cleaned") {
    const TempFolder folder;
    const fs::path file = folder.path / "settings.json";
    std::ofstream(file) << "{\"text_size\": \"large\"}";
    std::ofstream(folder.path / "settings.json.tmp-999999999") << "{";
    const LoadedSettings loaded = load_settings(file);
    CHECK(loaded.message.find("was kept as settings.corrupt-") != std::string::npos);
    CHECK_FALSE(fs::exists(folder.path / "settings.json.tmp-999999999"));
    std::string error;
    CHECK(save_settings(loaded.settings, file, error));
    CHECK(load_settings(file).message.empty());
}
