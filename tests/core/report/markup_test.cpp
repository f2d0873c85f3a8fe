// Markdown escaping and fixed decimals, as the debrief and the facilitator's guide write them.

#include "report/markup.h"

#include <doctest/doctest.h>

using attune::report::fixed;
using attune::report::markdown_escape;

TEST_CASE("markup: every character Markdown would read as markup is escaped, and only those") {
    CHECK(markdown_escape("") == "");
    CHECK(markdown_escape("plain words, 3 + 4 - 1 # 2.") == "plain words, 3 + 4 - 1 # 2.");
    CHECK(markdown_escape(R"(\*_`[]<>|)") == R"(\\\*\_\`\[\]\<\>\|)");
    CHECK(markdown_escape("a*b_c") == "a\\*b\\_c");
    CHECK(markdown_escape("x!(){}.~") == "x!(){}.~");
}

TEST_CASE("markup: '#', '-' and '+' are escaped only at the start of a line, and a new line is a "
          "space") {
    CHECK(markdown_escape("# heading") == "\\# heading");
    CHECK(markdown_escape("- item") == "\\- item");
    CHECK(markdown_escape("+ item") == "\\+ item");
    CHECK(markdown_escape("a#-+") == "a#-+");
    CHECK(markdown_escape("one\n# two\n-three\n+four") == "one \\# two \\-three \\+four");
    CHECK(markdown_escape("one\n x#") == "one  x#"); // a space first: not at the start
    CHECK(markdown_escape("\n\n") == "  ");
    CHECK(markdown_escape("\n*") == " \\*");
}

TEST_CASE("markup: numbers are written with exactly the decimals asked for") {
    CHECK(fixed(0, 2) == "0.00");
    CHECK(fixed(42.5, 2) == "42.50");
    CHECK(fixed(-3.14159, 3) == "-3.142");
    CHECK(fixed(55.0049, 2) == "55.00");
    CHECK(fixed(7.6, 0) == "8");
    CHECK(fixed(1e6, 1) == "1000000.0");
}
