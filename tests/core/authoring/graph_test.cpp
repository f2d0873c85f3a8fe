// attune graph: the story map as Graphviz DOT.

#include "authoring/graph.h"
#include "support.h"

namespace attune {

namespace {

nlohmann::json read_json(const std::filesystem::path& path) {
    return nlohmann::json::parse(test::read_text(path));
}

} // namespace

TEST_CASE(
    "graph: scenes, endings by kind, moves by colour, broken links and unreachable scenes in red") {
    nlohmann::json story =
        read_json(test::source_dir() / "tests" / "data" / "stories" / "late-bus.json");
    story["scenes"][1]["choices"][1]["next"] = "nowhere";
    story["scenes"].push_back({{"id", "island"}, {"choices", nlohmann::json::array()}});
    const StoryGraph map = story_graph(story);
    CHECK(map.scenes.size() == 4);
    CHECK_FALSE(map.scenes[3].reachable);
    const std::string dot = to_dot(map);
    CHECK(dot.rfind("digraph story {", 0) == 0);
    CHECK(dot.find("\"text\" -> \"quiet\" [label=\"its-fine\"") != std::string::npos);
    CHECK(dot.find("\"missing: nowhere\"") != std::string::npos);
    CHECK(dot.find("\"island\" [label=\"island\" color=\"#d32f2f\"") != std::string::npos);
    CHECK(dot.find("\"together\" [shape=octagon style=filled fillcolor=\"#c8e6c9\"") !=
          std::string::npos);
    CHECK(dot.find("color=\"#ef6c00\"") != std::string::npos); // misattuning
    CHECK(dot.find("color=\"#2e7d32\"") != std::string::npos); // attuning
    CHECK(to_dot(story_graph(nlohmann::json::array())).find("digraph") ==
          0); // not a story: still no crash
}

TEST_CASE("graph: a small story's whole map, node by node and edge by edge") {
    // Scenes (the start drawn thicker, an unreachable one dashed red), endings by kind,
    // edges coloured by their moves (attuning, misattuning, both, neutral), a broken link.
    const std::string story =
        R"gr({"id": "tiny", "title": "Tiny", "version": "1", "summary": "s", "relationship": "friend", "minutes": 1, "age_band": "all", "author": "tests", "start": "a", "flags": ["f"], "characters": [{"id": "ana", "name": "Ana", "pronouns": "she/her", "role": "friend", "anxiety": 0.3, "avoidance": 0.3, "safety": 50, "distance": 50}], "scenes": [{"id": "a", "title": "The A", "lines": ["Plain.", {"speaker": "ana", "text": "Hi.", "if": "flag.f"}, {"text": "Narrated."}], "choices": [{"id": "go", "text": "Go on.", "moves": [{"move": "ask", "to": "ana"}, {"move": "self_soothe"}], "next": "b"}, {"id": "arrow", "text": "Left -> right", "moves": [{"move": "ask", "to": "ana"}], "if": "flag.f", "effects": {"set": ["f"]}, "next": "end"}, {"id": "pipe", "text": "A | B", "moves": [{"move": "ask", "to": "ana"}], "next": "end"}]}, {"id": "b", "lines": ["B."], "choices": [{"id": "done", "text": "Done.", "moves": [{"move": "ask", "to": "ana"}], "next": "end"}, {"id": "lost", "text": "Lost.", "moves": [{"move": "blame", "to": "ana"}], "next": "nowhere"}]}, {"id": "island", "title": "An island", "lines": ["Alone."], "choices": [{"id": "back", "text": "Back.", "moves": [{"move": "neutral", "to": "ana"}], "next": "a"}, {"id": "mixed", "text": "Mixed \"quote\".", "moves": [{"move": "ask", "to": "ana"}, {"move": "blame", "to": "ana"}], "next": "cold"}]}], "endings": [{"id": "end", "kind": "repaired", "title": "End", "lines": ["Bye."], "reflection": ["Why?"]}, {"id": "cold", "kind": "ruptured", "title": "Cold", "lines": ["."], "reflection": ["?"]}, {"id": "meh", "kind": "open", "title": "Meh", "lines": ["."], "reflection": ["?"]}]})gr";
    const std::string expected = R"gr(digraph story {
  graph [rankdir=LR label="Tiny" labelloc=t fontname="DejaVu Sans" fontsize=16];
  node [shape=box style=rounded fontname="DejaVu Sans" fontsize=10];
  edge [fontname="DejaVu Sans" fontsize=8];
  subgraph cluster_legend {
    label="Legend"; fontsize=10; color="#bdbdbd";
    node [shape=plaintext fontsize=9];
    legend [label=<<table border="0" cellspacing="2"><tr><td align="left"><font color="#2e7d32">&#8594; attuning</font></td></tr><tr><td align="left"><font color="#ef6c00">&#8594; misattuning</font></td></tr><tr><td align="left"><font color="#6a1b9a">&#8594; both</font></td></tr><tr><td align="left"><font color="#757575">&#8594; neutral</font></td></tr><tr><td align="left">&#8943;&#8594; only if its condition holds</td></tr><tr><td align="left" bgcolor="#c8e6c9">repaired ending</td></tr><tr><td align="left" bgcolor="#fff3c4">open ending</td></tr><tr><td align="left" bgcolor="#cfd8dc">ruptured ending</td></tr><tr><td align="left"><font color="#d32f2f">unreachable or broken</font></td></tr></table>>];
  }
  "a" [label="a\nThe A" penwidth=2.5];
  "b" [label="b"];
  "island" [label="island\nAn island" color="#d32f2f" fontcolor="#d32f2f" style="rounded,dashed"];
  "end" [shape=octagon style=filled fillcolor="#c8e6c9" label="end\n(repaired)"];
  "cold" [shape=octagon style=filled fillcolor="#cfd8dc" label="cold\n(ruptured)" color="#d32f2f" fontcolor="#d32f2f"];
  "meh" [shape=octagon style=filled fillcolor="#fff3c4" label="meh\n(open)" color="#d32f2f" fontcolor="#d32f2f"];
  "a" -> "b" [label="go" tooltip="Go on." color="#2e7d32" fontcolor="#757575"];
  "a" -> "end" [label="arrow\nif flag.f" tooltip="Left -> right" color="#2e7d32" fontcolor="#757575" style=dotted];
  "a" -> "end" [label="pipe" tooltip="A | B" color="#2e7d32" fontcolor="#757575"];
  "b" -> "end" [label="done" tooltip="Done." color="#2e7d32" fontcolor="#757575"];
  "nowhere" [label="missing: nowhere" color="#d32f2f" fontcolor="#d32f2f" style=dashed];
  "b" -> "nowhere" [label="lost" tooltip="Lost." color="#d32f2f" fontcolor="#d32f2f" style=dashed];
  "island" -> "a" [label="back" tooltip="Back." color="#757575" fontcolor="#757575"];
  "island" -> "cold" [label="mixed" tooltip="Mixed \"quote\"." color="#6a1b9a" fontcolor="#757575"];
}
)gr";
    CHECK(to_dot(story_graph(nlohmann::json::parse(story))) == expected);
}

} // namespace attune

namespace attune {

TEST_CASE(
    "graph: scenes several choices deep are reachable; a scene only an island leads to is not") {
    // text -> quiet -> deep -> deeper -> cold: each found by following the one before.
    nlohmann::json story =
        read_json(test::source_dir() / "tests" / "data" / "stories" / "late-bus.json");
    story["scenes"][1]["choices"][1]["next"] = "deep";
    story["scenes"].push_back({{"id", "deep"}, {"choices", {{{"id", "on"}, {"next", "deeper"}}}}});
    story["scenes"].push_back({{"id", "deeper"}, {"choices", {{{"id", "out"}, {"next", "cold"}}}}});
    story["scenes"].push_back({{"id", "island"}, {"choices", {{{"id", "to"}, {"next", "shore"}}}}});
    story["scenes"].push_back(
        {{"id", "shore"}, {"choices", {{{"id", "back"}, {"next", "island"}}}}});
    const StoryGraph map = story_graph(story);
    REQUIRE(map.scenes.size() == 7);
    for (const MapScene& scene : map.scenes) {
        CAPTURE(scene.id);
        CHECK(scene.reachable == (scene.id != "island" && scene.id != "shore"));
    }
}

} // namespace attune

namespace attune {

namespace {

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++n;
    }
    return n;
}

} // namespace

TEST_CASE("graph: long labels are cut at their limits, and quotes, backslashes and new lines "
          "escaped") {
    const std::string id30(30, 'c');
    const std::string id31 = std::string(30, 'd') + "e";
    const std::string cond40 = "x == " + std::string(35, '1');
    const std::string cond41 = "y == " + std::string(36, '2');
    const std::string text200(200, 't');
    const std::string text201 = std::string(200, 'u') + "v";
    nlohmann::json story = {
        {"title", std::string(80, 'T')},
        {"start", "a"},
        {"scenes",
         {{{"id", "a"},
           {"title", "Line one\nback\\slash"},
           {"choices",
            {{{"id", id30}, {"text", text200}, {"moves", {"ask"}}, {"next", "gone"}},
             {{"id", id31}, {"text", text201}, {"moves", {"blame"}}, {"next", "gone"}},
             {{"id", "c1"}, {"text", "a"}, {"if", cond40}, {"next", "end"}},
             {{"id", "c2"},
              {"text", "b"},
              {"if", cond41},
              {"moves", {"ask", "neutral"}},
              {"next", "end"}}}}}}},
        {"endings", {{{"id", "end"}, {"kind", "open"}}}},
    };
    std::string dot = to_dot(story_graph(story));
    CHECK(dot.find("label=\"" + std::string(80, 'T') + "\" labelloc") != std::string::npos);
    CHECK(dot.find("\"a\" [label=\"a\\nLine one\\nback\\\\slash\" penwidth=2.5];") !=
          std::string::npos);
    // Two links to one missing scene: one "missing" node, two dashed red edges.
    CHECK(count_of(dot, "\"gone\" [label=\"missing: gone\"") == 1);
    CHECK(count_of(dot, "-> \"gone\"") == 2);
    CHECK(dot.find("[label=\"" + id30 + "\" tooltip=\"" + text200 + "\" color=\"#d32f2f\"") !=
          std::string::npos);
    CHECK(dot.find("[label=\"" + std::string(27, 'd') + "...\" tooltip=\"" + std::string(197, 'u') +
                   "...\" color") != std::string::npos);
    CHECK(dot.find("[label=\"c1\\nif " + cond40 + "\" tooltip=\"a\" color=\"#757575\"") !=
          std::string::npos);
    CHECK(dot.find("[label=\"c2\\nif " + cond41.substr(0, 37) + "...\" tooltip=\"b\" color=\"" +
                   "#2e7d32\" fontcolor=\"#757575\" style=dotted];") != std::string::npos);

    story["title"] = std::string(81, 'T');
    dot = to_dot(story_graph(story));
    CHECK(dot.find("label=\"" + std::string(77, 'T') + "...\" labelloc") != std::string::npos);
}

TEST_CASE("graph: moves written as names colour their edges as moves written in full do") {
    const nlohmann::json story = {
        {"start", "a"},
        {"scenes",
         {{{"id", "a"},
           {"choices",
            {{{"id", "kind"}, {"next", "a"}, {"moves", {"validate"}}},
             {{"id", "harsh"}, {"next", "a"}, {"moves", {{{"move", "criticize"}}}}},
             {{"id", "both"}, {"next", "a"}, {"moves", {"criticize", {{"move", "reflect"}}}}},
             {{"id", "unknown"}, {"next", "a"}, {"moves", {"shrug", 7}}}}}}}},
    };
    const StoryGraph map = story_graph(story);
    REQUIRE(map.scenes.size() == 1);
    REQUIRE(map.scenes[0].choices.size() == 4);
    CHECK(map.scenes[0].choices[0].moves == std::vector<std::string>{"validate"});
    CHECK(map.scenes[0].choices[2].moves == std::vector<std::string>{"criticize", "reflect"});
    CHECK(map.scenes[0].choices[3].moves == std::vector<std::string>{"shrug", ""});
    const std::string dot = to_dot(map);
    CHECK(dot.find("[label=\"kind\" tooltip=\"\" color=\"#2e7d32\"") != std::string::npos);
    CHECK(dot.find("[label=\"harsh\" tooltip=\"\" color=\"#ef6c00\"") != std::string::npos);
    CHECK(dot.find("[label=\"both\" tooltip=\"\" color=\"#6a1b9a\"") != std::string::npos);
    CHECK(dot.find("[label=\"unknown\" tooltip=\"\" color=\"#757575\"") != std::string::npos);
}

} // namespace attune
