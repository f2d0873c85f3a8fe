#include "base/json_fields.h"

#include <algorithm>
#include <cmath>

namespace attune {

namespace {

std::string in_quotes(std::string_view s) {
    return "'" + std::string(s) + "'";
}

std::string range_words(double low, double high) {
    return number_words(low) + " to " + number_words(high);
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) {
        out += (out.empty() ? "" : ", ") + w;
    }
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

std::string kind_words(const nlohmann::json& value) {
    switch (value.type()) {
    case nlohmann::json::value_t::string:
        return "text";
    case nlohmann::json::value_t::boolean:
        return "true/false";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
        return "a number";
    case nlohmann::json::value_t::array:
        return "a list";
    case nlohmann::json::value_t::object:
        return "an object";
    default:
        return "null";
    }
}

std::string number_words(double value) {
    if (value == std::floor(value) && std::abs(value) < 1e15) {
        return std::to_string(static_cast<long long>(value));
    }
    return nlohmann::json(value).dump();
}

std::string nearest_name(std::string_view name, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, name.size() / 3) + 1;
    for (const std::string& candidate : candidates) {
        if (candidate.empty() || name.size() > 200) {
            continue;
        }
        const std::size_t d = edit_distance(name, candidate);
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
    const std::string near = nearest_name(name, candidates);
    return near.empty() ? "" : "Did you mean " + in_quotes(near) + "? ";
}

Diagnostic missing_key(const JsonDocument& doc, const std::string& object_pointer,
                       const std::string& key, const std::string& expected) {
    return doc.problem("missing-key", object_pointer, "missing " + in_quotes(key),
                       "Add \"" + key + "\": " + expected + " to this object.");
}

Diagnostic wrong_kind(const JsonDocument& doc, const std::string& pointer, const std::string& key,
                      const std::string& expected, const nlohmann::json& value) {
    return doc.problem("wrong-type", pointer,
                       in_quotes(key) + " should be " + expected + " but is " + kind_words(value),
                       "Write " + expected + " here.");
}

Diagnostic out_of_range(const JsonDocument& doc, const std::string& pointer, const std::string& key,
                        double value, double low, double high, bool whole) {
    return doc.problem("out-of-range", pointer,
                       in_quotes(key) + " is " + number_words(value) + ", outside " +
                           (whole ? "the whole numbers " : "") + range_words(low, high),
                       std::string("Use a ") + (whole ? "whole " : "") + "number from " +
                           range_words(low, high) + ".");
}

Diagnostic unknown_key(const JsonDocument& doc, const std::string& pointer, const std::string& key,
                       const std::vector<std::string>& allowed) {
    return doc.problem("unknown-key", pointer, "unknown key " + in_quotes(key),
                       did_you_mean(key, allowed) + "Allowed here: " + joined(allowed) + ".");
}

} // namespace attune
