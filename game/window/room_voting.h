#pragma once
// The phones' side of room mode, as the window sees it: plain data and a small interface.
// A face never includes another face, so the command line implements RoomVoting over
// game/host (cli/room_voting.cpp) and hands it to the room. Every call is a short lock
// in the host, safe on the render thread; start() and stop() bind and release the port.

#include "base/result.h"
#include "play/session.h"
#include "play/vote_split.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace attune {

/// What the projector's join screen draws.
struct VoteJoin {
    std::string address_url;              ///< "http://192.168.1.20:8080/": what to type
    std::string code;                     ///< the room code
    int qr_size = 0;                      ///< modules per side, without the quiet zone
    std::vector<std::uint8_t> qr_modules; ///< row by row; 1 is dark
};

/// The room of phones now, taken once a frame.
struct VoteState {
    int phones = 0;
    bool locked = false;
    int max_devices = 0;
    int min_votes = 0;
    bool paused = false;
    int round = 0; ///< 0: no round yet
    bool open = false;
    bool has_round = false;  ///< a round is on the phones (open or closed)
    bool enough = false;     ///< at least the minimum took part; else no count anywhere
    int taking_part = 0;     ///< only when enough
    std::vector<int> counts; ///< per choice of the menu, only when enough
    int passes = 0;
    bool close_call = false;
    int leader = -1; ///< menu position with the most votes; -1 on a tie or none
    bool revealed = false;
    std::vector<int> percents; ///< the revealed split, for the projector
    int pause_requests = 0;    ///< asked since the last poll (never who)
};

/// A round decided: the session's choice to take (-1: nothing) and what the history keeps.
struct VoteDecision {
    bool ok = false;
    std::string problem; ///< why not, in the facilitator's words
    int choice_index = -1;
    VoteSplit split;
};

/// Hosting for room mode (see the file comment).
class RoomVoting {
public:
    virtual ~RoomVoting() = default;
    /// Opens the room and starts listening on `port` (0: any) at `address` (empty: the
    /// Wi-Fi's); the problem and what to do when it cannot.
    virtual Result<VoteJoin> start(int port, const std::string& address) = 0;
    /// Stops the server (joins its threads) and forgets the room.
    virtual void stop() = 0;
    virtual VoteState poll() = 0;
    /// Opens a round on the session's menu now (closed choices closed, with their reason).
    virtual void open_round(const Session& session) = 0;
    virtual void close_round() = 0;
    virtual void clear_round() = 0;
    virtual bool reveal() = 0;
    /// `position` in the menu, or the most votes when none.
    virtual VoteDecision confirm(const Session& session, std::optional<int> position,
                                 const std::string& reason) = 0;
    virtual void set_paused(bool paused) = 0;
    virtual void set_locked(bool locked) = 0;
    virtual void set_max_devices(int devices) = 0;
    virtual bool remove_phone(int phone) = 0;
};

} // namespace attune
