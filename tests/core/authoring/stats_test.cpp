// attune stats: what the author wrote and how long a playthrough takes.

#include "authoring/stats.h"
#include "support.h"

namespace attune {

TEST_CASE("stats: counts what the author wrote and times random playthroughs") {
    const StoryStats stats = story_stats(test::late_bus(), test::params(), 200, 1);
    CHECK(stats.scenes == 3);
    CHECK(stats.choices == 6);
    CHECK(stats.endings == 2);
    CHECK(stats.endings_by_kind[static_cast<int>(EndingKind::Repaired)] == 1);
    CHECK(stats.characters == 1);
    CHECK(stats.moves[static_cast<int>(Move::Withdraw)] == 1);
    CHECK(stats.moves_by_kind[static_cast<int>(MoveKind::Attuning)] == 5);
    CHECK(stats.words > 80);
    CHECK(stats.average_choices >= 2);
    CHECK(stats.longest_choices == 3);
    CHECK(stats.longest_words >= stats.average_words);
    CHECK(play_minutes(200, 12) == doctest::Approx(2.0));
}

} // namespace attune
