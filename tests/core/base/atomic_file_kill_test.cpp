// A save is never left broken: a process killed at any moment while saving leaves
// either the old save or the new one, whole.

#include "base/atomic_file.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace {

// Large enough that a write takes a while, so kills land mid-write.
std::string save_text(int round) {
    nlohmann::json save = {{"format", "attune-save"}, {"round", round}};
    save["padding"] = std::string(200000 + round % 7 * 1000, 'x');
    return save.dump();
}

} // namespace

TEST_CASE("atomic file: a process killed while writing never leaves a broken file") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("attune-kill-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string path = (dir / "autosave.json").string();
    REQUIRE(attune::write_file_atomically(path, save_text(0)));
    for (int attempt = 0; attempt < 25; ++attempt) {
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            for (int round = 1;; ++round) {
                (void)attune::write_file_atomically(path, save_text(round));
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(3 + attempt * 7 % 40));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        const nlohmann::json save = nlohmann::json::parse(text.str(), nullptr, false);
        REQUIRE_FALSE(save.is_discarded());
        CHECK(save["format"] == "attune-save");
        CHECK(save["padding"].get<std::string>().size() >= 200000);
    }
    fs::remove_all(dir);
}
