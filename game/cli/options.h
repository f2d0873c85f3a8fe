#pragma once
// Checks for command-line values shared by the subcommands, so each refuses a bad value
// the same way, in the same words, instead of wrapping or saturating it.

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace attune::cli {

/// A seed is a whole number from 0 to 2^64 - 1; anything else is nothing, not wrapped.
std::optional<std::uint64_t> parse_seed(const std::string& text);

/// Refuses a --seed that parse_seed refuses.
CLI::Validator seed_check();

/// A window's size in pixels.
struct WindowSize {
    unsigned width = 0;
    unsigned height = 0;
};

/// WIDTHxHEIGHT from 320x240 to 7680x4320 (an 8K screen); anything else is nothing.
std::optional<WindowSize> parse_window_size(const std::string& text);

/// Refuses a --size that parse_window_size refuses.
CLI::Validator window_size_check();

/// Refuses a number outside [low, high], and NaN (which CLI::Range lets through).
CLI::Validator finite_range(double low, double high);

/// Like finite_range for whole numbers, but also accepts no value at all (an option
/// given as a bare flag, such as --random).
CLI::Validator optional_count(long low, long high);

} // namespace attune::cli
