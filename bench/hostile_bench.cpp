// Hostile inputs of issue 13 at growing sizes, with the fitted complexity printed: each
// should come out O(N). Figures only; the tests in *_linear_test.cpp guard the limits.

#include "interchange/twee.h"
#include "story/loader.h"

#include <benchmark/benchmark.h>

#include <string>

namespace {

using namespace attune;

// A small valid story whose top-level object also holds `n` unknown keys.
std::string story_with_unknown_keys(int n) {
    std::string text = "{\n";
    for (int i = 0; i < n; ++i) {
        text += "\"unknown" + std::to_string(i) + "\": 1,\n";
    }
    return text + "\"id\": \"x\"\n}\n";
}

std::string twee_with_links(int n, bool distinct) {
    std::string text = ":: Start\n";
    for (int i = 0; i < n; ++i) {
        text += distinct ? "[[Go " + std::to_string(i) + "->End]]" : std::string("[[Go on->End]]");
    }
    return text + "\n\n:: End\nDone.\n";
}

void locate_unknown_keys(benchmark::State& state) {
    const std::string text = story_with_unknown_keys(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        benchmark::DoNotOptimize(load_story_text("keys.json", text));
    }
    state.SetComplexityN(state.range(0));
}
BENCHMARK(locate_unknown_keys)->RangeMultiplier(2)->Range(5000, 80000)->Complexity();

void twee_identical_links(benchmark::State& state) {
    const std::string text = twee_with_links(static_cast<int>(state.range(0)), false);
    for (auto _ : state) {
        benchmark::DoNotOptimize(import_twee("links.twee", text));
    }
    state.SetComplexityN(state.range(0));
}
BENCHMARK(twee_identical_links)->RangeMultiplier(2)->Range(5000, 80000)->Complexity();

void twee_distinct_links(benchmark::State& state) {
    const std::string text = twee_with_links(static_cast<int>(state.range(0)), true);
    for (auto _ : state) {
        benchmark::DoNotOptimize(import_twee("links.twee", text));
    }
    state.SetComplexityN(state.range(0));
}
BENCHMARK(twee_distinct_links)->RangeMultiplier(2)->Range(5000, 80000)->Complexity();

} // namespace

BENCHMARK_MAIN();
