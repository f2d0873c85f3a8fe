// The one hole syntax shared by story templates and the model's sentences.

#include "base/holes.h"

#include <doctest/doctest.h>

using namespace attune;

TEST_CASE("holes: text splits into literal runs and named holes, braces doubled are literal") {
    std::vector<TextPiece> pieces;
    std::string problem;
    int column = 0;
    REQUIRE(split_holes("{sam.They} said {{hi}} to {name}.", pieces, problem, column));
    REQUIRE(pieces.size() == 4);
    CHECK((pieces[0].is_hole && pieces[0].text == "sam.They"));
    CHECK((!pieces[1].is_hole && pieces[1].text == " said {hi} to "));
    CHECK((pieces[2].is_hole && pieces[2].text == "name"));
    CHECK((!pieces[3].is_hole && pieces[3].text == "."));
}

TEST_CASE("holes: a broken brace is reported with its column") {
    std::vector<TextPiece> pieces;
    std::string problem;
    int column = 0;
    CHECK_FALSE(split_holes("Hi {sam.name", pieces, problem, column));
    CHECK(problem == "a '{' is never closed");
    CHECK(column == 4);
    CHECK_FALSE(split_holes("Hi {} there", pieces, problem, column));
    CHECK(problem == "'{}' names nothing");
    CHECK(column == 4);
    CHECK_FALSE(split_holes("Hi } there", pieces, problem, column));
    CHECK(problem == "a '}' has no matching '{'");
    CHECK(column == 4);
}

TEST_CASE("holes: a text ends where its view ends, whatever the bytes after it") {
    // A view cut from a longer text: the '}' closing it is unmatched even though the
    // text it was cut from goes on with another '}' (which would make "}}" a literal).
    const std::string whole = "ab}}";
    std::vector<TextPiece> pieces;
    std::string problem;
    int column = 0;
    CHECK_FALSE(split_holes(std::string_view(whole).substr(0, 3), pieces, problem, column));
    CHECK(problem == "a '}' has no matching '{'");
    CHECK(column == 3);
    const std::string braces = "{{{";
    REQUIRE(split_holes(std::string_view(braces).substr(0, 2), pieces, problem, column));
    REQUIRE(pieces.size() == 1);
    CHECK(pieces[0].text == "{");
}
