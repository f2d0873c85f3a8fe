// How the engine scales with the size of a story (issue 14; figures in docs/performance.md).
// For generated stories of 1,500, 15,000 and 45,000 scenes it prints the file's size, the
// time to load it, the peak memory while loading and while playing 10,000 random
// playthroughs, and the microseconds one session step takes.
//
// Usage: attune_bench_scale [SCENES...]   (default 1500 15000 45000)
// Each figure comes from a fresh process (this program runs itself), so one size's peak
// memory never hides another's and generating the story never counts toward loading it.
// The stories are generated at run time into a temporary folder and removed afterwards.

#include "authoring/generator.h"
#include "authoring/playtest.h"
#include "base/paths.h"
#include "play/session.h"
#include "story/loader.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace {

using namespace attune;
using Clock = std::chrono::steady_clock;

double peak_mb() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// CPU seconds this process has used: on a shared machine, what its wall time cannot say.
double cpu_seconds() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double seconds_since(Clock::time_point began) {
    return std::chrono::duration<double>(Clock::now() - began).count();
}

[[noreturn]] void fail(const std::string& message) {
    std::fprintf(stderr, "attune_bench_scale: %s\n", message.c_str());
    std::exit(1);
}

std::shared_ptr<const model::Params> params() {
    auto loaded = model::load_params(model_params_path());
    if (!loaded) {
        fail("the model parameters do not load");
    }
    return std::make_shared<const model::Params>(std::move(*loaded));
}

std::shared_ptr<const Story> load(const std::string& file) {
    Result<std::shared_ptr<const Story>> story = load_story_file(file);
    if (!story) {
        fail(file + " does not load");
    }
    return *story;
}

// Child: writes the generated story. Compact JSON keeps 45,000 scenes under the 64 MiB limit.
int generate(int scenes, const std::string& file) {
    std::ofstream out(file, std::ios::binary);
    out << generate_story({scenes, 1}).dump() << "\n";
    return out.flush() ? 0 : 1;
}

// Child: loads the story once; prints wall and CPU seconds and peak MB.
int measure_load(const std::string& file) {
    const auto began = Clock::now();
    const double cpu_began = cpu_seconds();
    const std::shared_ptr<const Story> story = load(file);
    const double seconds = seconds_since(began);
    std::printf("%.4f %.1f %.4f\n", seconds, peak_mb(), cpu_seconds() - cpu_began);
    return 0;
}

// Child: 10,000 random playthroughs as `check --random` plays them, and their findings
// located in the file as it then does; prints peak MB.
int measure_play(const std::string& file) {
    const std::shared_ptr<const Story> story = load(file);
    const PlaytestReport report = playtest_story(story, params(), PlaytestOptions{});
    std::vector<std::string> pointers;
    for_each_finding(*story, report,
                     [&](const Finding& f) { pointers.push_back(f.diagnostic.pointer); });
    const std::vector<TextPosition> at = locate_in_story(*story, pointers);
    std::printf("%.1f %.1f\n", peak_mb(), report.average_choices());
    return 0;
}

// Child: µs per step (a choice plus the new scene's lines and choices), the least of
// seven batches of 20,000 steps; sessions restart at their ending, outside the timing.
int measure_step(const std::string& file) {
    const std::shared_ptr<const Story> story = load(file);
    const auto shared_params = params();
    Session session(story, shared_params, 1);
    std::uint64_t seed = 1;
    double best = 1e9;
    std::size_t shown = 0;
    for (int batch = 0; batch < 7; ++batch) {
        double spent = 0;
        int steps = 0;
        while (steps < 20000) {
            if (session.is_finished()) {
                session = Session(story, shared_params, ++seed);
            }
            const auto began = Clock::now();
            for (; steps < 20000 && !session.is_finished(); ++steps) {
                const std::vector<ChoiceView> offered = session.choices();
                session.choose(offered[session.state().turn % offered.size()].index);
                shown += session.lines().size() + session.choices().size();
            }
            spent += seconds_since(began);
        }
        best = std::min(best, spent / steps * 1e6);
    }
    std::printf("%.2f %zu\n", best, shown);
    return 0;
}

// Runs this program again with `args`; returns what it printed.
std::string run_self(const std::vector<std::string>& args) {
    std::string command = "/proc/self/exe";
    char path[4096];
    const ssize_t length = ::readlink("/proc/self/exe", path, sizeof path - 1);
    if (length > 0) {
        command.assign(path, static_cast<std::size_t>(length));
    }
    for (const std::string& arg : args) {
        command += " '" + arg + "'";
    }
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) {
        fail("cannot run " + command);
    }
    std::string out;
    char buffer[256];
    while (std::fgets(buffer, sizeof buffer, pipe)) {
        out += buffer;
    }
    if (::pclose(pipe) != 0) {
        fail(command + " failed");
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    // A child: PHASE SCENES FILE (three sizes to measure are three numbers instead).
    if (argc == 4 && std::isalpha(static_cast<unsigned char>(argv[1][0]))) {
        const std::string phase = argv[1];
        const std::string file = argv[3];
        if (phase == "generate") {
            return generate(std::atoi(argv[2]), file);
        }
        if (phase == "load") {
            return measure_load(file);
        }
        if (phase == "play") {
            return measure_play(file);
        }
        if (phase == "step") {
            return measure_step(file);
        }
        fail("unknown phase " + phase);
    }
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i) {
        sizes.push_back(std::atoi(argv[i]));
    }
    if (sizes.empty()) {
        sizes = {1500, 15000, 45000};
    }
    const std::filesystem::path folder =
        std::filesystem::temp_directory_path() / ("attune-scale-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    std::printf("%8s %9s %9s %11s %13s %13s %9s %8s\n", "scenes", "file MB", "load s", "load CPU s",
                "load peak MB", "play peak MB", "us/step", "choices");
    for (const int scenes : sizes) {
        const std::string file = (folder / ("scale-" + std::to_string(scenes) + ".json")).string();
        run_self({"generate", std::to_string(scenes), file});
        const double file_mb = static_cast<double>(std::filesystem::file_size(file)) / 1048576.0;
        double load_s = 0, load_mb = 0, load_cpu = 0, play_mb = 0, choices = 0, step_us = 0;
        std::sscanf(run_self({"load", std::to_string(scenes), file}).c_str(), "%lf %lf %lf",
                    &load_s, &load_mb, &load_cpu);
        std::sscanf(run_self({"play", std::to_string(scenes), file}).c_str(), "%lf %lf", &play_mb,
                    &choices);
        std::sscanf(run_self({"step", std::to_string(scenes), file}).c_str(), "%lf", &step_us);
        std::printf("%8d %9.1f %9.3f %11.3f %13.1f %13.1f %9.2f %8.1f\n", scenes, file_mb, load_s,
                    load_cpu, load_mb, play_mb, step_us, choices);
        std::fflush(stdout);
        std::filesystem::remove(file);
    }
    std::filesystem::remove_all(folder);
    return 0;
}
