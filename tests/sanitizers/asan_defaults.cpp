// AddressSanitizer's defaults for every sanitized Attune program (ATTUNE_SANITIZE and
// ATTUNE_FUZZ builds link this into each target); ASAN_OPTIONS can still override them.
//
// intercept_tls_get_addr=0: GCC 12's runtime (and clang 14's) misreads a dynamic TLS block
// that starts 16 bytes into a page, expecting a header glibc dropped in 2.25, and
// LeakSanitizer's tracer then dies at exit scanning a bogus range ("Tracer caught signal
// 11"). Without the guess nothing is lost: such blocks are heap chunks, found through each
// thread's DTV. Set here rather than in scripts/test-sanitized, so that a sanitized program
// run by hand is as safe as one run by the suite. tests/sanitizers/dynamic_tls_test.cpp
// shows both; docs/reliability.md, "Sanitizers".

extern "C" const char* __asan_default_options() {
    return "intercept_tls_get_addr=0";
}
