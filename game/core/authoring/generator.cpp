#include "authoring/generator.h"

#include "base/random.h"
#include "model/moves.h"

#include <algorithm>
#include <array>
#include <string>

namespace attune {

namespace {

using ojson = nlohmann::ordered_json;

constexpr int lines_per_scene = 4;
constexpr int words_per_line = 25;
constexpr int words_per_choice = 8;
constexpr int reach = 30;             ///< a choice leads at most this many scenes ahead
constexpr double ending_share = 0.02; ///< of all scenes and endings
constexpr double ending_chance =
    0.056; ///< of a branching choice: gives about 32 choices a playthrough

constexpr std::array<const char*, 48> vocabulary = {
    "the",    "kettle",  "rain",  "window", "quiet",  "again",  "you",    "said",
    "maybe",  "kitchen", "light", "late",   "phone",  "always", "never",  "close",
    "table",  "coat",    "door",  "still",  "waited", "tired",  "small",  "words",
    "laugh",  "hands",   "cold",  "warm",   "street", "bus",    "early",  "home",
    "almost", "nothing", "sorry", "later",  "listen", "first",  "slowly", "across",
    "before", "garden",  "tea",   "chair",  "looked", "away",   "back",   "softly"};

std::string words(Random& random, int count) {
    std::string text;
    for (int i = 0; i < count; ++i) {
        text += (i ? " " : "") +
                std::string(vocabulary[random.below(static_cast<int>(vocabulary.size()))]);
    }
    text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text + ".";
}

std::string scene_id(int i) {
    return "s" + std::to_string(i);
}
std::string ending_id(int i) {
    return "e" + std::to_string(i);
}

ojson lines(Random& random, int scene) {
    ojson out = ojson::array();
    for (int l = 0; l < lines_per_scene; ++l) {
        if (l == 1) {
            // One line per scene speaks, with a name to render, like authored stories.
            out.push_back({{"speaker", scene % 2 ? "sam" : "alex"},
                           {"text", "{" + std::string(scene % 2 ? "sam" : "alex") +
                                        ".name}: " + words(random, words_per_line - 1)}});
        } else if (l == 3 && scene % 10 == 0) {
            out.push_back({{"text", words(random, words_per_line)},
                           {"if", "sam.safety < 60 or alex.distance > 40"}});
        } else {
            out.push_back(words(random, words_per_line));
        }
    }
    return out;
}

// Every third ending is 'repaired' (see generate_story).
bool is_repaired(int ending) {
    return ending % 3 == 0;
}

// A choice into a 'repaired' ending is offered only while no rupture is open, and makes an
// attuning move no flooding blocks, so no playthrough arrives there with one open: the
// story passes its own `attune check --random`.
ojson choice(Random& random, int index, const std::string& next, bool into_repaired) {
    const Move drawn = all_moves()[random.below(move_count - 1)]; // any move but neutral
    const Move move = into_repaired ? Move::Appreciate : drawn;
    ojson out = {{"id", "c" + std::to_string(index)},
                 {"text", words(random, words_per_choice)},
                 {"moves", ojson::array({{{"move", std::string(move_name(move))},
                                          {"to", random.below(2) ? "sam" : "alex"}}})},
                 {"next", next}};
    if (into_repaired) {
        out["if"] = "not sam.rupture and not alex.rupture";
    }
    return out;
}

// Choice 0 always leads to the next scene, so every scene is reachable; the others jump
// ahead or, now and then, end the story. Past the last scene there are only endings, and
// choice 0 there never ends 'repaired', so it is always available.
std::string target(Random& random, int scene, int choice, int scenes, int endings, int& next_ending,
                   bool& into_repaired) {
    const int ahead = choice == 0 ? scene + 1 : scene + 1 + random.below(reach);
    const bool ends = ahead >= scenes || (choice > 0 && random.unit() < ending_chance);
    into_repaired = false;
    if (!ends) {
        return scene_id(ahead);
    }
    do {
        next_ending = (next_ending + 1) % endings;
    } while (choice == 0 && is_repaired(next_ending));
    into_repaired = is_repaired(next_ending);
    return ending_id(next_ending);
}

ojson characters() {
    return ojson::array({{{"id", "sam"},
                          {"name", "Sam"},
                          {"pronouns", "she/her"},
                          {"role", "partner"},
                          {"anxiety", 0.7},
                          {"avoidance", 0.2},
                          {"safety", 55},
                          {"distance", 40}},
                         {{"id", "alex"},
                          {"name", "Alex"},
                          {"pronouns", "he/him"},
                          {"role", "brother"},
                          {"anxiety", 0.2},
                          {"avoidance", 0.7},
                          {"safety", 50},
                          {"distance", 55}}});
}

} // namespace

ojson generate_story(const GeneratorOptions& options) {
    Random random{options.seed};
    const int total = std::max(options.scenes, 4);
    const int endings = std::max(3, static_cast<int>(total * ending_share + 0.5));
    const int scenes = total - endings;
    ojson story = {{"$schema", "./schema.json"},
                   {"format", 1},
                   {"id", "generated-" + std::to_string(total)},
                   {"title", "Generated story (" + std::to_string(total) + " scenes)"},
                   {"version", "1.0.0"},
                   {"summary", "A large generated story for benchmarks."},
                   {"relationship", "partner"},
                   {"minutes", 10},
                   {"age_band", "12+"},
                   {"author", "attune generate"},
                   {"start", scene_id(0)},
                   {"characters", characters()}};
    ojson scene_list = ojson::array();
    int next_ending = -1;
    for (int s = 0; s < scenes; ++s) {
        ojson choices = ojson::array();
        for (int c = 0; c < 3; ++c) {
            bool into_repaired = false;
            const std::string next =
                target(random, s, c, scenes, endings, next_ending, into_repaired);
            choices.push_back(choice(random, c, next, into_repaired));
        }
        scene_list.push_back(
            {{"id", scene_id(s)}, {"lines", lines(random, s)}, {"choices", choices}});
    }
    ojson ending_list = ojson::array();
    const char* kinds[] = {"repaired", "open", "ruptured"}; // is_repaired() agrees
    for (int e = 0; e < endings; ++e) {
        ending_list.push_back({{"id", ending_id(e)},
                               {"kind", kinds[e % 3]},
                               {"title", "Ending " + std::to_string(e)},
                               {"lines", ojson::array({words(random, 40)})},
                               {"reflection", ojson::array({"What changed?"})}});
    }
    story["scenes"] = scene_list;
    story["endings"] = ending_list;
    return story;
}

} // namespace attune
