// Keeps the GL driver loaded until the process ends, so that LeakSanitizer can see its
// memory at exit.
//
// Why: when the last SFML context closes, Mesa unloads its DRI driver (swrast_dri.so and
// the libraries it pulled in) with dlclose. Allocations the driver still points to from
// its own globals then look unreferenced, and LeakSanitizer reports them as a leak of
// 240 bytes in 3 allocations in "<unknown module>". With the driver kept loaded those
// allocations are reachable and nothing is reported: it was never a leak of ours.
// (docs/reliability.md, "Sanitizers")

#include <SFML/Window/Context.hpp>
#include <doctest/doctest.h>

#include <dlfcn.h>
#include <link.h>

#include <cstring>

namespace {

int pin_if_gl_driver(dl_phdr_info* info, size_t, void*) {
    const char* name = info->dlpi_name;
    if (name != nullptr && std::strstr(name, "/dri/") != nullptr) {
        // RTLD_NOLOAD: only marks a library that is already loaded; never loads one.
        dlopen(name, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
    }
    return 0;
}

/// Before the first window test, loads the GL driver (by making a context) and marks it
/// as never to be unloaded. Pinning later is too late: a test that closes its last
/// window unloads the driver, and the next one loads it again.
struct GlDriverPin : doctest::IReporter {
    explicit GlDriverPin(const doctest::ContextOptions&) {}

    void test_run_start() override {
        const sf::Context context;
        dl_iterate_phdr(pin_if_gl_driver, nullptr);
    }

    void report_query(const doctest::QueryData&) override {}
    void test_case_end(const doctest::CurrentTestCaseStats&) override {}
    void test_run_end(const doctest::TestRunStats&) override {}
    void test_case_start(const doctest::TestCaseData&) override {}
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_exception(const doctest::TestCaseException&) override {}
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData&) override {}
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData&) override {}
};

} // namespace

DOCTEST_REGISTER_LISTENER("gl-driver-pin", 1, GlDriverPin);
