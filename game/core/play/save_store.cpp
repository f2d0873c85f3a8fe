#include "play/save_store.h"

#include "base/json_fields.h"

#include "base/atomic_file.h"
#include "base/json_document.h"
#include "base/paths.h"
#include "base/text_file.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>

namespace attune {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* autosave_prefix = "autosave-";
constexpr const char* slot_prefix = "slot-";
constexpr const char* corrupt_marker = ".corrupt-";
constexpr const char* previous_marker = ".previous";

// Keeps letters, digits, '-' and '_' so any slot or story name makes a safe file name.
std::string file_stem(const std::string& name) {
    std::string stem;
    for (const char c : name) {
        const bool safe = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
        stem += safe ? c : '_';
    }
    return stem.empty() ? "_" : stem;
}

// FNV-1a: a stable 64-bit digest of the exact bytes of a name.
std::string name_digest(const std::string& name) {
    std::uint64_t hash = 14695981039346656037ull;
    for (const char c : name) {
        hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

// Slot names are free text ("Ελένη", "Νίκος"): the file is named by a digest of the
// whole name, with a readable part for people looking in the folder.
std::string slot_file_name(const std::string& name) {
    return slot_prefix + file_stem(name.substr(0, 32)) + "-" + name_digest(name) + ".json";
}

bool is_previous_autosave(const fs::path& file) {
    return file.stem().string().ends_with(previous_marker);
}

std::string place_title(const Session& session) {
    if (const Ending* ending = session.ending()) {
        return ending->title;
    }
    return display_name(session.scene());
}

// Sets `file` aside and says, in one sentence, what happened.
std::string set_aside_sentence(const fs::path& file) {
    if (const std::optional<fs::path> aside = set_aside(file)) {
        return "It was set aside as " + aside->filename().string() + ".";
    }
    return "It could not be moved aside (the folder may be read-only), so it is still " +
           file.filename().string() + ".";
}

bool is_save_file(const fs::path& file) {
    const std::string name = file.filename().string();
    return file.extension() == ".json" && name.find(corrupt_marker) == std::string::npos &&
           (name.starts_with(autosave_prefix) || name.starts_with(slot_prefix));
}

// A save's JSON, read with the same bounds as every input; throws when it cannot be read.
json read_save(const fs::path& file) {
    const Result<std::string> text = read_text_file(file, max_save_bytes);
    if (!text) {
        throw std::runtime_error(text.diagnostics.empty() ? "unreadable"
                                                          : text.diagnostics[0].message);
    }
    return json::parse(*text);
}

// Reads the slot description kept beside the save; throws when the file is not a save.
SlotInfo read_info(const fs::path& file) {
    const json save = read_save(file);
    const json& slot = save.at("slot");
    SlotInfo info;
    info.file = file;
    info.name = slot.at("name").get<std::string>();
    // Which autosave is current is told by the file name: the previous one keeps its content.
    info.is_autosave = slot.at("autosave").get<bool>() && !is_previous_autosave(file);
    if (is_previous_autosave(file)) {
        info.name = "previous autosave";
    }
    info.story_title = slot.at("story_title").get<std::string>();
    info.story_file = slot.at("story_file").get<std::string>();
    info.scene_title = slot.at("scene_title").get<std::string>();
    info.saved_at = whole_number<std::int64_t>(slot.at("saved_at"));
    info.story_id = save.at("story").at("id").get<std::string>();
    return info;
}

} // namespace

SaveStore::SaveStore(fs::path folder) : folder_(std::move(folder)) {}

fs::path SaveStore::default_folder() {
    return xdg_folder("XDG_DATA_HOME", ".local/share");
}

Result<> SaveStore::autosave(const Session& session) const {
    const std::string stem = autosave_prefix + file_stem(session.story().info.id);
    const fs::path file = folder_ / (stem + ".json");
    if (!continues(session, file)) {
        // A new run (or a rewind) would overwrite someone's place: keep it one step back.
        // A second name for the same file, not a move, so that a kill at any moment still
        // leaves the autosave itself in place (the new one replaces it atomically below).
        const fs::path previous = folder_ / (stem + previous_marker + ".json");
        std::error_code ec;
        fs::remove(previous, ec);
        fs::create_hard_link(file, previous, ec);
        if (ec) {
            fs::copy_file(file, previous, fs::copy_options::overwrite_existing, ec);
        }
    }
    return write(session, "autosave", true, file);
}

Result<> SaveStore::save(const Session& session, const std::string& name) const {
    return write(session, name, false, folder_ / slot_file_name(name));
}

bool SaveStore::continues(const Session& session, const fs::path& file) {
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        return true;
    }
    try {
        const json saved = read_save(file);
        const json now = save_session(session);
        const json& before = saved.at("choices");
        const json& after = now.at("choices");
        return saved.at("seed") == now.at("seed") && before.size() <= after.size() &&
               std::equal(before.begin(), before.end(), after.begin());
    } catch (const std::exception&) {
        return false; // not readable as a save: keep it rather than overwrite it
    }
}

Result<> SaveStore::write(const Session& session, const std::string& name, bool is_autosave,
                          const fs::path& file) const {
    auto failed = [&](std::string message) {
        return Result<>{{plain(Severity::Error, std::move(message), folder_.string())}};
    };
    std::error_code ec;
    if (fs::is_symlink(folder_, ec)) {
        return failed(
            "the save folder " + folder_.string() + " is a link to " +
            fs::read_symlink(folder_, ec).string() +
            "; Attune does not write through it, so it never writes outside its own folder. "
            "Remove the link, or set XDG_DATA_HOME to a real folder.");
    }
    fs::create_directories(folder_, ec);
    if (ec) {
        return failed("cannot create the save folder " + folder_.string() + ": " + ec.message());
    }
    json save = save_session(session);
    save["slot"] = {{"name", name},
                    {"autosave", is_autosave},
                    {"story_title", session.story().info.title},
                    {"story_file", session.story().file},
                    {"scene_title", place_title(session)},
                    {"saved_at", static_cast<std::int64_t>(std::time(nullptr))}};
    return write_file_atomically(file, dump_json(save, 1));
}

Result<std::vector<SlotInfo>> SaveStore::list() const {
    Result<std::vector<SlotInfo>> result;
    std::vector<SlotInfo>& slots = result.value.emplace();
    remove_stale_temp_files(folder_); // left by writers killed mid-write
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder_, ec)) {
        if (!entry.is_regular_file() || !is_save_file(entry.path())) {
            continue;
        }
        try {
            slots.push_back(read_info(entry.path()));
        } catch (const std::exception&) {
            result.diagnostics.push_back(plain(Severity::Warning,
                                               "The save " + entry.path().filename().string() +
                                                   " could not be read. " +
                                                   set_aside_sentence(entry.path()),
                                               entry.path().string()));
        }
    }
    std::sort(slots.begin(), slots.end(),
              [](const SlotInfo& a, const SlotInfo& b) { return a.saved_at > b.saved_at; });
    return result;
}

Result<SlotInfo> SaveStore::latest_autosave() const {
    Result<std::vector<SlotInfo>> listed = list();
    Result<SlotInfo> result{std::nullopt, std::move(listed.diagnostics)};
    for (const SlotInfo& slot : *listed) {
        if (slot.is_autosave) {
            result.value = slot;
            break;
        }
    }
    return result;
}

Result<Session> SaveStore::load(const SlotInfo& slot, std::shared_ptr<const Story> story,
                                std::shared_ptr<const model::Params> params) const {
    Result<Session> loaded;
    try {
        loaded = load_session(read_save(slot.file), std::move(story), std::move(params));
    } catch (const std::exception&) {
        loaded.diagnostics = {plain(Severity::Error, "This save is damaged and cannot be read.")};
    }
    if (!loaded) {
        return {std::nullopt,
                {plain(Severity::Error,
                       error_message(loaded.diagnostics) + " " + set_aside_sentence(slot.file) +
                           " Your other saves are safe.",
                       slot.file.string())}};
    }
    return loaded;
}

} // namespace attune
