#include "authoring/stats.h"

#include "authoring/playtest.h"

namespace attune {

namespace {

int line_words(const std::vector<Line>& lines) {
    int words = 0;
    for (const Line& line : lines) {
        words += count_words(line.text.source);
    }
    return words;
}

void count_text(const Story& story, StoryStats& stats) {
    for (const Scene& scene : story.scenes) {
        stats.words += line_words(scene.lines);
        for (const Choice& choice : scene.choices) {
            stats.words += count_words(choice.text.source) + count_words(choice.reason().source);
            for (const MoveRef& ref : choice.moves) {
                ++stats.moves[static_cast<int>(ref.move)];
                ++stats.moves_by_kind[static_cast<int>(move_kind(ref.move))];
            }
        }
        stats.choices += static_cast<int>(scene.choices.size());
    }
    for (const Ending& ending : story.endings) {
        stats.words += line_words(ending.lines);
        ++stats.endings_by_kind[static_cast<int>(ending.kind)];
    }
}

} // namespace

double play_minutes(double words, double choices) {
    return words / reading_words_per_minute + choices * seconds_per_choice / 60;
}

StoryStats story_stats(const std::shared_ptr<const Story>& story,
                       const std::shared_ptr<const model::Params>& params, int runs,
                       std::uint64_t seed) {
    StoryStats stats;
    stats.scenes = static_cast<int>(story->scenes.size());
    stats.endings = static_cast<int>(story->endings.size());
    stats.characters = static_cast<int>(story->characters.size());
    count_text(*story, stats);
    PlaytestOptions options;
    options.runs = runs;
    options.seed = seed;
    const PlaytestReport played = playtest_story(story, params, options);
    stats.runs = runs;
    stats.average_words = played.average_words();
    stats.average_choices = played.average_choices();
    stats.longest_words = played.longest_words;
    stats.longest_choices = played.longest_choices;
    return stats;
}

} // namespace attune
