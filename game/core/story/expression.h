#pragma once
// Conditions authors write in stories: `sam.safety < 40 and not flag.apologized`,
// `visits(kitchen) > 1`. Parsed once when a story loads, into postfix code that
// evaluates without recursion or allocation.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace attune {

/// A name as written in a condition: `flag.apologized` is {"flag", "apologized"},
/// `sam.safety` is {"sam", "safety"}, `visits(kitchen)` is {"visits", "kitchen"},
/// a bare `courage` is {"", "courage"}.
struct Symbol {
    std::string scope;
    std::string name;
    int column = 0; ///< 1-based, within the expression text
};

/// What a symbol refers to once the story has resolved it. The story decides what
/// `kind`, `index` and `field` mean; the expression only carries them.
struct Slot {
    int kind = 0;
    int index = 0;
    int field = 0;
};

/// Supplies the value of a resolved slot while evaluating.
class Environment {
public:
    virtual ~Environment() = default;
    virtual double lookup(const Slot& slot) const = 0;
};

/// A syntax error, pointing at the column where it was found.
struct ExpressionError {
    int column = 0;
    std::string message;
};

/// An immutable, parsed condition.
class Expression {
public:
    /// Parses `source`; on failure returns false and fills `error`.
    static bool parse(std::string_view source, Expression& out, ExpressionError& error);

    Expression() = default;
    Expression(const Expression& other);
    Expression& operator=(const Expression& other);
    Expression(Expression&&) noexcept = default;
    Expression& operator=(Expression&&) noexcept = default;
    ~Expression();

    const std::string& source() const;
    bool empty() const { return !compiled_ || compiled_->code.empty(); }

    /// The names the expression uses, in order of appearance.
    const std::vector<Symbol>& symbols() const;

    /// What each symbol was bound to (parallel to symbols()).
    const std::vector<Slot>& slots() const;

    /// Gives symbol `i` of a parsed expression its meaning (called by the story loader
    /// for every symbol).
    void bind(std::size_t i, Slot slot) { compiled_->slots[i] = slot; }

    double evaluate(const Environment& environment) const;
    bool is_true(const Environment& environment) const { return evaluate(environment) != 0.0; }

    enum class Op : std::uint8_t {
        Number,
        Symbol,
        Not,
        Negate,
        And,
        Or,
        Less,
        LessEqual,
        Greater,
        GreaterEqual,
        Equal,
        NotEqual,
        Add,
        Subtract,
        Multiply,
    };
    struct Instruction {
        Op op = Op::Number;
        double number = 0; ///< for Number
        int symbol = 0;    ///< for Symbol: index into symbols()
    };

    /// The postfix code, for proofs about conditions (see condition_cover.h).
    const std::vector<Instruction>& code() const;

private:
    struct Compiled {
        std::string source;
        std::vector<Instruction> code; // postfix
        std::vector<Symbol> symbols;
        std::vector<Slot> slots;
    };
    // Null for no condition, as most lines and choices have: a story of 45,000 scenes
    // holds 300,000 of them, so an empty one costs a pointer, not four containers.
    std::unique_ptr<Compiled> compiled_;
    friend class ExpressionParser;
};

} // namespace attune
