#include "interchange/story_text.h"

#include "base/json_document.h"

#include <algorithm>
#include <string_view>

namespace attune {

namespace {

using nlohmann::ordered_json;

constexpr std::size_t line_width = 100;

// Every key of the format, in the order the docs list them. One list serves every kind
// of object because each kind's keys appear in it in that kind's order.
constexpr std::string_view key_order[] = {"$schema",
                                          "format",
                                          "id",
                                          "kind",
                                          "title",
                                          "version",
                                          "language",
                                          "summary",
                                          "relationship",
                                          "minutes",
                                          "age_band",
                                          "content_notes",
                                          "author",
                                          "player",
                                          "start",
                                          "flags",
                                          "variables",
                                          "name",
                                          "pronouns",
                                          "role",
                                          "anxiety",
                                          "avoidance",
                                          "safety",
                                          "distance",
                                          "arousal",
                                          "rupture",
                                          "window",
                                          "low",
                                          "high",
                                          "color",
                                          "speaker",
                                          "lines",
                                          "text",
                                          "if",
                                          "moves",
                                          "move",
                                          "to",
                                          "when_unavailable",
                                          "reason",
                                          "effects",
                                          "set",
                                          "clear",
                                          "add",
                                          "assign",
                                          "adjust",
                                          "next",
                                          "facilitator_note",
                                          "discussion",
                                          "choices",
                                          "reflection",
                                          "characters",
                                          "scenes",
                                          "endings",
                                          "ifid",
                                          "zoom"};

std::size_t rank(const std::string& key) {
    const auto it = std::find(std::begin(key_order), std::end(key_order), key);
    return static_cast<std::size_t>(it - std::begin(key_order));
}

// Objects whose keys are names the author chose (variables, characters in "adjust"):
// their order is the author's.
bool keyed_by_names(const std::string& key) {
    return key == "variables" || key == "add" || key == "assign" || key == "adjust";
}

std::string scalar(const ordered_json& value) {
    return dump_json(value);
}

// The value on one line, with a space inside braces and after commas.
std::string one_line(const ordered_json& value, bool names);

std::vector<std::pair<std::string, const ordered_json*>> ordered_items(const ordered_json& object,
                                                                       bool names) {
    std::vector<std::pair<std::string, const ordered_json*>> items;
    for (auto it = object.begin(); it != object.end(); ++it) {
        items.emplace_back(it.key(), &it.value());
    }
    if (!names) {
        std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
            return rank(a.first) < rank(b.first);
        });
    }
    return items;
}

std::string one_line(const ordered_json& value, bool names) {
    if (value.is_object()) {
        if (value.empty()) {
            return "{}";
        }
        std::string out = "{ ";
        bool first = true;
        for (const auto& [key, item] : ordered_items(value, names)) {
            out += (first ? "" : ", ") + scalar(key) + ": " + one_line(*item, keyed_by_names(key));
            first = false;
        }
        return out + " }";
    }
    if (value.is_array()) {
        if (value.empty()) {
            return "[]";
        }
        std::string out = "[";
        for (std::size_t i = 0; i < value.size(); ++i) {
            out += (i ? ", " : "") + one_line(value[i], false);
        }
        return out + "]";
    }
    return scalar(value);
}

// Scenes, choices, characters and endings (objects with an "id") open out even when short,
// and so does a list holding one, so that no choice ever hides on its scene's line.
bool opens_out(const ordered_json& v) {
    if (v.is_object()) {
        return v.contains("id");
    }
    return v.is_array() && std::any_of(v.begin(), v.end(),
                                       [](const ordered_json& item) { return opens_out(item); });
}

class Writer {
public:
    std::string out;

    // `prefix` is what precedes the value on its first line ("    \"moves\": ").
    void value(const ordered_json& v, std::size_t indent, std::size_t prefix, bool names) {
        if (!opens_out(v)) {
            const std::string line = one_line(v, names);
            if (prefix + line.size() + 1 <= line_width || !(v.is_object() || v.is_array()) ||
                v.empty()) {
                out += line;
                return;
            }
        }
        if (v.is_object()) {
            out += "{\n";
            const auto items = ordered_items(v, names);
            for (std::size_t i = 0; i < items.size(); ++i) {
                const std::string head =
                    std::string(indent + 2, ' ') + scalar(items[i].first) + ": ";
                out += head;
                value(*items[i].second, indent + 2, head.size(), keyed_by_names(items[i].first));
                out += i + 1 < items.size() ? ",\n" : "\n";
            }
            out += std::string(indent, ' ') + "}";
            return;
        }
        out += "[\n";
        for (std::size_t i = 0; i < v.size(); ++i) {
            out += std::string(indent + 2, ' ');
            value(v[i], indent + 2, indent + 2, false);
            out += i + 1 < v.size() ? ",\n" : "\n";
        }
        out += std::string(indent, ' ') + "]";
    }
};

} // namespace

std::string story_text(const ordered_json& story) {
    Writer writer;
    writer.value(story, 0, 0, false);
    return writer.out + "\n";
}

} // namespace attune
