#include "progress_line.h"

#include <cmath>
#include <unistd.h>

namespace attune {

std::string grouped_number(long value) {
    const std::string digits = std::to_string(value < 0 ? -value : value);
    std::string out = value < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out += ',';
        }
        out += digits[i];
    }
    return out;
}

namespace {

std::string duration_words(double seconds) {
    const long whole = std::lround(std::ceil(seconds));
    if (whole < 60) {
        return std::to_string(std::max(whole, 1L)) + " s";
    }
    return std::to_string(whole / 60) + " min " + std::to_string(whole % 60) + " s";
}

} // namespace

std::string progress_words(long done, long total, double seconds, const std::string& what) {
    std::string out = grouped_number(done);
    if (total > 0) {
        out += " of " + grouped_number(total);
    }
    out += " " + what;
    if (seconds <= 0 || done <= 0) {
        return out;
    }
    const double rate = done / seconds;
    out += ", " + grouped_number(std::lround(rate)) + " a second";
    if (total > done) {
        out += ", about " + duration_words((total - done) / rate) + " left";
    }
    return out;
}

bool progress_wanted() {
    return ::isatty(STDOUT_FILENO) && ::isatty(STDERR_FILENO);
}

ProgressLine::ProgressLine(std::FILE* out, bool shown, std::string what)
    : out_(out), shown_(shown), what_(std::move(what)), began_(std::chrono::steady_clock::now()),
      drawn_(began_) {}

ProgressLine::~ProgressLine() {
    clear();
}

void ProgressLine::update(long done, long total) {
    if (!shown_) {
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - drawn_ < std::chrono::milliseconds(100)) {
        return;
    }
    drawn_ = now;
    const std::string line =
        progress_words(done, total, std::chrono::duration<double>(now - began_).count(), what_);
    // Spaces cover what a longer earlier line left behind.
    std::fprintf(out_, "\r%s%*s", line.c_str(),
                 static_cast<int>(width_ > line.size() ? width_ - line.size() : 0), "");
    std::fflush(out_);
    width_ = std::max(width_, line.size());
}

void ProgressLine::clear() {
    if (shown_ && width_ > 0) {
        std::fprintf(out_, "\r%*s\r", static_cast<int>(width_), "");
        std::fflush(out_);
    }
    width_ = 0;
}

} // namespace attune
