#pragma once
// The one way Attune reads an input file (story, parameters, save, Twee, settings):
// only regular files, and never more than a bound, so a FIFO cannot block the program
// and /dev/zero cannot eat the machine's memory.

#include "base/result.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace attune {

/// Largest input read; stories are a few hundred kilobytes at most.
inline constexpr std::size_t max_input_bytes = 64u * 1024u * 1024u;

/// The text of the regular file at `path`, at most `max_bytes` long. Anything else (a
/// missing file, a folder, a FIFO, a device, a file too large) gives one diagnostic
/// saying what to do, and no text.
Result<std::string> read_text_file(const std::filesystem::path& path,
                                   std::size_t max_bytes = max_input_bytes);

/// "64 MiB": how a byte limit is shown to people.
std::string size_words(std::size_t bytes);

} // namespace attune
