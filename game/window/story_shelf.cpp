#include "story_shelf.h"

#include "story/loader.h"

#include <algorithm>

namespace attune {

std::vector<ShelfEntry> scan_stories(const std::vector<std::filesystem::path>& folders) {
    std::vector<ShelfEntry> shelf;
    for (const std::filesystem::path& folder : folders) {
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
            const std::filesystem::path& file = entry.path();
            if (file.extension() != ".json" || file.filename() == "schema.json") {
                continue;
            }
            const Result<std::shared_ptr<const Story>> loaded = load_story_file(file.string());
            ShelfEntry item{file.string(), loaded.value.value_or(nullptr), ""};
            if (!item.story) {
                item.problem =
                    file.filename().string() + " has problems; check it with `attune check`.";
            }
            shelf.push_back(std::move(item));
        }
    }
    std::sort(shelf.begin(), shelf.end(), [](const ShelfEntry& a, const ShelfEntry& b) {
        const std::string ta = a.story ? a.story->info.title : a.file;
        const std::string tb = b.story ? b.story->info.title : b.file;
        return ta < tb;
    });
    return shelf;
}

} // namespace attune
