// libFuzzer target: the `{name}` text-template splitter and the pronoun reader, the two
// parsers for a story's text pieces.

#include "story/text.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string source(reinterpret_cast<const char*>(data), size);
    attune::Template parts;
    std::string problem;
    int column = 0;
    attune::split_template(source, parts, problem, column);
    attune::model::Profile profile;
    attune::set_pronouns(source, profile);
    return 0;
}
