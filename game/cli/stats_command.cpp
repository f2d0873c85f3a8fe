// attune stats STORY [--json] [--runs N] [--seed S]: words, scenes, choices, moves, play time.

#include "authoring/stats.h"
#include "base/json_document.h"
#include "commands.h"
#include "loading.h"
#include "options.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace attune::cli {

namespace {

struct StatsArgs {
    std::string story;
    bool json = false;
    int runs = 1000;
    std::uint64_t seed = 1;
};

std::string fixed1(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

nlohmann::json to_json(const Story& story, const StoryStats& s) {
    nlohmann::json moves = nlohmann::json::object();
    for (const Move move : all_moves()) {
        if (s.moves[static_cast<int>(move)] > 0) {
            moves[std::string(move_name(move))] = s.moves[static_cast<int>(move)];
        }
    }
    return {{"file", story.file},
            {"title", story.info.title},
            {"words", s.words},
            {"scenes", s.scenes},
            {"choices", s.choices},
            {"endings", s.endings},
            {"endings_by_kind",
             {{"repaired", s.endings_by_kind[0]},
              {"open", s.endings_by_kind[1]},
              {"ruptured", s.endings_by_kind[2]}}},
            {"characters", s.characters},
            {"moves", moves},
            {"moves_by_kind",
             {{"attuning", s.moves_by_kind[0]},
              {"misattuning", s.moves_by_kind[1]},
              {"neutral", s.moves_by_kind[2]}}},
            {"playthroughs", s.runs},
            {"average_words", s.average_words},
            {"average_choices", s.average_choices},
            {"average_minutes", play_minutes(s.average_words, s.average_choices)},
            {"longest_words", s.longest_words},
            {"longest_choices", s.longest_choices},
            {"longest_minutes", play_minutes(s.longest_words, s.longest_choices)}};
}

void print(const Story& story, const StoryStats& s) {
    std::cout << story.info.title << " (" << story.file << ")\n"
              << "  words:       " << s.words << "\n"
              << "  scenes:      " << s.scenes << "\n"
              << "  choices:     " << s.choices << "\n"
              << "  endings:     " << s.endings << " (" << s.endings_by_kind[0] << " repaired, "
              << s.endings_by_kind[1] << " open, " << s.endings_by_kind[2] << " ruptured)\n"
              << "  characters:  " << s.characters << "\n"
              << "  moves:       " << s.moves_by_kind[0] << " attuning, " << s.moves_by_kind[1]
              << " misattuning, " << s.moves_by_kind[2] << " neutral\n";
    for (const Move move : all_moves()) {
        if (s.moves[static_cast<int>(move)] > 0) {
            std::cout << "    " << move_name(move) << ": " << s.moves[static_cast<int>(move)]
                      << "\n";
        }
    }
    std::cout << "  playthrough (over " << s.runs << " seeded random playthroughs; reading "
              << reading_words_per_minute << " words a minute, " << seconds_per_choice
              << " s per choice):\n"
              << "    average: " << fixed1(s.average_words) << " words, "
              << fixed1(s.average_choices) << " choices, about "
              << fixed1(play_minutes(s.average_words, s.average_choices)) << " minutes\n"
              << "    longest: " << s.longest_words << " words, " << s.longest_choices
              << " choices, about " << fixed1(play_minutes(s.longest_words, s.longest_choices))
              << " minutes\n";
}

int run_stats(const StatsArgs& args) {
    const auto params = load_params_or_explain();
    const auto story = load_story_or_explain(args.story);
    if (!params || !story) {
        return 1;
    }
    const StoryStats stats = story_stats(story, params, args.runs, args.seed);
    if (args.json) {
        std::cout << dump_json(to_json(*story, stats), 2) << "\n"; // file names need not be UTF-8
    } else {
        print(*story, stats);
    }
    return 0;
}

} // namespace

void add_stats_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<StatsArgs>();
    CLI::App* stats = app.add_subcommand(
        "stats", "Count a story's words, scenes, choices, endings and moves, and time it.");
    stats->add_option("story", args->story, "Story file")->required();
    stats->add_flag("--json", args->json, "Print the figures as JSON");
    stats->add_option("--runs", args->runs, "Random playthroughs behind the lengths (default 1000)")
        ->check(CLI::Range(1, 10000000));
    stats->add_option("--seed", args->seed, "Seed for those playthroughs (default 1)")
        ->check(seed_check());
    stats->callback([args, &exit_code] { exit_code = run_stats(*args); });
}

} // namespace attune::cli
