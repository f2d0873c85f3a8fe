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
