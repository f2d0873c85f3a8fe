// The story tools against the targets (figures in docs/performance.md):
//   load and validate the generated 1,500-scene story: under 50 ms;
//   10,000 random playthroughs of it, model running on every choice: under 2 s;
//   one session step (choose and the new text): under 5 µs median;
//   check --explore on every bundled story: under 2 s in total.

#include "authoring/explorer.h"
#include "authoring/generator.h"
#include "authoring/playtest.h"
#include "base/paths.h"
#include "play/session.h"
#include "story/loader.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace {

using namespace attune;

const std::string& big_story_text() {
    static const std::string text = generate_story({1500, 1}).dump(2);
    return text;
}

std::shared_ptr<const Story> big_story() {
    static const std::shared_ptr<const Story> story = [] {
        Result<std::shared_ptr<const Story>> result = load_story_text("big.json", big_story_text());
        if (!result) {
            std::fprintf(stderr, "the generated story does not load\n");
            std::exit(1);
        }
        return *result;
    }();
    return story;
}

std::shared_ptr<const model::Params> params() {
    static const std::shared_ptr<const model::Params> loaded = [] {
        auto p = model::load_params(model_params_path());
        if (!p) {
            std::fprintf(stderr, "the model parameters do not load\n");
            std::exit(1);
        }
        return std::make_shared<const model::Params>(std::move(*p));
    }();
    return loaded;
}

void BM_LoadValidate1500Scenes(benchmark::State& bench) {
    for (auto _ : bench) {
        Result<std::shared_ptr<const Story>> result = load_story_text("big.json", big_story_text());
        benchmark::DoNotOptimize(result);
    }
    bench.counters["scenes"] = static_cast<double>(big_story()->scenes.size());
}
BENCHMARK(BM_LoadValidate1500Scenes)->Unit(benchmark::kMillisecond);

void BM_Random10000Playthroughs(benchmark::State& bench) {
    PlaytestReport report;
    for (auto _ : bench) {
        report = playtest_story(big_story(), params(), PlaytestOptions{});
    }
    bench.counters["choices_per_playthrough"] = report.average_choices();
    bench.counters["us_per_choice"] = benchmark::Counter(
        static_cast<double>(report.total_choices),
        benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_Random10000Playthroughs)->Unit(benchmark::kMillisecond)->Iterations(3);

// One choice and the text it leads to: the enabled choice offered first, then the new
// scene's lines and choices, as a player's screen would show them.
void BM_SessionStep(benchmark::State& bench) {
    Session session(big_story(), params(), 1);
    for (auto _ : bench) {
        if (session.is_finished()) {
            bench.PauseTiming();
            session = Session(big_story(), params(), 1);
            bench.ResumeTiming();
        }
        const std::vector<ChoiceView> offered = session.choices();
        session.choose(offered[session.state().turn % offered.size()].index);
        benchmark::DoNotOptimize(session.lines());
        benchmark::DoNotOptimize(session.choices());
    }
}
BENCHMARK(BM_SessionStep)
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(9)
    ->ReportAggregatesOnly(true);

void BM_ExploreBundledStories(benchmark::State& bench) {
    std::vector<std::shared_ptr<const Story>> stories;
    for (const auto& entry : std::filesystem::directory_iterator(data_dir() / "stories")) {
        if (entry.path().extension() == ".json" && entry.path().filename() != "schema.json") {
            if (Result<std::shared_ptr<const Story>> result =
                    load_story_file(entry.path().string());
                result) {
                stories.push_back(*result);
            }
        }
    }
    double states = 0;
    for (auto _ : bench) {
        states = 0;
        for (const auto& story : stories) {
            states += static_cast<double>(explore_story(story, params(), ExploreOptions{}).states);
        }
    }
    bench.counters["stories"] = static_cast<double>(stories.size());
    bench.counters["states"] = states;
}
BENCHMARK(BM_ExploreBundledStories)->Unit(benchmark::kMillisecond)->Iterations(2);

} // namespace

BENCHMARK_MAIN();
