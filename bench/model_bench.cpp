// How long one relational-model step takes (apply_move + settle, causes included; their
// sentences are made only when shown). Target: well under 1 µs per step. Figures go in
// docs/performance.md.

#include "base/paths.h"
#include "model/params.h"
#include "model/relational_model.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

namespace {

using namespace attune;
using namespace attune::model;

const Params& params() {
    static const Params loaded = [] {
        Result<Params> p = load_params(model_params_path());
        if (!p) {
            for (const Diagnostic& d : p.diagnostics) {
                std::fprintf(stderr, "%s\n", format(d).c_str());
            }
            std::exit(1);
        }
        return *p;
    }();
    return loaded;
}

/// One million steps cycling through every move, for a secure and a disorganized character.
void run_million(benchmark::State& bench, double anxiety, double avoidance) {
    constexpr int steps = 1'000'000;
    Profile profile;
    profile.anxiety = anxiety;
    profile.avoidance = avoidance;
    for (auto _ : bench) {
        State state = initial_state(params(), profile);
        Random random{42};
        Outcome outcome;
        for (int i = 0; i < steps; ++i) {
            // A fixed, varied order: multiply by a number coprime with the move count.
            const Move move = static_cast<Move>((i * 7) % move_count);
            outcome.causes.clear();
            outcome.events.clear();
            apply_move(params(), profile, 0, state, move, {}, random, outcome);
            settle(params(), profile, state);
        }
        benchmark::DoNotOptimize(state);
    }
    bench.SetItemsProcessed(bench.iterations() * steps);
    // Printed in seconds with an SI prefix: "250n" is 250 ns per step.
    bench.counters["time_per_step"] =
        benchmark::Counter(static_cast<double>(bench.iterations()) * steps,
                           benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void BM_ModelMillionSteps(benchmark::State& bench) {
    run_million(bench, 0.3, 0.3);
}
void BM_ModelMillionStepsDisorganized(benchmark::State& bench) {
    run_million(bench, 0.9, 0.9);
}

BENCHMARK(BM_ModelMillionSteps)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ModelMillionStepsDisorganized)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
