// The progress line of long checks: its words, and that it leaves nothing behind.

#include "support.h"

#include "progress_line.h"

#include <cstdio>
#include <thread>

namespace {

using namespace attune;

std::string written(std::FILE* file) {
    std::rewind(file);
    std::string out;
    for (int c = std::fgetc(file); c != EOF; c = std::fgetc(file)) {
        out += static_cast<char>(c);
    }
    return out;
}

} // namespace

TEST_CASE("progress line: counts, rate and time left in plain words") {
    CHECK(grouped_number(0) == "0");
    CHECK(grouped_number(999) == "999");
    CHECK(grouped_number(1000) == "1,000");
    CHECK(grouped_number(1234567) == "1,234,567");
    CHECK(grouped_number(-45000) == "-45,000");
    CHECK(progress_words(3200, 10000, 0.8, "random playthroughs") ==
          "3,200 of 10,000 random playthroughs, 4,000 a second, about 2 s left");
    CHECK(progress_words(100, 100000, 1.0, "runs") ==
          "100 of 100,000 runs, 100 a second, about 16 min 39 s left");
    // Less than a second left still says a second, never "0 s".
    CHECK(progress_words(9990, 10000, 1.0, "runs") ==
          "9,990 of 10,000 runs, 9,990 a second, about 1 s left");
    // No known end (states explored): the count and rate only.
    CHECK(progress_words(12000, 0, 2.0, "states explored") ==
          "12,000 states explored, 6,000 a second");
    // Nothing measured yet: the count alone.
    CHECK(progress_words(0, 10000, 0.0, "runs") == "0 of 10,000 runs");
}

TEST_CASE("progress line: drawn in place on a terminal, cleared at the end, silent otherwise") {
    std::FILE* quiet = std::tmpfile();
    std::FILE* shown = std::tmpfile();
    REQUIRE(quiet);
    REQUIRE(shown);
    {
        ProgressLine off(quiet, false, "runs");
        ProgressLine on(shown, true, "runs");
        std::this_thread::sleep_for(std::chrono::milliseconds(150)); // past the redraw limit
        off.update(50, 100);
        on.update(50, 100);
    } // both cleared as they go
    CHECK(written(quiet).empty());
    const std::string text = written(shown);
    REQUIRE(text.rfind("\r50 of 100 runs, ", 0) == 0);
    // Cleared: a carriage return, spaces over the whole line, and back to the start.
    const std::size_t drawn = text.find('\r', 1);
    REQUIRE(drawn != std::string::npos);
    CHECK(text.substr(drawn) == "\r" + std::string(drawn - 1, ' ') + "\r");
    std::fclose(quiet);
    std::fclose(shown);
}
