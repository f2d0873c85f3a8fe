// A library whose thread-local block is small (so its allocation has the runtime's
// 16-byte left redzone) and which the test loads with dlopen, so that each thread's block
// is allocated by malloc when the thread first touches it (dynamic TLS), as Mesa's are.

#include <cstdlib>

namespace {

// The first and only thread-local object, so its address is the start of the block.
thread_local void* kept_only_here = nullptr;

} // namespace

/// Keeps a new allocation that only this thread's dynamic TLS block points to, and says
/// where the block starts.
extern "C" void* keep_in_dynamic_tls() {
    kept_only_here = std::malloc(24);
    return &kept_only_here;
}
