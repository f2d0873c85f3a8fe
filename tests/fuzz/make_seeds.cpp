// Writes the seed corpora for the fuzz targets from what the repository already has:
// the bundled stories, the test stories and fixtures, the Twee fixtures, the bundled
// stories exported as Twee, every condition and text from those stories, and saves made
// by playing each bundled story. tests/fuzz/run calls it; nothing generated is committed.
//
// Usage: attune_fuzz_seeds SOURCE_DIR OUT_DIR  (writes OUT_DIR/TARGET/NNNN)

#include "bundled.h"
#include "interchange/twee.h"
#include "play/save.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Seeds per target, deduplicated, written out at the end.
std::map<std::string, std::set<std::string>> seeds;

// Every string under `key` anywhere in `value`. Stories are shallow; the depth limit is
// for the deeply nested fixture, which would overflow the stack.
void collect(const json& value, const std::string& key, std::set<std::string>& into,
             int depth = 0) {
    if (depth > 32) {
        return;
    }
    if (value.is_object()) {
        for (const auto& item : value.items()) {
            if (item.key() == key && item.value().is_string()) {
                into.insert(item.value().get<std::string>());
            }
            collect(item.value(), key, into, depth + 1);
        }
    } else if (value.is_array()) {
        for (const auto& element : value) {
            collect(element, key, into, depth + 1);
        }
    }
}

void add_story_file(const fs::path& file) {
    const std::string text = read_text(file);
    seeds["loader"].insert(text);
    const json story = json::parse(text, nullptr, false);
    if (story.is_discarded()) {
        return;
    }
    collect(story, "if", seeds["expression"]);
    collect(story, "text", seeds["template"]);
    collect(story, "pronouns", seeds["template"]);
}

// How a room might have split on the menu shown now, choosing `picked`: every fourth
// below the minimum (no counts), the others with counts, some a close call overridden.
attune::VoteSplit room_vote(const attune::Session& session, int picked, int step) {
    attune::VoteSplit split;
    split.scene_id = session.scene().id;
    for (const attune::ChoiceView& choice : session.choices()) {
        if (choice.index == picked) {
            split.chosen = static_cast<int>(split.choice_ids.size());
        }
        split.choice_ids.push_back(choice.id);
        split.choice_texts.push_back(choice.text);
    }
    split.below_minimum = step % 4 == 2;
    if (!split.below_minimum) {
        for (std::size_t i = 0; i < split.choice_ids.size(); ++i) {
            split.counts.push_back(static_cast<int>(3 + i * 2));
        }
        split.passes = 1;
        split.close_call = true;
        split.overridden = true;
    }
    return split;
}

// Saves along one seeded random playthrough, some choices with a room's vote: at the
// start, after a few choices, and at the end.
void add_saves(const std::shared_ptr<const attune::Story>& story,
               const std::shared_ptr<const attune::model::Params>& params, unsigned seed) {
    attune::Session session(story, params, seed);
    std::mt19937 pick(seed);
    for (int step = 0;; ++step) {
        if (step == 0 || step == 3 || session.is_finished()) {
            seeds["save"].insert(attune::save_session(session).dump());
        }
        std::vector<int> enabled;
        for (const attune::ChoiceView& choice : session.choices()) {
            if (choice.enabled) {
                enabled.push_back(choice.index);
            }
        }
        if (session.is_finished() || enabled.empty() || step > 200) {
            return;
        }
        const int picked = enabled[pick() % enabled.size()];
        const attune::VoteSplit vote = room_vote(session, picked, step);
        session.choose(picked);
        if (step % 2 == 0) { // every other choice as a room decided it, some below the minimum
            session.record_room_vote(vote);
        }
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s SOURCE_DIR OUT_DIR\n", argv[0]);
        return 2;
    }
    const fs::path source = argv[1];
    const fs::path out = argv[2];
    for (const fs::path& folder : {source / "stories", source / "tests" / "data"}) {
        for (const auto& entry : fs::recursive_directory_iterator(folder)) {
            const fs::path& file = entry.path();
            if (file.extension() == ".json" && file.filename() != "schema.json") {
                add_story_file(file);
            } else if (file.extension() == ".twee") {
                seeds["twee"].insert(read_text(file));
            }
        }
    }
    for (const auto& entry : fs::directory_iterator(source / "stories")) {
        if (entry.path().extension() == ".json" && entry.path().filename() != "schema.json") {
            const json story = json::parse(read_text(entry.path()));
            seeds["twee"].insert(*attune::export_twee(entry.path().string(), story));
        }
    }
    const auto params = attune::fuzz::bundled_params();
    for (const auto& story : attune::fuzz::bundled_stories()) {
        for (unsigned seed = 1; seed <= 2; ++seed) {
            add_saves(story, params, seed);
        }
    }
    // The room host: each kind of request a phone sends, and the facilitator's moves.
    for (const char* request :
         {"GET /\n0\n10.0.0.1\n", "GET /app.js\n\n10.0.0.1\n", "GET /api/state\n1\n10.0.0.2\n",
          "POST /api/join\n\n10.0.0.3\n{\"code\":\"ktwa\"}", "POST /api/join\n2\n10.0.0.3\n{}",
          "POST /api/vote\n0\n10.0.0.1\n{\"round\":1,\"choice\":1}",
          "POST /api/vote\n3\n10.0.0.4\n{\"round\":1,\"pass\":true}",
          "POST /api/pause\n1\n10.0.0.2\n", "GET /%2e%2e/etc/passwd\n\n10.0.0.9\n", "X /!close\n",
          "X /!reveal\n", "X /!confirm\n", "X /!confirm1\n", "X /!open\n", "X /!pause\n",
          "X /!resume\n", "X /!lock\n", "X /!remove\n", "X /!clear\n"}) {
        seeds["host"].insert(request);
    }
    for (const auto& [target, texts] : seeds) {
        fs::create_directories(out / target);
        int n = 0;
        for (const std::string& text : texts) {
            char name[16];
            std::snprintf(name, sizeof name, "%04d", n++);
            std::ofstream(out / target / name, std::ios::binary) << text;
        }
        std::printf("%s: %d seeds\n", target.c_str(), n);
    }
    return 0;
}
