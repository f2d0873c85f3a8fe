// The words the loaders use about JSON fields: each kind of value, numbers as written in
// messages, "did you mean" within its edit distance, and each located field problem with
// its code, place, message and fix.

#include "base/json_fields.h"

#include <doctest/doctest.h>

namespace {

using namespace attune;
using nlohmann::json;

JsonDocument document() {
    Result<JsonDocument> doc =
        parse_json_document("f.json", "{\n  \"a\": {\"size\": 7, \"sise\": 2},\n  \"b\": [1]\n}");
    REQUIRE(doc);
    return *doc;
}

} // namespace

TEST_CASE("json fields: each kind of value in words") {
    CHECK(kind_words(json("x")) == "text");
    CHECK(kind_words(json(true)) == "true/false");
    CHECK(kind_words(json(3)) == "a number");
    CHECK(kind_words(json(-3)) == "a number");
    CHECK(kind_words(json(2.5)) == "a number");
    CHECK(kind_words(json::array()) == "a list");
    CHECK(kind_words(json::object()) == "an object");
    CHECK(kind_words(json()) == "null");
}

TEST_CASE("json fields: numbers in messages are whole when whole") {
    CHECK(number_words(0) == "0");
    CHECK(number_words(100) == "100");
    CHECK(number_words(-7) == "-7");
    CHECK(number_words(2.5) == "2.5");
    CHECK(number_words(-0.25) == "-0.25");
    CHECK(number_words(999999999999999) == "999999999999999");
    CHECK(number_words(1e15) == "1e+15");
}

TEST_CASE("json fields: 'did you mean' offers the nearest name within a third of its length") {
    const std::vector<std::string> names = {"safety", "distance", "arousal"};
    CHECK(nearest_name("safty", names) == "safety");     // one edit
    CHECK(nearest_name("sfty", names) == "safety");      // two edits, allowed for short names
    CHECK(nearest_name("sft", names) == "");             // three edits: too far
    CHECK(nearest_name("distnce", names) == "distance"); // a deletion
    CHECK(nearest_name("distancexx", names) == "distance");
    CHECK(nearest_name("dsitanec", names) == "");                // four edits of eight letters
    CHECK(nearest_name("dstnc", names) == "");                   // three edits of five: too far
    CHECK(nearest_name("arousalxyz", names) == "arousal");       // three edits of ten: near enough
    CHECK(nearest_name("xxxxxxxxxxxx", names) == "");            // nothing near
    CHECK(nearest_name("arousl", {"", "arousal"}) == "arousal"); // an empty name is skipped
    CHECK(nearest_name("ab", {"ba", "ab"}) == "ab");             // the nearest, not the first near
    CHECK(nearest_name("ac", {"ab", "ad"}) == "ab");             // a tie keeps the first
    CHECK(nearest_name(std::string(201, 's'), {std::string(201, 's')}) == ""); // too long to try
    CHECK(nearest_name(std::string(200, 's'), {std::string(200, 's')}) == std::string(200, 's'));
    CHECK(did_you_mean("safty", names) == "Did you mean 'safety'? ");
    CHECK(did_you_mean("zzz", names) == "");
}

TEST_CASE("json fields: each field problem has its code, place, message and fix") {
    const JsonDocument doc = document();
    Diagnostic d = missing_key(doc, "/a", "name", "a name");
    CHECK(d.code == "missing-key");
    CHECK(d.pointer == "/a");
    CHECK(std::pair{d.line, d.column} == std::pair{2, 8});
    CHECK(d.message == "missing 'name'");
    CHECK(d.fix == "Add \"name\": a name to this object.");
    CHECK(d.severity == Severity::Error);

    d = wrong_kind(doc, "/b", "b", "an object", json::array({1}));
    CHECK(d.code == "wrong-type");
    CHECK(std::pair{d.line, d.column} == std::pair{3, 8});
    CHECK(d.message == "'b' should be an object but is a list");
    CHECK(d.fix == "Write an object here.");

    d = out_of_range(doc, "/a/size", "size", 7, 0, 5);
    CHECK(d.code == "out-of-range");
    CHECK(std::pair{d.line, d.column} == std::pair{2, 17});
    CHECK(d.message == "'size' is 7, outside 0 to 5");
    CHECK(d.fix == "Use a number from 0 to 5.");
    d = out_of_range(doc, "/a/size", "size", 2.5, -1, 1.5, true);
    CHECK(d.message == "'size' is 2.5, outside the whole numbers -1 to 1.5");
    CHECK(d.fix == "Use a whole number from -1 to 1.5.");

    d = unknown_key(doc, "/a/sise", "sise", {"size", "name", "kind"});
    CHECK(d.code == "unknown-key");
    CHECK(std::pair{d.line, d.column} == std::pair{2, 28});
    CHECK(d.message == "unknown key 'sise'");
    CHECK(d.fix == "Did you mean 'size'? Allowed here: size, name, kind.");
    CHECK(unknown_key(doc, "/a/sise", "q", {"one"}).fix == "Allowed here: one.");
}

TEST_CASE("json fields: a whole number is read only when its type can hold it") {
    CHECK(whole_number<int>(json(-5)) == -5);
    CHECK(whole_number<int>(json(2147483647)) == 2147483647);
    CHECK_THROWS_AS(whole_number<int>(json(2147483648u)), std::out_of_range);
    CHECK_THROWS_AS(whole_number<int>(json(-2147483649LL)), std::out_of_range);
    CHECK(whole_number<std::uint64_t>(json(18446744073709551615ull)) == 18446744073709551615ull);
    CHECK_THROWS_AS(whole_number<std::uint64_t>(json(-1)), std::out_of_range);
    CHECK_THROWS_AS(whole_number<int>(json(1.0)), std::out_of_range);
    CHECK_THROWS_AS(whole_number<int>(json("1")), std::out_of_range);
}
