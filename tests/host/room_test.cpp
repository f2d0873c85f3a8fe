// The room on its own, no network: joining, voting, the minimum, deciding, pausing.

#include "room.h"
#include "room_code.h"

#include <doctest/doctest.h>

namespace attune::host {
namespace {

Menu three_choices() {
    Menu menu;
    menu.scene_id = "kitchen";
    menu.lines = {"Mei puts the cup down."};
    menu.choices = {{"ask", "Ask what happened", true, ""},
                    {"fix", "Tell her how to fix it", true, ""},
                    {"leave", "Walk out", false, "You're too wound up to say this calmly."}};
    return menu;
}

std::vector<std::string> join_phones(Room& room, int count) {
    std::vector<std::string> tokens;
    for (int i = 0; i < count; ++i) {
        const JoinResult joined = room.join(room.code(), "");
        REQUIRE(joined.status == JoinStatus::Joined);
        tokens.push_back(joined.device);
    }
    return tokens;
}

} // namespace

TEST_CASE("room code: no letter that reads as another, matched as typed") {
    for (int i = 0; i < 200; ++i) {
        const std::string code = make_room_code();
        REQUIRE(code.size() == 4);
        CHECK(code.find_first_of("OI01BGSZ258") == std::string::npos);
    }
    CHECK(code_matches("ktwa", "KTWA"));
    CHECK(code_matches(" KT-WA ", "KTWA"));
    CHECK_FALSE(code_matches("KTW", "KTWA"));
    CHECK_FALSE(code_matches("KTWAA", "KTWA"));
    CHECK_FALSE(code_matches("", "KTWA"));
    CHECK(looks_like_token(make_device_token()));
    CHECK(make_device_token() != make_device_token());
}

TEST_CASE("room: a phone joins with the code and only with it") {
    Room room("KTWA", {});
    CHECK(room.join("", "").status == JoinStatus::WrongCode);
    CHECK(room.join("KTWX", "").status == JoinStatus::WrongCode);
    CHECK(room.phones() == 0);
    const JoinResult joined = room.join("ktwa", "");
    REQUIRE(joined.status == JoinStatus::Joined);
    CHECK(looks_like_token(joined.device));
    CHECK(joined.phone == 1);
    CHECK(room.view(joined.device).known);
    CHECK_FALSE(room.view("not-a-token").known);
}

TEST_CASE("room: vote, pass, change a vote; each phone counts once") {
    Room room("KTWA", {});
    const auto phones = join_phones(room, 6);
    room.open_round(three_choices());
    const int round = room.tally().round;
    CHECK(room.vote(phones[0], {round, 0, false}) == VoteStatus::Counted);
    CHECK(room.vote(phones[1], {round, 0, false}) == VoteStatus::Counted);
    CHECK(room.vote(phones[2], {round, 1, false}) == VoteStatus::Counted);
    CHECK(room.vote(phones[3], {round, 1, false}) == VoteStatus::Counted);
    CHECK(room.vote(phones[4], {round, 0, true}) == VoteStatus::Counted);
    // Changed twice: only the last counts.
    CHECK(room.vote(phones[5], {round, 1, false}) == VoteStatus::Counted);
    CHECK(room.vote(phones[5], {round, 0, false}) == VoteStatus::Counted);
    const Tally tally = room.tally();
    REQUIRE(tally.enough);
    CHECK(tally.taking_part == 6);
    CHECK(tally.counts == std::vector<int>{3, 2, 0});
    CHECK(tally.passes == 1);
    CHECK(tally.leader == 0);
    CHECK(tally.close_call); // 3 to 2 of 5: within one vote
    CHECK(room.view(phones[5]).your_vote == 0);
    CHECK(room.view(phones[4]).your_vote == -1);
    // A choice closed in the story is closed on phones too; no such choice is refused.
    CHECK(room.vote(phones[0], {round, 2, false}) == VoteStatus::ChoiceClosed);
    CHECK(room.vote(phones[0], {round, 7, false}) == VoteStatus::NoSuchChoice);
    CHECK(room.vote("stranger", {round, 0, false}) == VoteStatus::UnknownDevice);
    CHECK(room.vote(phones[0], {round + 1, 0, false}) == VoteStatus::RoundClosed);
    CHECK(room.tally().counts == std::vector<int>{3, 2, 0});
}

TEST_CASE("room: a closed round takes no votes; the confirmed choice is the most votes") {
    Room room("KTWA", {});
    const auto phones = join_phones(room, 5);
    room.open_round(three_choices());
    const int round = room.tally().round;
    for (int i = 0; i < 5; ++i) {
        room.vote(phones[static_cast<std::size_t>(i)], {round, i < 4 ? 1 : 0, false});
    }
    room.close_round();
    CHECK(room.vote(phones[4], {round, 1, false}) == VoteStatus::RoundClosed);
    CHECK(room.revealed_percents().empty());
    CHECK(room.view(phones[0]).percents.empty());
    REQUIRE(room.reveal());
    CHECK(room.revealed_percents() == std::vector<int>{20, 80, 0});
    CHECK(room.view(phones[0]).percents == std::vector<int>{20, 80, 0});
    const Confirmation decided = room.confirm();
    REQUIRE(decided.ok);
    CHECK(decided.chosen == 1);
    CHECK(decided.split.counts == std::vector<int>{1, 4, 0});
    CHECK(decided.split.chosen == 1);
    CHECK_FALSE(decided.split.overridden);
    CHECK_FALSE(decided.split.close_call);
    // The facilitator may override, with a reason kept for them.
    const Confirmation overridden = room.confirm(0, "to see the other path");
    REQUIRE(overridden.ok);
    CHECK(overridden.split.overridden);
    CHECK(overridden.split.override_reason == "to see the other path");
    CHECK_FALSE(room.confirm(2).ok); // closed in the story
}

TEST_CASE("room: a round with no votes chooses nothing") {
    Room room("KTWA", {});
    join_phones(room, 6);
    room.open_round(three_choices());
    room.close_round();
    const Confirmation decided = room.confirm();
    CHECK_FALSE(decided.ok);
    CHECK(decided.chosen == -1);
    CHECK_FALSE(room.reveal());
}

TEST_CASE("room: below the minimum no count is shown anywhere, and the minimum is never under 3") {
    Room room("KTWA", RoomOptions{2, 60, 0.1});
    CHECK(room.options().min_votes == 3);
    room.set_min_votes(5);
    const auto phones = join_phones(room, 4);
    room.open_round(three_choices());
    const int round = room.tally().round;
    room.vote(phones[0], {round, 0, false});
    room.vote(phones[1], {round, 0, false});
    room.vote(phones[2], {round, 1, false});
    room.vote(phones[3], {round, 0, true});
    room.close_round();
    const Tally tally = room.tally();
    CHECK_FALSE(tally.enough);
    CHECK(tally.counts.empty());
    CHECK(tally.taking_part == 0);
    CHECK(tally.passes == 0);
    CHECK(tally.leader == -1);
    CHECK_FALSE(room.reveal());
    CHECK(room.view(phones[0]).percents.empty());
    // The vote cannot decide; the facilitator can, and the split keeps no counts.
    CHECK_FALSE(room.confirm().ok);
    const Confirmation hands = room.confirm(1);
    REQUIRE(hands.ok);
    CHECK(hands.split.below_minimum);
    CHECK(hands.split.counts.empty());
    CHECK(hands.split.passes == 0);
}

TEST_CASE("room: a tie is the facilitator's") {
    Room room("KTWA", {});
    const auto phones = join_phones(room, 6);
    room.open_round(three_choices());
    const int round = room.tally().round;
    for (int i = 0; i < 6; ++i) {
        room.vote(phones[static_cast<std::size_t>(i)], {round, i % 2, false});
    }
    const Tally tally = room.tally();
    CHECK(tally.leader == -1);
    CHECK(tally.close_call);
    CHECK_FALSE(room.confirm().ok);
    const Confirmation decided = room.confirm(1);
    CHECK(decided.ok);
    CHECK(decided.split.overridden);
}

TEST_CASE("room: locked, capped, a phone removed; a phone that comes back keeps its vote") {
    Room room("KTWA", {});
    const auto phones = join_phones(room, 3);
    room.open_round(three_choices());
    const int round = room.tally().round;
    room.vote(phones[0], {round, 1, false});

    room.set_locked(true);
    CHECK(room.join("KTWA", "").status == JoinStatus::Locked);
    const JoinResult back = room.join("", phones[0]); // coming back needs no code
    CHECK(back.status == JoinStatus::Joined);
    CHECK(back.device == phones[0]);
    CHECK(room.view(phones[0]).your_vote == 1);
    room.set_locked(false);

    room.set_max_devices(3);
    CHECK(room.join("KTWA", "").status == JoinStatus::Full);

    const int number = room.view(phones[2]).phone;
    CHECK(room.remove_phone(number));
    CHECK_FALSE(room.remove_phone(number));
    CHECK_FALSE(room.view(phones[2]).known);
    CHECK(room.vote(phones[2], {round, 0, false}) == VoteStatus::UnknownDevice);
    CHECK(room.join("KTWA", phones[2]).status == JoinStatus::Removed);
    CHECK(room.phones() == 2);
}

TEST_CASE("room: a pause shows nothing of the scene; pause requests are counted, never whose") {
    Room room("KTWA", {});
    const auto phones = join_phones(room, 2);
    room.open_round(three_choices());
    CHECK(room.ask_pause(phones[0]));
    CHECK(room.ask_pause(phones[1]));
    CHECK_FALSE(room.ask_pause("stranger"));
    CHECK(room.take_pause_requests() == 2);
    CHECK(room.take_pause_requests() == 0);
    room.set_paused(true);
    const PhoneView view = room.view(phones[0]);
    CHECK(view.paused);
    CHECK(view.menu.lines.empty());
    CHECK(view.menu.choices.empty());
    CHECK(room.vote(phones[0], {room.tally().round, 0, false}) == VoteStatus::Paused);
    room.set_paused(false);
    CHECK(room.view(phones[0]).menu.choices.size() == 3);
}

} // namespace attune::host
