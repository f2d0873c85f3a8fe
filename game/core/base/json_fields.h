#pragma once
// The problems every checked JSON reader finds (a key missing, of the wrong kind, out of
// range, unknown), worded once: a story and a parameter file say the same thing about
// the same problem.

#include "base/json_document.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace attune {

/// How a value's kind is named to people: "text", "a number", "a list", "an object",
/// "true/false", "null".
std::string kind_words(const nlohmann::json& value);

/// A number as people write it: 2, 0.5, 1e+30.
std::string number_words(double value);

/// Closest candidate to `name` when it is plausibly a typo of it, else "".
std::string nearest_name(std::string_view name, const std::vector<std::string>& candidates);

/// "Did you mean 'x'? " when a candidate is near, else "".
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

/// `key` is missing from the object at `object_pointer`; `expected` says what it holds
/// ("text in quotes", "a number from 0 to 1").
Diagnostic missing_key(const JsonDocument& doc, const std::string& object_pointer,
                       const std::string& key, const std::string& expected);

/// The value at `pointer` (named `key`) is of the wrong kind.
Diagnostic wrong_kind(const JsonDocument& doc, const std::string& pointer, const std::string& key,
                      const std::string& expected, const nlohmann::json& value);

/// The number at `pointer` (named `key`) is outside [low, high], or not whole when
/// `whole` is asked for.
Diagnostic out_of_range(const JsonDocument& doc, const std::string& pointer, const std::string& key,
                        double value, double low, double high, bool whole = false);

/// `key` at `pointer` is not one of `allowed`.
Diagnostic unknown_key(const JsonDocument& doc, const std::string& pointer, const std::string& key,
                       const std::vector<std::string>& allowed);

/// A whole number that type T can hold, read from untrusted JSON (a save, a slot), or an
/// exception the caller turns into "damaged". nlohmann's get<T>() converts a fraction or an
/// out-of-range number with a plain cast, which is undefined for values T cannot hold.
template <class T> T whole_number(const nlohmann::json& value) {
    if (value.is_number_unsigned()) {
        const std::uint64_t n = value.get<std::uint64_t>();
        if (std::in_range<T>(n)) {
            return static_cast<T>(n);
        }
    } else if (value.is_number_integer()) {
        const std::int64_t n = value.get<std::int64_t>();
        if (std::in_range<T>(n)) {
            return static_cast<T>(n);
        }
    }
    throw std::out_of_range("not a whole number in range: " + value.dump());
}

} // namespace attune
