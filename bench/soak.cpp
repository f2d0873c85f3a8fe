// Soak: many seeded random playthroughs of every bundled story in one process, to show
// memory stays steady (nothing grows with the number of sessions played). Prints the
// peak and current resident memory at 1,000, 10,000 and 100,000 playthroughs (or at
// 1%, 10% and 100% of the count given); the figures are in docs/reliability.md.
//
// Usage: attune_soak [PLAYTHROUGHS] (default 100000)
// Each playthrough picks choices at random (seeded by its number) until an ending or
// 500 choices, renders every scene's lines and choices as a face would, and every
// hundredth one is saved and loaded back, as the autosave does.

#include "base/paths.h"
#include "model/params.h"
#include "play/save.h"
#include "play/session.h"
#include "story/loader.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace {

using namespace attune;

long peak_rss_kb() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

long current_rss_kb() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0;
    long resident = 0;
    statm >> pages >> resident;
    return resident * (::sysconf(_SC_PAGESIZE) / 1024);
}

[[noreturn]] void fail(const std::string& message) {
    std::fprintf(stderr, "soak: %s\n", message.c_str());
    std::exit(1);
}

// Plays one session to its end; returns the number of choices taken.
int play(Session& session, std::mt19937_64& random) {
    int taken = 0;
    while (!session.is_finished() && taken < 500) {
        std::size_t shown = 0;
        for (const ShownLine& line : session.lines()) {
            shown += line.text.size();
        }
        std::vector<int> enabled;
        for (const ChoiceView& choice : session.choices()) {
            shown += choice.text.size();
            if (choice.enabled) {
                enabled.push_back(choice.index);
            }
        }
        if (enabled.empty() || shown == 0) {
            fail("a bundled story left a session with nothing to show or choose");
        }
        if (!session.choose(enabled[random() % enabled.size()])) {
            fail("an enabled choice was refused");
        }
        ++taken;
    }
    return taken;
}

} // namespace

int main(int argc, char** argv) {
    const long total = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 100'000;
    if (total <= 0) {
        fail("PLAYTHROUGHS must be a positive number");
    }
    Result<model::Params> loaded_params = model::load_params(model_params_path());
    if (!loaded_params) {
        fail("the model parameters do not load");
    }
    const auto params = std::make_shared<const model::Params>(std::move(*loaded_params));
    std::vector<std::shared_ptr<const Story>> stories;
    for (const auto& entry : std::filesystem::directory_iterator(data_dir() / "stories")) {
        if (entry.path().extension() == ".json" && entry.path().filename() != "schema.json") {
            Result<std::shared_ptr<const Story>> result = load_story_file(entry.path().string());
            if (!result) {
                fail(entry.path().string() + " does not load");
            }
            stories.push_back(*result);
        }
    }
    std::printf("soak: %ld playthroughs across %zu bundled stories\n", total, stories.size());
    std::printf("%12s %10s %14s %14s %10s\n", "playthroughs", "choices", "peak RSS (KB)",
                "RSS now (KB)", "seconds");
    const auto began = std::chrono::steady_clock::now();
    long choices = 0;
    for (long i = 1; i <= total; ++i) {
        std::mt19937_64 random(static_cast<std::uint64_t>(i));
        Session session(stories[i % stories.size()], params, static_cast<std::uint64_t>(i));
        choices += play(session, random);
        if (i % 100 == 0) {
            const std::string text = save_session(session).dump();
            const Result<Session> back =
                load_session(nlohmann::json::parse(text), session.shared_story(), params);
            if (!back || state_to_json(back->story(), back->state()) !=
                             state_to_json(session.story(), session.state())) {
                fail("playthrough " + std::to_string(i) + " did not load back from its save");
            }
        }
        if (i == total / 100 || i == total / 10 || i == total) {
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
            std::printf("%12ld %10ld %14ld %14ld %10.1f\n", i, choices, peak_rss_kb(),
                        current_rss_kb(), seconds);
            std::fflush(stdout);
        }
    }
    return 0;
}
