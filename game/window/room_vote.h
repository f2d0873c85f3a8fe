#pragma once
// Room mode's vote from phones: starting and stopping the host, a round opened with each
// menu and cleared once the room has chosen, the facilitator's decision taken into the
// story, the room's pause passed on to every phone, and the one switch to a show of hands.
// Holds a RoomVoting (room_voting.h) when the command line provides one; without it the
// room has only the show of hands.

#include "room_voting.h"
#include "settings.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace attune {

class Room;

class RoomVote {
public:
    /// Hosting becomes possible (the command line passes the host).
    void set_voting(std::unique_ptr<RoomVoting> voting) { voting_ = std::move(voting); }
    bool available() const { return voting_ != nullptr; }

    /// "Let the room vote": binds the settings' port at their address (or the command
    /// line's). False, with error() in words, when it cannot.
    bool start(const Settings& settings);
    /// The command line's --port and --address, over the settings.
    std::optional<int> port_given;
    std::optional<std::string> address_given;
    /// Stops the server; the room goes back to a show of hands.
    void stop();
    bool hosting() const { return join_.has_value(); }
    const std::string& error() const { return error_; }
    /// The join card while hosting, else null.
    const VoteJoin* join() const { return join_ ? &*join_ : nullptr; }
    /// The room of phones as polled this frame.
    const VoteState& state() const { return state_; }

    /// Whether the projector shows how to join (on when hosting starts, off once the story
    /// begins; the facilitator can bring it back).
    bool join_on_projector = false;

    /// A show of hands instead of phones, at any moment (the phones wait meanwhile).
    bool show_of_hands() const { return show_of_hands_ || !hosting(); }
    void toggle_show_of_hands();

    /// Each frame: polls the host, opens or clears the round as the room moves, passes the
    /// room's pause on to the phones and the pause requests to the facilitator.
    void update(Room& room);

    /// The facilitator opens a round now on the choices shown (or closes it).
    void open_round(Room& room);
    void close_round();
    bool reveal();
    /// The facilitator's decision: `position` in the menu (the choice's number - 1), or the
    /// most votes. Takes the choice in the story and keeps the split in its history.
    VoteDecision decide(Room& room, std::optional<int> position, const std::string& reason);

    void set_locked(bool locked);
    void set_max_devices(int devices);
    bool remove_phone(int phone);

    // The facilitator's drafts, kept between frames.
    std::string reason;  ///< why another choice than the most votes: for the facilitator only
    std::string problem; ///< the last decision's problem, in words
    int cap = 60;        ///< devices allowed, as typed
    int phone_to_remove = 0;

    /// Whether take_log() is read (a scripted run); otherwise nothing is logged.
    bool keep_log = false;
    /// What happened, line by line, for a scripted run's output ("round 2 open",
    /// "someone asked for a pause", "chosen: ..."); never who did anything.
    std::vector<std::string> take_log() { return std::exchange(log_, {}); }

private:
    std::unique_ptr<RoomVoting> voting_;
    std::optional<VoteJoin> join_;
    std::string error_;
    VoteState state_;
    bool show_of_hands_ = false;
    bool round_on_ = false;
    std::string round_key_;
    bool paused_sent_ = false;
    std::vector<std::string> log_;

    void note(std::string line);
};

} // namespace attune
