// Locating JSON values by pointer, positions in characters, parse problems, and the
// plain text of a diagnostic.

#include "base/diagnostic.h"
#include "base/json_document.h"

#include <doctest/doctest.h>

#include <filesystem>

namespace {

using namespace attune;

JsonDocument parsed(const std::string& text) {
    Result<JsonDocument> doc = parse_json_document("t.json", text);
    REQUIRE_MESSAGE(doc, (doc.diagnostics.empty() ? "" : format(doc.diagnostics[0])));
    return *doc;
}

std::string where(const JsonDocument& doc, std::string_view pointer) {
    const TextPosition at = doc.locate(pointer);
    return std::to_string(at.line) + ":" + std::to_string(at.column);
}

Diagnostic parse_problem(const std::string& text) {
    const Result<JsonDocument> doc = parse_json_document("t.json", text);
    CHECK_FALSE(doc);
    REQUIRE(doc.diagnostics.size() == 1);
    return doc.diagnostics[0];
}

TextPosition position_of(std::string_view text, std::size_t offset) {
    return TextPositions(text).at(offset);
}

} // namespace

TEST_CASE("json document: a pointer is located at the start of its value") {
    const JsonDocument doc = parsed("{\n"
                                    "  \"a\": 1,\n"
                                    "  \"b\": {\"c\": [10, \"x,]}\", {\"d\": true}]},\n"
                                    "  \"a/b\": 2, \"m~n\": 3,\n"
                                    "  \"\\\"q\": 4\n"
                                    "}");
    CHECK(where(doc, "") == "1:1");
    CHECK(where(doc, "/a") == "2:8");
    CHECK(where(doc, "/b") == "3:8");
    CHECK(where(doc, "/b/c") == "3:14");
    CHECK(where(doc, "/b/c/0") == "3:15");
    CHECK(where(doc, "/b/c/1") == "3:19");
    CHECK(where(doc, "/b/c/2") == "3:27");
    CHECK(where(doc, "/b/c/2/d") == "3:33");
    CHECK(where(doc, "/a~1b") == "4:10");
    CHECK(where(doc, "/m~0n") == "4:20");
    CHECK(where(doc, "/\"q") == "5:10");
    // A pointer that does not exist stops at its nearest existing parent.
    CHECK(where(doc, "/b/c/7") == "3:14");
    CHECK(where(doc, "/b/nothing/deeper") == "3:8");
    CHECK(where(doc, "/zzz") == "1:1");
    CHECK(where(doc, "/b/c/x") == "3:14");

    const Diagnostic d = doc.problem("code", "/b/c/1", "message", "fix", Severity::Warning);
    CHECK(d.file == "t.json");
    CHECK(d.line == 3);
    CHECK(d.column == 19);
    CHECK(d.pointer == "/b/c/1");
    CHECK(d.severity == Severity::Warning);
    CHECK(doc.problem("c", "/a", "m", "f").severity == Severity::Error);
}

TEST_CASE("json document: columns count characters, not bytes") {
    CHECK(position_of("ab\ncd", 0).line == 1);
    CHECK(position_of("ab\ncd", 4).line == 2);
    CHECK(position_of("ab\ncd", 4).column == 2);
    CHECK(position_of("\xc3\xa9\xc3\xa9x", 4).column == 3); // "ééx": x is the third character
    CHECK(position_of("abc", 99).column == 4);              // past the end: the end
    const JsonDocument doc = parsed("{\"\xc3\xa9\": 1, \"b\": 2}");
    CHECK(where(doc, "/b") == "1:15");
}

TEST_CASE("json document: parse problems are located and plain") {
    Diagnostic d = parse_problem("{\n  \"a\": 1\n  \"b\": 2\n}");
    CHECK(d.code == "bad-json");
    CHECK(d.line == 3);
    CHECK(d.column == 5); // the end of the "b" that follows the missing comma
    CHECK(d.message == "this is not valid JSON: a comma is probably missing before this point");
    d = parse_problem("{\"a\": tru}");
    CHECK(d.code == "bad-json");
    CHECK(d.message.starts_with("this is not valid JSON: "));
    d = parse_problem(std::string("{\"a\": \"x\0y\"}", 12));
    CHECK(d.code == "binary");
    CHECK(d.column == 9);
    // 64 levels are fine, 65 are too deep (strings with brackets in them do not count).
    CHECK(parsed(std::string(64, '[') + std::string(64, ']')).value().is_array());
    CHECK(parsed("[\"[[[[\", " + std::string(63, '[') + std::string(63, ']') + "]")
              .value()
              .is_array());
    d = parse_problem(std::string(65, '[') + std::string(65, ']'));
    CHECK(d.code == "too-deep");
    CHECK(d.column == 65);
}

TEST_CASE("diagnostics: the plain text names file, place, severity, message, pointer and fix") {
    Diagnostic d{Severity::Error, "code", "s.json", 3, 7, "/x/0", "it broke", "mend it"};
    CHECK(format(d) == "s.json:3:7: error: it broke (at /x/0)\n    fix: mend it");
    d.line = 0; // no place in the file: none is written
    d.severity = Severity::Warning;
    d.pointer.clear();
    d.fix.clear();
    CHECK(format(d) == "s.json: warning: it broke");
    CHECK_FALSE(has_errors({d}));
    CHECK(has_errors({d, Diagnostic{Severity::Error, "c", "f", 0, 0, "", "m", ""}}));
    CHECK_FALSE(has_errors({}));
}

TEST_CASE("json document: a folder or a missing file is refused with no place in it") {
    const Result<JsonDocument> folder = read_json_document(std::filesystem::temp_directory_path());
    CHECK_FALSE(folder);
    std::vector<Diagnostic> problems = folder.diagnostics;
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "unreadable");
    CHECK(problems[0].message == "this is a folder, not a file");
    CHECK(problems[0].line == 0);
    CHECK(problems[0].column == 0);
    const Result<JsonDocument> missing = read_json_document("/no/such/file.json");
    CHECK_FALSE(missing);
    problems = missing.diagnostics;
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "unreadable");
    CHECK(problems[0].message == "there is no such file");
    CHECK(problems[0].line == 0);
    CHECK(problems[0].column == 0);
    CHECK(format(problems[0]).starts_with("/no/such/file.json: error: "));
}

namespace {

std::pair<int, int> pair_of(TextPosition at) {
    return {at.line, at.column};
}

} // namespace

TEST_CASE("json document: locating many pointers in one walk agrees with locating each") {
    const std::string text = "{\n  \"scenes\": [\n    {\"id\": \"a\", \"choices\": [1, 2]},\n"
                             "    {\"id\": \"b\", \"lines\": [\"x/y\", {\"if\": \"ü\"}]}\n  ],\n"
                             "  \"a~b\": {\"c/d\": true}\n}\n";
    Result<JsonDocument> document = parse_json_document("t.json", text);
    REQUIRE(document);
    const std::vector<std::string> pointers = {
        "/scenes/1/lines/1/if", "/scenes/0/choices/1", "/scenes/0", "", "/a~0b/c~1d",
        "/scenes/1/lines/1/if", // asked twice
        "/scenes/0/choices/7",  // missing: its nearest parent
        "/nothing/here",        // missing at the top: the document
    };
    const std::vector<TextPosition> found = locate_pointers(text, pointers);
    REQUIRE(found.size() == pointers.size());
    for (std::size_t i = 0; i < pointers.size(); ++i) {
        CAPTURE(pointers[i]);
        CHECK(pair_of(found[i]) == pair_of(document->locate(pointers[i])));
    }
    CHECK(pair_of(found[0]) == std::pair{4, 41});
    CHECK(pair_of(found[2]) == std::pair{3, 5});
    CHECK(pair_of(found[6]) == std::pair{3, 28});
    CHECK(pair_of(found[7]) == std::pair{1, 1});
}

namespace {

// Line and column of `offset` counted the slow way, one character at a time from the start.
std::pair<int, int> counted(std::string_view text, std::size_t offset) {
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

} // namespace

TEST_CASE("json document: positions agree with counting from the start, across every "
          "checkpoint") {
    // Lines of different lengths with two- and three-byte characters, so that newlines and
    // characters straddle the checkpoints every 1024 bytes.
    std::string text;
    for (int i = 0; text.size() < 5000; ++i) {
        text += std::string(static_cast<std::size_t>(i % 37), 'a') + "\xc3\xa9" +
                (i % 3 == 0 ? "\xe2\x80\x94" : "") + "\n";
    }
    for (const std::size_t size : {text.size(), std::size_t{2048}, std::size_t{1024},
                                   std::size_t{1023}, std::size_t{1}, std::size_t{0}}) {
        const std::string_view part = std::string_view(text).substr(0, size);
        const TextPositions positions(part);
        for (std::size_t offset = 0; offset <= part.size(); ++offset) {
            CAPTURE(size);
            CAPTURE(offset);
            const TextPosition at = positions.at(offset);
            REQUIRE(std::pair{at.line, at.column} == counted(part, offset));
        }
        CHECK(pair_of(positions.at(part.size() + 5)) == counted(part, part.size()));
    }
    CHECK(counted(text, 2000).first > 40); // the text really has many lines
}

TEST_CASE("json document: a comma too many or twice is found at the comma, in plain words") {
    Diagnostic d = parse_problem("{\n  \"a\": [1, 2,\n  ]\n}");
    CHECK(d.code == "bad-json");
    CHECK(std::pair{d.line, d.column} == std::pair{2, 13});
    CHECK(d.message == "this is not valid JSON: this comma is one too many (nothing follows it "
                       "before the closing ']')");
    CHECK(d.fix == "Remove this comma: JSON has no comma after the last item.");
    d = parse_problem("{\"a\": 1 ,\t}");
    CHECK(std::pair{d.line, d.column} == std::pair{1, 9});
    CHECK(d.message == "this is not valid JSON: this comma is one too many (nothing follows it "
                       "before the closing '}')");
    d = parse_problem("[1,\n , 2]");
    CHECK(std::pair{d.line, d.column} == std::pair{1, 3});
    CHECK(d.message == "this is not valid JSON: two commas in a row");
    CHECK(d.fix == "Remove one of the two commas.");
    // Not a comma problem: the text before the error does not end in a comma.
    d = parse_problem("[1 2]");
    CHECK(d.message == "this is not valid JSON: a comma is probably missing before this point");
    CHECK(d.fix == "Look just before this point for a missing comma, quote, colon or bracket.");
    d = parse_problem("[1, x]");
    CHECK(std::pair{d.line, d.column} == std::pair{1, 5});
    CHECK(d.message.starts_with("this is not valid JSON: "));
    CHECK(d.message.find("json.exception") == std::string::npos);
    CHECK(d.message.find("syntax error while parsing") == std::string::npos);
    CHECK(d.message.find("comma") == std::string::npos);
}

TEST_CASE("json document: a key given twice is found at its second place, naming the first") {
    const Result<JsonDocument> doc = parse_json_document(
        "t.json", "{\n  \"a\": {\"k\": 1,\n    \"k\": 2},\n  \"b\": [{\"x/y\": 1, "
                  "\"x/y\": 2}],\n  \"a\": 3\n}");
    CHECK_FALSE(doc);
    REQUIRE(doc.diagnostics.size() == 3);
    const Diagnostic& inner = doc.diagnostics[0];
    CHECK(inner.code == "duplicate-key");
    CHECK(inner.pointer == "/a/k");
    CHECK(std::pair{inner.line, inner.column} == std::pair{3, 5});
    CHECK(inner.message ==
          "this key is given twice in one object; the first is at line 2, column 9");
    CHECK(inner.fix == "Keep one of the two; JSON would silently use only the last.");
    CHECK(doc.diagnostics[1].pointer == "/b/0/x~1y");
    CHECK(std::pair{doc.diagnostics[1].line, doc.diagnostics[1].column} == std::pair{4, 20});
    CHECK(doc.diagnostics[2].pointer == "/a");
    CHECK(std::pair{doc.diagnostics[2].line, doc.diagnostics[2].column} == std::pair{5, 3});
    CHECK(doc.diagnostics[2].message ==
          "this key is given twice in one object; the first is at line 2, column 3");
    // The same key in two different objects is no problem.
    CHECK(parse_json_document("t.json", R"([{"k": 1}, {"k": 2}, {"o": {"k": 3}, "k": 4}])"));
}

TEST_CASE("json document: a number too large to hold is found where it is written") {
    const Diagnostic d = parse_problem("{\"small\": [1, -2e300, 3],\n \"big\": -1e999}");
    CHECK(d.code == "number-too-large");
    CHECK(std::pair{d.line, d.column} == std::pair{2, 9});
    CHECK(d.message == "this number is too large for Attune to hold");
    CHECK(parse_problem("[\"1e999\", 2e400]").column == 11);
}

TEST_CASE("diagnostics: a note's words, and messages picked by severity and joined") {
    const Diagnostic note = plain(Severity::Note, "kept your place", "s.json");
    CHECK(note.line == 0);
    CHECK(note.pointer.empty());
    CHECK(format(note) == "s.json: note: kept your place");
    const std::vector<Diagnostic> all = {
        plain(Severity::Error, "first"), plain(Severity::Warning, "careful"), note,
        plain(Severity::Error, "second"), plain(Severity::Warning, "again")};
    CHECK(messages(all, Severity::Warning) == std::vector<std::string>{"careful", "again"});
    CHECK(messages(all, Severity::Note) == std::vector<std::string>{"kept your place"});
    CHECK(error_message(all) == "first second");
    CHECK(error_message({plain(Severity::Warning, "w")}) == "");
    CHECK(error_message({}) == "");
    CHECK(has_errors(all));
    CHECK_FALSE(has_errors({note, plain(Severity::Warning, "w")}));
    // A place with a line also writes its column, whatever it is.
    Diagnostic at_line{Severity::Error, "c", "f.json", 4, 0, "", "m", ""};
    CHECK(format(at_line) == "f.json:4:0: error: m");
}
