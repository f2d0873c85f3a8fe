// libFuzzer target: the save loader. Any bytes are parsed as JSON (as the save store
// does) and restored against the bundled story the save names, or the first one, so
// replay, state carry-over and the fall-back paths all see hostile saves.

#include "bundled.h"
#include "play/save.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto stories = attune::fuzz::bundled_stories();
    static const auto params = attune::fuzz::bundled_params();
    const auto save = nlohmann::json::parse(data, data + size, nullptr, false);
    if (save.is_discarded()) {
        return 0;
    }
    std::shared_ptr<const attune::Story> story = stories.front();
    const auto named = save.find("story");
    if (save.is_object() && named != save.end() && named->is_object()) {
        const auto id = named->find("id");
        if (id != named->end() && id->is_string()) {
            for (const auto& candidate : stories) {
                if (candidate->info.id == id->get_ref<const std::string&>()) {
                    story = candidate;
                }
            }
        }
    }
    attune::load_session(save, story, params);
    return 0;
}
