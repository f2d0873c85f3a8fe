// Templates ({sam.name} holes, {{ and }} braces) and pronoun sets, piece by piece.

#include "story/text.h"
#include "support.h"

#include <doctest/doctest.h>

#include <sstream>

namespace {

using attune::Template;

// The parts as text: literals as they are, holes as <name>.
std::string parts(const std::string& source) {
    Template t;
    std::string problem;
    int column = 0;
    REQUIRE_MESSAGE(attune::split_template(source, t, problem, column), problem);
    CHECK(t.source == source);
    std::string out;
    for (const Template::Part& part : t.parts()) {
        const std::string piece(t.text(part));
        out += part.is_literal ? piece : "<" + piece + ">";
    }
    return out;
}

struct Problem {
    std::string message;
    int column = 0;
};

Problem problem(const std::string& source) {
    Template t;
    Problem p;
    CHECK_FALSE(attune::split_template(source, t, p.message, p.column));
    return p;
}

} // namespace

TEST_CASE("text: holes and literal braces split into parts") {
    CHECK(parts("plain") == "plain");
    CHECK(parts("") == "");
    CHECK(parts("{sam.name}") == "<sam.name>");
    CHECK(parts("Hi {sam.name}, and {player}!") == "Hi <sam.name>, and <player>!");
    CHECK(parts("{a}{b}") == "<a><b>");
    CHECK(parts("{{not a hole}}") == "{not a hole}");
    CHECK(parts("a {{ b }} c") == "a { b } c");
    CHECK(parts("x{{{y}") == "x{<y>");
    Template t;
    std::string message;
    int column = 0;
    REQUIRE(attune::split_template("Hi {sam.name}!", t, message, column));
    REQUIRE(t.parts().size() == 3);
    CHECK(t.parts()[0].is_literal);
    CHECK(t.text(t.parts()[0]) == "Hi ");
    CHECK_FALSE(t.parts()[1].is_literal);
    CHECK(t.text(t.parts()[1]) == "sam.name");
    CHECK(t.text(t.parts()[2]) == "!");
    // Parsing again replaces what was there.
    REQUIRE(attune::split_template("Bye", t, message, column));
    REQUIRE(t.parts().size() == 1);
    CHECK(t.text(t.parts()[0]) == "Bye");
}

TEST_CASE("text: a broken hole points at its 1-based column") {
    Problem p = problem("Hi {sam.name");
    CHECK(p.message == "a '{' is never closed");
    CHECK(p.column == 4);
    p = problem("{}");
    CHECK(p.message == "'{}' names nothing");
    CHECK(p.column == 1);
    p = problem("ab {} cd");
    CHECK(p.message == "'{}' names nothing");
    CHECK(p.column == 4);
    p = problem("oops}");
    CHECK(p.message == "a '}' has no matching '{'");
    CHECK(p.column == 5);
    p = problem("{a} b}");
    CHECK(p.message == "a '}' has no matching '{'");
    CHECK(p.column == 6);
}

TEST_CASE("text: pronoun sets, known pairs and three forms") {
    attune::model::Profile p;
    REQUIRE(attune::set_pronouns("she/her", p));
    CHECK(p.subject == "she");
    CHECK(p.object == "her");
    CHECK(p.possessive == "her");
    CHECK_FALSE(p.plural_verbs);
    REQUIRE(attune::set_pronouns("he/him", p));
    CHECK(p.possessive == "his");
    CHECK_FALSE(p.plural_verbs);
    REQUIRE(attune::set_pronouns("they/them", p));
    CHECK(p.possessive == "their");
    CHECK(p.plural_verbs);
    REQUIRE(attune::set_pronouns("xe/xem/xyr", p));
    CHECK(p.subject == "xe");
    CHECK(p.object == "xem");
    CHECK(p.possessive == "xyr");
    CHECK_FALSE(p.plural_verbs);
    REQUIRE(attune::set_pronouns("they/them/theirs", p));
    CHECK(p.plural_verbs);
    for (const char* bad :
         {"", "she", "she/", "/her", "she//her", "she/him", "x e/xem/xyr", "a/b/c/d", "it/its"}) {
        CAPTURE(bad);
        CHECK_FALSE(attune::set_pronouns(bad, p));
    }
}

namespace {

// Loads late-bus with its first line replaced, and returns the problems and the line of
// the file that holds the replaced text.
struct Located {
    std::vector<attune::Diagnostic> diagnostics;
    std::string line_text;
    int line = 0;
};

Located load_with_first_line(const std::string& text) {
    nlohmann::json story = nlohmann::json::parse(
        attune::test::read_text(attune::test::source_dir() / "tests/data/stories/late-bus.json"));
    story["scenes"][0]["lines"][0] = text;
    const std::string file = story.dump(2);
    Located out;
    out.diagnostics = attune::load_story_text("holes.json", file).diagnostics;
    std::istringstream lines(file);
    for (int n = 1; std::getline(lines, out.line_text); ++n) {
        if (out.line_text.find(nlohmann::json(text).dump()) != std::string::npos) {
            out.line = n;
            break;
        }
    }
    REQUIRE(out.line > 0);
    return out;
}

// The 1-based column in `line` of the first `what` after the opening quote.
int column_of(const std::string& line, const std::string& what) {
    return static_cast<int>(line.find(what, line.find('"'))) + 1;
}

} // namespace

TEST_CASE("text: a problem in a text hole points at the hole in the file") {
    // An unknown name: the column of the name, just inside its brace.
    Located l = load_with_first_line("It is late, {courage} says.");
    REQUIRE(l.diagnostics.size() == 1);
    const attune::Diagnostic& unknown = l.diagnostics[0];
    CHECK(unknown.pointer == "/scenes/0/lines/0");
    CHECK(unknown.line == l.line);
    CHECK(unknown.column == column_of(l.line_text, "courage}"));
    CHECK(unknown.message.find("'courage'") != std::string::npos);

    // A hole that is never closed: the column of its brace.
    l = load_with_first_line("Late again {ren.name");
    REQUIRE(l.diagnostics.size() == 1);
    CHECK(l.diagnostics[0].line == l.line);
    CHECK(l.diagnostics[0].column == column_of(l.line_text, "{ren"));
    CHECK(l.diagnostics[0].message == "the text has a problem: a '{' is never closed");

    // The same name a second time is found at its own place, not the first one's.
    l = load_with_first_line("{ren.name} and {ren.nmae}");
    REQUIRE(l.diagnostics.size() == 1);
    CHECK(l.diagnostics[0].column == column_of(l.line_text, "ren.nmae"));
}
