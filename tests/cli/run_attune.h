#pragma once
// Runs the real `attune` program the way a user or a tool would, for the CLI tests.

#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace attune::test {

/// What a run printed (stdout and stderr together) and how it ended.
struct Run {
    int status = -1; ///< exit status; 128 + signal when killed by a signal
    std::string output;
};

/// Runs `attune ARGS` from the source folder with `input` on stdin; `environment` goes
/// before the program (e.g. "env -u DISPLAY").
inline Run attune(const std::string& args, const std::string& input = "",
                  const std::string& environment = "") {
    namespace fs = std::filesystem;
    const fs::path in = fs::temp_directory_path() / ("attune-cli-in-" + std::to_string(::getpid()));
    std::ofstream(in) << input;
    const std::string command = std::string("cd '") + ATTUNE_SOURCE_DIR + "' && " + environment +
                                " '" + ATTUNE_BINARY + "' " + args + " < '" + in.string() +
                                "' 2>&1";
    Run run;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
        run.output.append(buffer.data(), n);
    }
    const int raw = ::pclose(pipe);
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    fs::remove(in);
    return run;
}

/// A file name in the temporary folder, apart for each test process and group of tests.
inline std::filesystem::path temp_path(const std::string& group, const std::string& name) {
    return std::filesystem::temp_directory_path() /
           ("attune-" + group + "-" + std::to_string(::getpid()) + "-" + name);
}

/// True when `part` occurs in `text`.
inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace attune::test
