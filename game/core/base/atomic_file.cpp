#include "base/atomic_file.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <unistd.h>

namespace attune {

namespace fs = std::filesystem;

namespace {

constexpr const char* temp_marker = ".tmp-";

std::string timestamp_now() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%dT%H%M%S", &local);
    return text;
}

std::string reason(int error_number) {
    return std::strerror(error_number);
}

bool write_all(const std::string& temp, const std::string& text, int& error_number) {
    FILE* file = std::fopen(temp.c_str(), "wb");
    if (!file) {
        error_number = errno;
        return false;
    }
    const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size() &&
                         std::fflush(file) == 0 && ::fsync(fileno(file)) == 0;
    error_number = written ? 0 : errno;
    // fclose can fail on its own (a network disk reports a full quota only then); its
    // errno is the reason to give, where the successful write's 0 would read "Success".
    const bool closed = std::fclose(file) == 0;
    if (written && !closed) {
        error_number = errno;
    }
    return written && closed;
}

// The PID in "NAME.tmp-PID", or 0 when the name is not a temporary file's.
pid_t temp_owner(const std::string& name) {
    const auto at = name.rfind(temp_marker);
    if (at == std::string::npos) {
        return 0;
    }
    const std::string digits = name.substr(at + std::strlen(temp_marker));
    if (digits.empty() || digits.size() > 9 ||
        digits.find_first_not_of("0123456789") != std::string::npos) {
        return 0;
    }
    return static_cast<pid_t>(std::stol(digits));
}

} // namespace

Result<> write_file_atomically(const fs::path& path, const std::string& text) {
    auto failed = [&](std::string message) {
        return Result<>{{plain(Severity::Error, std::move(message), path.string())}};
    };
    const std::string temp = path.string() + temp_marker + std::to_string(::getpid());
    int error_number = 0;
    if (!write_all(temp, text, error_number)) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        return failed(error_number == ENOSPC
                          ? "could not write " + path.string() + ": the disk is full"
                          : "could not write " + path.string() + ": " + reason(error_number));
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        error_number = errno;
        std::error_code ignored;
        fs::remove(temp, ignored);
        return failed("could not replace " + path.string() + ": " + reason(error_number));
    }
    return {};
}

std::optional<fs::path> set_aside(const fs::path& file) {
    const std::string base = file.stem().string() + ".corrupt-" + timestamp_now();
    fs::path aside = file.parent_path() / (base + ".json");
    std::error_code ec;
    for (int n = 2; fs::exists(aside, ec); ++n) {
        aside = file.parent_path() / (base + "-" + std::to_string(n) + ".json");
    }
    fs::rename(file, aside, ec);
    if (ec) {
        return std::nullopt;
    }
    return aside;
}

int remove_stale_temp_files(const fs::path& folder) {
    int removed = 0;
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec)) {
        const pid_t owner = temp_owner(entry.path().filename().string());
        // kill(pid, 0) only asks whether the process exists; a live writer keeps its file.
        const bool owner_gone = owner > 0 && ::kill(owner, 0) != 0 && errno == ESRCH;
        std::error_code removing;
        if (owner_gone && entry.is_regular_file(removing) && fs::remove(entry.path(), removing)) {
            ++removed;
        }
    }
    return removed;
}

} // namespace attune
