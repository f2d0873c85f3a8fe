#include "options.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace attune::cli {

namespace {

std::string number_words(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

} // namespace

std::optional<std::uint64_t> parse_seed(const std::string& text) {
    std::uint64_t value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end) {
        return std::nullopt;
    }
    return value;
}

CLI::Validator seed_check() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            return parse_seed(text) ? ""
                                    : "a seed must be a whole number from 0 to "
                                      "18446744073709551615, not \"" +
                                          text + "\"";
        },
        "SEED");
}

std::optional<WindowSize> parse_window_size(const std::string& text) {
    WindowSize size;
    char extra = 0;
    const bool ok = std::sscanf(text.c_str(), "%ux%u%c", &size.width, &size.height, &extra) == 2 &&
                    size.width >= 320 && size.height >= 240 && size.width <= 7680 &&
                    size.height <= 4320;
    return ok ? std::optional<WindowSize>(size) : std::nullopt;
}

CLI::Validator window_size_check() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            return parse_window_size(text) ? ""
                                           : "a size is WIDTHxHEIGHT, e.g. 1280x720, from 320x240 "
                                             "to 7680x4320, not \"" +
                                                 text + "\"";
        },
        "WIDTHxHEIGHT");
}

CLI::Validator finite_range(double low, double high) {
    return CLI::Validator(
        [low, high](std::string& text) -> std::string {
            double value = 0;
            const char* end = text.data() + text.size();
            const auto [ptr, ec] = std::from_chars(text.data(), end, value);
            const bool ok = ec == std::errc() && ptr == end && std::isfinite(value) &&
                            value >= low && value <= high;
            return ok ? ""
                      : "\"" + text + "\" is not a number from " + number_words(low) + " to " +
                            number_words(high);
        },
        "NUMBER");
}

CLI::Validator optional_count(long low, long high) {
    return CLI::Validator(
        [low, high](std::string& text) -> std::string {
            if (text.empty()) {
                return "";
            }
            long value = 0;
            const char* end = text.data() + text.size();
            const auto [ptr, ec] = std::from_chars(text.data(), end, value);
            const bool ok = ec == std::errc() && ptr == end && value >= low && value <= high;
            return ok ? ""
                      : "\"" + text + "\" is not a whole number from " + std::to_string(low) +
                            " to " + std::to_string(high);
        },
        "N");
}

} // namespace attune::cli
