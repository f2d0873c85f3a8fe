#include "play/save_store.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

namespace attune {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* autosave_prefix = "autosave-";
constexpr const char* slot_prefix = "slot-";
constexpr const char* corrupt_marker = ".corrupt-";

// Keeps letters, digits, '-' and '_' so any slot or story name makes a safe file name.
std::string file_stem(const std::string& name) {
    std::string stem;
    for (const char c : name) {
        const bool safe = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
        stem += safe ? c : '_';
    }
    return stem.empty() ? "_" : stem;
}

std::string place_title(const Session& session) {
    if (const Ending* ending = session.ending()) {
        return ending->title;
    }
    return session.scene().title.empty() ? session.scene().id : session.scene().title;
}

std::string timestamp_now() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%dT%H%M%S", &local);
    return text;
}

bool is_save_file(const fs::path& file) {
    const std::string name = file.filename().string();
    return file.extension() == ".json" && name.find(corrupt_marker) == std::string::npos &&
           (name.starts_with(autosave_prefix) || name.starts_with(slot_prefix));
}

// Reads the slot description kept beside the save; throws when the file is not a save.
SlotInfo read_info(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    const json save = json::parse(in);
    const json& slot = save.at("slot");
    SlotInfo info;
    info.file = file;
    info.name = slot.at("name").get<std::string>();
    info.is_autosave = slot.at("autosave").get<bool>();
    info.story_title = slot.at("story_title").get<std::string>();
    info.story_file = slot.at("story_file").get<std::string>();
    info.scene_title = slot.at("scene_title").get<std::string>();
    info.saved_at = slot.at("saved_at").get<std::int64_t>();
    info.story_id = save.at("story").at("id").get<std::string>();
    return info;
}

} // namespace

SaveStore::SaveStore(fs::path folder) : folder_(std::move(folder)) {}

fs::path SaveStore::default_folder() {
    if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data) {
        return fs::path(data) / "attune";
    }
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : ".") / ".local" / "share" / "attune";
}

bool SaveStore::autosave(const Session& session, std::string& error) const {
    const fs::path file =
        folder_ / (autosave_prefix + file_stem(session.story().info.id) + ".json");
    return write(session, "autosave", true, file, error);
}

bool SaveStore::save(const Session& session, const std::string& name, std::string& error) const {
    return write(session, name, false, folder_ / (slot_prefix + file_stem(name) + ".json"), error);
}

bool SaveStore::write(const Session& session, const std::string& name, bool is_autosave,
                      const fs::path& file, std::string& error) const {
    std::error_code ec;
    fs::create_directories(folder_, ec);
    if (ec) {
        error = "cannot create the save folder " + folder_.string() + ": " + ec.message();
        return false;
    }
    json save = save_session(session);
    save["slot"] = {{"name", name},
                    {"autosave", is_autosave},
                    {"story_title", session.story().info.title},
                    {"story_file", session.story().file},
                    {"scene_title", place_title(session)},
                    {"saved_at", static_cast<std::int64_t>(std::time(nullptr))}};
    return write_file_atomically(file.string(), save.dump(1), error);
}

std::vector<SlotInfo> SaveStore::list(std::vector<std::string>& messages) const {
    std::vector<SlotInfo> slots;
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder_, ec)) {
        if (!entry.is_regular_file() || !is_save_file(entry.path())) {
            continue;
        }
        try {
            slots.push_back(read_info(entry.path()));
        } catch (const std::exception&) {
            const fs::path aside = set_aside(entry.path());
            messages.push_back("The save " + entry.path().filename().string() +
                               " could not be read, so it was set aside as " +
                               aside.filename().string() + ".");
        }
    }
    std::sort(slots.begin(), slots.end(),
              [](const SlotInfo& a, const SlotInfo& b) { return a.saved_at > b.saved_at; });
    return slots;
}

std::optional<SlotInfo> SaveStore::latest_autosave(std::vector<std::string>& messages) const {
    for (const SlotInfo& slot : list(messages)) {
        if (slot.is_autosave) {
            return slot;
        }
    }
    return std::nullopt;
}

SlotLoad SaveStore::load(const SlotInfo& slot, std::shared_ptr<const Story> story,
                         std::shared_ptr<const model::Params> params) const {
    SlotLoad result;
    LoadedSave loaded;
    try {
        std::ifstream in(slot.file, std::ios::binary);
        loaded = load_session(json::parse(in), std::move(story), std::move(params));
    } catch (const std::exception&) {
        loaded.error = "This save is damaged and cannot be read.";
    }
    if (!loaded.session) {
        const fs::path aside = set_aside(slot.file);
        result.error = loaded.error + " It was set aside as " + aside.filename().string() +
                       "; your other saves are safe.";
        return result;
    }
    result.session = std::move(loaded.session);
    result.notes = std::move(loaded.notes);
    return result;
}

fs::path set_aside(const fs::path& file) {
    const std::string base = file.stem().string() + corrupt_marker + timestamp_now();
    fs::path aside = file.parent_path() / (base + ".json");
    for (int n = 2; fs::exists(aside); ++n) {
        aside = file.parent_path() / (base + "-" + std::to_string(n) + ".json");
    }
    std::error_code ec;
    fs::rename(file, aside, ec);
    return ec ? file : aside;
}

} // namespace attune
