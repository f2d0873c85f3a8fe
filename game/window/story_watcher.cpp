#include "story_watcher.h"

#include "story/loader.h"

namespace attune {

StoryWatcher::StoryWatcher(std::filesystem::path path) : path_(std::move(path)) {
    stamp_changed();
}

bool StoryWatcher::stamp_changed() {
    std::error_code ec;
    const auto time = std::filesystem::last_write_time(path_, ec);
    const auto size = ec ? 0 : std::filesystem::file_size(path_, ec);
    if (ec || (time == time_ && size == size_)) {
        return false; // a file that is briefly missing while an editor saves it is not a change
    }
    time_ = time;
    size_ = size;
    return true;
}

WatchResult StoryWatcher::poll() {
    WatchResult result;
    if (!stamp_changed()) {
        return result;
    }
    result.changed = true;
    Result<std::shared_ptr<const Story>> loaded = load_story_file(path_.string());
    result.story = loaded.value.value_or(nullptr);
    for (Diagnostic& d : loaded.diagnostics) {
        if (d.severity == Severity::Error) {
            result.problems.push_back(std::move(d));
        }
    }
    return result;
}

} // namespace attune
