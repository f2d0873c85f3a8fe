#pragma once
// The problems every checked JSON reader finds (a key missing, of the wrong kind, out of
// range, unknown), worded once: a story and a parameter file say the same thing about
// the same problem.

#include "base/json_document.h"

#include <string>
#include <string_view>
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

} // namespace attune
