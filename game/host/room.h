#pragma once
// A Room is one class's or group's vote on the story's menus: the room code, the phones
// that joined, the round now open and its votes. It is the one object the HTTP threads
// (participants) and the game or console thread (facilitator) share, so every method
// locks it; none blocks for longer than a copy.
//
// Nothing about a participant leaves it: a phone is a random token and a small number
// shown on that phone, kept in memory for the life of the room. What the room gives
// out about votes is aggregate (a Tally for the facilitator, a VoteSplit for the
// history), and below the minimum number of votes not even that.

#include "play/vote_split.h"

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace attune::host {

/// Settings the facilitator can change before or while hosting.
struct RoomOptions {
    int min_votes = 5;    ///< below this, no count is shown anywhere (never under 3)
    int max_devices = 60; ///< phones allowed to join
    /// A close call: the top two are within this share of the votes (and at least 1 vote).
    double close_call_margin = 0.1;
};

/// The lowest minimum a room accepts: a 2-to-1 split must never be shown.
inline constexpr int smallest_min_votes = 3;

/// One choice of a menu as phones show it. A closed choice (the player is too flooded
/// to take it) is shown closed with the same reason the game gives.
struct MenuChoice {
    std::string id;
    std::string text;
    bool open = true;
    std::string reason;
};

/// What a round asks: the scene as read so far and its choices, in the order shown.
struct Menu {
    std::string scene_id;
    std::vector<std::string> lines;
    std::vector<MenuChoice> choices;
};

/// The votes of the round, for the facilitator first. Below the minimum the counts are
/// empty and `taking_part` says only "fewer than the minimum" (see `enough`).
struct Tally {
    int round = 0; ///< 0 when no round was ever opened
    bool open = false;
    bool enough = false;     ///< at least the minimum took part (votes and passes)
    int taking_part = 0;     ///< exact only when `enough`; 0 otherwise
    std::vector<int> counts; ///< per choice; empty unless `enough`
    int passes = 0;          ///< 0 unless `enough`
    bool close_call = false; ///< the top two within the margin
    int leader = -1;         ///< the choice with the most votes; -1 on a tie or no votes
    bool revealed = false;   ///< the facilitator showed the split to the room
};

enum class JoinStatus { Joined, WrongCode, Locked, Full, Removed };

struct JoinResult {
    JoinStatus status = JoinStatus::WrongCode;
    std::string device; ///< the phone's token, to send with every later request
    int phone = 0;      ///< the small number the phone shows, for "remove phone N"
};

enum class VoteStatus { Counted, UnknownDevice, Paused, RoundClosed, NoSuchChoice, ChoiceClosed };

/// A vote: a choice's position in the menu, or a pass.
struct Ballot {
    int round = 0;
    int choice = -1; ///< ignored for a pass
    bool pass = false;
};

/// What one phone sees now: never anyone else's vote, the split only once revealed.
struct PhoneView {
    bool known = false;  ///< false: the token is not (or no longer) in the room
    bool paused = false; ///< everyone sees the calm screen; nothing of the scene is sent
    int phone = 0;
    int round = 0; ///< 0 when there is no round
    bool open = false;
    Menu menu;                 ///< empty while paused or with no round
    int your_vote = -2;        ///< -2 none, -1 pass, else the choice's position
    std::vector<int> percents; ///< per choice, only once revealed (and enough votes)
    std::uint64_t version = 0; ///< changes whenever anything a phone shows changes
};

/// The outcome of confirming a round.
struct Confirmation {
    bool ok = false;
    std::string problem; ///< why not, in the facilitator's words
    int chosen = -1;     ///< position in the menu; -1: the round chose nothing
    VoteSplit split;     ///< what the history and debrief keep
};

class Room {
public:
    /// A room with a fresh code (see room_code.h).
    explicit Room(RoomOptions options = {});
    /// A room with a given code (tests, fuzzing).
    Room(std::string code, RoomOptions options);

    const std::string& code() const { return code_; }

    // ---- the facilitator (the game or console thread) ----

    /// Opens a new round for this menu, dropping the last round's votes.
    void open_round(Menu menu);
    /// Stops taking votes; the tally stays until the next round.
    void close_round();
    /// No round: phones wait for the next choice.
    void clear_round();
    /// Shows the split to the room (projector and phones). Only once the round is
    /// closed and enough took part; false otherwise.
    bool reveal();
    /// Decides the round, closing it if open. With no choice given, the most votes win;
    /// a tie, or too few votes, is the facilitator's to decide (ok is false and says so),
    /// and a round with no votes chooses nothing. `reason` is kept as given, for the facilitator.
    Confirmation confirm(std::optional<int> choice = std::nullopt, std::string reason = {});

    Tally tally() const;
    /// The revealed split as shares of the votes cast for choices (passes left out), for
    /// the projector; empty until revealed.
    std::vector<int> revealed_percents() const;
    const RoomOptions& options() const { return options_; }
    void set_min_votes(int min_votes);

    void set_locked(bool locked);
    bool locked() const;
    void set_max_devices(int max_devices);
    int phones() const;
    /// Removes phone N (as it shows on its screen); it cannot come back with its token.
    bool remove_phone(int phone);

    void set_paused(bool paused);
    bool paused() const;
    /// How many times someone asked for a pause since the last call (never who).
    int take_pause_requests();

    // ---- participants (HTTP threads) ----

    /// A phone joins with the room code, or comes back with its token (no code needed).
    JoinResult join(const std::string& code, const std::string& device);
    PhoneView view(const std::string& device) const;
    VoteStatus vote(const std::string& device, const Ballot& ballot);
    /// Someone asked for a pause. False for an unknown token.
    bool ask_pause(const std::string& device);

private:
    struct Phone {
        int number = 0;
        int vote_round = 0; ///< the round of `vote`; a vote in an older round is void
        int vote = -2;
    };

    mutable std::mutex mutex_;
    std::string code_;
    RoomOptions options_;
    std::unordered_map<std::string, Phone> phones_;
    std::unordered_set<std::string> removed_;
    int next_phone_ = 1;
    bool locked_ = false;
    bool paused_ = false;
    int pause_requests_ = 0;
    int round_ = 0;
    bool open_ = false;
    bool has_menu_ = false;
    bool revealed_ = false;
    Menu menu_;
    std::uint64_t version_ = 1;

    Tally tally_locked() const;
};

/// Reads the facilitator's minimum: never under smallest_min_votes.
int clamped_min_votes(int min_votes);

} // namespace attune::host
