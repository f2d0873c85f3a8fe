#include "authoring/playtest.h"

#include "authoring/stats.h"

#include "play/session.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace attune {

namespace {

/// One place a rupture opened: what happened there over all playthroughs.
struct RuptureSite {
    int count = 0;
    int repaired = 0; ///< times a repair landed within the allowed number of choices
    std::vector<int> first_path;
    std::uint64_t first_seed = 0;
};

struct OpenRupture {
    bool open = false;
    int turn = 0;
    std::tuple<int, int, int> site;
};

/// A failure seen in some playthroughs, with the first one that shows it.
struct Failure {
    Finding finding;
    int count = 0;
};

class Playtester {
public:
    Playtester(const std::shared_ptr<const Story>& story,
               const std::shared_ptr<const model::Params>& params, const PlaytestOptions& options)
        : story_ptr_(story), params_(params), story_(*story), options_(options), tracker_(story_) {
        report_.options = options;
        report_.scene_runs.assign(story_.scenes.size(), 0);
        report_.scene_hits.assign(story_.scenes.size(), 0);
        report_.ending_runs.assign(story_.endings.size(), 0);
        seen_in_.assign(story_.scenes.size(), 0);
    }

    PlaytestReport run() {
        Random master{options_.seed};
        for (int r = 0; r < options_.runs; ++r) {
            play_once(master.next());
            if (options_.progress && (r + 1) % 100 == 0) {
                options_.progress(r + 1, options_.runs);
            }
        }
        for (auto& [key, failure] : failures_) {
            failure.finding.diagnostic.message += " (in " + std::to_string(failure.count) + " of " +
                                                  std::to_string(options_.runs) + " playthroughs)";
            report_.findings.push_back(std::move(failure.finding));
        }
        report_rarely_repaired();
        report_.hard_to_reach_at = report_.findings.size();
        list_hard_to_reach();
        report_minutes(); // at most one
        tracker_.report(report_.findings);
        return std::move(report_);
    }

private:
    std::shared_ptr<const Story> story_ptr_;
    std::shared_ptr<const model::Params> params_;
    const Story& story_;
    PlaytestOptions options_;
    MoveEffectTracker tracker_;
    PlaytestReport report_;
    std::map<std::tuple<int, int, int>, RuptureSite> ruptures_; ///< by scene, choice, character
    std::map<std::pair<std::string, std::string>, Failure> failures_; ///< by code and place
    std::vector<int> seen_in_; ///< per scene: the last playthrough (1-based) that entered it
    int run_ = 0;

    void play_once(std::uint64_t seed) {
        Session session(story_ptr_, params_, seed);
        Random pick{seed ^ 0x5DEECE66Dull};
        std::vector<int> path;
        std::vector<OpenRupture> open(story_.characters.size());
        ++run_; // seen_in_ needs no clearing: a scene is seen in this run when it says run_
        int words = 0;
        enter(session, words);
        while (!session.is_finished()) {
            if (static_cast<int>(path.size()) >= options_.max_choices) {
                fail("loop", scene_pointer(session.state().scene),
                     "playthrough still going after " + std::to_string(options_.max_choices) +
                         " choices, in scene '" + session.scene().id + "'",
                     "Look for a loop whose way out is rarely open.", path, seed);
                return;
            }
            const std::vector<ChoiceView> views = session.choices();
            std::vector<int> enabled;
            for (std::size_t v = 0; v < views.size(); ++v) {
                if (views[v].enabled) {
                    enabled.push_back(static_cast<int>(v));
                }
            }
            if (enabled.empty()) {
                fail("dead-end-in-play", scene_pointer(session.state().scene) + "/choices",
                     "scene '" + session.scene().id + "' was reached with no choice available",
                     "Give this scene a choice with no condition, or make the conditions cover "
                     "every case.",
                     path, seed);
                return;
            }
            const ChoiceView& taken = views[enabled[pick.below(static_cast<int>(enabled.size()))]];
            const int scene = session.state().scene;
            words += count_words(taken.text);
            session.choose(taken.index);
            path.push_back(static_cast<int>(&taken - views.data()) + 1);
            tracker_.note(scene, taken.index, session.last_outcome());
            follow_ruptures(session, scene, taken.index, open, path, seed);
            enter(session, words);
        }
        finish(session, words, path, seed);
    }

    void enter(const Session& session, int& words) {
        for (const ShownLine& line : session.lines()) {
            words += count_words(line.text);
        }
        if (!session.is_finished()) {
            const int scene = session.state().scene;
            ++report_.scene_hits[scene];
            report_.scene_runs[scene] += seen_in_[scene] == run_ ? 0 : 1;
            seen_in_[scene] = run_;
        }
    }

    void finish(const Session& session, int words, const std::vector<int>& path,
                std::uint64_t seed) {
        const int ending = session.state().ending;
        ++report_.ending_runs[ending];
        ++report_.finished;
        report_.total_words += words;
        report_.total_choices += static_cast<long>(path.size());
        report_.longest_words = std::max(report_.longest_words, words);
        report_.longest_choices = std::max(report_.longest_choices, static_cast<int>(path.size()));
        const std::vector<model::State>& characters = session.state().characters;
        if (story_.endings[ending].kind == EndingKind::Repaired && any_rupture_open(characters)) {
            Finding f = ending_mismatch(story_, ending, characters);
            fail(f.diagnostic.code, f.diagnostic.pointer, f.diagnostic.message, f.diagnostic.fix,
                 path, seed);
        }
    }

    void follow_ruptures(const Session& session, int scene, int choice,
                         std::vector<OpenRupture>& open, const std::vector<int>& path,
                         std::uint64_t seed) {
        const int turn = static_cast<int>(path.size());
        for (const model::Event& event : session.last_outcome().events) {
            const int c = event.character;
            if (event.kind == model::EventKind::Rupture && !session.is_finished()) {
                open[c] = {true, turn, {scene, choice, c}};
                RuptureSite& site = ruptures_[open[c].site];
                if (site.count++ == 0) {
                    site.first_path = path;
                    site.first_seed = seed;
                }
            } else if (event.kind == model::EventKind::Repair && open[c].open) {
                ruptures_[open[c].site].repaired +=
                    turn - open[c].turn <= options_.repair_within ? 1 : 0;
                open[c].open = false;
            }
        }
    }

    void fail(const std::string& code, const std::string& pointer, const std::string& message,
              const std::string& fix, const std::vector<int>& path, std::uint64_t seed) {
        Failure& failure = failures_[{code, pointer}];
        if (failure.count++ == 0) {
            failure.finding = {{Severity::Error, code, story_.file, 0, 0, pointer, message, fix},
                               path,
                               seed,
                               true};
        }
    }

    // Every site is listed, however many: `attune check` shows the first few of each kind.
    void report_rarely_repaired() {
        for (const auto& [site, stats] : ruptures_) {
            if (stats.repaired > 0) {
                continue;
            }
            const auto [scene, choice, character] = site;
            report_.findings.push_back(
                {{Severity::Warning, "rupture-never-repaired", story_.file, 0, 0,
                  choice_pointer(scene, choice),
                  "choice '" + std::string(story_.choice(scene, choice).id) + "' in scene '" +
                      story_.scenes[scene].id + "' opened a rupture with " +
                      story_.characters[character].profile.name + " in " +
                      std::to_string(stats.count) + " playthroughs, and no repair landed within " +
                      std::to_string(options_.repair_within) + " choices in any of them",
                  "Run 'attune check --explore' to see whether a repair is reachable at all."},
                 stats.first_path,
                 stats.first_seed,
                 true});
        }
    }

    void list_hard_to_reach() {
        const double threshold = options_.hard_to_reach * options_.runs;
        const int endings = static_cast<int>(story_.endings.size());
        for (int e = 0; e < endings; ++e) {
            if (report_.ending_runs[e] < threshold) {
                report_.hard_to_reach.push_back(e);
            }
        }
        for (int s = 0; s < static_cast<int>(story_.scenes.size()); ++s) {
            if (report_.scene_runs[s] < threshold) {
                report_.hard_to_reach.push_back(endings + s);
            }
        }
    }

    // The library card shows "minutes"; a figure far from what playing measures misleads
    // a teacher planning a lesson. The measure is `attune stats`'s.
    void report_minutes() {
        if (report_.finished == 0) {
            return;
        }
        const double measured = play_minutes(report_.average_words(), report_.average_choices());
        const double stated = story_.info.minutes;
        if (std::abs(stated - measured) <= 2 ||
            (stated <= 2 * measured && measured <= 2 * stated)) {
            return;
        }
        const long rounded = std::max(1L, std::lround(measured));
        report_.findings.push_back(
            {{Severity::Warning, "minutes-far-off", story_.file, 0, 0, "/minutes",
              "\"minutes\" says " + std::to_string(story_.info.minutes) +
                  " but a playthrough takes about " + std::to_string(rounded) + " (reading " +
                  std::to_string(int(reading_words_per_minute)) + " words a minute and " +
                  std::to_string(int(seconds_per_choice)) +
                  " seconds a choice, as `attune stats` measures)",
              "Set \"minutes\": " + std::to_string(rounded) +
                  ", or more if the story is meant to be read slowly or talked over."},
             {},
             0,
             false});
    }
};

// The finding of report.hard_to_reach[k]; see PlaytestReport::hard_to_reach.
Finding hard_to_reach_finding(const Story& story, const PlaytestReport& report, std::size_t k) {
    const int place = report.hard_to_reach[k];
    const int endings = static_cast<int>(story.endings.size());
    const bool ending = place < endings;
    const int index = ending ? place : place - endings;
    const PlaytestOptions& options = report.options;
    return {{Severity::Warning, "hard-to-reach", story.file, 0, 0,
             ending ? ending_pointer(index) : scene_pointer(index),
             (ending ? "ending '" + story.endings[index].id : "scene '" + story.scenes[index].id) +
                 "' was reached in " +
                 std::to_string(ending ? report.ending_runs[index] : report.scene_runs[index]) +
                 " of " + std::to_string(options.runs) + " random playthroughs (under " +
                 std::to_string(int(options.hard_to_reach * 100 + 0.5)) + "%)",
             "Players choosing at random rarely get here; check the conditions and "
             "branches leading to it if that is not meant."},
            {},
            0,
            false};
}

} // namespace

void for_each_finding(const Story& story, const PlaytestReport& report,
                      const std::function<void(const Finding&)>& take) {
    for (std::size_t i = 0; i < report.hard_to_reach_at; ++i) {
        take(report.findings[i]);
    }
    for (std::size_t k = 0; k < report.hard_to_reach.size(); ++k) {
        take(hard_to_reach_finding(story, report, k));
    }
    for (std::size_t i = report.hard_to_reach_at; i < report.findings.size(); ++i) {
        take(report.findings[i]);
    }
}

// Control characters count as spaces too; one comparison keeps this loop cheap, and it
// runs over every line of every random playthrough.
int count_words(std::string_view text) {
    int words = 0;
    bool after_space = true;
    for (const unsigned char ch : text) {
        const bool space = ch <= ' ';
        words += after_space & !space;
        after_space = space;
    }
    return words;
}

PlaytestReport playtest_story(const std::shared_ptr<const Story>& story,
                              const std::shared_ptr<const model::Params>& params,
                              const PlaytestOptions& options) {
    return Playtester(story, params, options).run();
}

} // namespace attune
