#pragma once
// Room mode's vote from phones over game/host: the window defines what it needs
// (room_voting.h) and the command line, which may use every face, joins the two.

#include "room_voting.h"

#include "host.h"

#include <memory>

namespace attune::cli {

class HostVoting : public RoomVoting {
public:
    explicit HostVoting(host::HostOptions options) : options_(std::move(options)) {}

    Result<VoteJoin> start(int port, const std::string& address) override;
    void stop() override;
    VoteState poll() override;
    void open_round(const Session& session) override;
    void close_round() override;
    void clear_round() override;
    bool reveal() override;
    VoteDecision confirm(const Session& session, std::optional<int> position,
                         const std::string& reason) override;
    void set_paused(bool paused) override;
    void set_locked(bool locked) override;
    void set_max_devices(int devices) override;
    bool remove_phone(int phone) override;

private:
    host::HostOptions options_;
    std::unique_ptr<host::Host> host_;
    bool has_round_ = false; ///< a round is on the phones (cleared once chosen)
};

} // namespace attune::cli
