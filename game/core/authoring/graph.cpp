#include "authoring/graph.h"

#include "model/moves.h"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace attune {

namespace {

using nlohmann::json;

// Colours: red is kept for problems, so no ending or move uses it.
constexpr const char* problem_red = "#d32f2f";
constexpr const char* attuning_green = "#2e7d32";
constexpr const char* misattuning_orange = "#ef6c00";
constexpr const char* mixed_purple = "#6a1b9a";
constexpr const char* neutral_grey = "#757575";

std::string text_at(const json& object, const char* key) {
    if (!object.is_object()) {
        return "";
    }
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

const json& list_at(const json& object, const char* key) {
    static const json empty = json::array();
    if (!object.is_object()) {
        return empty;
    }
    const auto it = object.find(key);
    return it != object.end() && it->is_array() ? *it : empty;
}

MapChoice read_choice(const json& item) {
    MapChoice choice{
        text_at(item, "id"), text_at(item, "text"), {}, text_at(item, "next"), text_at(item, "if")};
    for (const json& move : list_at(item, "moves")) {
        const std::string name = move.is_string() ? move.get<std::string>() : text_at(move, "move");
        choice.moves.push_back(name);
    }
    return choice;
}

void mark_reachable(StoryGraph& map) {
    std::map<std::string, const MapScene*> by_id;
    for (const MapScene& scene : map.scenes) {
        by_id.emplace(scene.id, &scene);
    }
    std::set<std::string> seen{map.start};
    std::vector<std::string> todo{map.start};
    while (!todo.empty()) {
        const auto found = by_id.find(todo.back());
        todo.pop_back();
        for (const MapChoice& choice :
             found == by_id.end() ? std::vector<MapChoice>{} : found->second->choices) {
            if (seen.insert(choice.next).second) {
                todo.push_back(choice.next);
            }
        }
    }
    for (MapScene& scene : map.scenes) {
        scene.reachable = seen.count(scene.id) > 0;
    }
    for (MapEnding& ending : map.endings) {
        ending.reachable = seen.count(ending.id) > 0;
    }
}

// DOT strings: quotes and backslashes escaped, long text cut.
std::string shortened(std::string text, std::size_t limit) {
    return text.size() > limit ? text.substr(0, limit - 3) + "..." : text;
}

std::string quoted(std::string text, std::size_t limit = 80) {
    text = shortened(std::move(text), limit);
    std::string out = "\"";
    for (const char ch : text) {
        if (ch == '"' || ch == '\\') {
            out += '\\';
        }
        out += ch == '\n' ? std::string("\\n") : std::string(1, ch);
    }
    return out + "\"";
}

const char* edge_colour(const MapChoice& choice) {
    bool attuning = false;
    bool misattuning = false;
    for (const std::string& name : choice.moves) {
        const auto move = move_from_name(name);
        attuning |= move && move_kind(*move) == MoveKind::Attuning;
        misattuning |= move && move_kind(*move) == MoveKind::Misattuning;
    }
    return attuning && misattuning ? mixed_purple
           : attuning              ? attuning_green
           : misattuning           ? misattuning_orange
                                   : neutral_grey;
}

const char* ending_fill(const std::string& kind) {
    return kind == "repaired" ? "#c8e6c9" : kind == "ruptured" ? "#cfd8dc" : "#fff3c4";
}

void write_legend(std::string& dot) {
    dot += "  subgraph cluster_legend {\n    label=\"Legend\"; fontsize=10; color=\"#bdbdbd\";\n"
           "    node [shape=plaintext fontsize=9];\n"
           "    legend [label=<<table border=\"0\" cellspacing=\"2\">"
           "<tr><td align=\"left\"><font color=\"" +
           std::string(attuning_green) +
           "\">&#8594; attuning</font></td></tr>"
           "<tr><td align=\"left\"><font color=\"" +
           std::string(misattuning_orange) +
           "\">&#8594; misattuning</font></td></tr>"
           "<tr><td align=\"left\"><font color=\"" +
           std::string(mixed_purple) +
           "\">&#8594; both</font></td></tr>"
           "<tr><td align=\"left\"><font color=\"" +
           std::string(neutral_grey) +
           "\">&#8594; neutral</font></td></tr>"
           "<tr><td align=\"left\">&#8943;&#8594; only if its condition holds</td></tr>"
           "<tr><td align=\"left\" bgcolor=\"#c8e6c9\">repaired ending</td></tr>"
           "<tr><td align=\"left\" bgcolor=\"#fff3c4\">open ending</td></tr>"
           "<tr><td align=\"left\" bgcolor=\"#cfd8dc\">ruptured ending</td></tr>"
           "<tr><td align=\"left\"><font color=\"" +
           std::string(problem_red) +
           "\">unreachable or broken</font></td></tr>"
           "</table>>];\n  }\n";
}

void write_nodes(const StoryGraph& map, std::string& dot) {
    for (const MapScene& scene : map.scenes) {
        const std::string label = scene.title.empty() ? scene.id : scene.id + "\n" + scene.title;
        dot += "  " + quoted(scene.id, 1000) + " [label=" + quoted(label) +
               (scene.id == map.start ? " penwidth=2.5" : "") +
               (scene.reachable ? ""
                                : std::string(" color=\"") + problem_red + "\" fontcolor=\"" +
                                      problem_red + "\" style=\"rounded,dashed\"") +
               "];\n";
    }
    for (const MapEnding& ending : map.endings) {
        dot += "  " + quoted(ending.id, 1000) + " [shape=octagon style=filled fillcolor=\"" +
               ending_fill(ending.kind) +
               "\" label=" + quoted(ending.id + "\n(" + ending.kind + ")") +
               (ending.reachable ? ""
                                 : std::string(" color=\"") + problem_red + "\" fontcolor=\"" +
                                       problem_red + "\"") +
               "];\n";
    }
}

void write_edges(const StoryGraph& map, std::string& dot) {
    std::set<std::string> known;
    for (const MapScene& scene : map.scenes) {
        known.insert(scene.id);
    }
    for (const MapEnding& ending : map.endings) {
        known.insert(ending.id);
    }
    std::set<std::string> missing;
    for (const MapScene& scene : map.scenes) {
        for (const MapChoice& choice : scene.choices) {
            const bool broken = !known.count(choice.next);
            if (broken && missing.insert(choice.next).second) {
                dot += "  " + quoted(choice.next, 1000) +
                       " [label=" + quoted("missing: " + choice.next) + " color=\"" + problem_red +
                       "\" fontcolor=\"" + problem_red + "\" style=dashed];\n";
            }
            // A conditional choice is not always there: dotted, with its condition.
            const std::string label =
                choice.condition.empty()
                    ? quoted(choice.id, 30)
                    : quoted(shortened(choice.id, 30) + "\nif " + shortened(choice.condition, 40),
                             1000);
            const char* style = broken                      ? " style=dashed"
                                : !choice.condition.empty() ? " style=dotted"
                                                            : "";
            dot += "  " + quoted(scene.id, 1000) + " -> " + quoted(choice.next, 1000) +
                   " [label=" + label + " tooltip=" + quoted(choice.text, 200) + " color=\"" +
                   (broken ? problem_red : edge_colour(choice)) + "\" fontcolor=\"" +
                   (broken ? problem_red : neutral_grey) + "\"" + style + "];\n";
        }
    }
}

} // namespace

StoryGraph story_graph(const json& story) {
    StoryGraph map;
    map.title = text_at(story, "title");
    map.start = text_at(story, "start");
    for (const json& item : list_at(story, "scenes")) {
        MapScene scene{text_at(item, "id"), text_at(item, "title"), {}, false};
        for (const json& choice : list_at(item, "choices")) {
            scene.choices.push_back(read_choice(choice));
        }
        map.scenes.push_back(std::move(scene));
    }
    for (const json& item : list_at(story, "endings")) {
        map.endings.push_back(
            {text_at(item, "id"), text_at(item, "title"), text_at(item, "kind"), false});
    }
    mark_reachable(map);
    return map;
}

std::string to_dot(const StoryGraph& map) {
    std::string dot = "digraph story {\n  graph [rankdir=LR label=" + quoted(map.title) +
                      " labelloc=t fontname=\"DejaVu Sans\" fontsize=16];\n"
                      "  node [shape=box style=rounded fontname=\"DejaVu Sans\" fontsize=10];\n"
                      "  edge [fontname=\"DejaVu Sans\" fontsize=8];\n";
    write_legend(dot);
    write_nodes(map, dot);
    write_edges(map, dot);
    return dot + "}\n";
}

} // namespace attune
