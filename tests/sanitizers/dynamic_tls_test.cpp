// LeakSanitizer must survive dynamic TLS blocks that start 16 bytes into a page.
//
// Why: GCC 12's sanitizer runtime (libasan 8) watches __tls_get_addr and guesses each
// dynamic TLS block's extent. A block whose start is 16 bytes past a page boundary is
// taken to carry the header glibc 2.19 to 2.24 put there, and the two words before it are
// read as the block's size and start. Since glibc 2.25 (Debian 12 has 2.36) there is no
// such header: a block is a plain malloc'd chunk, and under AddressSanitizer those words
// are the chunk's own header, whose second word is (thread id << 32) + allocation stack
// id. At exit LeakSanitizer's tracer then scans a "block" that starts at an address such
// as 0x1f98 and dies with "Tracer caught signal 11: addr=0x1f98". Upstream fixed the
// guess in LLVM 17 (google/sanitizers#1409); Debian 12's runtime predates that.
//
// The window tests met it at random: Mesa's GL driver is loaded with dlopen and has
// small thread-local blocks, and whether one lands 16 bytes past a page boundary depends on
// what was allocated before it. CI failed about once in three full runs.
//
// This test makes it happen every time: many threads each touch a dynamic TLS block
// after a different number of small allocations, until several blocks start 16 bytes
// past a page boundary; then the process exits and LeakSanitizer runs. With the
// sanitized builds' default (intercept_tls_get_addr=0, asan_defaults.cpp) the tracer
// never reads a guessed range and the test passes; with ASAN_OPTIONS=
// intercept_tls_get_addr=1 it crashes. The allocation each thread
// keeps only in its TLS block must not be reported as a leak either: LeakSanitizer still
// finds it through the thread's DTV, as it finds any heap block.

#include <dlfcn.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <vector>

namespace {

using KeepFunction = void* (*)();

std::mutex mutex;
std::condition_variable wake;
int started = 0;
int on_page_start = 0;

constexpr int thread_count = 256;
constexpr std::uintptr_t page_size = 4096;
constexpr std::uintptr_t misread_offset = 16; // sizeof the old glibc header

void touch_block(KeepFunction keep, int shift) {
    // Small allocations first, a different number in each thread, so that the blocks
    // land at many offsets within their pages. They are freed before the thread waits.
    std::vector<void*> before;
    for (int i = 0; i < shift; ++i) {
        before.push_back(std::malloc(40));
    }
    const auto block = reinterpret_cast<std::uintptr_t>(keep());
    for (void* p : before) {
        std::free(p);
    }
    {
        const std::lock_guard lock(mutex);
        ++started;
        on_page_start += block % page_size == misread_offset ? 1 : 0;
    }
    wake.notify_all();
    // Stays alive, block and all, until the process exits and LeakSanitizer runs. (Not
    // waiting on `wake`: destroying a condition variable a thread still waits on blocks.)
    for (;;) {
        std::this_thread::sleep_for(std::chrono::hours(1));
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s LIBRARY\n", argv[0]);
        return 2;
    }
    void* library = dlopen(argv[1], RTLD_NOW);
    if (library == nullptr) {
        std::fprintf(stderr, "cannot load %s: %s\n", argv[1], dlerror());
        return 2;
    }
    const auto keep = reinterpret_cast<KeepFunction>(dlsym(library, "keep_in_dynamic_tls"));
    if (keep == nullptr) {
        std::fprintf(stderr, "%s has no keep_in_dynamic_tls\n", argv[1]);
        return 2;
    }
    for (int i = 0; i < thread_count; ++i) {
        std::thread(touch_block, keep, i % 64).detach();
    }
    int found = 0;
    {
        std::unique_lock lock(mutex);
        wake.wait(lock, [] { return started == thread_count; });
        found = on_page_start;
    }
    std::printf("%d of %d dynamic TLS blocks start %d bytes past a page boundary\n", found,
                thread_count, int(misread_offset));
    std::fflush(stdout);
    // A run with no such block would prove nothing.
    return found > 0 ? 0 : 1;
}
