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

TEST_CASE("settings: the 'someone to talk to' line is kept, and a long one is cut whole") {
    const TempFolder folder;
    const fs::path file = folder.path / "settings.json";
    Settings settings;
    settings.talk_to = "Ms Achebe, room 12";
    REQUIRE(save_settings(settings, file));
    CHECK(load_settings(file)->talk_to == "Ms Achebe, room 12");
    // 80 two-byte letters plus one: cut to the limit without halving a letter.
    std::string long_line = "x";
    for (int i = 0; i < 80; ++i) {
        long_line += "\xC3\xA9"; // é
    }
    const std::string cut = clamped(Settings{.talk_to = long_line}).talk_to;
    CHECK(cut.size() <= max_talk_to);
    CHECK(cut.size() == max_talk_to - 1); // x + 79 whole letters
    CHECK(cut.substr(cut.size() - 2) == "\xC3\xA9");
}

TEST_CASE("settings: the room vote's port and address are kept, and brought into range") {
    const TempFolder folder;
    const fs::path file = folder.path / "settings.json";
    Settings settings;
    settings.vote_port = 8123;
    settings.vote_address = "192.168.4.1";
    REQUIRE(save_settings(settings, file));
    CHECK(load_settings(file)->vote_port == 8123);
    CHECK(load_settings(file)->vote_address == "192.168.4.1");
    CHECK(clamped(Settings{.vote_port = 70000}).vote_port == 65535);
    CHECK(clamped(Settings{.vote_port = -4}).vote_port == 0);
    CHECK(clamped(Settings{.vote_address = std::string(100, '1')}).vote_address.empty());
}
