#include "console.h"

#include "session_menu.h"

#include <atomic>
#include <charconv>
#include <chrono>
#include <istream>
#include <mutex>
#include <optional>
#include <ostream>
#include <sstream>
#include <thread>

namespace attune::host {

namespace {

/// One printer for the console and its watcher thread, so lines never interleave.
class Printer {
public:
    explicit Printer(std::ostream& out) : out_(out) {}
    void say(const std::string& text) {
        const std::lock_guard lock(mutex_);
        out_ << text << std::endl;
    }

private:
    std::ostream& out_;
    std::mutex mutex_;
};

std::optional<int> parse_number(const std::string& word) {
    int value = 0;
    const char* end = word.data() + word.size();
    const auto [ptr, ec] = std::from_chars(word.data(), end, value);
    if (word.empty() || ec != std::errc() || ptr != end) {
        return std::nullopt;
    }
    return value;
}

std::string scene_text(const Session& session) {
    std::ostringstream out;
    if (session.is_finished()) {
        out << "\n";
        for (const ShownLine& line : session.lines()) {
            out << line.text << "\n";
        }
        out << "the story has ended";
        return out.str();
    }
    const Menu menu = menu_of(session);
    out << "\nscene " << menu.scene_id << "\n";
    for (const std::string& line : menu.lines) {
        out << line << "\n";
    }
    for (std::size_t i = 0; i < menu.choices.size(); ++i) {
        const MenuChoice& choice = menu.choices[i];
        out << "  " << i + 1 << ". " << choice.text;
        if (!choice.open) {
            out << " (closed: " << choice.reason << ")";
        }
        out << "\n";
    }
    out << "type open to let the room vote";
    return out.str();
}

std::string tally_text(const Room& room, const Tally& tally) {
    std::ostringstream out;
    if (tally.round == 0) {
        return "no round yet";
    }
    out << "round " << tally.round << (tally.open ? " (open)" : " (closed)") << ": ";
    if (!tally.enough) {
        out << "fewer than " << room.options().min_votes
            << " have taken part, so no count is shown";
        return out.str();
    }
    out << tally.taking_part << " took part\n";
    for (std::size_t i = 0; i < tally.counts.size(); ++i) {
        out << "  " << i + 1 << ": " << tally.counts[i] << "\n";
    }
    out << "  pass: " << tally.passes;
    if (tally.close_call) {
        out << "\nclose call: the top two are within the margin";
    }
    out << "\nmost votes: " << (tally.leader >= 0 ? std::to_string(tally.leader + 1) : "a tie");
    return out.str();
}

std::string split_text(const VoteSplit& split) {
    std::ostringstream out;
    out << "  " << split.scene_id << ": ";
    if (split.below_minimum) {
        out << "too few votes to show";
    } else {
        for (std::size_t i = 0; i < split.counts.size(); ++i) {
            out << (i ? ", " : "") << i + 1 << ": " << split.counts[i];
        }
        out << ", pass: " << split.passes;
    }
    if (split.chosen >= 0) {
        out << "; chose " << split.chosen + 1;
    }
    if (split.overridden) {
        out << " (the facilitator's call)";
    }
    return out.str();
}

/// Prints "someone asked for a pause" while the console waits for a command.
class PauseWatcher {
public:
    PauseWatcher(Room& room, Printer& printer)
        : thread_([this, &room, &printer] {
              while (!done_) {
                  for (int asked = room.take_pause_requests(); asked > 0; --asked) {
                      printer.say("someone asked for a pause");
                  }
                  std::this_thread::sleep_for(std::chrono::milliseconds(100));
              }
          }) {}
    ~PauseWatcher() {
        done_ = true;
        thread_.join();
    }

private:
    std::atomic<bool> done_{false};
    std::thread thread_;
};

} // namespace

const char* console_help() {
    return "  open            let the room vote on the choices shown now\n"
           "  close           stop taking votes and show the tally (to you only)\n"
           "  tally           the votes so far (to you only)\n"
           "  reveal          show the split to the room (after close, with enough votes)\n"
           "  confirm [N] [reason]  decide: the most votes, or choice N (a show of hands,\n"
           "                  a tie, or your call; the reason is kept for you)\n"
           "  next            take the decided choice and go on to the next scene\n"
           "  pause, resume   every phone shows the calm screen / back to the story\n"
           "  lock, unlock    no new phones / let new phones join\n"
           "  cap N           at most N phones\n"
           "  remove N        take phone N (the number it shows) out of the room\n"
           "  min N           the fewest votes for any count to be shown (at least 3)\n"
           "  phones          how many phones have joined\n"
           "  help            this list\n"
           "  quit            close the room\n";
}

void run_console(Host& host, Session& session, std::istream& in, std::ostream& out) {
    Printer printer(out);
    Room& room = host.room();
    std::optional<Confirmation> decided;
    const PauseWatcher watcher(room, printer);
    printer.say(scene_text(session));

    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string command;
        std::string argument;
        words >> command >> argument;
        std::string rest;
        std::getline(words >> std::ws, rest);
        const std::optional<int> number = parse_number(argument);

        if (command.empty()) {
            continue;
        } else if (command == "quit") {
            break;
        } else if (command == "help") {
            printer.say(console_help());
        } else if (command == "open") {
            if (session.is_finished()) {
                printer.say("the story has ended: there is nothing to vote on");
                continue;
            }
            room.open_round(menu_of(session));
            decided.reset();
            printer.say("round " + std::to_string(room.tally().round) + " open");
        } else if (command == "close") {
            room.close_round();
            printer.say(tally_text(room, room.tally()));
        } else if (command == "tally") {
            printer.say(tally_text(room, room.tally()));
        } else if (command == "reveal") {
            printer.say(room.reveal()
                            ? "the split is shown to the room"
                            : "nothing to reveal: close the round first, with at "
                              "least " +
                                  std::to_string(room.options().min_votes) + " taking part");
        } else if (command == "confirm") {
            if (!argument.empty() && !number) {
                printer.say("confirm takes a choice number, e.g. confirm 2");
                continue;
            }
            if (session.is_finished()) {
                printer.say("the story has ended: there is nothing to decide");
                continue;
            }
            if (room.tally().round == 0) {
                // A show of hands with no round opened: the facilitator enters the choice.
                room.open_round(menu_of(session));
                room.close_round();
            }
            Confirmation confirmation =
                room.confirm(number ? std::optional<int>(*number - 1) : std::nullopt, rest);
            if (!confirmation.ok) {
                printer.say(confirmation.problem);
                continue;
            }
            printer.say(
                "chosen: " + std::to_string(confirmation.chosen + 1) + ". " +
                confirmation.split.choice_texts[static_cast<std::size_t>(confirmation.chosen)] +
                "\ntype next to go on");
            decided = std::move(confirmation);
        } else if (command == "next") {
            if (!decided) {
                printer.say("nothing decided yet: confirm a choice first");
                continue;
            }
            const int index = choice_index_at(session, decided->chosen);
            if (index < 0 || !session.choose(index)) {
                printer.say("that choice cannot be taken now");
                continue;
            }
            if (const Result<void> kept = session.record_room_vote(decided->split); !kept) {
                printer.say(error_message(kept.diagnostics)); // the choice stands
            }
            decided.reset();
            room.clear_round();
            printer.say(scene_text(session));
            if (session.is_finished()) {
                std::string summary = "room votes:";
                for (const Step& step : session.history()) {
                    if (step.room_vote) {
                        summary += "\n" + split_text(*step.room_vote);
                    }
                }
                printer.say(summary);
            }
        } else if (command == "pause" || command == "resume") {
            room.set_paused(command == "pause");
            printer.say(command == "pause" ? "paused: every phone shows the calm screen"
                                           : "back to the story");
        } else if (command == "lock" || command == "unlock") {
            room.set_locked(command == "lock");
            printer.say(command == "lock" ? "room locked: no new phones can join"
                                          : "room unlocked: new phones can join");
        } else if (command == "cap" && number && *number > 0) {
            room.set_max_devices(*number);
            printer.say("at most " + std::to_string(*number) + " phones");
        } else if (command == "remove" && number) {
            printer.say(room.remove_phone(*number) ? "phone " + argument + " removed"
                                                   : "no phone " + argument + " here");
        } else if (command == "min" && number) {
            room.set_min_votes(*number);
            printer.say("counts are shown from " + std::to_string(room.options().min_votes) +
                        " votes");
        } else if (command == "phones") {
            printer.say("phones: " + std::to_string(room.phones()));
        } else {
            printer.say("unknown command '" + line + "'; type help for the list");
        }
    }
    room.clear_round();
}

} // namespace attune::host
