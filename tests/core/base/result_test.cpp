// The one shape of an operation that can fail: what makes a Result true, and how its
// diagnostics become words for a player.

#include "base/result.h"

#include <doctest/doctest.h>

#include <string>

namespace {

using namespace attune;

} // namespace

TEST_CASE("result: a value makes it true, and without one the diagnostics say why") {
    const Result<int> found{3, {plain(Severity::Note, "carried over")}};
    REQUIRE(found);
    CHECK(*found == 3);
    const Result<int> missing{std::nullopt, {plain(Severity::Error, "no such file", "a.json")}};
    CHECK_FALSE(missing);
    CHECK(error_message(missing.diagnostics) == "no such file");
}

TEST_CASE("result: an operation with no value succeeds unless there is an error") {
    CHECK(Result<>{});
    CHECK(Result<>{{plain(Severity::Warning, "set aside"), plain(Severity::Note, "changed")}});
    CHECK_FALSE(Result<>{{plain(Severity::Error, "the disk is full")}});
}

TEST_CASE("result: messages are picked by severity and errors read as one sentence") {
    const std::vector<Diagnostic> ds = {plain(Severity::Error, "This save is damaged."),
                                        plain(Severity::Note, "The story has changed."),
                                        plain(Severity::Error, "Your other saves are safe.")};
    CHECK(messages(ds, Severity::Note) == std::vector<std::string>{"The story has changed."});
    CHECK(error_message(ds) == "This save is damaged. Your other saves are safe.");
    CHECK(format(plain(Severity::Note, "changed", "save.json")) == "save.json: note: changed");
}
