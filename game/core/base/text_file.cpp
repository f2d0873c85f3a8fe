#include "base/text_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace attune {

namespace {

Diagnostic unreadable(const std::filesystem::path& path, std::string message, std::string fix) {
    return {Severity::Error,    "unreadable",  path.string(), 0, 0, "",
            std::move(message), std::move(fix)};
}

Diagnostic too_large(const std::filesystem::path& path, std::size_t max_bytes) {
    return {Severity::Error,
            "too-large",
            path.string(),
            0,
            0,
            "",
            "the file is larger than " + size_words(max_bytes) + ", the most Attune reads",
            "Check that this is the right file; stories are far smaller."};
}

std::optional<Diagnostic> not_regular(const std::filesystem::path& path, const struct stat& st) {
    if (S_ISREG(st.st_mode)) {
        return std::nullopt;
    }
    if (S_ISDIR(st.st_mode)) {
        return unreadable(path, "this is a folder, not a file", "Give the path of a file.");
    }
    return unreadable(path, "this is not a regular file (it may be a pipe or a device)",
                      "Give the path of an ordinary file saved on disk.");
}

// Reads at most `max_bytes + 1` bytes, so a file that grows while read is still bounded.
// Reads straight into a buffer the size fstat gave (`expected`) plus one byte to see the
// end: a 45 MB story is read with no copy and no spare room. A file that grows while
// read grows the buffer.
std::optional<std::string> read_bounded(int fd, std::size_t expected, std::size_t max_bytes,
                                        bool& too_big) {
    std::string text(std::min(expected, max_bytes) + 1, '\0');
    std::size_t size = 0;
    for (;;) {
        if (size == text.size()) {
            text.resize(std::min(text.size() * 2, max_bytes + 1));
        }
        const ssize_t got = ::read(fd, text.data() + size, text.size() - size);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            return std::nullopt;
        }
        if (got == 0) {
            text.resize(size);
            return text;
        }
        size += static_cast<std::size_t>(got);
        if (size > max_bytes) {
            too_big = true;
            return std::nullopt;
        }
    }
}

} // namespace

std::string size_words(std::size_t bytes) {
    if (bytes >= 1024u * 1024u && bytes % (1024u * 1024u) == 0) {
        return std::to_string(bytes / (1024u * 1024u)) + " MiB";
    }
    if (bytes >= 1024u && bytes % 1024u == 0) {
        return std::to_string(bytes / 1024u) + " KiB";
    }
    return std::to_string(bytes) + " bytes";
}

Result<std::string> read_text_file(const std::filesystem::path& path, std::size_t max_bytes) {
    Result<std::string> result;
    std::vector<Diagnostic>& diagnostics = result.diagnostics;
    // O_NONBLOCK: opening a FIFO must not wait for a writer; regular files ignore it.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const bool missing = errno == ENOENT;
        diagnostics.push_back(unreadable(path,
                                         missing ? "there is no such file"
                                                 : "the file cannot be opened (" +
                                                       std::string(std::strerror(errno)) + ")",
                                         "Check the path and its permissions."));
        return result;
    }
    struct stat st {};
    std::optional<std::string> text;
    bool too_big = false;
    if (::fstat(fd, &st) != 0) {
        diagnostics.push_back(
            unreadable(path, "the file cannot be examined", "Check the path and its permissions."));
    } else if (const auto problem = not_regular(path, st)) {
        diagnostics.push_back(*problem);
    } else if (static_cast<std::size_t>(st.st_size) > max_bytes) {
        diagnostics.push_back(too_large(path, max_bytes));
    } else {
        text = read_bounded(fd, static_cast<std::size_t>(st.st_size), max_bytes, too_big);
        if (too_big) {
            diagnostics.push_back(too_large(path, max_bytes));
        } else if (!text) {
            diagnostics.push_back(unreadable(path, "the file could not be read to the end",
                                             "Check the disk and try again."));
        }
    }
    ::close(fd);
    result.value = std::move(text);
    return result;
}

} // namespace attune
