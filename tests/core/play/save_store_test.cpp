#include "support.h"

#include "play/save_store.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
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
    for (std::size_t i = 1; i < slots.size(); ++i) {
        CHECK(slots[i - 1].saved_at >= slots[i].saved_at);
    }
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
    story->scenes[0].choices[1].effects.add = {{0, 1.7e308}}; // "name-it" adds to patience
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
