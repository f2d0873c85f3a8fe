// libFuzzer target: the condition parser, and evaluating whatever it accepts with every
// symbol bound, so the postfix code it produces is run too.

#include "story/expression.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

// Gives each slot a different value (including zero and a negative one) so comparisons
// and short-circuit paths go both ways.
class Values : public attune::Environment {
public:
    double lookup(const attune::Slot& slot) const override { return slot.index % 5 - 1.5; }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view source(reinterpret_cast<const char*>(data), size);
    attune::Expression expression;
    attune::ExpressionError error;
    if (attune::Expression::parse(source, expression, error)) {
        for (std::size_t i = 0; i < expression.symbols().size(); ++i) {
            expression.bind(i, attune::Slot{0, static_cast<int>(i), 0});
        }
        expression.evaluate(Values{});
    }
    return 0;
}
