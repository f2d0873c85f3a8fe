#include "story/expression.h"

#include <cctype>
#include <charconv>

namespace attune {

namespace {

constexpr int max_nesting = 32;

bool is_name_start(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

} // namespace

/// Recursive descent over the grammar below, emitting postfix code as it goes.
///   or      := and ('or' and)*
///   and     := not ('and' not)*
///   not     := 'not' not | compare
///   compare := sum (('<'|'<='|'>'|'>='|'=='|'!=') sum)?
///   sum     := product (('+'|'-') product)*
///   product := unary ('*' unary)*
///   unary   := '-' unary | primary
///   primary := number | 'true' | 'false' | name ['.' name] | 'visits' '(' id ')' | '(' or ')'
class ExpressionParser {
public:
    ExpressionParser(std::string_view text, Expression& out, ExpressionError& error)
        : text_(text), out_(out), error_(error) {}

    bool run() {
        skip_space();
        if (at_end()) {
            return fail(pos_, "the condition is empty");
        }
        if (!parse_or()) {
            return false;
        }
        if (!at_end()) {
            return fail(pos_, "unexpected '" + std::string(rest_word()) + "' here");
        }
        return true;
    }

private:
    std::string_view text_;
    Expression& out_;
    ExpressionError& error_;
    std::size_t pos_ = 0;
    int depth_ = 0;

    bool at_end() const { return pos_ >= text_.size(); }
    char peek(std::size_t ahead = 0) const {
        return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
    }
    void skip_space() {
        while (!at_end() && std::isspace(static_cast<unsigned char>(peek()))) {
            ++pos_;
        }
    }
    std::string_view rest_word() const {
        std::size_t end = pos_;
        while (end < text_.size() && !std::isspace(static_cast<unsigned char>(text_[end]))) {
            ++end;
        }
        return text_.substr(pos_, std::max<std::size_t>(end - pos_, 1));
    }
    bool fail(std::size_t at, std::string message) {
        error_.column = static_cast<int>(at) + 1;
        error_.message = std::move(message);
        return false;
    }
    void emit(Expression::Op op) { out_.compiled_->code.push_back({op, 0, 0}); }

    // Matches a keyword only as a whole word ("order" is not "or").
    bool keyword(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word || is_name_char(peek(word.size()))) {
            return false;
        }
        pos_ += word.size();
        skip_space();
        return true;
    }
    bool symbol(std::string_view op) {
        if (text_.substr(pos_, op.size()) != op) {
            return false;
        }
        pos_ += op.size();
        skip_space();
        return true;
    }

    bool parse_or() {
        if (++depth_ > max_nesting) {
            return fail(pos_, "the condition is nested too deeply");
        }
        if (!parse_and()) {
            return false;
        }
        while (keyword("or")) {
            if (!parse_and()) {
                return false;
            }
            emit(Expression::Op::Or);
        }
        if (peek() == '|' && peek(1) == '|') {
            return fail(pos_, "write 'or' instead of '||'");
        }
        --depth_;
        return true;
    }

    bool parse_and() {
        if (!parse_not()) {
            return false;
        }
        while (keyword("and")) {
            if (!parse_not()) {
                return false;
            }
            emit(Expression::Op::And);
        }
        if (peek() == '&') {
            return fail(pos_, "write 'and' instead of '&&'");
        }
        return true;
    }

    bool parse_not() {
        if (keyword("not")) {
            if (++depth_ > max_nesting) {
                return fail(pos_, "the condition is nested too deeply");
            }
            if (!parse_not()) {
                return false;
            }
            --depth_;
            emit(Expression::Op::Not);
            return true;
        }
        if (peek() == '!' && peek(1) != '=') {
            return fail(pos_, "write 'not' instead of '!'");
        }
        return parse_compare();
    }

    bool parse_compare() {
        if (!parse_sum()) {
            return false;
        }
        struct Comparison {
            std::string_view text;
            Expression::Op op;
        };
        static constexpr Comparison comparisons[] = {
            {"<=", Expression::Op::LessEqual}, {">=", Expression::Op::GreaterEqual},
            {"==", Expression::Op::Equal},     {"!=", Expression::Op::NotEqual},
            {"<", Expression::Op::Less},       {">", Expression::Op::Greater},
        };
        for (const Comparison& c : comparisons) {
            if (symbol(c.text)) {
                if (!parse_sum()) {
                    return false;
                }
                emit(c.op);
                return true;
            }
        }
        if (peek() == '=') {
            return fail(pos_, "write '==' to compare; '=' alone is not a comparison");
        }
        return true;
    }

    bool parse_sum() {
        if (!parse_product()) {
            return false;
        }
        for (;;) {
            if (symbol("+")) {
                if (!parse_product()) {
                    return false;
                }
                emit(Expression::Op::Add);
            } else if (symbol("-")) {
                if (!parse_product()) {
                    return false;
                }
                emit(Expression::Op::Subtract);
            } else {
                return true;
            }
        }
    }

    bool parse_product() {
        if (!parse_unary()) {
            return false;
        }
        while (symbol("*")) {
            if (!parse_unary()) {
                return false;
            }
            emit(Expression::Op::Multiply);
        }
        return true;
    }

    bool parse_unary() {
        if (symbol("-")) {
            if (++depth_ > max_nesting) {
                return fail(pos_, "the condition is nested too deeply");
            }
            if (!parse_unary()) {
                return false;
            }
            --depth_;
            emit(Expression::Op::Negate);
            return true;
        }
        return parse_primary();
    }

    bool parse_primary() {
        if (at_end()) {
            return fail(pos_, "the condition ends too early; something is missing here");
        }
        if (symbol("(")) {
            if (!parse_or()) {
                return false;
            }
            if (!symbol(")")) {
                return fail(pos_, "a ')' is missing here");
            }
            return true;
        }
        if (std::isdigit(static_cast<unsigned char>(peek())) || peek() == '.') {
            return parse_number();
        }
        if (is_name_start(peek())) {
            return parse_name();
        }
        return fail(pos_, "expected a number, a name or '(' but found '" +
                              std::string(rest_word()) + "'");
    }

    bool parse_number() {
        const std::size_t start = pos_;
        double value = 0;
        const auto [end, ec] =
            std::from_chars(text_.data() + pos_, text_.data() + text_.size(), value);
        if (ec != std::errc()) {
            return fail(start, "this is not a number");
        }
        pos_ = static_cast<std::size_t>(end - text_.data());
        skip_space();
        out_.compiled_->code.push_back({Expression::Op::Number, value, 0});
        return true;
    }

    std::string_view read_name() {
        const std::size_t start = pos_;
        while (!at_end() && is_name_char(peek())) {
            ++pos_;
        }
        return text_.substr(start, pos_ - start);
    }

    bool parse_name() {
        const std::size_t start = pos_;
        const std::string_view first = read_name();
        if (first == "true" || first == "false") {
            skip_space();
            out_.compiled_->code.push_back(
                {Expression::Op::Number, first == "true" ? 1.0 : 0.0, 0});
            return true;
        }
        if (first == "visits" && peek() == '(') {
            return parse_visits(start);
        }
        Symbol symbol{"", std::string(first), static_cast<int>(start) + 1};
        if (peek() == '.') {
            ++pos_;
            if (!is_name_start(peek())) {
                return fail(pos_, "a name must follow '.'");
            }
            symbol.scope = symbol.name;
            symbol.name = std::string(read_name());
        }
        skip_space();
        add_symbol(std::move(symbol));
        return true;
    }

    // visits(scene-id): scene ids may hold '-', which is why this is not a plain name.
    bool parse_visits(std::size_t start) {
        ++pos_;
        skip_space();
        const std::size_t id_start = pos_;
        while (!at_end() && peek() != ')' && !std::isspace(static_cast<unsigned char>(peek()))) {
            ++pos_;
        }
        if (pos_ == id_start) {
            return fail(pos_, "visits() needs a scene id, as in visits(kitchen)");
        }
        const std::string id(text_.substr(id_start, pos_ - id_start));
        skip_space();
        if (!symbol(")")) {
            return fail(pos_, "a ')' is missing after the scene id");
        }
        add_symbol({"visits", id, static_cast<int>(start) + 1});
        return true;
    }

    void add_symbol(Symbol symbol) {
        out_.compiled_->code.push_back(
            {Expression::Op::Symbol, 0, static_cast<int>(out_.compiled_->symbols.size())});
        out_.compiled_->symbols.push_back(std::move(symbol));
        out_.compiled_->slots.push_back({});
    }
};

Expression::Expression(const Expression& other)
    : compiled_(other.compiled_ ? std::make_unique<Compiled>(*other.compiled_) : nullptr) {}

Expression& Expression::operator=(const Expression& other) {
    if (this != &other) {
        compiled_ = other.compiled_ ? std::make_unique<Compiled>(*other.compiled_) : nullptr;
    }
    return *this;
}

Expression::~Expression() = default;

const std::string& Expression::source() const {
    static const std::string none;
    return compiled_ ? compiled_->source : none;
}

const std::vector<Symbol>& Expression::symbols() const {
    static const std::vector<Symbol> none;
    return compiled_ ? compiled_->symbols : none;
}

const std::vector<Expression::Instruction>& Expression::code() const {
    static const std::vector<Instruction> none;
    return compiled_ ? compiled_->code : none;
}

const std::vector<Slot>& Expression::slots() const {
    static const std::vector<Slot> none;
    return compiled_ ? compiled_->slots : none;
}

bool Expression::parse(std::string_view source, Expression& out, ExpressionError& error) {
    out = Expression{};
    out.compiled_ = std::make_unique<Compiled>();
    out.compiled_->source = std::string(source);
    ExpressionParser parser(out.compiled_->source, out, error);
    if (!parser.run()) {
        out = Expression{};
        return false;
    }
    return true;
}

double Expression::evaluate(const Environment& environment) const {
    // Depth is bounded by the parser's nesting limit, so a fixed stack suffices.
    double stack[8 * max_nesting + 16]; // each nesting level holds at most 5 pending operands
    int top = 0;
    if (!compiled_) {
        return 0.0;
    }
    for (const Instruction& in : compiled_->code) {
        if (in.op == Op::Number) {
            stack[top++] = in.number;
            continue;
        }
        if (in.op == Op::Symbol) {
            stack[top++] = environment.lookup(compiled_->slots[in.symbol]);
            continue;
        }
        if (in.op == Op::Not || in.op == Op::Negate) {
            stack[top - 1] =
                in.op == Op::Not ? (stack[top - 1] == 0.0 ? 1.0 : 0.0) : -stack[top - 1];
            continue;
        }
        const double b = stack[--top];
        const double a = stack[top - 1];
        double r = 0;
        switch (in.op) {
        case Op::And:
            r = (a != 0.0 && b != 0.0) ? 1 : 0;
            break;
        case Op::Or:
            r = (a != 0.0 || b != 0.0) ? 1 : 0;
            break;
        case Op::Less:
            r = a < b;
            break;
        case Op::LessEqual:
            r = a <= b;
            break;
        case Op::Greater:
            r = a > b;
            break;
        case Op::GreaterEqual:
            r = a >= b;
            break;
        case Op::Equal:
            r = a == b;
            break;
        case Op::NotEqual:
            r = a != b;
            break;
        case Op::Add:
            r = a + b;
            break;
        case Op::Subtract:
            r = a - b;
            break;
        case Op::Multiply:
            r = a * b;
            break;
        default:
            break;
        }
        stack[top - 1] = r;
    }
    return top > 0 ? stack[top - 1] : 0.0;
}

} // namespace attune
