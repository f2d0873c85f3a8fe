// Room mode with phones: the window drives a room of phones through RoomVoting (here a fake
// that records what it was asked), so these tests see what each window shows and when a
// round opens, closes and decides, without a network.

#include "room_support.h"

#include "room_app.h"

#include <filesystem>

namespace {

using namespace attune;
using namespace attune::test;

/// What the window asked of the phones, and what they "said".
struct FakeRoom {
    bool fail_start = false;
    bool hosting = false;
    int opened = 0;
    int cleared = 0;
    bool paused = false;
    bool locked = false;
    std::string opened_scene;
    VoteState state;
    std::optional<int> confirmed;
    std::string reason;
};

class FakeVoting : public RoomVoting {
public:
    explicit FakeVoting(FakeRoom& room) : room_(room) {}
    Result<VoteJoin> start(int, const std::string&) override {
        Result<VoteJoin> result;
        if (room_.fail_start) {
            result.diagnostics.push_back(plain(
                Severity::Error, "Could not listen on port 8080: choose another with --port."));
            return result;
        }
        room_.hosting = true;
        result.value =
            VoteJoin{"http://10.0.0.5:8080/", "KTWA", 21, std::vector<std::uint8_t>(21 * 21, 1)};
        return result;
    }
    void stop() override { room_.hosting = false; }
    VoteState poll() override {
        VoteState state = room_.state;
        room_.state.pause_requests = 0;
        return state;
    }
    void open_round(const Session& session) override {
        ++room_.opened;
        room_.opened_scene = session.scene().id;
        room_.state.has_round = true;
        room_.state.open = true;
        room_.state.round = room_.opened;
    }
    void close_round() override { room_.state.open = false; }
    void clear_round() override {
        ++room_.cleared;
        room_.state.has_round = false;
    }
    bool reveal() override { return room_.state.revealed = room_.state.enough; }
    VoteDecision confirm(const Session& session, std::optional<int> position,
                         const std::string& reason) override {
        room_.confirmed = position;
        room_.reason = reason;
        const int chosen = position.value_or(room_.state.leader);
        VoteDecision decision;
        decision.ok = true;
        if (chosen >= 0) {
            decision.choice_index = session.choices()[static_cast<std::size_t>(chosen)].index;
            decision.split.chosen = chosen;
            for (const ChoiceView& choice : session.choices()) {
                decision.split.choice_texts.push_back(choice.text);
            }
        }
        return decision;
    }
    void set_paused(bool paused) override { room_.paused = paused; }
    void set_locked(bool locked) override { room_.locked = locked; }
    void set_max_devices(int) override {}
    bool remove_phone(int phone) override { return phone == 1; }

private:
    FakeRoom& room_;
};

void to_choices(RoomApp& app) {
    while (app.room().phase() != RoomPhase::Choosing) {
        app.room().next();
    }
    room_frames(app, 2);
}

void press(RoomApp& app, sf::Keyboard::Key code) {
    app.handle_facilitator(key_press(code));
    room_frames(app, 1);
    app.handle_facilitator(key_release(code));
    room_frames(app, 1);
}

/// Both windows on first-light.json, begun, hosting through the fake, with the first
/// choices up and their round open.
struct HostingAtChoices {
    TempFolder folder;
    FakeRoom fake;
    RoomApp app{room_options_in(folder), params()};

    HostingAtChoices() {
        Room& room = app.room();
        room.vote().set_voting(std::make_unique<FakeVoting>(fake));
        room.prepare(bundled("first-light.json"));
        room.begin();
        REQUIRE(room.vote().start(room.game().settings()));
        to_choices(app);
    }
};

TEST_CASE("room vote: a port that cannot be used is said in words, with what to do") {
    TempFolder folder;
    FakeRoom fake;
    fake.fail_start = true;
    RoomApp app(room_options_in(folder), params());
    app.room().vote().set_voting(std::make_unique<FakeVoting>(fake));
    room_frames(app, 1);
    press(app, sf::Keyboard::V);
    CHECK_FALSE(app.room().vote().hosting());
    CHECK(app.facilitator_record().contains(
        "Could not listen on port 8080: choose another with --port."));
}

TEST_CASE("room vote: the join screen, a round with each menu, counts only for the facilitator") {
    TempFolder folder;
    FakeRoom fake;
    RoomApp app(room_options_in(folder), params());
    Room& room = app.room();
    room.vote().set_voting(std::make_unique<FakeVoting>(fake));
    room.prepare(bundled("first-light.json"));
    press(app, sf::Keyboard::V);
    REQUIRE(room.vote().hosting());
    fake.state.phones = 1;
    room_frames(app, 2);
    CHECK(app.projector_record().contains("KTWA"));
    CHECK(app.projector_record().contains("http://10.0.0.5:8080/"));
    CHECK(app.projector_record().contains("1 phone has joined."));
    CHECK(app.facilitator_record().contains("1 phone joined: the network works."));

    room.begin();
    room_frames(app, 2);
    CHECK_FALSE(app.projector_record().contains("KTWA")); // the story takes the projector
    CHECK(fake.opened == 0);                              // no round while the text is read
    to_choices(app);
    CHECK(fake.opened == 1);
    CHECK(fake.opened_scene == room.shown().scene().id);

    // Below the minimum: no count anywhere, the choice is the facilitator's.
    fake.state.min_votes = 5;
    room_frames(app, 1);
    CHECK(app.facilitator_record().contains(
        "Fewer than 5 have voted, so no count is shown (a small split could single someone out)."));
    CHECK_FALSE(app.facilitator_record().contains("took part"));

    // At the minimum: the count and the split for the facilitator, never the projector.
    fake.state.enough = true;
    fake.state.taking_part = 6;
    fake.state.passes = 1;
    fake.state.counts.assign(room.shown().choices().size(), 0);
    fake.state.counts[0] = 3;
    fake.state.counts[1] = 2;
    fake.state.leader = 0;
    fake.state.close_call = true;
    room_frames(app, 1);
    CHECK(app.facilitator_record().contains("6 took part, 1 passed."));
    CHECK(app.facilitator_record().contains("3 votes"));
    CHECK(app.facilitator_record().contains("Close call: the top two are within a few votes."));
    CHECK_FALSE(app.projector_record().contains("took part"));
    CHECK_FALSE(app.projector_record().contains("3 votes"));
    CHECK_FALSE(app.projector_record().contains("%"));

    // Revealed: percentages on the projector.
    fake.state.revealed = true;
    fake.state.percents.assign(room.shown().choices().size(), 0);
    fake.state.percents[0] = 60;
    fake.state.percents[1] = 40;
    room_frames(app, 1);
    CHECK(app.projector_record().contains("60%"));
    // Looked at by eye: the revealed split on the projector; the facilitator's round.
    std::filesystem::create_directories(ATTUNE_SCREENSHOT_DIR);
    const std::filesystem::path shots = ATTUNE_SCREENSHOT_DIR;
    room.vote().reason = "to see what a calmer answer does";
    CHECK(app.screenshot((shots / "room-vote-projector-split.png").string(),
                         (shots / "room-vote-facilitator-round.png").string()));
    room.vote().reason.clear();

    // The facilitator takes the second choice instead, with a reason only they see.
    room.vote().reason = "to see what a calmer answer does";
    const std::string scene = room.shown().scene().id;
    const std::size_t before = room.game().session()->history().size();
    press(app, sf::Keyboard::Num2);
    CHECK(fake.confirmed == std::optional<int>(1));
    CHECK(fake.reason == "to see what a calmer answer does");
    CHECK(room.game().session()->history().size() == before + 1);
    CHECK(fake.cleared >= 1); // the phones wait for the next menu
    CHECK_FALSE(app.projector_record().contains("calmer answer"));
}

TEST_CASE("room vote: a pause reaches every phone; a request reaches only the facilitator") {
    HostingAtChoices at;
    FakeRoom& fake = at.fake;
    RoomApp& app = at.app;
    fake.state.pause_requests = 1;
    room_frames(app, 1);
    CHECK(app.facilitator_record().contains("Someone asked for a pause."));
    CHECK_FALSE(app.projector_record().contains("pause"));
    CHECK_FALSE(fake.paused); // asking never pauses the room by itself
    press(app, sf::Keyboard::F9);
    CHECK(fake.paused);
    press(app, sf::Keyboard::F9);
    CHECK_FALSE(fake.paused);
}

TEST_CASE("room vote: one key switches to a show of hands and back") {
    HostingAtChoices at;
    FakeRoom& fake = at.fake;
    RoomApp& app = at.app;
    REQUIRE(fake.state.has_round);
    press(app, sf::Keyboard::M);
    CHECK(app.room().vote().show_of_hands());
    CHECK_FALSE(fake.state.has_round); // the phones wait while hands go up
    CHECK(app.facilitator_record().contains(
        "A show of hands: type the counts if you like, then take the choice (or press its "
        "number while the choices are up)."));
    press(app, sf::Keyboard::M);
    CHECK_FALSE(app.room().vote().show_of_hands());
    CHECK(fake.state.has_round); // a fresh round on the same menu
    CHECK(fake.opened == 2);
}

TEST_CASE("room: a closed choice keeps its number everywhere and its key says why") {
    TempFolder folder;
    RoomApp app(room_options_in(folder), params());
    Room& room = app.room();
    room.prepare(story(source_dir() / "tests" / "data" / "stories" / "flood.json"));
    room.begin();
    to_choices(app);
    const std::vector<ChoiceView> choices = room.shown().choices();
    REQUIRE_FALSE(choices[0].enabled);
    CHECK(app.projector_record().contains("Closed: " + choices[0].reason));
    const std::size_t before = room.game().session()->history().size();
    press(app, sf::Keyboard::Num1);
    CHECK(room.game().session()->history().size() == before);
    const auto& notices = room.game().ui.notices; // the facilitator's window shows them
    CHECK(std::find(notices.begin(), notices.end(), "Choice 1 is closed: " + choices[0].reason) !=
          notices.end());
    press(app, sf::Keyboard::Num2);
    CHECK(room.game().session()->history().size() == before + 1);
    CHECK(room.game().session()->history().back().choice == choices[1].index);
}

} // namespace
