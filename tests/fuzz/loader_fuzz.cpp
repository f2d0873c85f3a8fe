// libFuzzer target: the story loader on any bytes. It promises never to throw or crash,
// whatever the input; every problem must come back as a diagnostic.

#include "story/loader.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    attune::load_story_text("fuzz.json", std::string(reinterpret_cast<const char*>(data), size));
    return 0;
}
