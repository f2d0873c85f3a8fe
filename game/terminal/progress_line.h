#pragma once
// One line of progress for long runs on a terminal (check --random, check --explore):
// what is done, the rate and the time left, rewritten in place and cleared at the end so
// the report that follows reads as if it had never been there.

#include <chrono>
#include <cstdio>
#include <string>

namespace attune {

/// "3,200 of 10,000 playthroughs, 4,100 a second, about 2 s left". `total` 0 means no
/// known end (the rate only); `what` is the plural noun.
std::string progress_words(long done, long total, double seconds, const std::string& what);

/// "12,345": thousands separated by commas, as the progress line and reports show counts.
std::string grouped_number(long value);

/// Draws progress_words() on one line of `out`, at most ten times a second, and clears
/// it when finished or destroyed. Does nothing when `shown` is false (output piped,
/// --json), so callers need not check.
class ProgressLine {
public:
    ProgressLine(std::FILE* out, bool shown, std::string what);
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    void update(long done, long total);
    void clear();

private:
    std::FILE* out_;
    bool shown_;
    std::string what_;
    std::chrono::steady_clock::time_point began_;
    std::chrono::steady_clock::time_point drawn_;
    std::size_t width_ = 0; ///< of the line on screen, to clear it
};

/// Whether a progress line belongs: standard output and standard error are both terminals.
bool progress_wanted();

} // namespace attune
