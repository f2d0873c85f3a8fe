#include "story/expression.h"

#include <doctest/doctest.h>

#include <array>
#include <map>

namespace {

using attune::Environment;
using attune::Expression;
using attune::ExpressionError;
using attune::Slot;

// Binds every symbol to its position and answers from a fixed table, by full name.
struct Table : Environment {
    std::map<std::string, double> values;
    std::vector<std::string> names;
    double lookup(const Slot& slot) const override { return values.at(names[slot.index]); }
};

double eval(const std::string& source, std::map<std::string, double> values) {
    Expression e;
    ExpressionError error;
    REQUIRE_MESSAGE(Expression::parse(source, e, error), error.message);
    Table table;
    table.values = std::move(values);
    for (std::size_t i = 0; i < e.symbols().size(); ++i) {
        const auto& s = e.symbols()[i];
        table.names.push_back(s.scope.empty() ? s.name : s.scope + "." + s.name);
        e.bind(i, Slot{0, static_cast<int>(i), 0});
    }
    return e.evaluate(table);
}

ExpressionError parse_error(const std::string& source) {
    Expression e;
    ExpressionError error;
    CHECK_FALSE(Expression::parse(source, e, error));
    return error;
}

} // namespace

TEST_CASE("conditions: comparisons, and/or/not and precedence") {
    CHECK(eval("sam.safety < 40 and not flag.apologized",
               {{"sam.safety", 30}, {"flag.apologized", 0}}) == 1);
    CHECK(eval("sam.safety < 40 and not flag.apologized",
               {{"sam.safety", 30}, {"flag.apologized", 1}}) == 0);
    CHECK(eval("sam.safety < 40 and not flag.apologized",
               {{"sam.safety", 50}, {"flag.apologized", 0}}) == 0);
    CHECK(eval("a or b and c", {{"a", 1}, {"b", 0}, {"c", 0}}) == 1); // and binds tighter
    CHECK(eval("(a or b) and c", {{"a", 1}, {"b", 0}, {"c", 0}}) == 0);
    // 'not' binds looser than a comparison: not (a == 2). With a = 3 the two readings
    // differ: (not 3) == 2 is false, not (3 == 2) is true.
    CHECK(eval("not a == 2", {{"a", 3}}) == 1);
    CHECK(eval("not a == 2", {{"a", 2}}) == 0);
    CHECK(eval("1 + 2 * 3 == 7", {}) == 1);
    CHECK(eval("-x + 10 >= 5", {{"x", 5}}) == 1);
    CHECK(eval("x != 3 and x <= 3", {{"x", 2}}) == 1);
    CHECK(eval("true and not false", {}) == 1);
}

TEST_CASE("conditions: visits() takes scene ids with dashes") {
    Expression e;
    ExpressionError error;
    REQUIRE(Expression::parse("visits(kitchen-2) > 1", e, error));
    REQUIRE(e.symbols().size() == 1);
    CHECK(e.symbols()[0].scope == "visits");
    CHECK(e.symbols()[0].name == "kitchen-2");
    CHECK(e.symbols()[0].column == 1);
    CHECK(eval("visits(kitchen) > 1", {{"visits.kitchen", 2}}) == 1);
}

TEST_CASE("conditions: keywords are whole words") {
    CHECK(eval("order > 1", {{"order", 2}}) == 1);
    CHECK(eval("notes and android", {{"notes", 1}, {"android", 1}}) == 1);
}

TEST_CASE("conditions: errors point at the column") {
    ExpressionError e = parse_error("sam.safety < 40 and (flag.x");
    CHECK(e.column == 28);
    CHECK(e.message == "a ')' is missing here");

    e = parse_error("sam.safety < 40 && flag.x");
    CHECK(e.column == 17);
    CHECK(e.message == "write 'and' instead of '&&'");

    e = parse_error("courage = 2");
    CHECK(e.column == 9);
    CHECK(e.message == "write '==' to compare; '=' alone is not a comparison");

    e = parse_error("sam. < 3");
    CHECK(e.column == 5);

    e = parse_error("");
    CHECK(e.message == "the condition is empty");

    e = parse_error("a < 3 b");
    CHECK(e.column == 7);
    CHECK(e.message == "unexpected 'b' here");

    e = parse_error("a <");
    CHECK(e.column == 4);
}

TEST_CASE("conditions: nesting is bounded, never a stack overflow") {
    const std::string deep = std::string(10000, '(') + "1" + std::string(10000, ')');
    const ExpressionError e = parse_error(deep);
    CHECK(e.message == "the condition is nested too deeply");
    CHECK(eval(std::string(20, '(') + "1" + std::string(20, ')'), {}) == 1);
    CHECK_FALSE(parse_error(std::string(5000, '-') + "1").message.empty());
}

TEST_CASE("conditions: every comparison at, below and above its boundary") {
    // Bundled stories compare at the boundary (nkem.safety < 55 and >= 55).
    const std::map<std::string, std::array<double, 3>> expected = {
        // op        x = 54, 55, 56
        {"<", {1, 0, 0}},  {"<=", {1, 1, 0}}, {">", {0, 0, 1}},
        {">=", {0, 1, 1}}, {"==", {0, 1, 0}}, {"!=", {1, 0, 1}},
    };
    for (const auto& [op, results] : expected) {
        for (int i = 0; i < 3; ++i) {
            const double x = 54 + i;
            CAPTURE(op);
            CAPTURE(x);
            CHECK(eval("x " + op + " 55", {{"x", x}}) == results[i]);
            // The same comparison with the operands the other way round.
            const double mirrored = eval("55 " + op + " x", {{"x", x}});
            CHECK(mirrored == results[2 - i]);
        }
    }
}

TEST_CASE("conditions: the nesting limit counts depth, not how often 'not', '-' or '(' appear") {
    // Forty of each side by side, never more than two deep: well past the limit of 32 if
    // the parser forgot to step back out of each one.
    std::string nots, negations, groups;
    for (int i = 0; i < 40; ++i) {
        nots += (i ? " and " : "") + std::string("not a");
        negations += (i ? " + " : "") + std::string("-a");
        groups += (i ? " or " : "") + std::string("(a)");
    }
    CHECK(eval(nots, {{"a", 0}}) == 1);
    CHECK(eval(nots, {{"a", 1}}) == 0);
    CHECK(eval(negations + " == -80", {{"a", 2}}) == 1);
    CHECK(eval(groups, {{"a", 1}}) == 1);
}

TEST_CASE("conditions: arithmetic keeps its operand order") {
    CHECK(eval("a - b", {{"a", 10}, {"b", 3}}) == 7);
    CHECK(eval("b - a", {{"a", 10}, {"b", 3}}) == -7);
    CHECK(eval("a - b - c", {{"a", 10}, {"b", 3}, {"c", 2}}) == 5); // (a - b) - c
    CHECK(eval("a + b", {{"a", 10}, {"b", 3}}) == 13);
    CHECK(eval("a * b", {{"a", 10}, {"b", 3}}) == 30);
    CHECK(eval("a * b - c", {{"a", 4}, {"b", 3}, {"c", 2}}) == 10);
    CHECK(eval("c - a * b", {{"a", 4}, {"b", 3}, {"c", 2}}) == -10);
    CHECK(eval("-a", {{"a", 4}}) == -4);
    CHECK(eval("--a", {{"a", 4}}) == 4);
    CHECK(eval("2.5 * 2", {}) == 5);
    CHECK(eval("a - b < 0", {{"a", 1}, {"b", 2}}) == 1);
}

TEST_CASE("conditions: and, or and not over every pair of truth values") {
    for (int a = 0; a < 2; ++a) {
        for (int b = 0; b < 2; ++b) {
            CAPTURE(a);
            CAPTURE(b);
            CHECK(eval("a and b", {{"a", a}, {"b", b}}) == (a && b ? 1 : 0));
            CHECK(eval("a or b", {{"a", a}, {"b", b}}) == (a || b ? 1 : 0));
            CHECK(eval("not a", {{"a", a}}) == (a ? 0 : 1));
        }
    }
    // Any non-zero value is true, and the result is always 0 or 1.
    CHECK(eval("a and b", {{"a", 5}, {"b", -2}}) == 1);
    CHECK(eval("a or b", {{"a", 0}, {"b", 0.5}}) == 1);
    CHECK(eval("not not a", {{"a", 7}}) == 1);
    CHECK(eval("true", {}) == 1);
    CHECK(eval("false", {}) == 0);
}

TEST_CASE("conditions: symbols keep their scope, name and column") {
    Expression e;
    ExpressionError error;
    REQUIRE(Expression::parse("a < 2 and  sam.safety > visits(x-1)", e, error));
    REQUIRE(e.symbols().size() == 3);
    CHECK(e.symbols()[0].scope.empty());
    CHECK(e.symbols()[0].name == "a");
    CHECK(e.symbols()[0].column == 1);
    CHECK(e.symbols()[1].scope == "sam");
    CHECK(e.symbols()[1].name == "safety");
    CHECK(e.symbols()[1].column == 12);
    CHECK(e.symbols()[2].scope == "visits");
    CHECK(e.symbols()[2].name == "x-1");
    CHECK(e.symbols()[2].column == 25);
    CHECK(e.source() == "a < 2 and  sam.safety > visits(x-1)");
    CHECK_FALSE(e.empty());
}

TEST_CASE("conditions: more errors, each at its column") {
    ExpressionError e = parse_error("a and !b");
    CHECK(e.column == 7);
    CHECK(e.message == "write 'not' instead of '!'");
    e = parse_error("a || b");
    CHECK(e.column == 3);
    CHECK(e.message == "write 'or' instead of '||'");
    e = parse_error("sam.2 > 1");
    CHECK(e.column == 5);
    CHECK(e.message == "a name must follow '.'");
    e = parse_error("visits() > 1");
    CHECK(e.column == 8);
    CHECK(e.message == "visits() needs a scene id, as in visits(kitchen)");
    e = parse_error("visits(a b) > 1");
    CHECK(e.column == 10);
    CHECK(e.message == "a ')' is missing after the scene id");
    e = parse_error("a < #");
    CHECK(e.column == 5);
    CHECK(e.message == "expected a number, a name or '(' but found '#'");
    e = parse_error("a and");
    CHECK(e.column == 6);
    CHECK(e.message == "the condition ends too early; something is missing here");
    e = parse_error("   ");
    CHECK(e.message == "the condition is empty");
    // Exactly at the nesting limit is fine; one more is too deep.
    Expression ok;
    ExpressionError none;
    CHECK(Expression::parse(std::string(31, '(') + "1" + std::string(31, ')'), ok, none));
    CHECK(parse_error(std::string(32, '(') + "1" + std::string(32, ')')).message ==
          "the condition is nested too deeply");
}
