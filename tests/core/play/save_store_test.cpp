#include "support.h"

#include "play/save_store.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <regex>
#include <unistd.h>

namespace {

using namespace attune;
namespace fs = std::filesystem;

// A fresh $XDG_DATA_HOME for one test, removed afterwards.
struct TempDataHome {
    fs::path root;
    TempDataHome() {
        root = fs::temp_directory_path() /
               ("attune-saves-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
        fs::create_directories(root);
        ::setenv("XDG_DATA_HOME", root.c_str(), 1);
    }
    ~TempDataHome() {
        ::unsetenv("XDG_DATA_HOME");
        fs::remove_all(root);
    }
};

Session played(int choices) {
    Session session(test::late_bus(), test::params(), 5);
    for (int i = 0; i < choices && !session.is_finished(); ++i) {
        for (const ChoiceView& choice : session.choices()) {
            if (choice.enabled) {
                REQUIRE(session.choose(choice.index));
                break;
            }
        }
    }
    return session;
}

std::vector<fs::path> files_in(const fs::path& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder)) {
        files.push_back(entry.path());
    }
    return files;
}

// Rewrites the time a save file says it was made.
void set_saved_at(const fs::path& file, std::int64_t seconds) {
    nlohmann::json save = nlohmann::json::parse(test::read_text(file));
    save["slot"]["saved_at"] = seconds;
    std::ofstream(file, std::ios::binary | std::ios::trunc) << save.dump(1);
}

// The file of the slot named `name` (a named slot, not an autosave), as the store lists it.
fs::path slot_file(const SaveStore& store, const std::string& name) {
    const Result<std::vector<SlotInfo>> listing = store.list();
    REQUIRE(listing);
    const auto found = std::find_if(listing->begin(), listing->end(), [&](const SlotInfo& s) {
        return !s.is_autosave && s.name == name;
    });
    REQUIRE(found != listing->end());
    return found->file;
}

} // namespace

TEST_CASE("save store: the folder follows XDG_DATA_HOME") {
    TempDataHome home;
    CHECK(SaveStore::default_folder() == home.root / "attune");
}

TEST_CASE("save store: an autosave comes back as the same session, with its title and scene") {
    TempDataHome home;
    const SaveStore store(SaveStore::default_folder());
    const Session session = played(2);
    REQUIRE(store.autosave(session));

    const Result<SlotInfo> latest = store.latest_autosave();
    REQUIRE(latest);
    CHECK(latest.diagnostics.empty());
    CHECK(latest->story_title == session.story().info.title);
    CHECK_FALSE(latest->scene_title.empty());
    CHECK(latest->saved_at > 0);

    const Result<Session> loaded = store.load(*latest, session.shared_story(), test::params());
    REQUIRE_MESSAGE(loaded, error_message(loaded.diagnostics));
    CHECK(loaded->state() == session.state());
    CHECK(loaded->history().size() == session.history().size());
}

TEST_CASE("save store: named slots are listed newest first beside the autosave") {
    TempDataHome home;
    const SaveStore store(SaveStore::default_folder());
    REQUIRE(store.save(played(1), "Before the bus"));
    REQUIRE(store.save(played(2), "Slot 2"));
    REQUIRE(store.autosave(played(3)));
    REQUIRE(store.save(played(1), "Slot 2")); // replaces, does not add

    const Result<std::vector<SlotInfo>> listing = store.list();
    const std::vector<SlotInfo>& slots = *listing;
    const std::vector<std::string> messages =
        attune::messages(listing.diagnostics, Severity::Warning);
    CHECK(slots.size() == 3);
    CHECK(messages.empty());

    // All three land in the same second, so the order is shown on controlled times: the
    // oldest file written last and the newest in the middle.
    set_saved_at(slot_file(store, "Before the bus"), 3000);
    set_saved_at(slot_file(store, "Slot 2"), 1000);
    set_saved_at(store.folder() / "autosave-late-bus.json", 2000);
    const Result<std::vector<SlotInfo>> relisted = store.list();
    REQUIRE(relisted);
    CHECK(relisted.diagnostics.empty());
    const std::vector<SlotInfo>& ordered = *relisted;
    REQUIRE(ordered.size() == 3);
    CHECK(ordered[0].name == "Before the bus");
    CHECK(ordered[0].saved_at == 3000);
    CHECK(ordered[1].name == "autosave");
    CHECK(ordered[1].is_autosave);
    CHECK(ordered[1].saved_at == 2000);
    CHECK(ordered[2].name == "Slot 2");
    CHECK(ordered[2].saved_at == 1000);
    CHECK_FALSE(ordered[2].is_autosave);
}

TEST_CASE("save store: a corrupt save is set aside with a message, never deleted") {
    TempDataHome home;
    const SaveStore store(SaveStore::default_folder());
    REQUIRE(store.save(played(1), "good"));
    {
        std::ofstream broken(store.folder() / "slot-broken.json");
        broken << "{ \"format\": \"attune-save\", \"slot\": ";
    }
    const Result<std::vector<SlotInfo>> listing = store.list();
    const std::vector<SlotInfo>& slots = *listing;
    const std::vector<std::string> messages =
        attune::messages(listing.diagnostics, Severity::Warning);
    REQUIRE(slots.size() == 1);
    CHECK(slots[0].name == "good");
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].find("set aside") != std::string::npos);

    const auto files = files_in(store.folder());
    CHECK(files.size() == 2);
    const bool kept = std::any_of(files.begin(), files.end(), [](const fs::path& file) {
        const std::string name = file.filename().string();
        return name.starts_with("slot-broken.corrupt-") && name.ends_with(".json");
    });
    CHECK(kept);
}

TEST_CASE("save store: a save that no longer fits its story is set aside when loaded") {
    TempDataHome home;
    const SaveStore store(SaveStore::default_folder());
    REQUIRE(store.autosave(played(1)));
    const Result<SlotInfo> latest = store.latest_autosave();
    REQUIRE(latest);

    const auto other = test::story(test::source_dir() / "tests/data/stories/porch.json");
    const Result<Session> loaded = store.load(*latest, other, test::params());
    CHECK_FALSE(loaded);
    CHECK(error_message(loaded.diagnostics).find("another story") != std::string::npos);
    CHECK(error_message(loaded.diagnostics).find("set aside") != std::string::npos);
    CHECK_FALSE(fs::exists(latest->file));
    CHECK(files_in(store.folder()).size() == 1);
    CHECK_FALSE(store.latest_autosave());
}

TEST_CASE("save store: a missing folder lists nothing and is created on first save") {
    TempDataHome home;
    const SaveStore store(home.root / "not" / "yet");
    CHECK(store.list()->empty());
    CHECK(store.autosave(played(1)));
    CHECK(store.list()->size() == 1);
}

namespace {

std::vector<SlotInfo> listed(const SaveStore& store) {
    Result<std::vector<SlotInfo>> listing = store.list();
    CHECK(listing.diagnostics.empty());
    return std::move(*listing);
}

} // namespace

TEST_CASE("save store: beginning a story again keeps the autosave it replaces") {
    TempDataHome home;
    const SaveStore store(SaveStore::default_folder());
    const Session first_run = played(3);
    REQUIRE(store.autosave(first_run));
    REQUIRE(store.autosave(played(1))); // "Begin" again, first choice

    const std::vector<SlotInfo> slots = listed(store);
    REQUIRE(slots.size() == 2);
    const auto previous =
        std::find_if(slots.begin(), slots.end(), [](const SlotInfo& s) { return !s.is_autosave; });
    REQUIRE(previous != slots.end());
    CHECK(previous->name == "previous autosave");
    const Result<Session> loaded = store.load(*previous, first_run.shared_story(), test::params());
    REQUIRE_MESSAGE(loaded, error_message(loaded.diagnostics));
    CHECK(loaded->history().size() == first_run.history().size());

    const Result<SlotInfo> latest = store.latest_autosave();
    REQUIRE(latest);
    CHECK(store.load(*latest, first_run.shared_story(), test::params())->history().size() == 1);
}

TEST_CASE("save store: a run that goes on replaces its own autosave and keeps no other") {
    TempDataHome home;
    const SaveStore store(SaveStore::default_folder());
    for (int choices = 1; choices <= 3; ++choices) {
        REQUIRE(store.autosave(played(choices)));
    }
    CHECK(listed(store).size() == 1);
}

TEST_CASE("save store: slot names that differ only in non-ASCII letters are two slots") {
    TempDataHome home;
    const SaveStore store(SaveStore::default_folder());
    REQUIRE(store.save(played(1), "Ελένη"));
    REQUIRE(store.save(played(2), "Νίκος"));
    std::vector<std::string> names;
    for (const SlotInfo& slot : listed(store)) {
        names.push_back(slot.name);
    }
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"Ελένη", "Νίκος"});
}

TEST_CASE("save store: a variable pushed past its limit in play stays finite, and the save loads") {
    TempDataHome home;
    auto story = std::make_shared<Story>(*test::late_bus());
    story->variables[0].initial = 1.7e308;
    story->scenes[0].choices[1].extras.edit().effects.add = {
        {0, 1.7e308}}; // "name-it" adds to patience
    Session session(story, test::params(), 5);
    REQUIRE(session.choose(1));
    CHECK(std::isfinite(session.state().variables[0]));

    const SaveStore store(SaveStore::default_folder());
    REQUIRE(store.autosave(session));
    const Result<SlotInfo> latest = store.latest_autosave();
    REQUIRE(latest);
    const Result<Session> loaded = store.load(*latest, story, test::params());
    REQUIRE_MESSAGE(loaded, error_message(loaded.diagnostics));
    CHECK(loaded->state().variables[0] == session.state().variables[0]);
}

TEST_CASE("save store: a save folder that is a link is not written through") {
    TempDataHome home;
    const fs::path elsewhere = home.root / "elsewhere";
    fs::create_directories(elsewhere);
    fs::create_directory_symlink(elsewhere, home.root / "attune");
    const SaveStore store(SaveStore::default_folder());
    const Result<> saved = store.autosave(played(1));
    CHECK_FALSE(saved);
    const std::string error = error_message(saved.diagnostics);
    CHECK(error.find("is a link to " + elsewhere.string()) != std::string::npos);
    CHECK(fs::is_empty(elsewhere));
}

TEST_CASE("save store: temporary files of killed writers are cleaned when saves are listed") {
    TempDataHome home;
    const SaveStore store(SaveStore::default_folder());
    REQUIRE(store.autosave(played(1)));
    // No process has this id (it is above Linux's largest), so its writer is gone.
    std::ofstream(store.folder() / "autosave-late-bus.json.tmp-999999999") << "{";
    listed(store);
    CHECK(files_in(store.folder()).size() == 1);
}

TEST_CASE("save store: a story path that is not UTF-8 does not stop the autosave") {
    TempDataHome home;
    auto story = std::make_shared<Story>(*test::late_bus());
    story->file = "stories/caf\xe9.json";
    const SaveStore store(SaveStore::default_folder());
    CHECK_NOTHROW(CHECK(store.autosave(Session(story, test::params(), 5))));
    CHECK(listed(store).size() == 1);
}

TEST_CASE("save store: a save that could not be moved aside is not said to be set aside") {
    TempDataHome home;
    const SaveStore store(SaveStore::default_folder());
    SlotInfo gone; // stands for a file in a read-only folder: renaming it fails
    gone.file = home.root / "slot-gone.json";
    const Result<Session> loaded = store.load(gone, test::late_bus(), test::params());
    CHECK_FALSE(loaded);
    CHECK(error_message(loaded.diagnostics).find("could not be moved aside") != std::string::npos);
    CHECK(error_message(loaded.diagnostics).find("set aside as") == std::string::npos);
}

TEST_CASE("save store: a slot describes its story, place, kind and time") {
    TempDataHome home;
    const SaveStore store(SaveStore::default_folder());
    const Session start = played(0);
    const std::int64_t before = static_cast<std::int64_t>(std::time(nullptr));
    REQUIRE(store.save(start, "a/b c!"));
    Result<std::vector<SlotInfo>> listing = store.list();
    REQUIRE(listing);
    std::vector<SlotInfo> slots = *listing;
    REQUIRE(slots.size() == 1);
    const SlotInfo& slot = slots[0];
    // A safe file name: the name's letters, then a digest of the whole name.
    CHECK(slot.file.parent_path() == store.folder());
    CHECK(std::regex_match(slot.file.filename().string(),
                           std::regex("slot-a_b_c_-[0-9a-f]{16}\\.json")));
    CHECK(slot.name == "a/b c!");
    CHECK_FALSE(slot.is_autosave);
    CHECK(slot.story_id == "late-bus");
    CHECK(slot.story_title == "The Late Bus");
    CHECK(slot.story_file == start.story().file);
    CHECK_FALSE(slot.story_file.empty());
    CHECK(slot.scene_title == "Nine forty"); // the scene's title
    CHECK(slot.saved_at >= before);
    CHECK(slot.saved_at <= static_cast<std::int64_t>(std::time(nullptr)));

    // A scene without a title is named by its id; an ending by its title.
    Session quiet(test::late_bus(), test::params(), 5);
    REQUIRE(quiet.choose("its-fine"));
    REQUIRE(store.autosave(quiet));
    Session ended = quiet;
    REQUIRE(ended.choose("leave-it"));
    REQUIRE(ended.is_finished());
    REQUIRE(store.save(ended, ""));
    listing = store.list();
    REQUIRE(listing);
    slots = *listing;
    REQUIRE(slots.size() == 3);
    for (const SlotInfo& s : slots) {
        CAPTURE(s.name);
        if (s.is_autosave) {
            CHECK(s.name == "autosave");
            CHECK(s.file == store.folder() / "autosave-late-bus.json");
            CHECK(s.scene_title == "quiet");
        } else if (s.name.empty()) {
            CHECK(std::regex_match(s.file.filename().string(),
                                   std::regex("slot-_-[0-9a-f]{16}\\.json")));
            CHECK(s.scene_title == ended.ending()->title);
        }
    }
}

TEST_CASE("save store: Continue resumes the newest autosave of any story") {
    TempDataHome home;
    const SaveStore store(SaveStore::default_folder());
    REQUIRE(store.autosave(played(1)));
    Session porch(test::story(test::source_dir() / "tests/data/stories/porch.json"), test::params(),
                  1);
    REQUIRE(store.autosave(porch));
    REQUIRE(store.save(played(2), "newest, but not an autosave"));
    set_saved_at(store.folder() / "autosave-late-bus.json", 2000);
    set_saved_at(store.folder() / "autosave-porch.json", 1000);
    set_saved_at(slot_file(store, "newest, but not an autosave"), 3000);
    Result<SlotInfo> latest = store.latest_autosave();
    REQUIRE(latest);
    CHECK(latest->story_id == "late-bus");
    CHECK(latest.diagnostics.empty());
    set_saved_at(store.folder() / "autosave-porch.json", 2500);
    latest = store.latest_autosave();
    REQUIRE(latest);
    CHECK(latest->story_id == "porch");
    CHECK(latest.diagnostics.empty());
}

TEST_CASE("save store: a damaged save is set aside on load, under a name of its own") {
    TempDataHome home;
    const SaveStore store(SaveStore::default_folder());
    REQUIRE(store.save(played(1), "one"));
    const Result<std::vector<SlotInfo>> listing = store.list();
    REQUIRE(listing);
    const std::vector<SlotInfo>& slots = *listing;
    REQUIRE(slots.size() == 1);
    // Damaged after listing: the load refuses it and moves it aside.
    std::ofstream(slots[0].file, std::ios::binary | std::ios::trunc) << "{ not json";
    const Result<Session> loaded = store.load(slots[0], test::late_bus(), test::params());
    CHECK_FALSE(loaded);
    const std::string error = error_message(loaded.diagnostics);
    const std::string kept = slots[0].file.stem().string() + ".corrupt-";
    CHECK(
        error.starts_with("This save is damaged and cannot be read. It was set aside as " + kept));
    CHECK(error.ends_with(".json. Your other saves are safe."));
    CHECK(fs::exists(store.folder() /
                     error.substr(error.find(kept), error.find(".json. ") - error.find(kept) + 5)));
    CHECK_FALSE(fs::exists(slots[0].file));
}

TEST_CASE("save store: a slot's file is its name's first 32 characters made safe, then its "
          "FNV-1a digest") {
    TempDataHome home;
    const SaveStore store(SaveStore::default_folder());
    const Session start = played(0);
    REQUIRE(store.save(start, "a"));
    REQUIRE(store.save(start, std::string(40, 'a')));
    REQUIRE(store.save(start, "\xce\x95\xce\xbb\xce\xad\xce\xbd\xce\xb7")); // Ελένη
    // The digests, worked out by hand from FNV-1a's 64-bit offset basis and prime.
    CHECK(fs::exists(store.folder() / "slot-a-af63dc4c8601ec8c.json"));
    CHECK(fs::exists(store.folder() /
                     ("slot-" + std::string(32, 'a') + "-" + "b920bc495ce6502d" + ".json")));
    CHECK(fs::exists(store.folder() / "slot-__________-48cd78bf1efaac78.json"));
    CHECK(store.list()->size() == 3);
}

TEST_CASE(
    "save store: only autosave-* and slot-* .json files are listed; nothing else is touched") {
    TempDataHome home;
    const SaveStore store(SaveStore::default_folder());
    const Session start = played(0);
    REQUIRE(store.save(start, "kept"));
    const std::string save_text = test::read_text(slot_file(store, "kept"));
    // Every one of these holds a good save, but is not named as one.
    const std::vector<std::string> others = {"notes.json",
                                             "slot-x.txt",
                                             "autosave-x.json.bak",
                                             "xslot-a.json",
                                             "slot-y.corrupt-1.json",
                                             "autosave-z.corrupt-2.json"};
    for (const std::string& name : others) {
        std::ofstream(store.folder() / name, std::ios::binary) << save_text;
    }
    fs::create_directories(store.folder() / "slot-folder.json");
    std::ofstream(store.folder() / "autosave-copy.json", std::ios::binary) << save_text;
    const Result<std::vector<SlotInfo>> listing = store.list();
    REQUIRE(listing);
    CHECK(listing.diagnostics.empty());
    CHECK(listing->size() == 2);
    for (const std::string& name : others) {
        CAPTURE(name);
        CHECK(test::read_text(store.folder() / name) == save_text);
    }
}
