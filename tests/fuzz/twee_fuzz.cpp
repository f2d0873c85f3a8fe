// libFuzzer target: the Twee 3 importer on any bytes; when it yields a story the loader
// accepts, that story is exported back to Twee, so the writer is fuzzed too.

#include "base/json_document.h"
#include "interchange/twee.h"
#include "story/loader.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const attune::Result<nlohmann::ordered_json> imported =
        attune::import_twee("fuzz.twee", std::string(reinterpret_cast<const char*>(data), size));
    // As `attune import` writes it: bytes that are not UTF-8 are replaced, never thrown on.
    const std::string text = attune::dump_json(*imported);
    const auto loaded = attune::load_story_text("fuzz.json", text);
    if (loaded) {
        attune::export_twee("fuzz.json", nlohmann::json::parse(text));
    }
    return 0;
}
