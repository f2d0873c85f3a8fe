// The entries of a sectioned document (JsonDocument::entry): simdjson reads them quickly,
// and whichever parser an entry ends up with, its value is the one nlohmann parses from
// the same text, and text nlohmann refuses (or a key given twice) is refused.

#include "base/json_document.h"

#include <doctest/doctest.h>

namespace {

using namespace attune;
using nlohmann::json;

// The document `{"scenes":[ENTRY]}` read with "scenes" kept as text, and its one entry.
struct OneEntry {
    JsonDocument doc;
    JsonSpan span;
};

OneEntry one_entry(const std::string& entry) {
    Result<JsonDocument> doc =
        parse_json_sections("t.json", "{\"scenes\":[" + entry + "]}", {"scenes"});
    REQUIRE(doc);
    const std::vector<JsonSpan>* spans = doc->section("scenes");
    REQUIRE(spans != nullptr);
    REQUIRE(spans->size() == 1);
    return {std::move(*doc), (*spans)[0]};
}

void check_same_as_nlohmann(const std::string& entry) {
    CAPTURE(entry);
    OneEntry read = one_entry(entry);
    const json value = read.doc.entry(read.span);
    CHECK_FALSE(read.doc.broken());
    CHECK(value == json::parse(entry));
    CHECK(value.dump() == json::parse(entry).dump());
}

void check_refused(const std::string& entry) {
    CAPTURE(entry);
    OneEntry read = one_entry(entry);
    CHECK(read.doc.entry(read.span).is_null());
    CHECK(read.doc.broken());
}

} // namespace

TEST_CASE("json entry: plain entries read as nlohmann reads them, member order and nesting "
          "included") {
    check_same_as_nlohmann(R"({"id":"s1","lines":["One.","Two."],"choices":[]})");
    check_same_as_nlohmann(R"({ "b" : "2" , "a" : [ true , false , null ] , "c" : { } })");
    check_same_as_nlohmann("{\n\t\"id\": \"s2\",\r\n  \"x\": [[], [[\"deep\"]], {}]\n}");
    check_same_as_nlohmann(R"({"empty":"","spaces":"  ","braces":"{sam.name} said {{hi}}"})");
    check_same_as_nlohmann(R"(["a", {"k": "v"}, "b"])");
    check_same_as_nlohmann(R"("just text")");
    check_same_as_nlohmann("null");
    check_same_as_nlohmann("true");
}

TEST_CASE("json entry: escapes, UTF-8, control-free odd bytes and numbers read as nlohmann "
          "reads them") {
    check_same_as_nlohmann(R"({"text":"She said \"no\".\nThen\tleft \\ \/ \u00e9 \ud83d\ude00"})");
    check_same_as_nlohmann("{\"text\":\"Caf\xc3\xa9 \xe2\x80\x94 done\"}");
    check_same_as_nlohmann("{\"del\":\"a\x7f"
                           "b\"}");
    check_same_as_nlohmann(R"({"time":{"minutes":5},"add":[1,-2,3.5,1e3,-0.25E-2,0]})");
    check_same_as_nlohmann(R"({"a":"plain","n":12,"b":"plain again"})");
    // Where simdjson and nlohmann keep numbers differently, nlohmann's reading wins.
    check_same_as_nlohmann(R"({"minus zero":-0,"float minus zero":-0.0})");
    check_same_as_nlohmann(R"({"past uint64":18446744073709551616,"max":18446744073709551615})");
    check_same_as_nlohmann(R"({"min":-9223372036854775808,"tiny":1e-400})");
}

TEST_CASE("json entry: text nlohmann refuses and keys given twice are refused, quick path "
          "or not") {
    check_refused(R"({"a":"b","a":"c"})");
    check_refused(R"({"a":{"x":"1","x":"2"}})");
    check_refused(R"({"a":"b",})");
    check_refused(R"(["a",])");
    check_refused(R"({"a" "b"})");
    check_refused(R"({"a":tru})");
    check_refused(R"({"a":truex})");
    check_refused(R"({"a":"b" "c":"d"})");
    check_refused(R"({a:"b"})");
    check_refused("{\"a\":\"tab\there\"}");
    check_refused(R"({"a":"\x"})");
    check_refused("{\"a\":\"bad \xc3\x28 byte\"}");
    check_refused(R"({"a":01})");
    check_refused(R"({"a":1e400})"); // nlohmann: number overflow
}
