#pragma once
// attune graph: the story map as Graphviz DOT. It reads the story's JSON leniently rather
// than the loaded Story, so a story with broken links still gets a map that shows them.

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace attune {

struct MapChoice {
    std::string id;
    std::string text;
    std::vector<std::string> moves;
    std::string next;
    std::string condition; ///< its "if", when it has one: drawn dotted, labelled "if ..."
};

struct MapScene {
    std::string id;
    std::string title;
    std::vector<MapChoice> choices;
    bool reachable = false;
};

struct MapEnding {
    std::string id;
    std::string title;
    std::string kind;
    bool reachable = false;
};

/// What the map draws: scenes, endings and the choices between them.
struct StoryGraph {
    std::string title;
    std::string start;
    std::vector<MapScene> scenes;
    std::vector<MapEnding> endings;
};

/// Reads whatever of the story is well formed; marks what the start can reach.
StoryGraph story_graph(const nlohmann::json& story);

/// The map in Graphviz DOT: scenes as boxes, endings coloured by kind, choices as arrows
/// coloured by move kind (dotted, with their condition, when they have an "if"),
/// unreachable scenes and broken links in red, with a legend.
std::string to_dot(const StoryGraph& map);

} // namespace attune
