// parse_json_sections keeps a story's big lists as text: each entry found exactly, however
// it nests brackets and strings, an empty list kept empty, and the rest parsed as usual.

#include "base/json_document.h"

#include <doctest/doctest.h>

#include <string>

namespace {

using namespace attune;

std::string span_text(const JsonDocument& doc, JsonSpan span) {
    return doc.text().substr(span.begin, span.end - span.begin);
}

} // namespace

TEST_CASE("json sections: each entry is found exactly, whatever it nests") {
    const std::string first = R"({ "id": "a", "lines": [["x"], {"y": [1, 2]}], "note": "}]\" ]" })";
    const std::string second = R"({"id":"b","choices":[{"next":"c","if":"a [b] {c}"}]})";
    const std::string third = R"([1, [2, [3]], {"k": {}}])";
    const std::string text = "{\n  \"title\": \"T\",\n  \"scenes\": [ " + first + ",\n    " +
                             second + " ,\n" + third + "  ],\n  \"endings\": [ ],\n  \"n\": 7\n}";
    const Result<JsonDocument> doc = parse_json_sections("s.json", text, {"scenes", "endings"});
    REQUIRE(doc);
    const std::vector<JsonSpan>* scenes = doc->section("scenes");
    REQUIRE(scenes != nullptr);
    REQUIRE(scenes->size() == 3);
    CHECK(span_text(*doc, (*scenes)[0]) == first);
    CHECK(span_text(*doc, (*scenes)[1]) == second);
    CHECK(span_text(*doc, (*scenes)[2]) == third);
    CHECK(doc->entry((*scenes)[0])["note"] == "}]\" ]");
    CHECK(doc->entry((*scenes)[1])["choices"][0]["if"] == "a [b] {c}");
    const std::vector<JsonSpan>* endings = doc->section("endings");
    REQUIRE(endings != nullptr);
    CHECK(endings->empty());
    CHECK(doc->value()["title"] == "T");
    CHECK(doc->value()["n"] == 7);
    CHECK(doc->section("title") == nullptr);
    CHECK_FALSE(doc->broken());
}

TEST_CASE("json sections: a list that is not closed is parsed whole, with its error") {
    const Result<JsonDocument> doc =
        parse_json_sections("s.json", R"({"scenes": [ {"id": "a"}, {"id": "b"} )", {"scenes"});
    CHECK_FALSE(doc);
    REQUIRE_FALSE(doc.diagnostics.empty());
    CHECK(doc.diagnostics[0].code == "bad-json");
}
