// A save is never left broken: a child process autosaves in a loop through the real save
// store while the parent SIGKILLs it at a random moment. Afterwards the autosave must
// load and hold exactly the state the child had saved last (the old one) or the state
// it was saving when killed (the new one), never a mix and never something else.
//
// Rounds: ATTUNE_KILL_ROUNDS (default 100, what the suite runs; docs/reliability.md has
// the 1,000-round run). Kill moments come from ATTUNE_KILL_SEED (default 1), so a failing
// round can be run again.

#include "support.h"

#include "play/save_store.h"

#include <atomic>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <new>
#include <random>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

namespace {

using namespace attune;

long env_number(const char* name, long fallback) {
    const char* text = std::getenv(name);
    return text && *text ? std::strtol(text, nullptr, 10) : fallback;
}

std::string snapshot(const Session& session) {
    return state_to_json(session.story(), session.state()).dump();
}

// One playthrough of late-bus, a session per step: the child saves them in turn, so
// each save differs from the one before it.
std::vector<Session> playthrough() {
    std::vector<Session> steps{Session(test::late_bus(), test::params(), 5)};
    while (!steps.back().is_finished()) {
        Session next = steps.back();
        const std::vector<ChoiceView> choices = next.choices();
        REQUIRE(!choices.empty());
        REQUIRE(next.choose(choices[steps.size() % choices.size()].index));
        steps.push_back(std::move(next));
    }
    REQUIRE(steps.size() >= 3);
    return steps;
}

// Never returns: saves step 1, 2, 3, ... (cycling through the playthrough), first
// announcing in shared memory which save it is starting.
[[noreturn]] void save_forever(const SaveStore& store, const std::vector<Session>& steps,
                               std::atomic<std::int64_t>& started) {
    for (std::int64_t round = 1; round < 1'000'000; ++round) {
        started.store(round);
        if (!store.autosave(steps[round % steps.size()])) {
            ::_exit(3);
        }
    }
    ::_exit(0);
}

void sleep_microseconds(long microseconds) {
    const timespec delay{microseconds / 1'000'000, microseconds % 1'000'000 * 1000};
    ::nanosleep(&delay, nullptr);
}

} // namespace

TEST_CASE("saves: a process killed at random moments while saving leaves the old or the new "
          "save, whole") {
    namespace fs = std::filesystem;
    const long rounds = env_number("ATTUNE_KILL_ROUNDS", 100);
    std::mt19937 random(static_cast<unsigned>(env_number("ATTUNE_KILL_SEED", 1)));
    const std::vector<Session> steps = playthrough();

    const fs::path folder =
        fs::temp_directory_path() / ("attune-kill-" + std::to_string(::getpid()));
    fs::remove_all(folder);
    const SaveStore store(folder);
    REQUIRE(store.autosave(steps[0]));

    // Shared with the child: which save it has started. The parent reads it only after
    // the child is dead, so what it says is final.
    void* shared = ::mmap(nullptr, sizeof(std::atomic<std::int64_t>), PROT_READ | PROT_WRITE,
                          MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    REQUIRE(shared != MAP_FAILED);
    auto* started = new (shared) std::atomic<std::int64_t>(0);

    // A kill lands at a random moment after the child has begun its first, second or
    // third save: a save takes a millisecond or more (it is flushed to disk), so a random
    // delay of up to 5 ms after that puts kills anywhere in a save or between saves.
    std::uniform_int_distribution<int> saves_begun(1, 3);
    std::uniform_int_distribution<long> delay(0, 5'000);
    std::string previous = snapshot(steps[0]); // what the file holds before this round
    long olds = 0;
    long news = 0;
    for (long round = 0; round < rounds; ++round) {
        CAPTURE(round);
        started->store(0);
        const std::int64_t wait_for = saves_begun(random);
        const long then = delay(random);
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            save_forever(store, steps, *started);
        }
        for (int waited = 0; started->load() < wait_for && waited < 200'000; ++waited) {
            sleep_microseconds(50);
        }
        sleep_microseconds(then);
        ::kill(child, SIGKILL);
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        REQUIRE(WIFSIGNALED(status)); // the child never stops or fails by itself
        const std::int64_t last = started->load();
        REQUIRE(last >= wait_for);

        const Result<SlotInfo> slot = store.latest_autosave();
        CHECK(slot.diagnostics.empty());
        REQUIRE(slot);
        const Result<Session> loaded = store.load(*slot, steps[0].shared_story(), test::params());
        REQUIRE_MESSAGE(loaded, error_message(loaded.diagnostics));
        const std::string state = snapshot(*loaded);
        // Save `last` was in progress; the one before it had finished (save 1's
        // predecessor is whatever the previous round left).
        const std::string now = snapshot(steps[last % steps.size()]);
        const std::string before =
            last == 1 ? previous : snapshot(steps[(last - 1) % steps.size()]);
        REQUIRE_MESSAGE((state == now || state == before), "save " << last << " left a mix");
        (state == now ? news : olds) += 1;
        previous = state;
    }
    ::munmap(shared, sizeof(std::atomic<std::int64_t>));
    fs::remove_all(folder);
    MESSAGE(rounds << " kills: the save held the new state " << news << " times and the old "
                   << olds << " times");
}
