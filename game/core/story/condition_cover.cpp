#include "story/condition_cover.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <tuple>

namespace attune {

namespace {

using Op = Expression::Op;

// Beyond this many combinations of trial values the proof gives up (and the warning stays).
constexpr std::size_t max_cases = 4096;

using SlotKey = std::tuple<int, int, int>;

SlotKey key_of(const Slot& slot) {
    return {slot.kind, slot.index, slot.field};
}

bool is_comparison(Op op) {
    return op == Op::Less || op == Op::LessEqual || op == Op::Greater || op == Op::GreaterEqual ||
           op == Op::Equal || op == Op::NotEqual;
}

// Adds, for each name, the numbers it is compared with directly (`x < 55`, `55 >= x`).
// False when the condition does anything the trial values cannot cover: arithmetic, or a
// comparison whose sides are not one name and one number.
bool collect_thresholds(const Expression& condition, std::map<SlotKey, std::set<double>>& out) {
    const std::vector<Expression::Instruction>& code = condition.code();
    for (std::size_t i = 0; i < code.size(); ++i) {
        const Expression::Instruction& in = code[i];
        if (in.op == Op::Symbol) {
            out[key_of(condition.slots()[in.symbol])]; // a name used alone: 0 or not
            continue;
        }
        if (in.op == Op::Number || in.op == Op::Not || in.op == Op::And || in.op == Op::Or) {
            continue;
        }
        if (!is_comparison(in.op) || i < 2) {
            return false; // arithmetic, or a comparison with nothing plain before it
        }
        const Expression::Instruction& a = code[i - 2];
        const Expression::Instruction& b = code[i - 1];
        if (a.op == Op::Symbol && b.op == Op::Number) {
            out[key_of(condition.slots()[a.symbol])].insert(b.number);
        } else if (a.op == Op::Number && b.op == Op::Symbol) {
            out[key_of(condition.slots()[b.symbol])].insert(a.number);
        } else {
            return false;
        }
    }
    return true;
}

// One value inside each stretch that the thresholds cut the number line into, and each
// threshold itself: every comparison with a threshold is constant on each of these stretches.
std::vector<double> trial_values(std::set<double> thresholds) {
    thresholds.insert(0); // a name used alone is true or false on either side of 0
    std::vector<double> values;
    values.push_back(*thresholds.begin() - 1);
    for (auto it = thresholds.begin(); it != thresholds.end(); ++it) {
        values.push_back(*it);
        const auto next = std::next(it);
        values.push_back(next == thresholds.end() ? *it + 1 : (*it + *next) / 2);
    }
    return values;
}

// The environment of one trial: each name's value picked by its position in `choice`.
class TrialEnvironment : public Environment {
public:
    TrialEnvironment(const std::map<SlotKey, std::vector<double>>& values,
                     const std::vector<std::size_t>& choice)
        : values_(values), choice_(choice) {}

    double lookup(const Slot& slot) const override {
        const auto it = values_.find(key_of(slot));
        const std::size_t n = static_cast<std::size_t>(std::distance(values_.begin(), it));
        return it->second[choice_[n]];
    }

private:
    const std::map<SlotKey, std::vector<double>>& values_;
    const std::vector<std::size_t>& choice_;
};

} // namespace

bool one_condition_always_holds(const std::vector<const Expression*>& conditions) {
    std::map<SlotKey, std::set<double>> thresholds;
    for (const Expression* condition : conditions) {
        if (!collect_thresholds(*condition, thresholds)) {
            return false;
        }
    }
    std::map<SlotKey, std::vector<double>> values;
    std::size_t cases = 1;
    for (const auto& [slot, cuts] : thresholds) {
        values[slot] = trial_values(cuts);
        cases *= values[slot].size();
        if (cases > max_cases) {
            return false;
        }
    }
    // Every combination of trial values, counted like an odometer.
    std::vector<std::size_t> choice(values.size(), 0);
    for (std::size_t n = 0; n < cases; ++n) {
        const TrialEnvironment environment(values, choice);
        const bool some = std::any_of(conditions.begin(), conditions.end(),
                                      [&](const Expression* c) { return c->is_true(environment); });
        if (!some) {
            return false;
        }
        auto it = values.begin();
        for (std::size_t d = 0; d < choice.size(); ++d, ++it) {
            if (++choice[d] < it->second.size()) {
                break;
            }
            choice[d] = 0;
        }
    }
    return true;
}

} // namespace attune
