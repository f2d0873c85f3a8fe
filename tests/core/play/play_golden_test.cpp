// Play through every fixture story, against a golden transcript
// (tests/data/play-transcripts.txt): three ways through each (always the first open
// choice, always the last, and taking turns), each step with the lines shown, the menu as
// numbered (closed choices with their reasons, the breath when offered), what the choice
// did in the model's words, each character's numbers after it, and the ending with its
// reflection. Fixtures and the frozen parameters (tests/data/model/frozen.json) only, so
// neither the bundled stories nor a retuning of assets/model.json move it; a change to the
// engine, the model or the sentences does. To accept a deliberate change, run with
// ATTUNE_UPDATE_GOLDEN=1 and read the changed lines by eye before committing them.

#include "support.h"

#include "play/session.h"

#include <cstdio>

namespace {

using namespace attune;
namespace fs = std::filesystem;

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

std::string shown(const Session& session) {
    std::string out;
    for (const ShownLine& line : session.lines()) {
        out += "  " +
               (line.speaker < 0 ? std::string("~ ")
                                 : session.story().characters[line.speaker].profile.name + ": ") +
               line.text + "\n";
    }
    return out;
}

std::string numbers(const Session& session) {
    std::string out = "  numbers:";
    for (std::size_t c = 0; c < session.state().characters.size(); ++c) {
        const model::State& s = session.state().characters[c];
        out += " " + session.story().characters[c].profile.name + " " + number(s.safety) + "/" +
               number(s.distance) + "/" + number(s.arousal) + (s.rupture_open ? " open" : "");
    }
    return out + "; you " + number(session.state().player.arousal) + "\n";
}

// `pick` chooses among the open choices' numbers, given the step.
std::string play(const std::shared_ptr<const Story>& story, const std::string& way,
                 const std::function<int(const std::vector<int>&, int)>& pick) {
    Session session(story, test::frozen_params(), 3);
    std::string out = "-- " + way + "\n" + shown(session) + numbers(session);
    for (int step = 0; step < 12 && !session.is_finished(); ++step) {
        std::vector<int> open;
        out += "  menu:";
        for (const ChoiceView& c : session.choices()) {
            out += " [" + std::to_string(c.number) + " " + c.id + (c.enabled ? "" : " closed") +
                   (c.reason.empty() ? "" : ": " + c.reason) + "]";
            if (c.enabled) {
                open.push_back(c.number);
            }
        }
        out += session.offers_breath() ? " (breath offered)\n" : "\n";
        if (open.empty()) {
            out += "  stuck\n";
            return out;
        }
        const int chosen = pick(open, step);
        REQUIRE(session.choose_number(chosen));
        out += "> " + std::to_string(chosen) + "\n";
        for (const model::Cause& cause : session.last_outcome().causes) {
            const std::string words = session.words(cause);
            out += "  cause " + cause.rule + (words.empty() ? "" : ": " + words) + "\n";
        }
        for (const model::Event& event : session.last_outcome().events) {
            out += "  event: " + session.words(event) + "\n";
        }
        out += shown(session) + numbers(session);
    }
    if (session.is_finished()) {
        out += "  ending " + session.ending()->id + "\n";
        for (const std::string& prompt : session.reflection()) {
            out += "  reflect: " + prompt + "\n";
        }
    }
    return out;
}

} // namespace

TEST_CASE("play golden: three ways through every fixture story, as the transcript says") {
    const std::vector<fs::path> files = test::fixture_stories();
    REQUIRE(files.size() >= 14);
    std::string actual;
    for (const fs::path& file : files) {
        const std::shared_ptr<const Story> story = test::story(file);
        actual +=
            "== " + file.parent_path().filename().string() + "/" + file.filename().string() + "\n";
        actual +=
            play(story, "first", [](const std::vector<int>& open, int) { return open.front(); });
        actual +=
            play(story, "last", [](const std::vector<int>& open, int) { return open.back(); });
        actual += play(story, "turns", [](const std::vector<int>& open, int step) {
            return open[static_cast<std::size_t>(step) % open.size()];
        });
    }
    test::matches_golden(actual, test::source_dir() / "tests/data/play-transcripts.txt");
}
