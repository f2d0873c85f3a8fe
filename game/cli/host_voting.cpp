#ifdef ATTUNE_HAS_WINDOW
#include "host_voting.h"

#include "session_menu.h"

namespace attune::cli {

Result<VoteJoin> HostVoting::start(int port, const std::string& address) {
    Result<VoteJoin> result;
    host::HostOptions options = options_;
    options.port = port;
    options.address = address;
    auto started = host::Host::start(options);
    result.diagnostics = started.diagnostics;
    if (!started) {
        return result;
    }
    host_ = std::move(*started);
    VoteJoin join;
    join.address_url = host_->address_url();
    join.code = host_->room().code();
    join.qr_size = host_->qr().size;
    join.qr_modules = host_->qr().modules;
    result.value = std::move(join);
    return result;
}

void HostVoting::stop() {
    host_.reset(); // stops the server and joins its threads
}

VoteState HostVoting::poll() {
    VoteState state;
    if (!host_) {
        return state;
    }
    host::Room& room = host_->room();
    const host::Tally tally = room.tally();
    state.phones = room.phones();
    state.locked = room.locked();
    state.max_devices = room.options().max_devices;
    state.min_votes = room.options().min_votes;
    state.paused = room.paused();
    state.round = tally.round;
    state.open = tally.open;
    state.has_round = tally.round > 0 && has_round_;
    state.enough = tally.enough;
    state.taking_part = tally.taking_part;
    state.counts = tally.counts;
    state.passes = tally.passes;
    state.close_call = tally.close_call;
    state.leader = tally.leader;
    state.revealed = tally.revealed;
    state.percents = room.revealed_percents();
    state.pause_requests = room.take_pause_requests();
    return state;
}

void HostVoting::open_round(const Session& session) {
    if (host_) {
        host_->room().open_round(host::menu_of(session));
        has_round_ = true;
    }
}

void HostVoting::close_round() {
    if (host_) {
        host_->room().close_round();
    }
}

void HostVoting::clear_round() {
    if (host_) {
        host_->room().clear_round();
        has_round_ = false;
    }
}

bool HostVoting::reveal() {
    return host_ && host_->room().reveal();
}

VoteDecision HostVoting::confirm(const Session& session, std::optional<int> position,
                                 const std::string& reason) {
    VoteDecision decision;
    if (!host_) {
        decision.problem = "The room is not voting.";
        return decision;
    }
    const host::Confirmation confirmed = host_->room().confirm(position, reason);
    decision.ok = confirmed.ok;
    decision.problem = confirmed.problem;
    decision.split = confirmed.split;
    decision.choice_index =
        confirmed.chosen >= 0 ? host::choice_index_at(session, confirmed.chosen) : -1;
    return decision;
}

void HostVoting::set_paused(bool paused) {
    if (host_) {
        host_->room().set_paused(paused);
    }
}

void HostVoting::set_locked(bool locked) {
    if (host_) {
        host_->room().set_locked(locked);
    }
}

void HostVoting::set_max_devices(int devices) {
    if (host_) {
        host_->room().set_max_devices(devices);
    }
}

bool HostVoting::remove_phone(int phone) {
    return host_ && host_->room().remove_phone(phone);
}

} // namespace attune::cli
#endif
