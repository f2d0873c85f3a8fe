#pragma once
// Live reload for authors (`attune play STORY --watch`): notices when the story file
// changes on disk and reloads it. A broken save of the file gives located problems to show,
// never a crash; the game keeps the last good story until the file is fixed.

#include "base/diagnostic.h"
#include "story/story.h"

#include <filesystem>
#include <memory>
#include <vector>

namespace attune {

/// What one look at the file found.
struct WatchResult {
    bool changed = false;               ///< the file differs from the last look
    std::shared_ptr<const Story> story; ///< the new story when it loaded cleanly
    std::vector<Diagnostic> problems;   ///< why it did not
};

class StoryWatcher {
public:
    explicit StoryWatcher(std::filesystem::path path);

    /// Looks at the file; reloads it when its time or size changed since the last look.
    WatchResult poll();

private:
    std::filesystem::path path_;
    std::filesystem::file_time_type time_{};
    std::uintmax_t size_ = 0;

    bool stamp_changed();
};

} // namespace attune
