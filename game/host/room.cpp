#include "room.h"

#include "room_code.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace attune::host {

namespace {

/// The votes as they are, before the minimum hides them.
struct RawCount {
    std::vector<int> counts;
    int passes = 0;
    int taking_part = 0;
    int leader = -1;
    bool close_call = false;
};

int choice_votes(const std::vector<int>& counts) {
    int total = 0;
    for (const int count : counts) {
        total += count;
    }
    return total;
}

/// Each choice's share of the votes cast for choices, in whole percent.
std::vector<int> percents_of(const std::vector<int>& counts) {
    const int total = choice_votes(counts);
    std::vector<int> percents;
    for (const int count : counts) {
        percents.push_back(total == 0 ? 0 : static_cast<int>(std::lround(100.0 * count / total)));
    }
    return percents;
}

void find_leader(RawCount& raw, double margin) {
    std::vector<int> sorted = raw.counts;
    std::sort(sorted.rbegin(), sorted.rend());
    if (sorted.empty() || sorted[0] == 0) {
        return;
    }
    const auto top = std::find(raw.counts.begin(), raw.counts.end(), sorted[0]);
    const bool tie = sorted.size() > 1 && sorted[1] == sorted[0];
    raw.leader = tie ? -1 : static_cast<int>(top - raw.counts.begin());
    if (sorted.size() > 1) {
        const int within =
            std::max(1, static_cast<int>(std::floor(margin * choice_votes(raw.counts))));
        raw.close_call = sorted[0] - sorted[1] <= within;
    }
}

} // namespace

int clamped_min_votes(int min_votes) {
    return std::max(smallest_min_votes, min_votes);
}

Room::Room(RoomOptions options) : Room(make_room_code(), options) {}

Room::Room(std::string code, RoomOptions options) : code_(std::move(code)), options_(options) {
    options_.min_votes = clamped_min_votes(options_.min_votes);
    options_.max_devices = std::max(1, options_.max_devices);
}

void Room::open_round(Menu menu) {
    const std::lock_guard lock(mutex_);
    menu_ = std::move(menu);
    has_menu_ = true;
    open_ = true;
    revealed_ = false;
    ++round_;
    ++version_;
}

void Room::close_round() {
    const std::lock_guard lock(mutex_);
    open_ = false;
    ++version_;
}

void Room::clear_round() {
    const std::lock_guard lock(mutex_);
    open_ = false;
    has_menu_ = false;
    revealed_ = false;
    menu_ = {};
    ++version_;
}

bool Room::reveal() {
    const std::lock_guard lock(mutex_);
    if (!has_menu_ || open_ || !tally_locked().enough) {
        return false;
    }
    revealed_ = true;
    ++version_;
    return true;
}

Tally Room::tally() const {
    const std::lock_guard lock(mutex_);
    return tally_locked();
}

// Counted from the phones each time: a vote lives in exactly one place (its phone's
// record), so a changed vote can never be counted twice or lost.
Tally Room::tally_locked() const {
    Tally tally;
    tally.round = has_menu_ ? round_ : 0;
    tally.open = open_;
    tally.revealed = revealed_;
    if (!has_menu_) {
        return tally;
    }
    RawCount raw;
    raw.counts.assign(menu_.choices.size(), 0);
    for (const auto& [token, phone] : phones_) {
        if (phone.vote_round != round_ || phone.vote == -2) {
            continue;
        }
        ++raw.taking_part;
        if (phone.vote == -1) {
            ++raw.passes;
        } else {
            ++raw.counts[static_cast<std::size_t>(phone.vote)];
        }
    }
    find_leader(raw, options_.close_call_margin);
    tally.enough = raw.taking_part >= options_.min_votes;
    if (tally.enough) {
        tally.taking_part = raw.taking_part;
        tally.counts = raw.counts;
        tally.passes = raw.passes;
        tally.close_call = raw.close_call;
        tally.leader = raw.leader;
    }
    return tally;
}

std::vector<int> Room::revealed_percents() const {
    const std::lock_guard lock(mutex_);
    if (!revealed_) {
        return {};
    }
    return percents_of(tally_locked().counts);
}

Confirmation Room::confirm(std::optional<int> choice, std::string reason) {
    const std::lock_guard lock(mutex_);
    Confirmation result;
    if (!has_menu_) {
        result.problem = "There is no round to confirm: open one first.";
        return result;
    }
    open_ = false;
    ++version_;
    const Tally tally = tally_locked();
    VoteSplit& split = result.split;
    split.scene_id = menu_.scene_id;
    for (const MenuChoice& c : menu_.choices) {
        split.choice_ids.push_back(c.id);
        split.choice_texts.push_back(c.text);
    }
    split.below_minimum = !tally.enough;
    split.counts = tally.counts;
    split.passes = tally.passes;
    split.close_call = tally.close_call;
    const int count = static_cast<int>(menu_.choices.size());
    if (choice) {
        if (*choice < 0 || *choice >= count) {
            result.problem = "There is no choice " + std::to_string(*choice + 1) + " here.";
            return result;
        }
        if (!menu_.choices[static_cast<std::size_t>(*choice)].open) {
            result.problem = "Choice " + std::to_string(*choice + 1) +
                             " is closed in the story right now: " +
                             menu_.choices[static_cast<std::size_t>(*choice)].reason;
            return result;
        }
        result.chosen = *choice;
        split.overridden = tally.enough && *choice != tally.leader;
        split.override_reason = std::move(reason);
    } else if (!tally.enough) {
        result.problem = "Fewer than " + std::to_string(options_.min_votes) +
                         " took part, so the vote cannot decide. Choose with a show of "
                         "hands (confirm N), or open the round again.";
        return result;
    } else if (choice_votes(tally.counts) == 0) {
        result.problem = "Everyone passed, so the round chose nothing. Open it again, or "
                         "choose with confirm N.";
        return result;
    } else if (tally.leader < 0) {
        result.problem = "A tie: the choice is yours (confirm N).";
        return result;
    } else {
        result.chosen = tally.leader;
    }
    split.chosen = result.chosen;
    result.ok = true;
    return result;
}

void Room::set_min_votes(int min_votes) {
    const std::lock_guard lock(mutex_);
    options_.min_votes = clamped_min_votes(min_votes);
    ++version_;
}

void Room::set_locked(bool locked) {
    const std::lock_guard lock(mutex_);
    locked_ = locked;
}

bool Room::locked() const {
    const std::lock_guard lock(mutex_);
    return locked_;
}

void Room::set_max_devices(int max_devices) {
    const std::lock_guard lock(mutex_);
    options_.max_devices = std::max(1, max_devices);
}

int Room::phones() const {
    const std::lock_guard lock(mutex_);
    return static_cast<int>(phones_.size());
}

bool Room::remove_phone(int phone) {
    const std::lock_guard lock(mutex_);
    for (auto it = phones_.begin(); it != phones_.end(); ++it) {
        if (it->second.number == phone) {
            removed_.insert(it->first);
            phones_.erase(it);
            ++version_;
            return true;
        }
    }
    return false;
}

void Room::set_paused(bool paused) {
    const std::lock_guard lock(mutex_);
    paused_ = paused;
    ++version_;
}

bool Room::paused() const {
    const std::lock_guard lock(mutex_);
    return paused_;
}

int Room::take_pause_requests() {
    const std::lock_guard lock(mutex_);
    return std::exchange(pause_requests_, 0);
}

JoinResult Room::join(const std::string& code, const std::string& device) {
    // Drawn before the lock: a token takes hardware randomness, slow on some machines, and
    // every vote and poll waits on this lock. Unused when the phone is known or refused.
    std::string fresh = make_device_token();
    const std::lock_guard lock(mutex_);
    JoinResult result;
    if (const auto known = phones_.find(device); !device.empty() && known != phones_.end()) {
        result.status = JoinStatus::Joined;
        result.device = device;
        result.phone = known->second.number;
        return result;
    }
    if (!code_matches(code, code_)) {
        result.status = JoinStatus::WrongCode;
        return result;
    }
    if (!device.empty() && removed_.count(device)) {
        result.status = JoinStatus::Removed;
    } else if (locked_) {
        result.status = JoinStatus::Locked;
    } else if (static_cast<int>(phones_.size()) >= options_.max_devices) {
        result.status = JoinStatus::Full;
    } else {
        result.status = JoinStatus::Joined;
        result.device = std::move(fresh);
        result.phone = next_phone_++;
        phones_[result.device] = Phone{result.phone, 0, -2};
    }
    return result;
}

PhoneView Room::view(const std::string& device) const {
    const std::lock_guard lock(mutex_);
    PhoneView view;
    const auto phone = phones_.find(device);
    if (phone == phones_.end()) {
        return view;
    }
    view.known = true;
    view.phone = phone->second.number;
    view.paused = paused_;
    view.version = version_;
    if (paused_ || !has_menu_) {
        return view;
    }
    view.round = round_;
    view.open = open_;
    view.menu = menu_;
    if (phone->second.vote_round == round_) {
        view.your_vote = phone->second.vote;
    }
    if (revealed_) {
        view.percents = percents_of(tally_locked().counts);
    }
    return view;
}

VoteStatus Room::vote(const std::string& device, const Ballot& ballot) {
    const std::lock_guard lock(mutex_);
    const auto phone = phones_.find(device);
    if (phone == phones_.end()) {
        return VoteStatus::UnknownDevice;
    }
    if (paused_) {
        return VoteStatus::Paused;
    }
    if (!has_menu_ || !open_ || ballot.round != round_) {
        return VoteStatus::RoundClosed;
    }
    if (ballot.pass) {
        phone->second = Phone{phone->second.number, round_, -1};
        return VoteStatus::Counted;
    }
    if (ballot.choice < 0 || ballot.choice >= static_cast<int>(menu_.choices.size())) {
        return VoteStatus::NoSuchChoice;
    }
    if (!menu_.choices[static_cast<std::size_t>(ballot.choice)].open) {
        return VoteStatus::ChoiceClosed;
    }
    phone->second = Phone{phone->second.number, round_, ballot.choice};
    return VoteStatus::Counted;
}

bool Room::ask_pause(const std::string& device) {
    const std::lock_guard lock(mutex_);
    if (!phones_.count(device)) {
        return false;
    }
    ++pause_requests_;
    return true;
}

} // namespace attune::host
