// Conditions: a mistake on the right of an operator is reported where it is, as the same
// mistake alone would be (the parser stops at the first mistake, never reports a later
// one), and the nesting limit holds for 'not' as for brackets.

#include "story/expression.h"

#include <doctest/doctest.h>

#include <string>

namespace {

using attune::Expression;
using attune::ExpressionError;

ExpressionError parse_error(const std::string& source) {
    Expression e;
    ExpressionError error;
    CHECK_FALSE(Expression::parse(source, e, error));
    return error;
}

bool parses(const std::string& source) {
    Expression e;
    ExpressionError error;
    return Expression::parse(source, e, error);
}

} // namespace

TEST_CASE("conditions: a mistake right of each operator is reported at its own column") {
    // "(b" never closes: the ')' is missing at the end, column 11 for "a OP (b" with a
    // three-letter operator; what follows the mistake never replaces it.
    struct Case {
        const char* source;
        int column;
    };
    const Case cases[] = {
        {"a or (b #", 9}, {"a and (b #", 10}, {"not (b #", 8},
        {"a + (b #", 8},  {"a - (b #", 8},    {"a * (b #", 8},
        {"a < (b #", 8},  {"a == (b #", 9},   {"a or not (b #", 13},
    };
    for (const Case& c : cases) {
        INFO(c.source);
        const ExpressionError e = parse_error(c.source);
        CHECK(e.message == "a ')' is missing here");
        CHECK(e.column == c.column);
    }
    // A mistake in the left operand is reported there, not at the operator after it.
    const ExpressionError left = parse_error("(a # b) or c");
    CHECK(left.message == "a ')' is missing here");
    CHECK(left.column == 4);
    // An empty right operand: the condition ends too early, just after the operator.
    for (const char* source : {"a or", "a and", "not", "a +", "a -", "a *", "a <"}) {
        INFO(source);
        const ExpressionError e = parse_error(source);
        CHECK(e.message == "the condition ends too early; something is missing here");
        CHECK(e.column == static_cast<int>(std::string(source).size()) + 1);
    }
}

TEST_CASE("conditions: 'not' counts toward the nesting limit like a bracket") {
    // Each 'not' nests one deeper; 31 of them is within the limit of 32 with the whole
    // condition, 32 is one too many.
    std::string ok, deep;
    for (int i = 0; i < 31; ++i) {
        ok += "not ";
    }
    deep = ok + "not ";
    CHECK(parses(ok + "a"));
    const ExpressionError e = parse_error(deep + "a");
    CHECK(e.message == "the condition is nested too deeply");
    CHECK(e.column == static_cast<int>(deep.size()) + 1);
}

TEST_CASE("conditions: a number too large to hold is not a number") {
    const ExpressionError e = parse_error("a > 1e999");
    CHECK(e.message == "this is not a number");
    CHECK(e.column == 5);
    CHECK(parses("a > 1e300"));
}

TEST_CASE("conditions: an empty condition is 0, and a copy assigned to itself still works") {
    struct None : attune::Environment {
        double lookup(const attune::Slot&) const override { return 0; }
    };
    CHECK(Expression{}.evaluate(None{}) == 0);
    Expression e;
    ExpressionError error;
    REQUIRE(Expression::parse("2 * 3 + 1", e, error));
    Expression& same = e;
    e = same;
    CHECK(e.evaluate(None{}) == 7);
    Expression copy;
    copy = e;
    CHECK(copy.evaluate(None{}) == 7);
    CHECK(e.evaluate(None{}) == 7);
}

TEST_CASE("conditions: a lone '|' or a '!' before '=' is not taken for the operator it starts") {
    struct Case {
        const char* source;
        const char* message;
        int column;
    };
    const Case cases[] = {
        {"a | b", "unexpected '|' here", 3},
        {"a || b", "write 'or' instead of '||'", 3},
        {"a & b", "write 'and' instead of '&&'", 3}, // a lone '&' means 'and' too
        {"a && b", "write 'and' instead of '&&'", 3},
        {"!= 2", "expected a number, a name or '(' but found '!='", 1},
        {"!a", "write 'not' instead of '!'", 1},
        {"a == 1 |", "unexpected '|' here", 8},
        {"a ==", "the condition ends too early; something is missing here", 5},
        {"(a", "a ')' is missing here", 3},
        {"visits(kitchen", "a ')' is missing after the scene id", 15},
        {"visits( ) > 1", "visits() needs a scene id, as in visits(kitchen)", 9},
    };
    for (const Case& c : cases) {
        INFO(std::string(c.source));
        const ExpressionError e = parse_error(c.source);
        CHECK(e.message == std::string(c.message));
        CHECK(e.column == c.column);
    }
    // What is fine: a name may start with '_', a number with '.', and 'visits' alone is a name.
    CHECK(parses("_x > .5"));
    CHECK(parses("visits > 1"));
    CHECK(parses("a != 1 and not b"));
    CHECK(parses("visits( kitchen ) > 1"));
}
