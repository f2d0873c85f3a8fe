#include "room_vote.h"

#include "room.h"

namespace attune {

namespace {

// Which menu a round belongs to: the scene and how many choices the room has made, so a
// rewind or a skip to the same scene still opens a fresh round.
std::string menu_key(const Room& room) {
    if (!room.has_story() || room.on_branch() || room.shown().is_finished()) {
        return {};
    }
    const Session& session = room.shown();
    return session.scene().id + "#" + std::to_string(session.history().size());
}

} // namespace

void RoomVote::note(std::string line) {
    if (keep_log) {
        log_.push_back(std::move(line));
    }
}

bool RoomVote::start(const Settings& settings) {
    if (!voting_ || hosting()) {
        return hosting();
    }
    Result<VoteJoin> started = voting_->start(port_given.value_or(settings.vote_port),
                                              address_given.value_or(settings.vote_address));
    if (!started) {
        error_.clear();
        for (const Diagnostic& d : started.diagnostics) {
            error_ += (error_.empty() ? "" : " ") + d.message;
        }
        return false;
    }
    error_.clear();
    join_ = std::move(*started);
    join_on_projector = true;
    show_of_hands_ = false;
    round_on_ = false;
    paused_sent_ = false;
    state_ = {};
    return true;
}

void RoomVote::stop() {
    if (!hosting()) {
        return;
    }
    voting_->stop();
    join_.reset();
    join_on_projector = false;
    round_on_ = false;
    state_ = {};
}

void RoomVote::toggle_show_of_hands() {
    if (!hosting()) {
        return;
    }
    show_of_hands_ = !show_of_hands_;
    if (show_of_hands_ && round_on_) {
        voting_->clear_round(); // the phones wait while hands go up
        round_on_ = false;
    }
}

void RoomVote::update(Room& room) {
    if (!hosting()) {
        return;
    }
    if (room.stepped_out() != paused_sent_) {
        paused_sent_ = room.stepped_out();
        voting_->set_paused(paused_sent_);
    }
    const std::string key = menu_key(room);
    if (round_on_ && (key != round_key_ || show_of_hands_)) {
        voting_->clear_round();
        round_on_ = false;
    }
    if (!round_on_ && !show_of_hands_ && !key.empty() && room.phase() == RoomPhase::Choosing) {
        open_round(room);
    }
    state_ = voting_->poll();
    if (state_.pause_requests > 0) {
        room.add_pause_requests(state_.pause_requests);
        note("someone asked for a pause");
    }
}

void RoomVote::open_round(Room& room) {
    const std::string key = menu_key(room);
    if (!hosting() || key.empty()) {
        return;
    }
    voting_->open_round(room.shown());
    round_on_ = true;
    round_key_ = key;
    show_of_hands_ = false;
    state_ = voting_->poll();
    note("round " + std::to_string(state_.round) + " open");
}

void RoomVote::close_round() {
    if (hosting() && round_on_) {
        voting_->close_round();
    }
}

bool RoomVote::reveal() {
    return hosting() && round_on_ && voting_->reveal();
}

VoteDecision RoomVote::decide(Room& room, std::optional<int> position, const std::string& reason) {
    if (!hosting() || !round_on_ || menu_key(room) != round_key_) {
        return {false, "No round is open on these choices.", -1, {}};
    }
    VoteDecision decision = voting_->confirm(room.shown(), position, reason);
    if (!decision.ok || decision.choice_index < 0) {
        return decision;
    }
    if (!room.choose(decision.choice_index)) {
        return {false, "That choice cannot be taken here.", -1, {}};
    }
    if (const Result<void> kept = room.record_room_vote(decision.split); !kept) {
        for (const Diagnostic& problem : kept.diagnostics) {
            note(problem.message); // the choice stands; only its split is not kept
        }
    }
    note("chosen: " + decision.split.choice_texts[decision.split.chosen]);
    return decision;
}

void RoomVote::set_locked(bool locked) {
    if (hosting()) {
        voting_->set_locked(locked);
    }
}

void RoomVote::set_max_devices(int devices) {
    if (hosting()) {
        voting_->set_max_devices(devices);
    }
}

bool RoomVote::remove_phone(int phone) {
    return hosting() && voting_->remove_phone(phone);
}

} // namespace attune
