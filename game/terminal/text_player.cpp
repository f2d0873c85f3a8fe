#include "text_player.h"

#include "model/sentences.h"

#include <cstdio>
#include <istream>
#include <ostream>
#include <string>

namespace attune {

namespace {

std::string fixed1(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

std::string relationship_phrase(Relationship relationship) {
    switch (relationship) {
    case Relationship::Partner:
        return "partners";
    case Relationship::Parent:
        return "a parent and a child";
    case Relationship::Child:
        return "a grown child and a parent";
    case Relationship::Friend:
        return "friends";
    case Relationship::Sibling:
        return "siblings";
    case Relationship::Colleague:
        return "colleagues";
    case Relationship::Classmate:
        return "classmates";
    case Relationship::Peer:
        return "young people of the same age";
    case Relationship::Grandparent:
        return "a grandparent and the grandchild they raised";
    }
    return "";
}

void print_intro(const Story& story, std::ostream& out) {
    const StoryInfo& info = story.info;
    out << info.title << "\n" << info.summary << "\n";
    out << "About " << info.minutes << (info.minutes == 1 ? " minute" : " minutes")
        << ". A story about " << relationship_phrase(info.relationship) << ".\n";
    if (!info.content_notes.empty()) {
        out << "Content notes:";
        out << " " << joined(info.content_notes);
        out << ".\n";
    }
    out << "Type a choice's number and press Enter. Type b to go back one choice, q to stop.\n";
}

void print_cause(const Session& session, const model::Cause& cause, std::ostream& out, bool trace,
                 bool& any) {
    if (const std::string sentence = session.words(cause); !sentence.empty()) {
        out << (any ? "" : "\n") << "  * " << sentence << "\n";
        any = true;
    }
    if (!trace) {
        return;
    }
    // A move in a character's line is theirs, made toward the player; it also stirs the
    // speaker (R20), which is said as their own, not as a move toward themself.
    std::string who = session.person(cause.character).name;
    if (cause.line >= 0) {
        who = cause.by == cause.character ? who + " (own):"
                                          : session.person(cause.by).name + " → " + who + ":";
    }
    out << "  [trace] " << who << " " << move_name(cause.move) << " (" << cause.rule << "): safety "
        << fixed1(cause.d_safety) << ", distance " << fixed1(cause.d_distance) << ", arousal "
        << fixed1(cause.d_arousal) << "\n";
}

// Each line, then what it did to the player ("That stung"), so the feeling follows its cause.
void print_lines(const Session& session, std::ostream& out, bool trace) {
    const std::vector<ShownLine> lines = session.lines();
    const std::vector<int>& shown = session.state().shown_lines;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const ShownLine& line = lines[i];
        if (line.speaker >= 0) {
            out << session.story().characters[line.speaker].profile.name << ": " << line.text
                << "\n";
        } else {
            out << line.text << "\n";
        }
        bool any = true; // no blank line between a line and what it did
        for (const model::Cause& cause : session.last_outcome().causes) {
            if (cause.line >= 0 && cause.line == shown[i]) {
                print_cause(session, cause, out, trace, any);
            }
        }
    }
}

void print_scene(const Session& session, std::ostream& out, bool trace) {
    const Scene& scene = session.scene();
    out << "\n";
    if (!scene.title.empty()) {
        out << "~ " << scene.title << " ~\n";
    }
    if (!scene.notes.get().content_notes.empty()) {
        out << "(Content note for this scene:";
        out << " " << joined(scene.notes.get().content_notes);
        out << ".)\n";
    }
    print_lines(session, out, trace);
}

void print_choices(const std::vector<ChoiceView>& choices, std::ostream& out) {
    out << "\n";
    for (const ChoiceView& choice : choices) {
        out << "  " << choice.number << ". " << choice.text;
        if (!choice.enabled) {
            out << " (not open yet: " << choice.reason << ")";
        }
        out << "\n";
    }
}

// What changed, in words; numbers only under --trace.
void print_outcome(const Session& session, std::ostream& out, bool trace) {
    const model::Outcome& outcome = session.last_outcome();
    bool any = false;
    for (const model::Cause& cause : outcome.causes) {
        if (cause.line < 0) { // the lines' own follow them (print_lines)
            print_cause(session, cause, out, trace, any);
        }
    }
    for (const model::Event& event : outcome.events) {
        // A rupture left open is said once when it opens; repeating it after every
        // choice would nag, so the reminder shows only in traces.
        if (event.kind == model::EventKind::RuptureOpen && !trace) {
            continue;
        }
        const char* label = event.kind == model::EventKind::Repair        ? "Repair"
                            : event.kind == model::EventKind::RuptureOpen ? "Still open"
                                                                          : "Rupture";
        out << "  * " << label << ": " << session.words(event) << "\n";
    }
    if (trace) {
        print_trace(session, out);
    }
}

void print_ending(const Session& session, std::ostream& out, bool trace) {
    const Ending& ending = *session.ending();
    out << "\n~ " << ending.title << " ~\n";
    print_lines(session, out, trace);
    int ruptures = 0;
    int repairs = 0;
    for (const model::State& c : session.state().characters) {
        ruptures += c.ruptures;
        repairs += c.repairs_landed;
    }
    out << "\nThe end. Along the way there "
        << (ruptures == 1 ? "was 1 rupture" : "were " + std::to_string(ruptures) + " ruptures")
        << " and "
        << (repairs == 1 ? "1 repair that landed"
                         : std::to_string(repairs) + " repairs that landed")
        << ".\n";
    if (const std::vector<std::string> prompts = session.reflection(); !prompts.empty()) {
        out << "\nSomething to think about:\n";
        for (const std::string& prompt : prompts) {
            out << "  - " << prompt << "\n";
        }
    }
}

enum class Input { Choice, Back, Quit, Invalid, End };

Input read_input(std::istream& in, int& number) {
    std::string line;
    if (!std::getline(in, line)) {
        return Input::End;
    }
    const auto start = line.find_first_not_of(" \t\r");
    const auto end = line.find_last_not_of(" \t\r");
    line = start == std::string::npos ? "" : line.substr(start, end - start + 1);
    if (line == "q" || line == "quit") {
        return Input::Quit;
    }
    if (line == "b" || line == "back") {
        return Input::Back;
    }
    if (line.empty() || line.size() > 3 ||
        line.find_first_not_of("0123456789") != std::string::npos) {
        return Input::Invalid;
    }
    number = std::stoi(line);
    return Input::Choice;
}

} // namespace

void print_trace(const Session& session, std::ostream& out) {
    const Story& story = session.story();
    const SessionState& state = session.state();
    for (std::size_t i = 0; i < story.characters.size(); ++i) {
        const model::State& c = state.characters[i];
        out << "  [state] " << story.characters[i].id << ": safety " << fixed1(c.safety)
            << ", distance " << fixed1(c.distance) << ", arousal " << fixed1(c.arousal)
            << ", flooded " << (model::is_flooded(c) ? "yes" : "no") << ", override "
            << model::override_name(c.override) << ", rupture "
            << (c.rupture_open ? "open" : "none") << "\n";
    }
    out << "  [state] " << model::you().name << ": arousal " << fixed1(state.player.arousal)
        << ", flooded " << (model::is_player_flooded(state.player) ? "yes" : "no") << "\n";
}

int play_text(Session& session, std::istream& in, std::ostream& out, const TextOptions& options) {
    print_intro(session.story(), out);
    print_scene(session, out, options.trace);
    while (!session.is_finished()) {
        const std::vector<ChoiceView> choices = session.choices();
        print_choices(choices, out);
        out << "> " << std::flush;
        int number = 0;
        const Input input = read_input(in, number);
        if (input == Input::End || input == Input::Quit) {
            out << "\n(Stopped before the end.)\n";
            return 0;
        }
        if (input == Input::Back) {
            if (session.history().empty() || !session.rewind_to(session.history().size() - 1)) {
                out << "\nThis is the beginning; there is no earlier choice.\n";
            } else {
                out << "\n(Back one choice.)\n";
                print_scene(session, out, options.trace);
            }
            continue;
        }
        if (input == Input::Invalid || number < 1 || number > static_cast<int>(choices.size())) {
            out << "Please type a number from 1 to " << choices.size() << ".\n";
            continue;
        }
        const ChoiceView& picked = choices[number - 1];
        if (!picked.enabled) {
            out << "That choice isn't open right now: " << picked.reason << "\n";
            continue;
        }
        out << model::person_word(model::you(), model::PersonWord::SubjectUpper) << ": "
            << picked.text << "\n";
        session.choose(picked.index);
        print_outcome(session, out, options.trace);
        // After a breath the scene is the same: only its menu comes again.
        if (!session.is_finished() && picked.id != breath_id) {
            print_scene(session, out, options.trace);
        }
    }
    print_ending(session, out, options.trace);
    return 0;
}

} // namespace attune
