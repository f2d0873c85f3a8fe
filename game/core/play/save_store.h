#pragma once
// Save slots on disk: an autosave per story (and the one before it, when a new run
// began) plus named slots, in the XDG data folder.
// A file that cannot be read or no longer fits its story is moved aside (renamed
// `NAME.corrupt-TIMESTAMP.json`), never deleted, and the player gets a plain message.

#include "play/save.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace attune {

/// Largest save read: a save holds one line per choice, far below this.
inline constexpr std::size_t max_save_bytes = 16u * 1024u * 1024u;

/// What the library and the load menu show about one save file.
struct SlotInfo {
    std::filesystem::path file;
    std::string name; ///< "autosave" or the slot's name
    bool is_autosave = false;
    std::string story_id;
    std::string story_title;
    std::string story_file;    ///< where the story was loaded from when saved
    std::string scene_title;   ///< the scene (or ending) the save stands at
    std::int64_t saved_at = 0; ///< seconds since the epoch
};

/// One folder of saves. Every write is atomic, so a crash never leaves a broken save.
class SaveStore {
public:
    explicit SaveStore(std::filesystem::path folder);

    /// $XDG_DATA_HOME/attune, else ~/.local/share/attune.
    static std::filesystem::path default_folder();

    const std::filesystem::path& folder() const { return folder_; }

    /// Replaces the story's autosave with the session as it stands now. When that
    /// autosave is not an earlier point of this same run (the story was begun again, or
    /// rewound), it is first kept as the "previous autosave", which the load menu lists.
    Result<> autosave(const Session& session) const;

    /// Writes the session into the slot called `name` (created or replaced). Any text
    /// is a name; two names differing in any letter are two slots.
    Result<> save(const Session& session, const std::string& name) const;

    /// Every readable save, newest first. Unreadable files are moved aside, and a
    /// warning for each says so.
    Result<std::vector<SlotInfo>> list() const;

    /// The newest autosave of any story, if any: what Continue resumes. Warnings as list().
    Result<SlotInfo> latest_autosave() const;

    /// Restores the session in `slot` for `story`, with notes as load_session. A damaged
    /// or incompatible save is moved aside and explained in the error.
    Result<Session> load(const SlotInfo& slot, std::shared_ptr<const Story> story,
                         std::shared_ptr<const model::Params> params) const;

private:
    std::filesystem::path folder_;

    /// Whether the autosave in `file` is an earlier point of the run `session` is in
    /// (same seed, its choices a prefix of the session's), or there is none.
    static bool continues(const Session& session, const std::filesystem::path& file);

    Result<> write(const Session& session, const std::string& name, bool is_autosave,
                   const std::filesystem::path& file) const;
};

} // namespace attune
