#include "story/expression.h"

#include <doctest/doctest.h>

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
