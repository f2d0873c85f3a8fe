#include "support.h"

#include "play/save_store.h"

#include <cstdlib>
#include <ctime>
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

// Rewrites the time a save file says it was made.
void set_saved_at(const fs::path& file, std::int64_t seconds) {
    nlohmann::json save = nlohmann::json::parse(test::read_text(file));
    save["slot"]["saved_at"] = seconds;
    std::ofstream(file, std::ios::binary | std::ios::trunc) << save.dump(1);
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
    std::string error;
    REQUIRE_MESSAGE(store.autosave(session, error), error);

    std::vector<std::string> messages;
    const auto latest = store.latest_autosave(messages);
    REQUIRE(latest);
    CHECK(messages.empty());
    CHECK(latest->story_title == session.story().info.title);
    CHECK_FALSE(latest->scene_title.empty());
    CHECK(latest->saved_at > 0);

    const SlotLoad loaded = store.load(*latest, session.shared_story(), test::params());
    REQUIRE_MESSAGE(loaded.session, loaded.error);
    CHECK(loaded.session->state() == session.state());
    CHECK(loaded.session->history().size() == session.history().size());
}

TEST_CASE("save store: named slots are listed newest first beside the autosave") {
    TempDataHome home;
    const SaveStore store(SaveStore::default_folder());
    std::string error;
    REQUIRE(store.save(played(1), "Before the bus", error));
    REQUIRE(store.save(played(2), "Slot 2", error));
    REQUIRE(store.autosave(played(3), error));
    REQUIRE(store.save(played(1), "Slot 2", error)); // replaces, does not add

    std::vector<std::string> messages;
    const std::vector<SlotInfo> slots = store.list(messages);
    CHECK(slots.size() == 3);
    CHECK(messages.empty());

    // All three land in the same second, so the order is shown on controlled times: the
    // oldest file written last and the newest in the middle.
    set_saved_at(store.folder() / "slot-Before_the_bus.json", 3000);
    set_saved_at(store.folder() / "slot-Slot_2.json", 1000);
    set_saved_at(store.folder() / "autosave-late-bus.json", 2000);
    const std::vector<SlotInfo> ordered = store.list(messages);
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
    std::string error;
    REQUIRE(store.save(played(1), "good", error));
    {
        std::ofstream broken(store.folder() / "slot-broken.json");
        broken << "{ \"format\": \"attune-save\", \"slot\": ";
    }
    std::vector<std::string> messages;
    const std::vector<SlotInfo> slots = store.list(messages);
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
    std::string error;
    REQUIRE(store.autosave(played(1), error));
    std::vector<std::string> messages;
    const auto latest = store.latest_autosave(messages);
    REQUIRE(latest);

    const auto other = test::story(test::source_dir() / "tests/data/stories/porch.json");
    const SlotLoad loaded = store.load(*latest, other, test::params());
    CHECK_FALSE(loaded.session);
    CHECK(loaded.error.find("another story") != std::string::npos);
    CHECK(loaded.error.find("set aside") != std::string::npos);
    CHECK_FALSE(fs::exists(latest->file));
    CHECK(files_in(store.folder()).size() == 1);
    CHECK_FALSE(store.latest_autosave(messages));
}

TEST_CASE("save store: a missing folder lists nothing and is created on first save") {
    TempDataHome home;
    const SaveStore store(home.root / "not" / "yet");
    std::vector<std::string> messages;
    CHECK(store.list(messages).empty());
    std::string error;
    CHECK(store.autosave(played(1), error));
    CHECK(store.list(messages).size() == 1);
}

TEST_CASE("save store: a slot describes its story, place, kind and time") {
    TempDataHome home;
    const SaveStore store(SaveStore::default_folder());
    std::string error;
    const Session start = played(0);
    const std::int64_t before = static_cast<std::int64_t>(std::time(nullptr));
    REQUIRE(store.save(start, "a/b c!", error));
    std::vector<std::string> messages;
    std::vector<SlotInfo> slots = store.list(messages);
    REQUIRE(slots.size() == 1);
    const SlotInfo& slot = slots[0];
    CHECK(slot.file == store.folder() / "slot-a_b_c_.json"); // a safe file name
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
    REQUIRE(store.autosave(quiet, error));
    Session ended = quiet;
    REQUIRE(ended.choose("leave-it"));
    REQUIRE(ended.is_finished());
    REQUIRE(store.save(ended, "", error));
    slots = store.list(messages);
    REQUIRE(slots.size() == 3);
    for (const SlotInfo& s : slots) {
        CAPTURE(s.name);
        if (s.is_autosave) {
            CHECK(s.name == "autosave");
            CHECK(s.file == store.folder() / "autosave-late-bus.json");
            CHECK(s.scene_title == "quiet");
        } else if (s.name.empty()) {
            CHECK(s.file == store.folder() / "slot-_.json");
            CHECK(s.scene_title == ended.ending()->title);
        }
    }
}

TEST_CASE("save store: Continue resumes the newest autosave of any story") {
    TempDataHome home;
    const SaveStore store(SaveStore::default_folder());
    std::string error;
    REQUIRE(store.autosave(played(1), error));
    Session porch(test::story(test::source_dir() / "tests/data/stories/porch.json"), test::params(),
                  1);
    REQUIRE(store.autosave(porch, error));
    REQUIRE(store.save(played(2), "newest, but not an autosave", error));
    set_saved_at(store.folder() / "autosave-late-bus.json", 2000);
    set_saved_at(store.folder() / "autosave-porch.json", 1000);
    set_saved_at(store.folder() / "slot-newest__but_not_an_autosave.json", 3000);
    std::vector<std::string> messages;
    auto latest = store.latest_autosave(messages);
    REQUIRE(latest);
    CHECK(latest->story_id == "late-bus");
    set_saved_at(store.folder() / "autosave-porch.json", 2500);
    latest = store.latest_autosave(messages);
    REQUIRE(latest);
    CHECK(latest->story_id == "porch");
    CHECK(messages.empty());
}

TEST_CASE("save store: a damaged save is set aside on load, under a name of its own") {
    TempDataHome home;
    const SaveStore store(SaveStore::default_folder());
    std::string error;
    REQUIRE(store.save(played(1), "one", error));
    std::vector<std::string> messages;
    const std::vector<SlotInfo> slots = store.list(messages);
    REQUIRE(slots.size() == 1);
    // Damaged after listing: the load refuses it and moves it aside.
    std::ofstream(slots[0].file, std::ios::binary | std::ios::trunc) << "{ not json";
    const SlotLoad loaded = store.load(slots[0], test::late_bus(), test::params());
    CHECK_FALSE(loaded.session);
    CHECK(loaded.error.starts_with("This save is damaged and cannot be read. It was set aside as "
                                   "slot-one.corrupt-"));
    CHECK(loaded.error.ends_with(".json; your other saves are safe."));
    CHECK_FALSE(fs::exists(slots[0].file));

    // Setting aside twice in the same second keeps both files.
    const fs::path file = store.folder() / "slot-two.json";
    std::ofstream(file) << "first";
    const fs::path first = set_aside(file);
    std::ofstream(file) << "second";
    const fs::path second = set_aside(file);
    CHECK(first != second);
    CHECK(test::read_text(first) == "first");
    CHECK(test::read_text(second) == "second");
    if (second.stem().string().starts_with(first.stem().string())) { // the same second
        CHECK(second.filename() == first.stem().string() + "-2.json");
    }
    CHECK(set_aside(store.folder() / "missing.json") == store.folder() / "missing.json");
}
