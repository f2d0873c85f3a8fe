// libFuzzer target: the Twee 3 importer on any bytes; when it yields a story the loader
// accepts, that story is exported back to Twee, so the writer is fuzzed too.

#include "interchange/twee.h"
#include "story/loader.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const attune::TweeImport imported =
        attune::import_twee("fuzz.twee", std::string(reinterpret_cast<const char*>(data), size));
    const std::string text = imported.story.dump();
    const attune::LoadResult loaded = attune::load_story_text("fuzz.json", text);
    if (loaded.story) {
        attune::export_twee("fuzz.json", nlohmann::json::parse(text));
    }
    return 0;
}
