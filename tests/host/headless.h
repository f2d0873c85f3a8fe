#pragma once
// `attune host --headless` as a child process: commands go to its standard input, and
// its output is read line by line, waiting at most a few seconds for an expected line.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

namespace attune::test {

class Headless {
public:
    /// Runs the attune binary with `arguments` in folder `cwd`, with HOME and the XDG
    /// folders inside it, so every file the program could write lands there.
    Headless(const std::vector<std::string>& arguments, const std::string& cwd) {
        int in[2];
        int out[2];
        if (pipe(in) != 0 || pipe(out) != 0) {
            return;
        }
        pid_ = fork();
        if (pid_ == 0) {
            dup2(in[0], STDIN_FILENO);
            dup2(out[1], STDOUT_FILENO);
            dup2(out[1], STDERR_FILENO);
            close(in[1]);
            close(out[0]);
            if (chdir(cwd.c_str()) != 0) {
                _exit(127);
            }
            setenv("HOME", cwd.c_str(), 1);
            setenv("XDG_DATA_HOME", (cwd + "/data").c_str(), 1);
            setenv("XDG_CONFIG_HOME", (cwd + "/config").c_str(), 1);
            setenv("XDG_STATE_HOME", (cwd + "/state").c_str(), 1);
            setenv("XDG_CACHE_HOME", (cwd + "/cache").c_str(), 1);
            std::vector<char*> argv;
            std::string binary = ATTUNE_BINARY;
            argv.push_back(binary.data());
            std::vector<std::string> copies = arguments;
            for (std::string& argument : copies) {
                argv.push_back(argument.data());
            }
            argv.push_back(nullptr);
            execv(binary.c_str(), argv.data());
            _exit(127);
        }
        close(in[0]);
        close(out[1]);
        to_ = in[1];
        from_ = out[0];
    }

    ~Headless() {
        if (to_ >= 0) {
            close(to_);
        }
        if (pid_ > 0) {
            // Closed input ends the console; a stuck child is ended after 10 s.
            for (int i = 0; i < 100 && waitpid(pid_, nullptr, WNOHANG) == 0; ++i) {
                usleep(100000);
            }
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        if (from_ >= 0) {
            close(from_);
        }
    }
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    void command(const std::string& line) {
        const std::string text = line + "\n";
        [[maybe_unused]] const ssize_t written = write(to_, text.data(), text.size());
    }

    /// Reads until a line containing `words` (returned), or "" after `seconds`.
    std::string wait_for(const std::string& words, int seconds = 10) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
        for (;;) {
            const std::size_t end = buffer_.find('\n');
            if (end != std::string::npos) {
                const std::string line = buffer_.substr(0, end);
                buffer_.erase(0, end + 1);
                all_ += line + "\n";
                if (line.find(words) != std::string::npos) {
                    return line;
                }
                continue;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            pollfd ready{from_, POLLIN, 0};
            if (left.count() <= 0 || poll(&ready, 1, static_cast<int>(left.count())) <= 0) {
                return {};
            }
            char chunk[4096];
            const ssize_t n = read(from_, chunk, sizeof chunk);
            if (n <= 0) {
                return {};
            }
            buffer_.append(chunk, static_cast<std::size_t>(n));
        }
    }

    /// Every line read so far.
    const std::string& output() const { return all_; }

private:
    pid_t pid_ = -1;
    int to_ = -1;
    int from_ = -1;
    std::string buffer_;
    std::string all_;
};

} // namespace attune::test
