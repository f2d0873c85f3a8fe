// parse_json_sections keeps a story's big lists as text: each entry found exactly, however
// it nests brackets and strings, an empty list kept empty, and the rest parsed as usual.

#include "base/diagnostic.h"
#include "base/json_document.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

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

namespace {

// The one entry of `{"scenes": [ENTRY]}` and the member `key` read plainly from it.
std::optional<std::string> plain(const std::string& entry, std::string_view key) {
    const Result<JsonDocument> doc =
        parse_json_sections("s.json", "{\"scenes\": [" + entry + "]}", {"scenes"});
    REQUIRE(doc);
    const std::vector<JsonSpan>* scenes = doc->section("scenes");
    REQUIRE(scenes != nullptr);
    REQUIRE(scenes->size() == 1);
    const std::optional<std::string_view> found = doc->plain_member((*scenes)[0], key);
    return found ? std::optional<std::string>(std::string(*found)) : std::nullopt;
}

} // namespace

TEST_CASE("json sections: a member written plainly is read without parsing its entry") {
    CHECK(plain(R"({"id":"a"})", "id") == "a");
    CHECK(plain(R"({ "id" : "" })", "id") == "");
    CHECK(plain("{\n\t\"lines\": [\"x\", {\"id\": \"inner\"}],\n\t\"id\": \"late\", \"n\": 1}",
                "id") == "late");
    CHECK(plain(R"({"x": {"id": "nested"}, "id": "top"})", "id") == "top");
    CHECK(plain(R"({"note": "\"id\": \"fake\"", "id": "real"})", "id") == "real");
    CHECK(plain(R"({"n": 12, "ok": true, "id": "after-scalars"})", "id") == "after-scalars");
    // Not said plainly: nullopt, and the caller parses the entry to know.
    CHECK(plain(R"({"id": "a\"b"})", "id") == std::nullopt); // an escape
    CHECK(plain(R"({"id": 7})", "id") == std::nullopt);      // not text
    CHECK(plain(R"({"id": ["a"]})", "id") == std::nullopt);
    CHECK(plain(R"({"name": "a"})", "id") == std::nullopt); // no such member
    CHECK(plain(R"({})", "id") == std::nullopt);
    CHECK(plain(R"(["id", "a"])", "id") == std::nullopt); // not an object
    CHECK(plain(R"("id")", "id") == std::nullopt);
    CHECK(plain(R"({"idx": "a", "i": "b"})", "id") == std::nullopt);
    CHECK(plain(R"({"id": "a"})", "name") == std::nullopt);
}

TEST_CASE("json sections: a file not shaped for sections is parsed whole, as the plain parse "
          "reads it") {
    const std::vector<std::string> wanted = {"scenes", "endings"};
    for (const std::string text : {
             R"([{"scenes": []}])",                        // not an object
             R"({"scenes": {"a": 1}, "endings": "none"})", // sections that are not lists
             R"(  {"title": "T", "scenes": 3}  )",
             R"({"title": "T"})", // no sections at all
             R"({"title": {"x": [1, 2]}, "n": null, "t": true})",
             R"({"ti\u0074le": "T", "scenes": [1]})", // a key with an escape
         }) {
        CAPTURE(text);
        const Result<JsonDocument> sectioned = parse_json_sections("s.json", text, wanted);
        const Result<JsonDocument> whole = parse_json_document("s.json", text);
        REQUIRE(sectioned);
        REQUIRE(whole);
        const bool split = sectioned->section("scenes") != nullptr;
        if (split) { // only the escaped key's document has a list to keep
            CHECK(sectioned->section("scenes")->size() == 1);
            CHECK(sectioned->value()["title"] == "T");
            CHECK(sectioned->value()["scenes"] == nlohmann::json::array());
        } else {
            CHECK(sectioned->value() == whole->value());
        }
        CHECK(sectioned->section("endings") == nullptr);
    }
}

TEST_CASE("json sections: broken text is refused with the plain parse's located error") {
    const std::vector<std::string> wanted = {"scenes"};
    for (const std::string text : {
             R"({"scenes": [{"id": "a"},], "n": 1})", // a comma too many in a section
             R"({"scenes": [{"id": "a"}] "n": 1})",   // a comma missing at the top
             R"({"title": "T",, "scenes": []})",
             R"({"title": tru, "scenes": []})", // a bad value at the top
             R"({"scenes": [], "scenes": []})", // a key given twice at the top
             R"({"title" "T", "scenes": []})",  // no colon
             R"({"scenes": []} extra)",         // text after the object
             R"({"scenes": [] )",               // not closed
             R"({title: "T"})",
         }) {
        CAPTURE(text);
        const Result<JsonDocument> sectioned = parse_json_sections("s.json", text, wanted);
        const Result<JsonDocument> whole = parse_json_document("s.json", text);
        CHECK_FALSE(sectioned);
        REQUIRE_FALSE(whole);
        REQUIRE(sectioned.diagnostics.size() == whole.diagnostics.size());
        CHECK(format(sectioned.diagnostics[0]) == format(whole.diagnostics[0]));
        CHECK(sectioned.diagnostics[0].line == 1);
        CHECK(sectioned.diagnostics[0].column > 1);
    }
    // Nesting, binary data: refused before any splitting, the same way.
    const std::string deep = "{\"scenes\": [" + std::string(64, '[') + std::string(64, ']') + "]}";
    const Result<JsonDocument> too_deep = parse_json_sections("s.json", deep, wanted);
    REQUIRE_FALSE(too_deep);
    CHECK(too_deep.diagnostics[0].code == "too-deep");
    CHECK(too_deep.diagnostics[0].column == 75);
    const Result<JsonDocument> binary =
        parse_json_sections("s.json", std::string("{\"scenes\": [\"a\0\"]}", 18), wanted);
    REQUIRE_FALSE(binary);
    CHECK(binary.diagnostics[0].code == "binary");
    CHECK(binary.diagnostics[0].column == 15);
}

TEST_CASE("json sections: problems are located together at the end, only this file's unlocated "
          "ones") {
    const std::string text = "{\n  \"title\": \"T\",\n  \"scenes\": [\n    {\"id\": \"a\"},\n"
                             "    {\"id\": \"b\", \"if\": \"x and\"}\n  ]\n}";
    const Result<JsonDocument> doc = parse_json_sections("s.json", text, {"scenes"});
    REQUIRE(doc);
    std::vector<Diagnostic> problems;
    problems.push_back(doc->problem("one", "/scenes/1/if", "m", "f"));
    problems.push_back(doc->problem("two", "/title", "m", "f", Severity::Warning));
    CHECK(problems[0].line == 0); // a sectioned document locates nothing one by one
    CHECK(problems[0].column == 0);
    CHECK(problems[0].pointer == "/scenes/1/if");
    CHECK(problems[1].severity == Severity::Warning);
    problems[0].column = 6; // a condition's problem: its column within the text
    problems.push_back({Severity::Error, "other", "other.json", 0, 0, "/title", "m", ""});
    problems.push_back({Severity::Error, "placed", "s.json", 9, 4, "/title", "m", ""});
    problems.push_back(doc->problem("three", "/scenes/0/missing", "m", "f"));
    doc->locate_all(problems);
    CHECK(std::pair{problems[0].line, problems[0].column} == std::pair{5, 23 + 6});
    CHECK(std::pair{problems[1].line, problems[1].column} == std::pair{2, 12});
    CHECK(std::pair{problems[2].line, problems[2].column} == std::pair{0, 0}); // another file
    CHECK(std::pair{problems[3].line, problems[3].column} == std::pair{9, 4}); // already placed
    CHECK(std::pair{problems[4].line, problems[4].column} == std::pair{4, 5}); // its parent
    std::vector<Diagnostic> none;
    doc->locate_all(none);
    CHECK(none.empty());
}
