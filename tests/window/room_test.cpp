// Room mode: a facilitator runs a story for a group from the keyboard, with notes only they
// see; nothing reaches the projector unless they send it; a step-out leaves no trace.

#include "room_support.h"

#include "play/save.h"
#include "room_app.h"

#include <filesystem>

namespace {

using namespace attune;
using namespace attune::test;

/// Presses and releases `code` in the facilitator's window, a frame after each.
void room_press(RoomApp& app, sf::Keyboard::Key code) {
    app.handle_facilitator(key_press(code));
    room_frames(app, 1);
    app.handle_facilitator(key_release(code));
    room_frames(app, 1);
}

sf::Keyboard::Key number(int n) {
    return static_cast<sf::Keyboard::Key>(sf::Keyboard::Num1 + n - 1);
}

int first_sendable(const Room& room) {
    const std::vector<RoomPrompt> prompts = room.prompts();
    for (std::size_t i = 0; i < prompts.size(); ++i) {
        if (!prompts[i].personal) {
            return static_cast<int>(i) + 1;
        }
    }
    return 0;
}

std::vector<std::filesystem::path> bundled_stories() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "stories")) {
        if (entry.path().extension() == ".json" && entry.path().filename() != "schema.json") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

TEST_CASE("room: a facilitator runs a whole story by keyboard alone: pause, rewind, what if") {
    SfmlErrors errors;
    TempFolder folder;
    RoomApp app(room_options_in(folder), params());
    REQUIRE_MESSAGE(app.ready(), app.error());
    Room& room = app.room();
    room.prepare(bundled("first-light.json"));
    room_frames(app, 2);
    CHECK(projector_view(room) == ProjectorView::HeadsUp);
    CHECK(app.projector_record().contains("you can step out"));
    room_press(app, sf::Keyboard::Enter); // "Begin with the room" has the focus
    REQUIRE(room.has_story());
    REQUIRE(room.phase() == RoomPhase::Reading);

    bool discussed = false;
    bool rewound = false;
    bool compared = false;
    for (int presses = 0; presses < 400 && !room.shown().is_finished(); ++presses) {
        const std::size_t taken = room.shown().history().size();
        if (taken == 2 && !rewound) {
            room_press(app, sf::Keyboard::R);
            CHECK(room.shown().history().size() == 1);
            rewound = true;
            continue;
        }
        if (taken == 3 && !compared) {
            // What if the room had chosen differently at its last choice?
            room_press(app, sf::Keyboard::W);
            REQUIRE(room.what_if_step == 2);
            CHECK((app.facilitator_record().contains("May reach, not yet seen") ||
                   app.facilitator_record().contains("No content notes the room has not met")));
            room_press(app, sf::Keyboard::Num1);
            REQUIRE(room.on_branch());
            CHECK(room.branch()->history()[2].choice != room.game().session()->history()[2].choice);
            for (int i = 0;
                 i < 40 && room.branch()->history().size() < 5 && !room.branch()->is_finished();
                 ++i) {
                room_press(app, room.phase() == RoomPhase::Choosing ? sf::Keyboard::Num1
                                                                    : sf::Keyboard::Space);
            }
            room_press(app, sf::Keyboard::C);
            CHECK(projector_view(room) == ProjectorView::Comparing);
            CHECK(app.projector_record().contains("What we did"));
            CHECK(app.projector_record().contains("What if"));
            room_press(app, sf::Keyboard::B);
            CHECK_FALSE(room.on_branch());
            CHECK(room.shown().history().size() == 3); // what the room did is untouched
            compared = true;
            continue;
        }
        switch (room.phase()) {
        case RoomPhase::Discussing:
            if (const int prompt = first_sendable(room); prompt > 0 && !discussed) {
                const std::string text = room.prompts()[prompt - 1].text;
                CHECK_FALSE(app.projector_record().contains(text));
                room_press(app, number(prompt));
                CHECK(app.projector_record().contains(text));
                discussed = true;
            }
            room_press(app, sf::Keyboard::Space);
            break;
        case RoomPhase::Choosing:
            room_press(app, sf::Keyboard::Num1);
            break;
        default:
            room_press(app, sf::Keyboard::Space);
            break;
        }
    }
    CHECK(discussed);
    CHECK(rewound);
    CHECK(compared);
    REQUIRE(room.shown().is_finished());
    CHECK(projector_view(room) == ProjectorView::Ending);
    CHECK_FALSE(app.projector_record().contains("you can talk to"));
    Settings settings = app.game().settings();
    settings.talk_to = "Ms Achebe, room 12";
    app.game().use_settings(settings);
    room_frames(app, 1);
    CHECK(app.projector_record().contains("you can talk to Ms Achebe, room 12."));

    // The facilitator's "Save a debrief page": what the room did and its "what if", written
    // beside the saves, no terminal needed.
    REQUIRE(room.branch() != nullptr);
    const std::optional<std::filesystem::path> page =
        room.game().save_debrief(std::span<const Session>(room.branch(), 1));
    REQUIRE(page);
    const std::string debrief = read_text(*page);
    CHECK(debrief.find("What we did") != std::string::npos);
    CHECK(debrief.find("What if") != std::string::npos);
    CHECK(debrief.find("Ms Achebe, room 12") != std::string::npos);

    // Step out and back with one key, from either window.
    room_press(app, sf::Keyboard::F9);
    CHECK(projector_view(room) == ProjectorView::Break);
    CHECK(app.projector_record().contains("Short break."));
    app.handle_projector(key_press(sf::Keyboard::F9));
    room_frames(app, 1);
    CHECK(projector_view(room) == ProjectorView::Ending);
    CHECK_FALSE(errors.gl_failed());
}

TEST_CASE("room: a pause for discussion can come at any point; nothing goes up until sent") {
    TempFolder folder;
    RoomApp app(room_options_in(folder), params());
    Room& room = app.room();
    room.prepare(bundled("the-red-cup.json"));
    room.begin();
    room_frames(app, 2);
    room_press(app, sf::Keyboard::D);
    CHECK(room.phase() == RoomPhase::Discussing);
    CHECK(app.projector_record().contains("Let's talk about what just happened."));
    room_press(app, sf::Keyboard::D);
    CHECK(room.phase() == RoomPhase::Choosing);
}

TEST_CASE("room: every bundled story's notes and prompts reach the facilitator at their "
          "scenes, and the projector only when sent") {
    TempFolder folder;
    RoomApp app(room_options_in(folder), params());
    REQUIRE(app.ready());
    Room& room = app.room();
    Game& game = app.game();
    int notes = 0;
    int prompts = 0;
    int personal = 0;
    for (const auto& file : bundled_stories()) {
        const auto told = story(file);
        room.prepare(told);
        room.begin();
        game.ui.author_mode = true; // to go straight to each scene
        for (std::size_t s = 0; s < told->scenes.size(); ++s) {
            const Scene& scene = told->scenes[s];
            const SceneNotes& scene_notes = scene.notes.get();
            if (scene_notes.facilitator_note.empty() && scene_notes.discussion.empty()) {
                continue;
            }
            INFO(file.filename().string() << " scene " << scene.id);
            game.jump_to(static_cast<int>(s));
            room_frames(app, 1);
            REQUIRE(room.phase() == RoomPhase::Reading);
            if (!scene_notes.facilitator_note.empty()) {
                ++notes;
                CHECK(app.facilitator_record().contains(scene_notes.facilitator_note));
                CHECK_FALSE(app.projector_record().contains(scene_notes.facilitator_note));
            }
            for (const std::string& prompt : scene_notes.discussion) {
                CHECK(app.facilitator_record().contains(prompt));
                CHECK_FALSE(app.projector_record().contains(prompt));
            }
            if (scene_notes.discussion.empty()) {
                continue;
            }
            room.toggle_discussion();
            room_frames(app, 1);
            for (const std::string& prompt : scene_notes.discussion) {
                CHECK_FALSE(app.projector_record().contains(prompt));
            }
            // Each one goes up when sent, and alone; a personal one does not go up at all.
            for (std::size_t p = 0; p < scene_notes.discussion.size(); ++p) {
                const bool is_personal = scene_notes.discussion_personal[p];
                CHECK(room.show_prompt(static_cast<int>(p), true) == !is_personal);
                room_frames(app, 1);
                CHECK(app.projector_record().contains(scene_notes.discussion[p]) == !is_personal);
                ++prompts;
                personal += is_personal ? 1 : 0;
                room.show_prompt(static_cast<int>(p), false);
            }
            room_frames(app, 1);
            for (const std::string& prompt : scene_notes.discussion) {
                CHECK_FALSE(app.projector_record().contains(prompt));
            }
        }
    }
    // The bundled stories carry these (the issue counted 67 notes and 79 prompts).
    CHECK(notes >= 60);
    CHECK(prompts >= 75);
    CHECK(personal >= 10);
}

TEST_CASE("room: a personal prompt goes up only once the facilitator allows it") {
    TempFolder folder;
    RoomApp app(room_options_in(folder), params());
    Room& room = app.room();
    Game& game = app.game();
    const auto cup = bundled("the-red-cup.json");
    room.prepare(cup);
    room.begin();
    game.ui.author_mode = true;
    game.jump_to(cup->find_scene("stairs"));
    room_frames(app, 1);
    const std::vector<RoomPrompt> prompts = room.prompts();
    const auto mine = std::find_if(prompts.begin(), prompts.end(),
                                   [](const RoomPrompt& p) { return p.personal; });
    REQUIRE(mine != prompts.end());
    const int index = static_cast<int>(mine - prompts.begin());
    CHECK(app.facilitator_record().contains("About the group's own lives"));
    CHECK_FALSE(room.show_prompt(index, true));
    room.allow_personal(true);
    CHECK(room.show_prompt(index, true));
    room_frames(app, 1);
    CHECK(app.projector_record().contains(mine->text));
    room.allow_personal(false); // taking the permission back takes it down
    room_frames(app, 1);
    CHECK_FALSE(app.projector_record().contains(mine->text));
}

TEST_CASE("room: before a what if plays, the facilitator sees the notes it may reach, unseen") {
    const std::string text = R"({"id": "w", "title": "W", "version": "1", "summary": "s",
      "relationship": "friend", "minutes": 1, "age_band": "all", "author": "tests", "start": "a",
      "characters": [{"id": "kai", "name": "Kai", "pronouns": "he/him", "role": "friend",
                      "anxiety": 0.3, "avoidance": 0.3, "safety": 50, "distance": 50}],
      "scenes": [
        {"id": "a", "lines": ["Hi."], "choices": [
          {"id": "x", "text": "Ask", "moves": [{"move": "ask", "to": "kai"}], "next": "b"},
          {"id": "y", "text": "Leave", "moves": [{"move": "withdraw", "to": "kai"}], "next": "c"}]},
        {"id": "b", "title": "Bee", "content_notes": ["seen already"], "lines": ["B."],
         "choices": [{"id": "go", "text": "Go", "moves": [{"move": "ask", "to": "kai"}], "next": "end"}]},
        {"id": "c", "title": "Sea", "content_notes": ["shouting"], "lines": ["C."],
         "choices": [{"id": "go", "text": "Go", "moves": [{"move": "ask", "to": "kai"}], "next": "d"}]},
        {"id": "d", "title": "Dee", "content_notes": ["a slammed door"], "lines": ["D."],
         "choices": [{"id": "go", "text": "Go", "moves": [{"move": "ask", "to": "kai"}], "next": "end"}]}],
      "endings": [{"id": "end", "kind": "open", "title": "End", "reflection": ["?"]}]})";
    const auto loaded = load_story_text("w.json", text);
    REQUIRE(loaded);
    TempFolder folder;
    RoomApp app(room_options_in(folder), params());
    Room& room = app.room();
    room.prepare(*loaded);
    room.begin();
    REQUIRE(room.choose(0));
    CHECK(room.unseen_notes(0, 1) ==
          std::vector<std::string>{"Sea: shouting", "Dee: a slammed door"});
    room.what_if_step = 0;
    room_frames(app, 1);
    CHECK(app.facilitator_record().contains(
        "May reach, not yet seen: Sea: shouting; Dee: a slammed door"));
    CHECK_FALSE(app.projector_record().contains("shouting"));
    CHECK(room.start_what_if(0, 1));
    CHECK(room.shown().scene().id == "c");
    CHECK(room.game().session()->scene().id == "b");
}

TEST_CASE("room: pause requests reach the facilitator only, never the projector") {
    TempFolder folder;
    RoomApp app(room_options_in(folder), params());
    Room& room = app.room();
    room.prepare(bundled("first-light.json"));
    room.begin();
    room_frames(app, 1);
    CHECK_FALSE(app.facilitator_record().contains("Someone asked for a pause."));
    room.add_pause_requests(-3); // nothing to count
    CHECK(room.pause_requests() == 0);
    room.add_pause_requests(2);
    room_frames(app, 1);
    CHECK(app.facilitator_record().contains("Someone asked for a pause."));
    CHECK_FALSE(app.projector_record().contains("asked for a pause"));
    room.acknowledge_pause_requests();
    room_frames(app, 1);
    CHECK_FALSE(app.facilitator_record().contains("Someone asked for a pause."));
}

TEST_CASE("room: a room's run and its step-outs write nothing to the saves") {
    TempFolder folder;
    {
        RoomApp app(room_options_in(folder), params());
        Room& room = app.room();
        room.prepare(bundled("first-light.json"));
        room.begin();
        room.choose_nth(1);
        room.step_out();
        room_frames(app, 1);
        room.step_back_in();
        room.choose_nth(1);
        room_frames(app, 1);
    }
    const auto saves = folder.path / "saves";
    CHECK((!std::filesystem::exists(saves) || std::filesystem::is_empty(saves)));
}

TEST_CASE("room: on one display F2 switches between the projector and the facilitator") {
    TempFolder folder;
    RoomOptions options = room_options_in(folder);
    options.displays = RoomDisplays::One;
    RoomApp app(options, params());
    REQUIRE(app.ready());
    Room& room = app.room();
    room.prepare(bundled("first-light.json"));
    room.begin();
    room_frames(app, 1);
    CHECK_FALSE(app.facilitator_shown());
    app.handle_projector(key_press(sf::Keyboard::F2));
    room_frames(app, 1);
    CHECK(app.facilitator_shown());
    // Switching views changes nothing the room sees or has decided.
    CHECK(room.phase() == RoomPhase::Reading);
    room_press(app, sf::Keyboard::F2);
    CHECK_FALSE(app.facilitator_shown());
}

TEST_CASE("room: rewinding past the choice a what if parted from lets the branch go") {
    TempFolder folder;
    RoomApp app(room_options_in(folder), params());
    Room& room = app.room();
    room.prepare(bundled("first-light.json"));
    room.begin();
    REQUIRE(room.choose_nth(1));
    REQUIRE(room.choose_nth(1));
    const auto others = room.alternatives(1);
    REQUIRE_FALSE(others.empty());
    REQUIRE(room.start_what_if(1, others.front().index));
    REQUIRE(room.compare());
    room_frames(app, 1);
    room.back_to_what_we_did();
    REQUIRE(room.rewind_to(1)); // the room's own path, back before the branch's choice
    room_frames(app, 1);
    CHECK_FALSE(room.branch());
    CHECK_FALSE(room.compare());
    CHECK(projector_view(room) == ProjectorView::Story);
}

TEST_CASE("room: before the story the facilitator weighs every content note; the room gets a "
          "one-line heads-up") {
    TempFolder folder;
    RoomApp app(room_options_in(folder), params());
    Room& room = app.room();
    const auto cup = bundled("the-red-cup.json");
    room.prepare(cup);
    room_frames(app, 2);
    REQUIRE_FALSE(room.has_story());
    for (const std::string& note : cup->info.content_notes) {
        CHECK(app.facilitator_record().contains(note));
        CHECK(app.projector_record().contains(note));
    }
    for (const Scene& scene : cup->scenes) {
        for (const std::string& note : scene.notes.get().content_notes) {
            CHECK(app.facilitator_record().contains(note));
        }
    }
    CHECK(app.projector_record().contains("Heads-up: this story touches on"));
    const std::string& first_note = cup->scenes[cup->start].notes.get().facilitator_note;
    REQUIRE_FALSE(first_note.empty());
    CHECK_FALSE(app.projector_record().contains(first_note));
    // Choosing another story: the room waits, nothing has started.
    room.close();
    room_frames(app, 1);
    CHECK(projector_view(room) == ProjectorView::Waiting);
    CHECK(app.facilitator_record().contains("Choose a story for the room"));
}
